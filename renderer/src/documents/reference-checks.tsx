import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { StaleFinding } from '../../../shared/documents/stale-references';
import { call } from '../api/client';
import { FileButton } from '../ui/file-button';
import { Notice } from '../ui/notice';
import { EmptyState, Page } from '../ui/page';
import { DocumentsTabs } from './tabs';
import { StatusBadge } from './status-badge';
import { errorWithDetails } from '../ui/errors';
import { StaleList } from './stale-notice';
import { documentKeys } from './queries';

/** Bytes as base64, in chunks so a large file does not overflow the call stack. */
function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(out);
}

type WordResult = { name: string; paragraphs: number; findings: StaleFinding[] };

/** Out-of-date references: in stored documents, and in a Word document the person picks (read in main, kept nowhere). */
export function ReferenceChecks() {
  const stored = useQuery({ queryKey: documentKeys.checksStored(), queryFn: () => call('documents.checks.stored', {}) });
  const [word, setWord] = useState<WordResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const checkWord = async (f: File) => {
    setBusy(true);
    setError(null);
    setWord(null);
    try {
      const bytes = new Uint8Array(await f.arrayBuffer());
      setWord(await call('documents.checks.word', { name: f.name.slice(0, 200), base64: toBase64(bytes) }));
    } catch (e) {
      setError(errorWithDetails(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page
      title="Reference checks"
      actions={
        <FileButton
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          inputLabel="Word document to check"
          className="button primary"
          isDisabled={busy}
          onFile={(f) => void checkWord(f)}
        >
          Check a Word document…
        </FileButton>
      }
    >
      <DocumentsTabs />
      <p className="help">
        Finds references that are out of date: the Data Protection Act 1998, retired markings such as RESTRICTED, GSI and GCSX
        addresses, and bodies that were renamed or abolished, each with the wording to use instead. A Word document you check is
        read and then forgotten: Concordat keeps no copy.
      </p>
      {busy ? <p role="status">Reading the document…</p> : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      {word ? (
        <section className="section-box" aria-labelledby="word-check-heading">
          <h2 id="word-check-heading">{word.name}</h2>
          {word.findings.length === 0 ? (
            <p role="status">No out-of-date references found in {word.paragraphs} paragraphs.</p>
          ) : (
            <>
              <p role="status">
                {word.findings.length === 1 ? 'One reference' : `${word.findings.length} references`} in {word.paragraphs}{' '}
                paragraphs look out of date.
              </p>
              <StaleList findings={word.findings} showWhere />
            </>
          )}
        </section>
      ) : null}
      <section aria-labelledby="stored-check-heading">
        <h2 id="stored-check-heading">Your documents</h2>
        {stored.isError ? <Notice tone="error">{errorWithDetails(stored.error)}</Notice> : null}
        {stored.isSuccess && stored.data.length === 0 ? (
          <EmptyState title="No out-of-date references">
            <p>None of your current documents cites anything on the list of retired law, markings or bodies.</p>
          </EmptyState>
        ) : null}
        {stored.data?.map((d) => (
          <article key={d.id} className="section-box" aria-labelledby={`stale-doc-${d.id}`}>
            <h3 id={`stale-doc-${d.id}`}>
              <a href={`#/documents/${d.id}`}>{d.title}</a> <StatusBadge status={d.status} /> version {d.versionLabel}
            </h3>
            <StaleList findings={d.findings} showWhere />
          </article>
        ))}
      </section>
    </Page>
  );
}
