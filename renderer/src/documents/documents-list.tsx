import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { DocumentStatus, MatrixCell, SignatoryMatrix } from '../../../shared/contract/documents';
import { DOCUMENT_STATUSES, STATUS_LABELS } from '../../../shared/contract/documents';
import type { TemplateCategory } from '../../../shared/documents/template-schema';
import { CATEGORY_LABELS, TEMPLATE_CATEGORIES } from '../../../shared/documents/template-schema';
import { call } from '../api/client';
import { RecordTable } from '../ui/data-table';
import { EmptyState, Page } from '../ui/page';
import { Notice } from '../ui/notice';
import { useShortcut } from '../ui/shortcuts';
import { navigate } from '../ui/router';
import { DocumentsTabs } from './tabs';
import { FormDialog } from '../ui/dialog';
import { SearchField, SelectField, TextInput } from '../ui/fields';
import { StatusBadge } from './status-badge';
import { errorWithDetails } from '../ui/errors';
import { ukDate } from '../ui/format';
import { useCreateDocument } from './mutations';
import { documentKeys } from './queries';

type MatrixRow = SignatoryMatrix['organisations'][number];
/** A mark as well as words and colour, so the matrix reads without colour. */
const CELL_TEXT: Record<MatrixCell, string> = { signed: '✓ Signed', not_signed: '✗ Not signed', not_party: 'Not a party' };
type TemplateChoice = { key: string; title: string; category: TemplateCategory; source: 'builtin' | 'custom' };

/** Template options grouped as the governance library groups them, so a long list stays easy to scan. */
const templateGroups = (templates: readonly TemplateChoice[]) =>
  TEMPLATE_CATEGORIES.map((c) => ({
    label: CATEGORY_LABELS[c],
    options: templates
      .filter((t) => t.category === c)
      .map((t) => ({ value: t.key, label: `${t.title}${t.source === 'custom' ? ' (customised)' : ''}` })),
  }));

/** Choose a template and a title; the new draft opens in the editor. */
export function NewDocumentDialog({
  isOpen,
  onClose,
  templateKey,
}: {
  isOpen: boolean;
  onClose: () => void;
  templateKey?: string;
}) {
  const templates = useQuery({
    queryKey: documentKeys.templates(),
    queryFn: () => call('documents.templates.list', {}),
    enabled: isOpen,
  });
  const [key, setKey] = useState(templateKey ?? '');
  const [title, setTitle] = useState('');
  const ordered = TEMPLATE_CATEGORIES.flatMap((c) => (templates.data ?? []).filter((t) => t.category === c));
  const chosen = key || templateKey || ordered[0]?.key || '';
  const create = useCreateDocument();
  const createDraft = () =>
    create.mutate(
      {
        templateKey: chosen,
        title: title.trim() || templates.data?.find((t) => t.key === chosen)?.title || 'Untitled document',
      },
      {
        onSuccess: (d) => {
          onClose();
          navigate(`/documents/${d.id}`);
        },
      },
    );
  return (
    <FormDialog
      title="New document"
      isOpen={isOpen}
      onClose={onClose}
      onSubmit={(e) => {
        e.preventDefault();
        createDraft();
      }}
      submitLabel="Create draft"
      isPending={create.isPending}
      isDisabled={!chosen}
    >
      <SelectField label="Template" value={chosen} options={[]} groups={templateGroups(ordered)} onChange={setKey} />
      <TextInput
        label="Title"
        value={title}
        maxLength={200}
        onChange={setTitle}
        placeholder="For example: Northshire information sharing agreement"
      />
      {templates.data?.length === 0 ? (
        <Notice tone="info">There are no templates yet. Import one from the Templates tab.</Notice>
      ) : null}
      {create.isError ? <Notice tone="error">{errorWithDetails(create.error)}</Notice> : null}
    </FormDialog>
  );
}

/** What the empty list offers first: the two documents a partnership usually starts with. */
const STARTERS = [
  { key: 'information-sharing-agreement', name: 'information sharing agreement' },
  { key: 'terms-of-reference', name: 'terms of reference' },
];

