import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import type { ShareDecision } from '../../../shared/meetings/model';
import { describeDate, londonToday } from '../../../shared/meetings/time';
import { call } from '../api/client';
import { RecordTable } from '../ui/data-table';
import { DateField } from '../ui/date-field';
import { Notice, useMessage } from '../ui/notice';
import { EmptyState, Page } from '../ui/page';
import { ConfirmButton } from '../ui/dialog';
import { NativeField } from '../ui/fields';
import { errorText } from '../ui/errors';
import { useDeleteShareDecision, useSaveShareDecision } from './mutations';
import { meetingKeys } from './queries';

type Draft = Omit<ShareDecision, 'id' | 'meetingId' | 'meetingTitle' | 'createdAt' | 'updatedAt' | 'version'>;
const blank = (): Draft => ({
  information: '',
  purpose: '',
  recipients: '',
  sharedOn: londonToday(new Date()),
  justification: '',
  consentSought: true,
  noConsentReason: '',
  decidedBy: '',
});

function LongField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        <span aria-hidden="true"> *</span>
      </label>
      <textarea
        id={id}
        rows={2}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-e` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <span id={`${id}-e`} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** The record of each decision to share information: what, why, with whom, when, and on what basis. */
export function ShareLog() {
  const list = useQuery({ queryKey: meetingKeys.share(), queryFn: () => call('meetings.share.list', {}) });
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [draft, setDraft] = useState<Draft>(blank);
  // The stored version the open edit is based on.
  const [baseVersion, setBaseVersion] = useState(1);
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [message, setMessage] = useMessage(null);
  const set =
    <K extends keyof Draft>(k: K) =>
    (v: Draft[K]) =>
      setDraft((d) => ({ ...d, [k]: v }));
  const save = useSaveShareDecision({
    onSuccess: () => {
      setEditing(null);
      setMessage({ tone: 'success', text: 'Decision to share recorded.' });
    },
    onError: (e) => setMessage({ tone: 'error', text: errorText(e, 'Could not save the record.') }),
  });
  const remove = useDeleteShareDecision({ onSuccess: () => setEditing(null) });
  const open = (s: ShareDecision | null) => {
    if (s) {
      const { id: _id, meetingId: _m, meetingTitle: _t, createdAt: _c, updatedAt: _u, version, ...fields } = s;
      setDraft(fields);
      setBaseVersion(version);
    } else setDraft(blank());
    setErrors({});
    setMessage(null);
    setEditing(s ? s.id : 'new');
  };
  const submit = () => {
    const next: Partial<Record<keyof Draft, string>> = {};
    if (!draft.information.trim()) next.information = 'Say what information is shared';
    if (!draft.purpose.trim()) next.purpose = 'Say why it is shared';
    if (!draft.recipients.trim()) next.recipients = 'Say who receives it';
    if (!draft.justification.trim()) next.justification = 'Give the justification';
    if (!draft.consentSought && !draft.noConsentReason.trim()) next.noConsentReason = 'Say why consent was not sought';
    setErrors(next);
    if (Object.keys(next).length === 0)
      save.mutate({
        id: typeof editing === 'number' ? editing : null,
        version: baseVersion,
        value: { ...draft, meetingId: null },
      });
  };

  return (
    <Page
      title="Decisions to share"
      actions={
        <Button className="button primary" onPress={() => open(null)}>
          Record a decision to share
        </Button>
      }
    >
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <div className="split">
        <div>
          {list.data && list.data.length === 0 ? (
            <EmptyState title="No decisions to share recorded">
              <p>
                Each time partners decide to share personal information, record what was shared, why, with whom and when, the
                justification, and whether consent was sought. If it was not, record why: that is what an auditor will ask.
              </p>
            </EmptyState>
          ) : null}
          {list.data && list.data.length > 0 ? (
            <RecordTable
              label="Decisions to share"
              rows={list.data}
              rowKey={(s) => s.id}
              columns={[
                {
                  key: 'date',
                  label: 'Date',
                  render: (s) => (
                    <Button className="link-button" onPress={() => open(s)}>
                      {describeDate(s.sharedOn)}
                    </Button>
                  ),
                },
                { key: 'information', label: 'Information', render: (s) => s.information },
                { key: 'recipients', label: 'With whom', render: (s) => s.recipients },
                {
                  key: 'consent',
                  label: 'Consent',
                  render: (s) => (s.consentSought ? 'Sought' : `Not sought: ${s.noConsentReason}`),
                },
              ]}
            />
          ) : null}
        </div>
        <div>
          {editing !== null ? (
            <form
              className="form editor"
              aria-label="Decision to share"
              onSubmit={(e) => {
                e.preventDefault();
                submit();
              }}
            >
              <LongField
                label="What information"
                value={draft.information}
                onChange={set('information')}
                error={errors.information}
              />
              <LongField label="Why it is shared" value={draft.purpose} onChange={set('purpose')} error={errors.purpose} />
              <LongField label="With whom" value={draft.recipients} onChange={set('recipients')} error={errors.recipients} />
              <DateField label="Date shared" value={draft.sharedOn} onChange={set('sharedOn')} isRequired />
              <LongField
                label="Justification"
                value={draft.justification}
                onChange={set('justification')}
                error={errors.justification}
              />
              <fieldset className="checks">
                <legend>Was consent sought?</legend>
                <label className="check">
                  <input type="radio" name="consent" checked={draft.consentSought} onChange={() => set('consentSought')(true)} />
                  Yes
                </label>
                <label className="check">
                  <input
                    type="radio"
                    name="consent"
                    checked={!draft.consentSought}
                    onChange={() => set('consentSought')(false)}
                  />
                  No
                </label>
              </fieldset>
              {!draft.consentSought ? (
                <LongField
                  label="Why consent was not sought"
                  value={draft.noConsentReason}
                  onChange={set('noConsentReason')}
                  error={errors.noConsentReason}
                />
              ) : null}
              <NativeField label="Decided by" value={draft.decidedBy} onChange={set('decidedBy')} />
              <div className="form-actions">
                <Button type="submit" className="button primary" isDisabled={save.isPending}>
                  Save record
                </Button>
                <Button className="button" onPress={() => setEditing(null)}>
                  Close
                </Button>
                {typeof editing === 'number' ? (
                  <ConfirmButton
                    label="Delete record"
                    confirmLabel="Delete it"
                    question="Delete this record?"
                    onConfirm={() => remove.mutate({ id: editing })}
                  />
                ) : null}
              </div>
            </form>
          ) : null}
        </div>
      </div>
    </Page>
  );
}
