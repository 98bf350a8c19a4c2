import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { z } from 'zod';
import { attachReq } from '../../../shared/contract/toolkit';
import type { Resource } from '../../../shared/toolkit/resources';
import { call } from '../api/client';
import { Notice } from '../ui/notice';
import { ModalDialog } from '../ui/dialog';
import { longDate } from '../../../shared/documents/placeholders';
import { errorText } from '../ui/errors';
import { FormActions, FormSelect, useContractForm } from '../ui/form';
import { FormProblems } from '../ui/form-problems';
import { useAttachToAgenda } from './mutations';
import { toolkitKeys } from './queries';
import { meetingKeys } from '../meetings/queries';

/** Resources attached to a checklist answer: listed by title, with a search to add more. */
export function AnswerResources({
  question,
  uids,
  onChange,
}: {
  question: number;
  uids: string[];
  onChange: (uids: string[]) => void;
}) {
  const [text, setText] = useState('');
  const attached = useQuery({
    queryKey: toolkitKeys.resourcesByUids(uids),
    queryFn: () => call('toolkit.resources.byUids', { uids }),
    enabled: uids.length > 0,
  });
  const found = useQuery({
    queryKey: toolkitKeys.resourcePick('answer', text),
    queryFn: () => call('toolkit.resources.search', { text, limit: 5 }),
    enabled: text.trim().length > 1,
  });
  const id = `answer-res-${question}`;
  return (
    <details className="answer-resources">
      <summary>
        Resources for question {question}
        {uids.length > 0 ? ` (${uids.length})` : ''}
      </summary>
      <ul className="plain-list">
        {(uids.length > 0 ? (attached.data ?? []) : []).map((r: Resource) => (
          <li key={r.uid}>
            {r.title}{' '}
            <Button
              className="button small"
              onPress={() => onChange(uids.filter((u) => u !== r.uid))}
              aria-label={`Remove ${r.title} from question ${question}`}
            >
              Remove
            </Button>
          </li>
        ))}
      </ul>
      <div className="field">
        <label htmlFor={id}>Find a resource to attach to question {question}</label>
        <input id={id} type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <ul className="plain-list">
        {found.data?.items
          .filter((r) => !uids.includes(r.uid))
          .map((r) => (
            <li key={r.uid}>
              <Button
                className="button small"
                onPress={() => {
                  onChange([...uids, r.uid].slice(0, 20));
                  setText('');
                }}
                aria-label={`Attach ${r.title} to question ${question}`}
              >
                Attach
              </Button>{' '}
              {r.title}
            </li>
          ))}
      </ul>
    </details>
  );
}

/** The meeting and agenda item as chosen in the lists; the item goes to main as the contract's id. */
const attachForm = z.object({
  meetingId: z.string().min(1, 'Choose a meeting.'),
  agendaItemId: z.string().min(1, 'Choose an agenda item.').transform(Number).pipe(attachReq.shape.agendaItemId),
});

/** Put a resource on a coming meeting's agenda as a paper. */
export function AttachToMeetingDialog({
  resource,
  onClose,
  onDone,
}: {
  resource: Resource | null;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const form = useContractForm(attachForm, { meetingId: '', agendaItemId: '' }, { guard: false });
  const { control } = form;
  const meetingId = form.watch('meetingId');
  const meetings = useQuery({
    queryKey: meetingKeys.list('upcoming', 'toolkit'),
    queryFn: () => call('meetings.list', { when: 'upcoming', limit: 50 }),
    enabled: resource !== null,
  });
  const detail = useQuery({
    queryKey: meetingKeys.detail(Number(meetingId)),
    queryFn: () => call('meetings.get', { id: Number(meetingId) }),
    enabled: meetingId !== '',
  });
  // Another meeting has other agenda items: the one chosen before no longer applies.
  useEffect(() => form.resetField('agendaItemId'), [meetingId, form]);
  const attach = useAttachToAgenda();
  const submit = form.handleSubmit(({ agendaItemId }) =>
    attach.mutate(
      { resourceId: resource!.id, agendaItemId },
      {
        onSuccess: (item) => {
          onDone(`Added “${resource!.title}” as a paper for “${item.title}”.`);
          form.reset();
          onClose();
        },
      },
    ),
  );
  const { errors } = form.formState;
  return (
    <ModalDialog title="Add to a meeting’s papers" isOpen={resource !== null} onClose={onClose}>
      <Form className="form" validationBehavior="aria" onSubmit={(e) => void submit(e)}>
        {meetings.data?.length === 0 ? <p>There are no meetings coming up. Arrange one in Meetings first.</p> : null}
        <FormSelect
          control={control}
          name="meetingId"
          label="Meeting"
          options={[
            { value: '', label: 'Choose a meeting' },
            ...(meetings.data ?? []).map((m) => ({ value: String(m.id), label: `${m.title}, ${longDate(m.startsAt)}` })),
          ]}
        />
        <FormSelect
          control={control}
          name="agendaItemId"
          label="Agenda item"
          options={[
            { value: '', label: detail.data ? 'Choose an item' : 'Choose a meeting first' },
            ...(detail.data?.agenda ?? []).map((a, i) => ({ value: String(a.id), label: `${i + 1}. ${a.title}` })),
          ]}
        />
        <FormProblems messages={[errors.meetingId?.message, errors.agendaItemId?.message]} />
        {attach.isError ? <Notice tone="error">{errorText(attach.error)}</Notice> : null}
        <FormActions submit="Add as a paper" busy={attach.isPending} onCancel={onClose} />
      </Form>
    </ModalDialog>
  );
}