export function DocumentsList({ reviewDue = false }: { reviewDue?: boolean }) {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<DocumentStatus | ''>('');
  const [templateKey, setTemplateKey] = useState('');
  // The dialog is open, with the template it starts on (none: the first).
  const [creating, setCreating] = useState<{ templateKey?: string } | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const templates = useQuery({ queryKey: documentKeys.templates(), queryFn: () => call('documents.templates.list', {}) });
  const list = useQuery({
    queryKey: documentKeys.filtered({ query, status, templateKey, reviewDue }),
    queryFn: () =>
      reviewDue
        ? call('documents.reviewDue', {})
        : call('documents.list', {
            ...(query ? { query } : {}),
            ...(status ? { status } : {}),
            ...(templateKey ? { templateKey } : {}),
          }),
  });
  useShortcut('n', () => setCreating({}));
  useShortcut('f', () => search.current?.focus(), !reviewDue);

  const rows = list.data ?? [];
  return (
    <Page
      title={reviewDue ? 'Documents due for review' : 'Documents'}
      actions={
        <Button className="button primary" onPress={() => setCreating({})}>
          New document
        </Button>
      }
    >
      <DocumentsTabs />
      {reviewDue ? (
        <p className="help">Documents whose review date is within the next 90 days, or has passed.</p>
      ) : (
        <div className="docs-filters" role="search" aria-label="Filter documents">
          <SearchField label="Search titles" value={query} onChange={setQuery} inputRef={search} shortcut="Control+F" />
          <SelectField<DocumentStatus | ''>
            label="Status"
            value={status}
            options={[
              { value: '', label: 'Any status' },
              ...DOCUMENT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
            ]}
            onChange={setStatus}
          />
          <SelectField
            label="Template"
            value={templateKey}
            options={[{ value: '', label: 'Any template' }]}
            groups={templateGroups(templates.data ?? [])}
            onChange={setTemplateKey}
          />
        </div>
      )}
      {list.isError ? <Notice tone="error">{errorWithDetails(list.error)}</Notice> : null}
      {list.isSuccess && rows.length === 0 ? (
        reviewDue ? (
          <EmptyState title="Nothing due for review">
            <p>No document has a review date in the next 90 days.</p>
          </EmptyState>
        ) : query || status || templateKey ? (
          <p>No documents match these filters.</p>
        ) : (
          <EmptyState
            title="No documents yet"
            action={
              <div className="field-row">
                {STARTERS.filter((t) => templates.data?.some((x) => x.key === t.key)).map((t, i) => (
                  <Button
                    key={t.key}
                    className={i === 0 ? 'button primary' : 'button'}
                    onPress={() => setCreating({ templateKey: t.key })}
                  >
                    New {t.name}
                  </Button>
                ))}
                <Button className="button" onPress={() => setCreating({})}>
                  Another document…
                </Button>
              </div>
            }
          >
            <p>Most partnerships start with a terms of reference and an information sharing agreement, each from a template.</p>
          </EmptyState>
        )
      ) : null}
      {rows.length > 0 ? (
        <RecordTable
          label="Documents"
          rows={rows}
          rowKey={(d) => d.id}
          columns={[
            { key: 'title', label: 'Title', render: (d) => <a href={`#/documents/${d.id}`}>{d.title}</a> },
            { key: 'template', label: 'Template', render: (d) => d.templateTitle },
            { key: 'status', label: 'Status', render: (d) => <StatusBadge status={d.status} /> },
            { key: 'version', label: 'Version', render: (d) => d.versionLabel },
            {
              key: 'review',
              label: 'Review date',
              render: (d) => {
                const days = 'daysUntilReview' in d ? (d as { daysUntilReview: number }).daysUntilReview : null;
                return (
                  <>
                    {ukDate(d.reviewDate)}
                    {days !== null ? (
                      <div className={days < 0 ? 'overdue' : 'help'}>
                        {days < 0
                          ? `Overdue by ${-days} day${days === -1 ? '' : 's'}`
                          : days === 0
                            ? 'Due today'
                            : `Due in ${days} day${days === 1 ? '' : 's'}`}
                      </div>
                    ) : null}
                  </>
                );
              },
            },
            {
              key: 'parties',
              label: 'Parties',
              render: (d) =>
                d.parties.length > 3
                  ? `${d.parties.slice(0, 3).join(', ')} and ${d.parties.length - 3} more`
                  : d.parties.join(', '),
            },
          ]}
        />
      ) : null}
      {creating ? <NewDocumentDialog isOpen onClose={() => setCreating(null)} {...creating} /> : null}
    </Page>
  );
}

export function SignatoryMatrixScreen() {
  const matrix = useQuery({ queryKey: documentKeys.matrix(), queryFn: () => call('documents.matrix', {}) });
  return (
    <Page title="Signatory matrix">
      <DocumentsTabs />
      <p className="help">Organisations against agreed documents: who has signed, who has not yet, and who is not a party.</p>
      {matrix.isError ? <Notice tone="error">{errorWithDetails(matrix.error)}</Notice> : null}
      {matrix.data && matrix.data.documents.length === 0 ? (
        <EmptyState title="No agreed documents yet">
          <p>The matrix fills in as documents are agreed.</p>
        </EmptyState>
      ) : null}
      {matrix.data && matrix.data.documents.length > 0 ? (
        <div style={{ overflow: 'auto' }}>
          <RecordTable
            className="data-table matrix"
            label="Signatory matrix"
            rows={matrix.data.organisations}
            rowKey={(o) => o.id}
            columns={[
              { key: 'organisation', label: 'Organisation', rowHeader: true, render: (o) => o.name },
              ...matrix.data.documents.map((d, i) => ({
                key: `document-${d.id}`,
                label: d.title,
                header: (
                  <>
                    <a href={`#/documents/${d.id}`}>{d.title}</a> <span className="help">v{d.versionLabel}</span>
                  </>
                ),
                render: (o: MatrixRow) => {
                  const c = o.cells[i];
                  return c ? CELL_TEXT[c] : '';
                },
                cellClassName: (o: MatrixRow) => (o.cells[i] ? `cell-${o.cells[i]}` : undefined),
              })),
            ]}
          />
        </div>
      ) : null}
    </Page>
  );
}
