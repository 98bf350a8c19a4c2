import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { DiffPart, DocumentDetail, DocumentStatus } from '../../../shared/contract/documents';
import { EDITABLE, STATUS_LABELS } from '../../../shared/contract/documents';
import { documentGaps, reviewCycleField, reviewDateFor } from '../../../shared/documents/gaps';
import { applyDefaults } from '../../../shared/documents/defaults';
import { defaultsFor, missingRequired, resolve } from '../../../shared/documents/resolve';
import { staleInTree } from '../../../shared/documents/stale-references';
import type { ProtectiveMarking } from '../../../shared/markings';
import { PROTECTIVE_MARKINGS } from '../../../shared/markings';
import { ApiError, call } from '../api/client';
import { completeSave } from '../api/download';
import { Notice, useMessage } from '../ui/notice';
import { Page } from '../ui/page';
import { DateField } from '../ui/date-field';
import { useLeaveGuard } from '../ui/leave-guard';
import { useShortcut } from '../ui/shortcuts';
import { navigate } from '../ui/router';
import { ConfirmDialog, ModalDialog } from '../ui/dialog';
import { DocumentsTabs } from './tabs';
import { StatusBadge } from './status-badge';
import { errorWithDetails } from '../ui/errors';
import { previewContext, useContextDefaults, useDirectoryCache, usePartnership } from './directory-cache';
import { documentKeys } from './queries';
import { useChangeStatus, useSign } from './mutations';
import { ukDate } from '../ui/format';
import { FillExamplesButton } from './fill-examples';
import { GuidedForm } from './form';
import { DocumentPreview } from './preview';
import { StaleList } from './stale-notice';
import { StillNeeded } from './still-needed';
import { TemplateRevisionNotice } from './template-revision';

type Values = Record<string, unknown>;
type Draft = { title: string; values: Values; reviewDate: string | null; marking: ProtectiveMarking };
type SaveState = 'saved' | 'unsaved' | 'saving' | 'error';

const AUTOSAVE_MS = 700;

const ACTIONS: Partial<Record<DocumentStatus, { to: DocumentStatus; label: string; confirm: string; danger?: boolean }[]>> = {
  draft: [
    // Reversible (Back to draft) and the document stays editable, so it needs no confirmation.
    { to: 'in_review', label: 'Send for review', confirm: '' },
    {
      to: 'withdrawn',
      label: 'Withdraw',
      confirm: 'Withdraw this document? A withdrawn document cannot be edited or agreed again.',
      danger: true,
    },
  ],
  in_review: [
    { to: 'draft', label: 'Back to draft', confirm: 'Return this document to draft?' },
    { to: 'agreed', label: 'Agree…', confirm: '' },
    {
      to: 'withdrawn',
      label: 'Withdraw',
      confirm: 'Withdraw this document? A withdrawn document cannot be edited or agreed again.',
      danger: true,
    },
  ],
  agreed: [
    {
      to: 'draft',
      label: 'Start a revision',
      confirm: 'Start a revision? The agreed version stays in the versions list; the new draft is numbered from it.',
    },
    {
      to: 'superseded',
      label: 'Mark superseded',
      confirm: 'Mark this document as superseded by a newer one? This cannot be undone.',
      danger: true,
    },
    { to: 'withdrawn', label: 'Withdraw', confirm: 'Withdraw this agreed document? This cannot be undone.', danger: true },
  ],
};

function Diff({ parts }: { parts: DiffPart[] }) {
  return (
    <div className="diff" aria-label="Differences" tabIndex={0}>
      {parts.map((p, i) =>
        p.added ? <ins key={i}>{p.value}</ins> : p.removed ? <del key={i}>{p.value}</del> : <span key={i}>{p.value}</span>,
      )}
    </div>
  );
}

