import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useKeepRecord, useSaveRetention } from '../privacy/mutations';
import { privacyKeys } from '../privacy/queries';
import { Button, Form } from 'react-aria-components';
import { z } from 'zod';
import { contract } from '../../../shared/contract';
import { ukDate } from '../../../shared/privacy/dates';
import type { RetentionRule } from '../../../shared/privacy/records';
import { RETENTION_KIND_LABELS } from '../../../shared/privacy/records';
import '../privacy/privacy.css';
import { call } from '../api/client';
import { FormActions, FormSelect, FormText, useContractForm } from '../ui/form';
import { Notice } from '../ui/notice';
import { errorText } from '../ui/errors';
import { navigate } from '../ui/router';
import { RecordTable } from '../ui/data-table';

const ACTIONS = [
  { value: 'review' as const, label: 'Review' },
  { value: 'delete' as const, label: 'Delete' },
];

const retentionRequest = contract['privacy.retention.update'].request;
const ruleRequest = retentionRequest.shape.rules.element;
/** The contract's request, with each period as typed in its number box; the contract's own rule then checks it. */
const retentionForm = retentionRequest.extend({
  rules: z.array(
    ruleRequest.extend({
      months: z
        .string()
        .trim()
        .regex(/^\d+$/, 'Enter the number of months, for example 24')
        .transform(Number)
        .pipe(ruleRequest.shape.months),
    }),
  ),
});
type RetentionValues = z.input<typeof retentionForm>;

const KIND_ORDER = Object.keys(RETENTION_KIND_LABELS);
const toValues = (rules: readonly RetentionRule[]): RetentionValues => ({
  rules: [...rules]
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))
    .map((r) => ({ kind: r.kind, months: String(r.months), action: r.action })),
});

/**
 * Settings → Retention: how long each kind of record is kept, and the records now due for review
 * or deletion. Keeping a record puts it back a full period; deleting is done on the record itself.
 */
export function RetentionSettings() {
  const rules = useQuery({ queryKey: privacyKeys.retentionRules, queryFn: () => call('privacy.retention.get', {}) });
  const due = useQuery({ queryKey: privacyKeys.retentionDue, queryFn: () => call('privacy.retention.due', {}) });
  const keep = useKeepRecord();
  return (
    <section className="settings-section" aria-labelledby="retention-heading">
      <h2 id="retention-heading">Retention</h2>
      <p>How long each kind of record is kept before it is due for review or deletion.</p>
      {rules.data ? <RetentionRules stored={rules.data} /> : null}
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

function RetentionRules({ stored }: { stored: readonly RetentionRule[] }) {
  const form = useContractForm(retentionForm, toValues(stored), {
    guardMessage: 'Your retention periods have changes that are not saved. Leave and lose them?',
  });
  const { control } = form;
  // Periods changed elsewhere (a restore, another window) show here unless some are being edited.
  const storedKey = JSON.stringify(toValues(stored));
  const shown = useRef(storedKey);
  useEffect(() => {
    if (shown.current === storedKey || form.formState.isDirty) return;
    shown.current = storedKey;
    form.reset(JSON.parse(storedKey) as RetentionValues);
  }, [storedKey, form]);
  const dirty = form.formState.isDirty;
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const save = useSaveRetention({
    onSuccess: (saved) => {
      form.reset(toValues(saved));
      setMessage({ tone: 'success', text: 'Retention periods saved.' });
    },
    onError: (e) => setMessage({ tone: 'error', text: errorText(e, 'Could not save the retention periods.') }),
  });
  const submit = form.handleSubmit(
    (value) => {
      setMessage(null);
      save.mutate(value);
    },
    () => setMessage({ tone: 'error', text: 'Check the highlighted periods.' }),
  );
  return (
    <>
      <Form className="retention-rules" aria-label="Retention periods" validationBehavior="aria" onSubmit={(e) => void submit(e)}>
        {form.formState.defaultValues?.rules?.map((rule, i) =>
          rule?.kind ? (
            <fieldset key={rule.kind}>
              <legend>{RETENTION_KIND_LABELS[rule.kind]}</legend>
              <FormText control={control} name={`rules.${i}.months`} label="Months to keep" type="number" />
              <FormSelect control={control} name={`rules.${i}.action`} label="Then" options={ACTIONS} />
            </fieldset>
          ) : null,
        )}
        <FormActions submit="Save retention periods" plain busy={save.isPending} disabled={!dirty} />
      </Form>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
    </>
  );
}
