import type { StaleFinding } from '../../../shared/documents/stale-references';

/** Out-of-date references, each with the wording to use instead. Beside a field, in the agree dialog and in checks. */
export function StaleList({ findings, showWhere }: { findings: readonly StaleFinding[]; showWhere?: boolean }) {
  return (
    <ul className="stale-list">
      {findings.map((f, i) => (
        <li key={`${f.ruleId}-${f.index}-${i}`}>
          {showWhere && f.where ? <span className="stale-where">{f.where}: </span> : null}
          <strong>“{f.found}”</strong>. {f.message} <span className="stale-suggestion">Use instead: {f.suggestion}.</span>
        </li>
      ))}
    </ul>
  );
}

/** The notice beside a text field as the person types. */
export function StaleNotice({ id, findings }: { id: string; findings: readonly StaleFinding[] }) {
  if (findings.length === 0) return null;
  return (
    <div className="stale-notice" id={id} role="note" aria-label="Out-of-date references">
      <p>{findings.length === 1 ? 'This looks out of date:' : `${findings.length} references here look out of date:`}</p>
      <StaleList findings={findings} />
    </div>
  );
}
