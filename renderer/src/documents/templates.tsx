import { useQuery } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { TemplateSummary } from '../../../shared/contract/documents';
import examplePartnership from '../../../resources/examples/northshire.json';
import { examplePreview } from '../../../shared/documents/example-values';
import { resolve } from '../../../shared/documents/resolve';
import { CATEGORY_LABELS, TEMPLATE_CATEGORIES } from '../../../shared/documents/template-schema';
import { validateTemplateText } from '../../../shared/documents/values';
import { describeFinding } from '../../../shared/documents/stale-references';
import { call } from '../api/client';
import { completeSave } from '../api/download';
import { FileButton } from '../ui/file-button';
import { Notice } from '../ui/notice';
import { EmptyState, Page } from '../ui/page';
import { useShortcut } from '../ui/shortcuts';
import { navigate } from '../ui/router';
import { ApiError } from '../api/client';
import { ConfirmDialog } from '../ui/dialog';
import { DocumentsTabs } from './tabs';
import { errorWithDetails } from '../ui/errors';
import { previewContext, usePartnership } from './directory-cache';
import { useLeaveGuard } from '../ui/leave-guard';
import { NewDocumentDialog } from './documents-list';
import { DocumentPreview } from './preview';
import { documentKeys } from './queries';
import { useDeleteTemplate, useDuplicateTemplate, useImportTemplate, useSaveTemplate } from './mutations';

type Message = { tone: 'error' | 'success'; text: string; details?: string[] };

