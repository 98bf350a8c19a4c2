import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { privacyKeys } from '../privacy/queries';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { ukDate } from '../../../shared/privacy/dates';
import type { RetentionKind, RetentionRule } from '../../../shared/privacy/records';
import { RETENTION_KIND_LABELS } from '../../../shared/privacy/records';
import '../privacy/privacy.css';
import { call } from '../api/client';
import { TextInput } from '../ui/fields';
import { Notice } from '../ui/notice';
import { SelectField } from '../ui/fields';
import { errorText } from '../ui/errors';
import { navigate } from '../ui/router';
import { RecordTable } from '../ui/data-table';

type Draft = Record<RetentionKind, { months: string; action: 'review' | 'delete' }>;

const ACTIONS = [
  { value: 'review' as const, label: 'Review' },
  { value: 'delete' as const, label: 'Delete' },
];

/**
 * Settings → Retention: how long each kind of record is kept, and the records now due for review
 * or deletion. Keeping a record puts it back a full period; deleting is done on the record itself.
 */
export function RetentionSettings() {
  const queryClient = useQueryClient();
  const rules = useQuery({ queryKey: privacyKeys.retentionRules, queryFn: () => call('privacy.retention.get', {}) });
  const due = useQuery({ queryKey: privacyKeys.retentionDue, queryFn: () => call('privacy.retention.due', {}) });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const stored: Draft | null = rules.data
    ? (Object.fromEntries(
        rules.data.map((r: RetentionRule) => [r.kind, { months: String(r.months), action: r.action }]),
      ) as Draft)
    : null;
  const current = draft ?? stored;
  const save = useMutation({
    mutationFn: (d: Draft) =>
      call('privacy.retention.update', {
        rules: (Object.keys(d) as RetentionKind[]).map((kind) => ({
          kind,
          months: Number(d[kind].months),
          action: d[kind].action,
        })),
      }),
    onSuccess: () => {
      setDraft(null);
      setMessage({ tone: 'success', text: 'Retention periods saved.' });
      void queryClient.invalidateQueries({ queryKey: privacyKeys.retention });
    },
    onError: (e) => setMessage({ tone: 'error', text: errorText(e, 'Could not save the retention periods.') }),
  });
  const keep = useMutation({
    mutationFn: (r: { kind: RetentionKind; recordId: number }) => call('privacy.retention.keep', r),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: privacyKeys.retentionDue }),
  });
  return (
    <section className="settings-section" aria-labelledby="retention-heading">
      <h2 id="retention-heading">Retention</h2>
      <p>How long each kind of record is kept before it is due for review or deletion.</p>
      {current ? (
        <form
          className="retention-rules"
          aria-label="Retention periods"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(current);
          }}
        >
          {(Object.keys(RETENTION_KIND_LABELS) as RetentionKind[]).map((kind) =>
            current[kind] ? (
              <fieldset key={kind}>
                <legend>{RETENTION_KIND_LABELS[kind]}</legend>
                <TextInput
                  label="Months to keep"
                  type="number"
                  value={current[kind].months}
                  onChange={(v) => setDraft({ ...current, [kind]: { ...current[kind], months: v } })}
                />
                <SelectField
                  label="Then"
                  value={current[kind].action}
                  options={ACTIONS}
                  onChange={(v) => setDraft({ ...current, [kind]: { ...current[kind], action: v } })}
                />
              </fieldset>
            ) : null,
          )}
          <div className="form-actions">
            <Button type="submit" className="button" isDisabled={draft === null || save.isPending}>
              Save retention periods
            </Button>
          </div>
        </form>
      ) : null}
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <h3>Due for review or deletion</h3>
      {due.data && due.data.length === 0 ? <p>Nothing is due. Records appear here when their period ends.</p> : null}
      {due.data && due.data.length > 0 ? (
        <RecordTable
          label="Due for review or deletion"
          rows={due.data}
          rowKey={(d) => `${d.kind}:${d.recordId}`}
          columns={[
            { key: 'record', label: 'Record', render: (d) => d.title },
            { key: 'kind', label: 'Kind', render: (d) => RETENTION_KIND_LABELS[d.kind] },
            { key: 'due', label: 'Due', render: (d) => ukDate(d.dueOn) },
            { key: 'todo', label: 'To do', render: (d) => (d.action === 'delete' ? 'Delete' : 'Review') },
            {
              key: 'actions',
              label: 'Actions',
              hideLabel: true,
              cellClassName: () => 'row-actions',
              render: (d) => (
                <>
                  <Button className="button" onPress={() => navigate(d.route)} aria-label={`Open ${d.title}`}>
                    Open
                  </Button>
                  <Button
                    className="button"
                    onPress={() => keep.mutate({ kind: d.kind, recordId: d.recordId })}
                    aria-label={`Keep ${d.title}`}
                  >
                    Keep
                  </Button>
                </>
              ),
            },
          ]}
        />
      ) : null}
    </section>
  );
}
