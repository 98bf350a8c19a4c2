import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { Jurisdiction } from '../../../shared/documents/citable-law';
import type { LawEntry } from '../../../shared/toolkit/law';
import { JURISDICTION_LABELS, KIND_LABELS } from '../../../shared/toolkit/law';
import { call } from '../api/client';
import { Notice } from '../ui/notice';
import { Page } from '../ui/page';
import { longDate } from '../../../shared/documents/placeholders';
import { errorText } from '../ui/errors';
import { OpenLinkDialog } from '../ui/external-link';
import { toolkitKeys } from './queries';

function Entry({ e, nested }: { e: LawEntry; nested?: boolean }) {
  const Heading = nested ? 'h4' : 'h3';
  return (
    <article className={`law-entry${nested ? ' nested' : ''}`} aria-labelledby={`law-${e.id}`}>
      <Heading id={`law-${e.id}`} className="resource-title">
        {e.title}
      </Heading>
      <p className="resource-meta">
        {KIND_LABELS[e.kind]} · {e.jurisdiction.map((j) => JURISDICTION_LABELS[j]).join(', ')} · Reviewed {longDate(e.reviewed)}
      </p>
      <p>{e.summary}</p>
      <p className="muted">
        {e.citedBy.length > 0 ? `Cited in: ${e.citedBy.map((t) => t.title).join(', ')}` : 'Not cited in any built-in template.'}
      </p>
    </article>
  );
}

export function LawScreen() {
  const law = useQuery({ queryKey: toolkitKeys.law(), queryFn: () => call('toolkit.law.list', {}) });
  const [where, setWhere] = useState<Jurisdiction | ''>('');
  // The address of the Act being opened.
  const [opening, setOpening] = useState<string | null>(null);
  const entries =
    law.data?.entries.filter((e) => where === '' || e.jurisdiction.includes(where) || e.jurisdiction.includes('uk')) ?? [];
  const top = entries.filter((e) => e.parent === null);
  return (
    <Page title="Law and guidance">
      <p className="lede">
        The Acts, provisions and statutory guidance Concordat’s templates may cite, each with what it means for a partnership in
        two sentences and the templates that cite it.
      </p>
      {law.isError ? <Notice tone="error">{errorText(law.error)}</Notice> : null}
      <div className="filters">
        <div className="field">
          <label htmlFor="law-where">Where it applies</label>
          <select id="law-where" value={where} onChange={(e) => setWhere(e.target.value as Jurisdiction | '')}>
            <option value="">Everywhere in the UK</option>
            {(['england', 'wales', 'scotland', 'northern-ireland'] as const).map((j) => (
              <option key={j} value={j}>
                {JURISDICTION_LABELS[j]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <section aria-label="Law and guidance Concordat cites" className="law-list">
        {top.map((e) => (
          <div key={e.id} className="resource">
            <Entry e={e} />
            {entries
              .filter((p) => p.parent === e.id)
              .map((p) => (
                <Entry key={p.id} e={p} nested />
              ))}
          </div>
        ))}
      </section>
      <section aria-labelledby="other-acts">
        <h2 id="other-acts">Other Acts in the library</h2>
        <p className="muted">Listed by the public toolkit; Concordat gives no summary of these.</p>
        <ul className="plain-list">
          {law.data?.otherActs.map((a) => (
            <li key={a.resourceId}>
              <Button className="link-button" onPress={() => setOpening(a.url)}>
                {a.title}
              </Button>
            </li>
          ))}
        </ul>
      </section>
      <OpenLinkDialog url={opening} onClose={() => setOpening(null)} />
    </Page>
  );
}
