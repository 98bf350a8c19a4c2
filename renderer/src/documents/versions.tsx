import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { DiffPart, DocumentDetail, VersionSummary } from '../../../shared/contract/documents';
import { call } from '../api/client';
import { completeSave } from '../api/download';
import { RecordTable } from '../ui/data-table';
import { DialogActions, ModalDialog } from '../ui/dialog';
import { errorWithDetails } from '../ui/errors';
import { ukDate } from '../ui/format';
import { Notice } from '../ui/notice';
import { DocumentPreview } from './preview';
import { documentKeys } from './queries';

function Diff({ parts }: { parts: DiffPart[] }) {
  return (
    <div className="diff" aria-label="Differences" tabIndex={0}>
      {parts.map((p, i) =>
        p.added ? <ins key={i}>{p.value}</ins> : p.removed ? <del key={i}>{p.value}</del> : <span key={i}>{p.value}</span>,
      )}
    </div>
  );
}

/** A dialog over the editor, closed by Escape, a click outside or its Close button. */
function VersionDialog({
  title,
  isOpen,
  onClose,
  children,
}: {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <ModalDialog title={title} isOpen={isOpen} onClose={onClose} wide>
      {children}
      <DialogActions>
        <Button className="button" onPress={onClose}>
          Close
        </Button>
      </DialogActions>
    </ModalDialog>
  );
}

type Comparing = { from: number; to: number | 'current' };

/** The document's agreed versions: each can be read, exported again, or compared with the one before or the current text. */
export function Versions({
  doc,
  onMessage,
}: {
  doc: DocumentDetail;
  onMessage: (m: { tone: 'error' | 'success'; text: string }) => void;
}) {
  const versions = useQuery({
    queryKey: documentKeys.versions(doc.id, doc.versions),
    queryFn: () => call('documents.versions.list', { id: doc.id }),
  });
  const [viewing, setViewing] = useState<number | null>(null);
  const [comparing, setComparing] = useState<Comparing | null>(null);
  const version = useQuery({
    queryKey: documentKeys.version(doc.id, viewing),
    queryFn: () => call('documents.versions.get', { id: doc.id, number: viewing! }),
    enabled: viewing !== null,
  });
  const diff = useQuery({
    queryKey: documentKeys.diff(doc.id, comparing, doc.revision),
    queryFn: () => call('documents.versions.diff', { id: doc.id, ...comparing! }),
    enabled: comparing !== null,
  });
  const exportVersion = async (number: number, publicSafe: boolean) => {
    try {
      const r = await call('documents.export', { id: doc.id, version: number, publicSafe });
      onMessage({ tone: 'success', text: completeSave(r.outcome) });
    } catch (e) {
      onMessage({ tone: 'error', text: errorWithDetails(e) });
    }
  };
  const list = versions.data ?? [];
  if (list.length === 0) return <p className="help">No agreed versions yet. Agreeing the document freezes a numbered version.</p>;
  const actions = (v: VersionSummary, i: number) => {
    const previous = list[i + 1];
    return [
      { text: 'View', name: `View version ${v.label}`, run: () => setViewing(v.number) },
      { text: 'Export', name: `Export version ${v.label} to Word`, run: () => void exportVersion(v.number, false) },
      {
        text: 'Public-safe',
        name: `Export version ${v.label} to public-safe Word`,
        run: () => void exportVersion(v.number, true),
      },
      ...(previous
        ? [
            {
              text: 'Compare with previous',
              name: `Compare version ${v.label} with version ${previous.label}`,
              run: () => setComparing({ from: previous.number, to: v.number }),
            },
          ]
        : []),
      {
        text: 'Compare with current',
        name: `Compare version ${v.label} with the current text`,
        run: () => setComparing({ from: v.number, to: 'current' }),
      },
    ];
  };
  return (
    <>
      <RecordTable
        label="Agreed versions, newest first"
        caption={<span className="help">Agreed versions, newest first</span>}
        className="data-table versions-table"
        rows={list.map((v, i) => ({ v, i }))}
        rowKey={({ v }) => v.number}
        columns={[
          { key: 'version', label: 'Version', render: ({ v }) => v.label },
          { key: 'agreed', label: 'Agreed', render: ({ v }) => `${ukDate(v.agreedAt)} by ${v.agreedBy}` },
          { key: 'note', label: 'Note', render: ({ v }) => v.note },
          {
            key: 'actions',
            label: 'Actions',
            render: ({ v, i }) => (
              <div className="toolbar">
                {actions(v, i).map((a) => (
                  <Button key={a.text} className="button small" onPress={a.run} aria-label={a.name}>
                    {a.text}
                  </Button>
                ))}
              </div>
            ),
          },
        ]}
      />
      <VersionDialog
        title={version.data ? `Version ${version.data.label}` : 'Version'}
        isOpen={viewing !== null}
        onClose={() => setViewing(null)}
      >
        {version.data ? <DocumentPreview tree={version.data.tree} label={`Version ${version.data.label}`} /> : <p>Loading…</p>}
      </VersionDialog>
      <VersionDialog title="Compare versions" isOpen={comparing !== null} onClose={() => setComparing(null)}>
        <p className="help">Removed text is struck through on red; added text is underlined on green.</p>
        {diff.data ? (
          <Diff parts={diff.data} />
        ) : diff.isError ? (
          <Notice tone="error">{errorWithDetails(diff.error)}</Notice>
        ) : (
          <p>Comparing…</p>
        )}
      </VersionDialog>
    </>
  );
}
