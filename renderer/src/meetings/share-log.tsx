import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import type { z } from 'zod';
import { shareCreateReq } from '../../../shared/contract/meetings';
import type { ShareDecision } from '../../../shared/meetings/model';
import { describeDate, londonToday } from '../../../shared/meetings/time';
import { call } from '../api/client';
import { RecordTable } from '../ui/data-table';
import { Notice, useMessage } from '../ui/notice';
import { EmptyState, Page } from '../ui/page';
import { ConfirmButton } from '../ui/dialog';
import { RadioChoice } from '../ui/fields';
import { FormActions, FormDate, FormLongText, FormText, useContractForm } from '../ui/form';
import { errorText, isStale } from '../ui/errors';
import { FormStaleNotice, useStaleWrite } from '../ui/stale-write';
import { useDeleteShareDecision, useSaveShareDecision } from './mutations';
import { meetingKeys } from './queries';

/** The editor's values: the contract's own fields and rules, the meeting it was recorded at included. */
type Draft = z.input<typeof shareCreateReq>;

const LABELS: Partial<Record<keyof Draft, string>> = {
  information: 'what information',
  purpose: 'why it is shared',
  recipients: 'with whom',
  sharedOn: 'date shared',
  justification: 'justification',
  consentSought: 'whether consent was sought',
  noConsentReason: 'why consent was not sought',
  decidedBy: 'decided by',
};

const toDraft = (s: ShareDecision | null): Draft => ({
  // An edit keeps the meeting the decision was recorded at; a new one is recorded on its own.
  meetingId: s?.meetingId ?? null,
  information: s?.information ?? '',
  purpose: s?.purpose ?? '',
  recipients: s?.recipients ?? '',
  sharedOn: s?.sharedOn ?? londonToday(new Date()),
  justification: s?.justification ?? '',
  consentSought: s?.consentSought ?? true,
  noConsentReason: s?.noConsentReason ?? '',
  decidedBy: s?.decidedBy ?? '',
});

/**
 * Record a decision to share, or edit one on the version it was read at: a save based on an older
 * version is refused, and the person keeps their changes on top of the stored record or takes it.
 * `decision` is the record as the list last loaded it, so a refused save finds the newer version there.
 */
export function ShareEditor({
  decision,
  onSaved,
  onClose,
}: {
  decision: ShareDecision | null;
  onSaved: () => void;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const form = useContractForm(shareCreateReq, toDraft(decision));
  const { control } = form;
  const stale = useStaleWrite({ version: decision?.version ?? 1, value: toDraft(decision) }, { labels: LABELS });
  const [message, setMessage] = useMessage(decision?.id ?? null);
  const save = useSaveShareDecision({
    onSuccess: (saved) => {
      form.reset(toDraft(saved));
      stale.rebase({ version: saved.version, value: toDraft(saved) });
      onSaved();
    },
    onError: async (e) => {
      if (decision && isStale(e)) {
        setMessage(null);
        // The newer version arrives with the list.
        stale.refused();
        await client.invalidateQueries({ queryKey: meetingKeys.share() });
        return;
      }
      setMessage({ tone: 'error', text: errorText(e, 'Could not save the record.') });
    },
  });
  const remove = useDeleteShareDecision({ onSuccess: onClose });
  const consentSought = form.watch('consentSought');

  return (
    <Form
      className="form editor"
      aria-label="Decision to share"
      validationBehavior="aria"
      onSubmit={(e) =>
        void form.handleSubmit((value) => save.mutate({ id: decision?.id ?? null, version: stale.version, value }))(e)
      }
    >
      <FormLongText control={control} name="information" label="What information" isRequired rows={2} />
      <FormLongText control={control} name="purpose" label="Why it is shared" isRequired rows={2} />
      <FormLongText control={control} name="recipients" label="With whom" isRequired rows={2} />
      <FormDate control={control} name="sharedOn" label="Date shared" isRequired />
      <FormLongText control={control} name="justification" label="Justification" isRequired rows={2} />
      <Controller
        control={control}
        name="consentSought"
        render={({ field }) => (
          <RadioChoice
            label="Was consent sought?"
            value={field.value ? 'yes' : 'no'}
            options={[
              { value: 'yes', label: 'Yes' },
              { value: 'no', label: 'No' },
            ]}
            onChange={(v) => field.onChange(v === 'yes')}
          />
        )}
      />
      {!consentSought ? (
        <FormLongText control={control} name="noConsentReason" label="Why consent was not sought" isRequired rows={2} />
      ) : null}
      <FormText control={control} name="decidedBy" label="Decided by" />
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <FormStaleNotice what="This decision to share" stale={stale} form={form} />
      <FormActions submit="Save record" busy={save.isPending} onCancel={onClose} cancelLabel="Close">
        {decision ? (
          <ConfirmButton
            label="Delete record"
            confirmLabel="Delete it"
            question="Delete this record?"
            onConfirm={() => remove.mutate({ id: decision.id })}
          />
        ) : null}
      </FormActions>
    </Form>
  );
}

/** The record of each decision to share information: what, why, with whom, when, and on what basis. */
export function ShareLog() {
  const list = useQuery({ queryKey: meetingKeys.share(), queryFn: () => call('meetings.share.list', {}) });
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [message, setMessage] = useMessage(null);
  // The record as the list last loaded it, so the editor sees a newer version when it arrives.
  const decision = typeof editing === 'number' ? (list.data?.find((s) => s.id === editing) ?? null) : null;
  const open = (id: number | 'new') => {
    setMessage(null);
    setEditing(id);
  };

  return (
    <Page
      title="Decisions to share"
      actions={
        <Button className="button primary" onPress={() => open('new')}>
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
                    <Button className="link-button" onPress={() => open(s.id)}>
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
          {editing === 'new' || decision ? (
            <ShareEditor
              key={editing}
              decision={decision}
              onSaved={() => {
                setEditing(null);
                setMessage({ tone: 'success', text: 'Decision to share recorded.' });
              }}
              onClose={() => setEditing(null)}
            />
          ) : null}
        </div>
      </div>
    </Page>
  );
}
