import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { Resource } from '../../../shared/toolkit/resources';
import { call } from '../api/client';
import { Notice } from '../ui/notice';
import { ModalDialog } from '../ui/dialog';
import { longDate } from '../../../shared/documents/placeholders';
import { errorText } from '../ui/errors';
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
  const [meetingId, setMeetingId] = useState('');
  const [itemId, setItemId] = useState('');
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
  const attach = useMutation({
    mutationFn: () => call('toolkit.resources.attachToAgenda', { resourceId: resource!.id, agendaItemId: Number(itemId) }),
    onSuccess: (item) => {
      onDone(`Added “${resource!.title}” as a paper for “${item.title}”.`);
      setItemId('');
      onClose();
    },
  });
  return (
    <ModalDialog title="Add to a meeting’s papers" isOpen={resource !== null} onClose={onClose}>
      {meetings.data?.length === 0 ? <p>There are no meetings coming up. Arrange one in Meetings first.</p> : null}
      <div className="field">
        <label htmlFor="attach-meeting">Meeting</label>
        <select
          id="attach-meeting"
          value={meetingId}
          onChange={(e) => {
            setMeetingId(e.target.value);
            setItemId('');
          }}
        >
          <option value="">Choose a meeting</option>
          {meetings.data?.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}, {longDate(m.startsAt)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="attach-item">Agenda item</label>
        <select id="attach-item" value={itemId} onChange={(e) => setItemId(e.target.value)} disabled={!detail.data}>
          <option value="">Choose an item</option>
          {detail.data?.agenda.map((a, i) => (
            <option key={a.id} value={a.id}>
              {i + 1}. {a.title}
            </option>
          ))}
        </select>
      </div>
      {attach.isError ? <Notice tone="error">{errorText(attach.error)}</Notice> : null}
      <div className="form-actions">
        <Button className="button primary" isDisabled={!itemId || attach.isPending} onPress={() => attach.mutate()}>
          Add as a paper
        </Button>
        <Button className="button" onPress={onClose}>
          Cancel
        </Button>
      </div>
    </ModalDialog>
  );
}