function MessageView({ message }: { message: Message | null }) {
  if (!message) return null;
  return (
    <Notice tone={message.tone}>
      {message.text}
      {message.details?.length ? (
        <ul className="problems">
          {message.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}

const toMessage = (e: unknown): Message =>
  e instanceof ApiError ? { tone: 'error', text: e.message, details: e.details } : { tone: 'error', text: errorWithDetails(e) };

/** An example review date for previews: a year from today. */
function aYearFromToday(): string {
  const d = new Date();
  d.setFullYear(d.getFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

export function TemplatesLibrary() {
  const list = useQuery({ queryKey: documentKeys.templates(), queryFn: () => call('documents.templates.list', {}) });
  const [message, setMessage] = useState<Message | null>(null);
  const [creatingFrom, setCreatingFrom] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<TemplateSummary | null>(null);
  const duplicate = useDuplicateTemplate({
    onSuccess: (t) => navigate(`/documents/templates/${t.key}`),
    onError: (e) => setMessage(toMessage(e)),
  });
  const remove = useDeleteTemplate({
    onSuccess: () => {
      setMessage({ tone: 'success', text: 'Template deleted. Documents made from it keep their own copy.' });
    },
    onError: (e) => setMessage(toMessage(e)),
  });
  const importTemplate = useImportTemplate();
  const importFile = async (f: File) => {
    try {
      const t = await importTemplate.mutateAsync(await f.text());
      const stale = await call('documents.checks.template', { key: t.key });
      setMessage(
        stale.length === 0
          ? { tone: 'success', text: `Imported “${t.title}”.` }
          : {
              tone: 'success',
              text: `Imported “${t.title}”. ${stale.length === 1 ? 'One reference in it looks' : `${stale.length} references in it look`} out of date; change them in a copy before using it:`,
              details: stale.map(describeFinding),
            },
      );
    } catch (e) {
      setMessage(toMessage(e));
    }
  };
  const exportTemplate = async (key: string) => {
    try {
      setMessage({ tone: 'success', text: completeSave(await call('documents.templates.export', { key })) });
    } catch (e) {
      setMessage(toMessage(e));
    }
  };

  const byCategory = TEMPLATE_CATEGORIES.map((c) => ({ c, items: (list.data ?? []).filter((t) => t.category === c) })).filter(
    (g) => g.items.length > 0,
  );
  return (
    <Page
      title="Templates"
      actions={
        <FileButton accept=".json,application/json" inputLabel="Import template file" onFile={(f) => void importFile(f)}>
          Import template file
        </FileButton>
      }
    >
      <DocumentsTabs />
      <p className="help">
        The governance library. Built-in templates are read-only: duplicate one to make your own version. Every template is a
        starting point; take your own legal and information-governance advice.
      </p>
      <MessageView message={message} />
      {list.isSuccess && list.data.length === 0 ? (
        <EmptyState title="No templates yet">
          <p>Import a template file to get started.</p>
        </EmptyState>
      ) : null}
      {byCategory.map(({ c, items }) => (
        <section key={c} className="template-category" aria-labelledby={`cat-${c}`}>
          <h2 id={`cat-${c}`}>{CATEGORY_LABELS[c]}</h2>
          <div className="template-cards">
            {items.map((t) => (
              <article key={t.key} className="template-card" aria-labelledby={`tpl-${t.key}`}>
                <h3 id={`tpl-${t.key}`}>{t.title}</h3>
                <div className="meta">
                  Version {t.version} ·{' '}
                  {t.source === 'builtin' ? 'Built-in, read-only' : `Customised${t.basedOn ? ` from ${t.basedOn}` : ''}`}
                </div>
                <p style={{ margin: 0 }}>{t.description}</p>
                <details>
                  <summary>Guidance</summary>
                  <p className="help" style={{ whiteSpace: 'pre-wrap' }}>
                    {t.guidance}
                  </p>
                </details>
                <div className="card-actions">
                  <Button
                    className="button primary"
                    onPress={() => setCreatingFrom(t.key)}
                    aria-label={`New document from ${t.title}`}
                  >
                    New document
                  </Button>
                  {t.source === 'builtin' ? (
                    <Button
                      className="button"
                      onPress={() => duplicate.mutate(t.key)}
                      aria-label={`Duplicate ${t.title} to customise`}
                    >
                      Duplicate to customise
                    </Button>
                  ) : (
                    <Button
                      className="button"
                      onPress={() => navigate(`/documents/templates/${t.key}`)}
                      aria-label={`Edit ${t.title}`}
                    >
                      Edit
                    </Button>
                  )}
                  <Button
                    className="button"
                    onPress={() => navigate(`/documents/templates/${t.key}`)}
                    aria-label={`View ${t.title}`}
                  >
                    {t.source === 'builtin' ? 'View' : 'Preview'}
                  </Button>
                  <Button
                    className="button"
                    onPress={() => void exportTemplate(t.key)}
                    aria-label={`Export ${t.title} as a file`}
                  >
                    Export file
                  </Button>
                  {t.source === 'custom' ? (
                    <Button className="button danger" onPress={() => setDeleting(t)} aria-label={`Delete ${t.title}`}>
                      Delete
                    </Button>
                  ) : null}
                </div>
              </article>
            ))}
          </div>
        </section>
      ))}
      {creatingFrom ? <NewDocumentDialog isOpen templateKey={creatingFrom} onClose={() => setCreatingFrom(null)} /> : null}
      <ConfirmDialog
        title="Delete template"
        isOpen={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.key)}
        confirmLabel="Delete template"
        danger
      >
        <p>
          Delete “{deleting?.title}”? Documents already made from it are not affected. Export it first if you may want it again.
        </p>
      </ConfirmDialog>
    </Page>
  );
}

/** A validated JSON editor with problems located by line, beside a preview filled with example values. */
export function TemplateEditor({ templateKey }: { templateKey: string }) {
  const got = useQuery({
    queryKey: documentKeys.template(templateKey),
    queryFn: () => call('documents.templates.get', { key: templateKey }),
  });
  const partnership = usePartnership();
  // Edits; null until the first change.
  const [edited, setText] = useState<string | null>(null);
  const text = edited ?? got.data?.json ?? null;
  const [message, setMessage] = useState<Message | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const readOnly = got.data?.summary.source === 'builtin';
  const deferred = useDeferredValue(text ?? '');
  const checked = useMemo(() => validateTemplateText(deferred), [deferred]);
  // While the text has problems the preview keeps showing the last valid version.
  const [lastGood, setLastGood] = useState(checked.template);
  if (checked.template && checked.template !== lastGood) setLastGood(checked.template);
  const shown = checked.template ?? lastGood;
  const examples = useMemo(() => (shown ? examplePreview(shown, examplePartnership.people) : null), [shown]);
  const tree = useMemo(
    () =>
      shown && examples
        ? resolve(
            shown,
            examples.values,
            previewContext(
              partnership.data,
              { title: shown.title, version: shown.version, marking: 'OFFICIAL', reviewDate: aYearFromToday(), status: 'Draft' },
              { ...examples.directory, remember: () => undefined },
            ),
          )
        : null,
    [shown, examples, partnership.data],
  );
  const dirty = text !== null && got.data !== undefined && text !== got.data.json;
  useLeaveGuard(dirty, { message: 'This template has changes that are not saved. Leave and lose them?' });

  const duplicate = useDuplicateTemplate({
    onSuccess: (t) => navigate(`/documents/templates/${t.key}`),
    onError: (e) => setMessage(toMessage(e)),
  });
  const save = useSaveTemplate(templateKey, {
    onSuccess: () => {
      setText(null);
      setMessage({ tone: 'success', text: 'Template saved. New documents use it; existing documents keep their own copy.' });
    },
    onError: (e) => setMessage(toMessage(e)),
  });
  const submit = useCallback(() => {
    if (!readOnly && dirty && checked.problems.length === 0) save.mutate(text ?? '');
  }, [readOnly, dirty, checked.problems.length, save, text]);
  useShortcut('s', submit, dirty);

  const goToLine = (line: number) => {
    const el = area.current;
    if (!el || !text) return;
    const lines = text.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    el.focus();
    el.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
    el.scrollTop = Math.max(0, (line - 5) * 17);
  };

  if (got.isError)
    return (
      <Page title="Template">
        <DocumentsTabs />
        <Notice tone="error">{errorWithDetails(got.error)}</Notice>
      </Page>
    );
  if (!got.data || text === null) return <Page title="Template">Loading…</Page>;
  return (
    <Page
      title={readOnly ? got.data.summary.title : `Edit template: ${got.data.summary.title}`}
      actions={
        readOnly ? (
          <Button className="button primary" isDisabled={duplicate.isPending} onPress={() => duplicate.mutate(templateKey)}>
            Duplicate to customise
          </Button>
        ) : (
          <>
            <Button
              className="button primary"
              isDisabled={!dirty || checked.problems.length > 0 || save.isPending}
              onPress={submit}
            >
              Save template
            </Button>
            <Button className="button" isDisabled={!dirty} onPress={() => setText(got.data.json)}>
              Discard changes
            </Button>
          </>
        )
      }
    >
      <DocumentsTabs />
      <p className="help">
        <a href="#/documents/templates">Back to templates</a>
        {readOnly
          ? ' · Built-in templates are read-only. Duplicate this one to change it.'
          : ' · Changes are checked as you type; nothing is saved while there are problems.'}
      </p>
      <MessageView message={message} />
      <div className="editor-layout">
        <div className="editor-form">
          <div className="field">
            <label htmlFor="template-json">Template JSON</label>
            <textarea
              id="template-json"
              ref={area}
              className="json-editor"
              spellCheck={false}
              readOnly={readOnly}
              value={text}
              aria-describedby="template-problems"
              aria-invalid={checked.problems.length > 0}
              onChange={(e) => {
                setText(e.target.value);
                setMessage(null);
              }}
            />
          </div>
          <div id="template-problems" role="status" aria-live="polite">
            {checked.problems.length === 0 ? (
              <p className="help">No problems found.</p>
            ) : (
              <Notice tone="error">
                {checked.problems.length} problem{checked.problems.length === 1 ? '' : 's'}:
                <ul className="problems">
                  {checked.problems.map((p, i) => (
                    <li key={i}>
                      {p.line ? (
                        <Button className="button small" onPress={() => goToLine(p.line!)}>
                          Line {p.line}
                        </Button>
                      ) : null}{' '}
                      {p.path ? <code>{p.path}</code> : null} {p.message}
                    </li>
                  ))}
                </ul>
              </Notice>
            )}
          </div>
        </div>
        <div className="editor-preview" tabIndex={0} role="region" aria-label="Preview pane">
          <p className="help">Preview with the template’s example values{checked.template ? '' : ' (last valid version)'}.</p>
          {tree ? <DocumentPreview tree={tree} label="Template preview" /> : null}
        </div>
      </div>
    </Page>
  );
}
