/**
 * A red, amber or green status (or none yet) shown as words and colour together, never colour
 * alone: the plans' indicators and the toolkit's checklist evidence share it. `hiddenPrefix` is
 * read out before the words ("Status: On track") where the badge stands alone in a row.
 */
export function RagBadge({ status, label, hiddenPrefix }: { status: string; label: string; hiddenPrefix?: string }) {
  return (
    <span className={`rag rag-${status}`}>
      {hiddenPrefix ? <span className="visually-hidden">{hiddenPrefix}</span> : null}
      {label}
    </span>
  );
}