function Versions({
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
  const [comparing, setComparing] = useState<{ from: number; to: number | 'current' } | null>(null);
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
  if (!versions.data?.length)
    return <p className="help">No agreed versions yet. Agreeing the document freezes a numbered version.</p>;
  return (
    <>
      <table className="data-table">
        <caption className="help" style={{ textAlign: 'left' }}>
          Agreed versions, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Agreed</th>
            <th scope="col">Note</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {versions.data.map((v, i) => (
            <tr key={v.number}>
              <td>{v.label}</td>
              <td>
                {ukDate(v.agreedAt)} by {v.agreedBy}
              </td>
              <td>{v.note}</td>
              <td>
                <div className="field-row">
                  <button
                    type="button"
                    className="small-button"
                    onClick={() => setViewing(v.number)}
                    aria-label={`View version ${v.label}`}
                  >
                    View
                  </button>
                  <button
                    type="button"
                    className="small-button"
                    onClick={() => void exportVersion(v.number, false)}
                    aria-label={`Export version ${v.label} to Word`}
                  >
                    Export
                  </button>
                  <button
                    type="button"
                    className="small-button"
                    onClick={() => void exportVersion(v.number, true)}
                    aria-label={`Export version ${v.label} to public-safe Word`}
                  >
                    Public-safe
                  </button>
                  {versions.data[i + 1] ? (
                    <button
                      type="button"
                      className="small-button"
                      onClick={() => setComparing({ from: versions.data[i + 1]!.number, to: v.number })}
                      aria-label={`Compare version ${v.label} with version ${versions.data[i + 1]!.label}`}
                    >
                      Compare with previous
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="small-button"
                    onClick={() => setComparing({ from: v.number, to: 'current' })}
                    aria-label={`Compare version ${v.label} with the current text`}
                  >
                    Compare with current
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ModalDialog
        title={version.data ? `Version ${version.data.label}` : 'Version'}
        isOpen={viewing !== null}
        onClose={() => setViewing(null)}
        wide
      >
        {version.data ? <DocumentPreview tree={version.data.tree} label={`Version ${version.data.label}`} /> : <p>Loading…</p>}
        <div className="form-actions" style={{ marginTop: 12 }}>
          <Button className="button" onPress={() => setViewing(null)}>
            Close
          </Button>
        </div>
      </ModalDialog>
      <ModalDialog title="Compare versions" isOpen={comparing !== null} onClose={() => setComparing(null)} wide>
        <p className="help">Removed text is struck through on red; added text is underlined on green.</p>
        {diff.data ? (
          <Diff parts={diff.data} />
        ) : diff.isError ? (
          <Notice tone="error">{errorWithDetails(diff.error)}</Notice>
        ) : (
          <p>Comparing…</p>
        )}
        <div className="form-actions" style={{ marginTop: 12 }}>
          <Button className="button" onPress={() => setComparing(null)}>
            Close
          </Button>
        </div>
      </ModalDialog>
    </>
  );
}

export function DocumentEditor({ id }: { id: number }) {
  const queryClient = useQueryClient();
  const doc = useQuery({ queryKey: documentKeys.detail(id), queryFn: () => call('documents.get', { id }) });
  const partnership = usePartnership();
  // Edits; null until the first change, so the form shows what is stored.
  const [edited, setDraft] = useState<Draft | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [message, setMessage] = useMessage(id);
  const [confirm, setConfirm] = useState<{ to: DocumentStatus; label: string; confirm: string; danger?: boolean } | null>(null);
  const [agreeOpen, setAgreeOpen] = useState(false);
  const [agreeNote, setAgreeNote] = useState('');
  const [agreedBy, setAgreedBy] = useState('');
  const [ackStale, setAckStale] = useState(false);
  const revision = useRef(0);
  const pending = useRef<Draft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const stored = doc.data;
  const draft = useMemo<Draft | null>(
    () =>
      edited ??
      (stored ? { title: stored.title, values: stored.values, reviewDate: stored.reviewDate, marking: stored.marking } : null),
    [edited, stored],
  );
  useEffect(() => {
    if (stored && edited === null) revision.current = stored.revision;
  }, [stored, edited]);

  const editable = doc.data ? EDITABLE.includes(doc.data.status) : false;

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const next = pending.current;
    if (!next) return;
    pending.current = null;
    setSaveState('saving');
    try {
      const r = await call('documents.update', {
        id,
        revision: revision.current,
        title: next.title.trim() || 'Untitled document',
        values: next.values,
        reviewDate: next.reviewDate || null,
        marking: next.marking,
      });
      revision.current = r.revision;
      setSaveState(pending.current ? 'unsaved' : 'saved');
      void queryClient.invalidateQueries({ queryKey: documentKeys.list() });
    } catch (e) {
      pending.current ??= next;
      setSaveState('error');
      setMessage({ tone: 'error', text: `Not saved: ${errorWithDetails(e)}` });
    }
  }, [id, queryClient, setMessage]);

  const change = (next: Draft) => {
    setDraft(next);
    pending.current = next;
    setSaveState('unsaved');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
  };

  // Leaving the screen saves what was typed rather than dropping it.
  useEffect(
    () => () => {
      void flush();
    },
    [flush],
  );
  useLeaveGuard(saveState === 'unsaved' || saveState === 'saving' || saveState === 'error', { inApp: false });
  useShortcut('s', () => void flush(), editable);

  const template = doc.data?.template;
  const deferredValues = useDeferredValue(draft?.values ?? {});
  const contextDefaults = useContextDefaults(id, partnership.data?.coordinatorPersonId);
  // The directory entries to look up include those the defaults name (the coordinator).
  const lookupValues = useMemo(
    () =>
      template
        ? applyDefaults(template, deferredValues, { organisations: new Map(), contacts: new Map(), context: contextDefaults })
        : deferredValues,
    [template, deferredValues, contextDefaults],
  );
  const dir = useDirectoryCache(template, lookupValues);
  const deferredTitle = useDeferredValue(draft?.title ?? '');
  const tree = useMemo(() => {
    if (!template || !doc.data || !draft) return null;
    return resolve(
      template,
      deferredValues,
      previewContext(
        partnership.data,
        {
          title: deferredTitle,
          version: doc.data.versionLabel,
          marking: draft.marking,
          reviewDate: draft.reviewDate,
          status: STATUS_LABELS[doc.data.status],
        },
        dir,
        contextDefaults,
      ),
    );
  }, [template, doc.data, draft, deferredValues, deferredTitle, partnership.data, dir, contextDefaults]);

  // What main answers is the stored document: later autosaves are based on its revision.
  const adopt = (d: DocumentDetail) => {
    revision.current = d.revision;
  };

  const status = useChangeStatus(id, {
    first: flush,
    onSuccess: (d) => {
      adopt(d);
      setMessage({
        tone: 'success',
        text: `The document is now ${STATUS_LABELS[d.status].toLowerCase()}${d.status === 'agreed' ? ` as version ${d.versionLabel}` : ''}.`,
      });
      setAgreeOpen(false);
    },
    onError: (e) => setMessage({ tone: 'error', text: errorWithDetails(e) }),
  });
  const changeStatus = (to: DocumentStatus) =>
    status.mutate(
      to === 'agreed'
        ? { to, note: agreeNote, agreedBy: agreedBy || undefined, acknowledgeStale: ackStale }
        : { to: to as 'draft' | 'in_review' | 'superseded' | 'withdrawn' },
    );

  const exportDoc = useCallback(
    async (publicSafe: boolean) => {
      await flush();
      try {
        const r = await call('documents.export', { id, publicSafe });
        const removed =
          r.removedCharacters > 0
            ? ` ${r.removedCharacters} character${r.removedCharacters === 1 ? '' : 's'} that Word cannot store (invisible control characters) were left out.`
            : '';
        setMessage({ tone: 'success', text: `${completeSave(r.outcome)}${removed}` });
      } catch (e) {
        setMessage({ tone: 'error', text: errorWithDetails(e) });
      }
    },
    [flush, id, setMessage],
  );
  useShortcut('e', () => void exportDoc(false));

  const sign = useSign(id, {
    onSuccess: adopt,
    onError: (e) => setMessage({ tone: 'error', text: errorWithDetails(e) }),
  });

  if (doc.isError)
    return (
      <Page title="Document">
        <DocumentsTabs />
        <Notice tone="error">{doc.error instanceof ApiError ? doc.error.message : 'Could not open the document.'}</Notice>
      </Page>
    );
  if (!doc.data || !draft || !template) return <Page title="Document">Loading…</Page>;
  const d = doc.data;
  // What stops agreeing: required fields, and every gap the resolved document still shows (switched-off blocks do not count).
  const defaults = defaultsFor({ directory: dir, defaults: contextDefaults, document: { date: contextDefaults.date ?? '' } });
  const missing = [
    ...new Set([...missingRequired(template, draft.values, defaults), ...(tree ? documentGaps(tree).map((g) => g.label) : [])]),
  ];
  const filled = applyDefaults(template, draft.values, defaults);
  const stale = tree ? staleInTree(tree) : [];
  const cycleField = reviewCycleField(template);
  const today = new Date().toISOString().slice(0, 10);
  const cycleDate = cycleField ? reviewDateFor(template, filled, today, null) : null;
  const saveLabel = { saved: 'All changes saved', unsaved: 'Unsaved changes…', saving: 'Saving…', error: 'Not saved' }[saveState];

  return (
    <Page
      title={draft.title || 'Untitled document'}
      actions={
        <>
          <span className="save-state" role="status" aria-live="polite">
            {editable ? saveLabel : `${STATUS_LABELS[d.status]}: read only`}
          </span>
          {(ACTIONS[d.status] ?? []).map((a) => (
            <Button
              key={a.to}
              className={`button${a.to === 'agreed' ? ' primary' : ''}${a.danger ? ' danger' : ''}`}
              isDisabled={status.isPending}
              onPress={() => (a.to === 'agreed' ? setAgreeOpen(true) : a.confirm ? setConfirm(a) : changeStatus(a.to))}
            >
              {a.label}
            </Button>
          ))}
          <Button className="button" onPress={() => void exportDoc(false)}>
            Export to Word
          </Button>
          <Button className="button" onPress={() => void exportDoc(true)}>
            Export public-safe Word
          </Button>
        </>
      }
    >
      <DocumentsTabs />
      <p className="help">
        <StatusBadge status={d.status} /> Version {d.versionLabel} · from the template “{d.templateTitle}” ·{' '}
        <a href="#/documents">Back to all documents</a>
      </p>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <TemplateRevisionNotice id={d.id} templateTitle={d.templateTitle} />
      <div className="editor-layout">
        <form className="editor-form" aria-label="Document form" onSubmit={(e) => e.preventDefault()}>
          <div className="guidance-box">{template.guidance}</div>
          <fieldset>
            <legend>Document</legend>
            <div className="field">
              <label htmlFor="doc-title">
                Title{' '}
                <span className="required" aria-hidden="true">
                  *
                </span>
              </label>
              <input
                id="doc-title"
                aria-required
                value={draft.title}
                readOnly={!editable}
                maxLength={200}
                onChange={(e) => change({ ...draft, title: e.target.value })}
              />
            </div>
            <div className="field-row">
              <DateField
                label="Review date"
                isReadOnly={!editable || cycleDate !== null}
                value={(cycleDate && editable ? cycleDate : draft.reviewDate) ?? ''}
                onChange={(iso) => change({ ...draft, reviewDate: iso || null })}
                {...(cycleField
                  ? {
                      description: cycleDate
                        ? `Follows from “${cycleField.label}”, counted from the day the document is agreed.`
                        : `Choose “${cycleField.label}” and the review date follows from it.`,
                    }
                  : {})}
              />
              <div className="field">
                <label htmlFor="doc-marking">Protective marking</label>
                <select
                  id="doc-marking"
                  disabled={!editable}
                  value={draft.marking}
                  onChange={(e) => change({ ...draft, marking: e.target.value as ProtectiveMarking })}
                >
                  {PROTECTIVE_MARKINGS.map((m) => (
                    <option key={m}>{m}</option>
                  ))}
                </select>
              </div>
            </div>
            {editable ? (
              <FillExamplesButton template={template} values={draft.values} onFill={(values) => change({ ...draft, values })} />
            ) : null}
            <StillNeeded template={template} missing={missing} />
          </fieldset>
          <GuidedForm
            template={template}
            values={draft.values}
            filled={filled}
            onChange={(values) => change({ ...draft, values })}
            dir={dir}
            readOnly={!editable}
          />
          {d.signatories.length > 0 ? (
            <section className="section-box" aria-labelledby="signed-heading">
              <h2 id="signed-heading">Signatures received</h2>
              <p className="help">Record the date each signatory signed. The dates appear in the signature table.</p>
              {d.signatories.map((s) => {
                const c = dir.contacts.get(s.contactId);
                const who = c ? `${c.name} (${c.organisation})` : `Contact ${s.contactId}`;
                return (
                  <DateField
                    key={s.contactId}
                    label={`Date signed by ${who}`}
                    value={s.signedOn ?? ''}
                    isReadOnly={d.status === 'superseded' || d.status === 'withdrawn'}
                    onChange={(iso) => sign.mutate({ contactId: s.contactId, signedOn: iso || null })}
                  />
                );
              })}
            </section>
          ) : null}
          <section className="section-box" aria-labelledby="versions-heading">
            <h2 id="versions-heading">Versions</h2>
            <Versions doc={d} onMessage={setMessage} />
          </section>
        </form>
        <div className="editor-preview" tabIndex={0} role="region" aria-label="Preview pane">
          {tree ? <DocumentPreview tree={tree} /> : null}
        </div>
      </div>
      <ConfirmDialog
        title={confirm?.label.replace('…', '') ?? ''}
        isOpen={confirm !== null}
        onClose={() => setConfirm(null)}
        onConfirm={() => confirm && changeStatus(confirm.to)}
        confirmLabel={confirm?.label ?? ''}
        danger={confirm?.danger}
      >
        <p>{confirm?.confirm}</p>
      </ConfirmDialog>
      <ModalDialog title="Agree this document" isOpen={agreeOpen} onClose={() => setAgreeOpen(false)}>
        <p>
          Agreeing freezes version {Number(d.versionLabel.split('.')[0]) + 1}.0 exactly as it reads now. Later changes need a
          revision.
        </p>
        {missing.length > 0 ? (
          <Notice tone="error">Fill these in first; the document still shows them as not yet given: {missing.join(', ')}.</Notice>
        ) : null}
        {stale.length > 0 ? (
          <section className="stale-notice" aria-labelledby="agree-stale-heading">
            <h3 id="agree-stale-heading">
              {stale.length === 1 ? 'One reference looks out of date' : `${stale.length} references look out of date`}
            </h3>
            <StaleList findings={stale} showWhere />
            <label className="checkbox">
              <input type="checkbox" checked={ackStale} onChange={(e) => setAckStale(e.target.checked)} /> I have checked these
              and want to agree the document as it reads
            </label>
          </section>
        ) : null}
        <div className="field">
          <label htmlFor="agree-by">Agreed by</label>
          <input
            id="agree-by"
            value={agreedBy}
            placeholder={partnership.data?.coordinatorName || 'The coordinator'}
            onChange={(e) => setAgreedBy(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="agree-note">Note</label>
          <textarea
            id="agree-note"
            rows={3}
            value={agreeNote}
            onChange={(e) => setAgreeNote(e.target.value)}
            placeholder="For example: agreed at the board meeting on 5 October"
          />
        </div>
        <div className="form-actions" style={{ marginTop: 16 }}>
          <Button
            className="button primary"
            isDisabled={status.isPending || missing.length > 0 || (stale.length > 0 && !ackStale)}
            onPress={() => changeStatus('agreed')}
          >
            Agree version
          </Button>
          <Button className="button" onPress={() => setAgreeOpen(false)}>
            Cancel
          </Button>
        </div>
      </ModalDialog>
    </Page>
  );
}

export const openDocument = (id: number) => navigate(`/documents/${id}`);
