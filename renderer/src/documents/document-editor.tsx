import { useQuery } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
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
import { StaleWriteNotice } from '../ui/stale-write';
import { DateField } from '../ui/date-field';
import { useShortcut } from '../ui/shortcuts';
import { navigate } from '../ui/router';
import { DocumentsTabs } from './tabs';
import { StatusBadge } from './status-badge';
import { errorWithDetails } from '../ui/errors';
import { previewContext, useContextDefaults, useDirectoryCache, usePartnership } from './directory-cache';
import { documentKeys } from './queries';
import { useChangeStatus, useDocumentAutosave, useSign } from './mutations';
import { FillExamplesButton } from './fill-examples';
import { GuidedForm } from './form';
import { DocumentPreview } from './preview';
import { AgreeDialog, StatusActions } from './status-actions';
import { StillNeeded } from './still-needed';
import { TemplateRevisionNotice } from './template-revision';
import { Versions } from './versions';

export function DocumentEditor({ id }: { id: number }) {
  const doc = useQuery({ queryKey: documentKeys.detail(id), queryFn: () => call('documents.get', { id }) });
  const partnership = usePartnership();
  const [message, setMessage] = useMessage(id);
  const [agreeOpen, setAgreeOpen] = useState(false);
  const onSaveError = useCallback(
    (e: Error) => setMessage({ tone: 'error', text: `Not saved: ${errorWithDetails(e)}` }),
    [setMessage],
  );
  const { draft, change, flush, saveState, adopt, conflict, keepMine, takeTheirs } = useDocumentAutosave(
    id,
    doc.data,
    onSaveError,
  );
  const editable = doc.data ? EDITABLE.includes(doc.data.status) : false;
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
          <StatusActions
            status={d.status}
            isPending={status.isPending}
            onMove={(to) => status.mutate({ to })}
            onAgree={() => setAgreeOpen(true)}
          />
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
      {conflict ? (
        <StaleWriteNotice
          what="This document"
          conflicts={conflict.conflicts.map((key) => fieldLabel(d.template, key))}
          onMerge={keepMine}
          onReload={takeTheirs}
        />
      ) : null}
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
            <div className="toolbar">
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
      <AgreeDialog
        isOpen={agreeOpen}
        onClose={() => setAgreeOpen(false)}
        versionLabel={d.versionLabel}
        missing={missing}
        stale={stale}
        agreedByPlaceholder={partnership.data?.coordinatorName || 'The coordinator'}
        isPending={status.isPending}
        onAgree={(agree) => status.mutate({ to: 'agreed', ...agree })}
      />
    </Page>
  );
}

export const openDocument = (id: number) => navigate(`/documents/${id}`);

const TOP_LABELS: Record<string, string> = { title: 'Title', reviewDate: 'Review date', marking: 'Marking' };
/** A field as the form labels it, for the notice that names what both versions changed. */
const fieldLabel = (template: { fields: readonly { key: string; label: string }[] }, key: string) =>
  TOP_LABELS[key] ?? template.fields.find((f) => f.key === key)?.label ?? key;
