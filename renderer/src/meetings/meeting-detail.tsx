import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useCallback, useState } from 'react';
import { Button, GridList, GridListItem, Tab, TabList, TabPanel, Tabs, useDragAndDrop } from 'react-aria-components';
import type { MeetingDetail } from '../../../shared/meetings/model';
import { GROUP_KIND_LABELS } from '../../../shared/meetings/model';
import { describeMeetingTime } from '../../../shared/meetings/time';
import { call } from '../api/client';
import { Notice, useMessage } from '../ui/notice';
import { Page } from '../ui/page';
import { useShortcut } from '../ui/shortcuts';
import { navigate } from '../ui/router';
import { ActionsTab, ActionsTable } from './actions-tab';
import { AttendanceTab } from './attendance-tab';
import { MinutesTab } from './minutes-tab';
import { AgendaItemEditor } from './agenda-item-editor';
import { ExternalLink } from '../ui/external-link';
import type { Picked } from '../ui/form';
import { FormActions } from '../ui/form';
import { ConfirmButton } from '../ui/dialog';
import { DirectoryPicker } from '../ui/directory-picker';
import { NativeField } from '../ui/fields';
import { errorText } from '../ui/errors';
import { useExport } from '../ui/use-export';
import { peopleSource } from './queries';
import { useAddAgendaItem, useDeleteMeeting, useReorderAgenda } from './mutations';
import { meetingKeys } from './queries';

/** The meeting's tabs: each one's name (with a count where it has one) and its panel. */
const TABS: { id: string; label: (d: MeetingDetail) => string; Panel: (props: { detail: MeetingDetail }) => ReactNode }[] = [
  { id: 'agenda', label: () => 'Agenda', Panel: AgendaTab },
  { id: 'attendance', label: (d) => `Attendance (${d.attendance.length})`, Panel: AttendanceTab },
  { id: 'minutes', label: () => 'Minutes', Panel: MinutesTab },
  { id: 'actions', label: (d) => `Actions (${d.actions.length})`, Panel: ActionsTab },
];

export function MeetingDetailView({ meetingId, tab }: { meetingId: number; tab: string | undefined }) {
  const detail = useQuery({
    queryKey: meetingKeys.detail(meetingId),
    queryFn: () => call('meetings.get', { id: meetingId }),
  });
  const [message, setMessage] = useMessage(meetingId);
  const exporter = useExport(setMessage);
  const remove = useDeleteMeeting({
    onSuccess: () => navigate('/meetings'),
    onError: (e) => setMessage({ tone: 'error', text: errorText(e, 'Could not delete the meeting.') }),
  });
  const exportMinutes = useCallback(
    () => void exporter.run('the minutes', () => call('meetings.export.minutes', { meetingId })),
    [exporter, meetingId],
  );
  useShortcut('e', exportMinutes);

  if (!detail.data) {
    return <Page title="Meeting">{detail.isError ? <Notice tone="error">{detail.error.message}</Notice> : 'Loading…'}</Page>;
  }
  const d = detail.data;
  const m = d.meeting;
  const selected = TABS.some((t) => t.id === tab) ? (tab as string) : 'agenda';
  return (
    <Page
      title={m.title}
      actions={
        <>
          <Button className="button" onPress={() => navigate(`/meetings/${m.id}/edit`)}>
            Edit details
          </Button>
          <ConfirmButton
            label="Delete meeting"
            confirmLabel="Delete it"
            question="Delete this meeting, its agenda, attendance and decisions? Its actions stay in the log."
            onConfirm={() => remove.mutate({ id: meetingId })}
          />
        </>
      }
    >
      <p className="meeting-facts">
        <span>{describeMeetingTime(m.startsAt, m.endsAt)} (UK time)</span>
        <span>
          {m.groupName} · {GROUP_KIND_LABELS[m.type]}
        </span>
        {m.location ? <span>{m.location}</span> : null}
        {m.onlineLink ? <ExternalLink url={m.onlineLink}>Online link</ExternalLink> : null}
        <span className="tag">{m.marking}</span>
        <span>{m.status === 'planned' ? 'Planned' : m.status === 'held' ? 'Held' : 'Cancelled'}</span>
        {m.chairName ? <span>Chair: {m.chairName}</span> : null}
        {m.minuteTakerName ? <span>Minutes: {m.minuteTakerName}</span> : null}
      </p>
      {d.statusNote ? <p className="muted">{d.statusNote}</p> : null}
      <div className="toolbar export-bar" role="group" aria-label="Export">
        <Button
          className="button"
          isDisabled={exporter.busy}
          onPress={() => void exporter.run('the agenda', () => call('meetings.export.agenda', { meetingId }))}
        >
          Export agenda
        </Button>
        <Button className="button" isDisabled={exporter.busy} onPress={exportMinutes} aria-keyshortcuts="Control+E">
          Export minutes
        </Button>
        <Button
          className="button"
          isDisabled={exporter.busy}
          onPress={() => void exporter.run('the meeting pack', () => call('meetings.export.pack', { meetingId }))}
        >
          Export meeting pack
        </Button>
        <Button
          className="button"
          isDisabled={exporter.busy}
          onPress={() => void exporter.run('the invitation', () => call('meetings.export.ics', { meetingIds: [meetingId] }))}
        >
          Calendar invitation (.ics)
        </Button>
      </div>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <Tabs selectedKey={selected} onSelectionChange={(k) => navigate(`/meetings/${m.id}/${String(k)}`)}>
        <TabList aria-label="Meeting" className="tabs">
          {TABS.map((t) => (
            <Tab key={t.id} id={t.id}>
              {t.label(d)}
            </Tab>
          ))}
        </TabList>
        {TABS.map(({ id, Panel }) => (
          <TabPanel key={id} id={id} className="tab-panel">
            <Panel detail={d} />
          </TabPanel>
        ))}
      </Tabs>
    </Page>
  );
}

function AgendaTab({ detail }: { detail: MeetingDetail }) {
  const [message, setMessage] = useMessage(detail.meeting.id);
  const [editing, setEditing] = useState<number | null>(null);
  const [title, setTitle] = useState('');
  const [lead, setLead] = useState<Picked>(null);
  const [minutes, setMinutes] = useState('');
  const items = detail.agenda;
  const meetingId = detail.meeting.id;

  const reorder = useReorderAgenda({
    onError: (e) => setMessage({ tone: 'error', text: errorText(e, 'Could not reorder the agenda.') }),
  });
  const move = (id: number, by: -1 | 1) => {
    const ids = items.map((i) => i.id);
    const at = ids.indexOf(id);
    const to = at + by;
    if (to < 0 || to >= ids.length) return;
    ids.splice(at, 1);
    ids.splice(to, 0, id);
    reorder.mutate({ meetingId, itemIds: ids });
    const item = items[at]!;
    setMessage({ tone: 'info', text: `Moved “${item.title}” to position ${to + 1} of ${ids.length}.` });
  };
  const { dragAndDropHooks } = useDragAndDrop({
    getItems: (keys) => [...keys].map((key) => ({ 'text/plain': items.find((i) => i.id === key)?.title ?? String(key) })),
    onReorder: (e) => {
      const moving = items.filter((i) => e.keys.has(i.id)).map((i) => i.id);
      const rest = items.map((i) => i.id).filter((id) => !e.keys.has(id));
      let index = rest.indexOf(e.target.key as number);
      if (e.target.dropPosition === 'after') index += 1;
      rest.splice(index, 0, ...moving);
      reorder.mutate({ meetingId, itemIds: rest });
    },
  });
  const add = useAddAgendaItem({
    onSuccess: (_items, req) => {
      setMessage({ tone: 'success', text: `“${req.title}” added to the agenda.` });
      setTitle('');
      setLead(null);
      setMinutes('');
    },
    onError: (e) => setMessage({ tone: 'error', text: errorText(e, 'Could not add the item.') }),
  });
  const total = items.reduce((n, i) => n + (i.minutesAllowed ?? 0), 0);

  return (
    <div className="agenda">
      <p className="muted">
        Drag an item by its handle, or use Move up and Move down. {total > 0 ? `Time allowed in total: ${total} minutes.` : ''}
      </p>
      <GridList
        aria-label="Agenda items"
        items={items}
        dragAndDropHooks={dragAndDropHooks}
        className="agenda-list"
        renderEmptyState={() => <p className="muted">The agenda is empty. Add an item below.</p>}
      >
        {(item) => {
          const n = items.indexOf(item);
          return (
            <GridListItem id={item.id} textValue={`${n + 1}. ${item.title}`} className="agenda-row">
              <Button slot="drag" className="drag-handle" aria-label={`Drag “${item.title}”`}>
                ⠿
              </Button>
              <span className="agenda-number">{n + 1}.</span>
              <span className="agenda-title">
                {item.title}
                {item.kind === 'matters_arising' ? (
                  <span className="muted">
                    {' '}
                    · {detail.mattersArising.length} open action{detail.mattersArising.length === 1 ? '' : 's'}
                  </span>
                ) : null}
                {item.papers.length > 0 ? (
                  <span className="muted">
                    {' '}
                    · {item.papers.length} paper{item.papers.length === 1 ? '' : 's'}
                  </span>
                ) : null}
              </span>
              <span className="agenda-lead">{item.leadName}</span>
              <span className="agenda-time">{item.minutesAllowed === null ? '' : `${item.minutesAllowed} min`}</span>
              <Button
                className="button small"
                aria-label={`Move “${item.title}” up`}
                isDisabled={n === 0 || reorder.isPending}
                onPress={() => move(item.id, -1)}
              >
                Move up
              </Button>
              <Button
                className="button small"
                aria-label={`Move “${item.title}” down`}
                isDisabled={n === items.length - 1 || reorder.isPending}
                onPress={() => move(item.id, 1)}
              >
                Move down
              </Button>
              <Button className="button small" aria-label={`Edit “${item.title}”`} onPress={() => setEditing(item.id)}>
                Edit
              </Button>
            </GridListItem>
          );
        }}
      </GridList>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {editing !== null && items.some((i) => i.id === editing) ? (
        <AgendaItemEditor key={editing} item={items.find((i) => i.id === editing)!} onClose={() => setEditing(null)} />
      ) : null}
      {detail.mattersArising.length > 0 ? (
        <ActionsTable
          actions={detail.mattersArising}
          caption="Matters arising: open actions from earlier meetings of this group"
        />
      ) : (
        <p className="muted">Matters arising: no open actions from earlier meetings of this group.</p>
      )}
      <form
        className="form add-item"
        aria-label="Add an agenda item"
        onSubmit={(e) => {
          e.preventDefault();
          if (title.trim() === '') {
            setMessage({ tone: 'error', text: 'Enter a title for the item.' });
            return;
          }
          add.mutate({
            meetingId,
            title: title.trim(),
            leadPersonId: lead?.id ?? null,
            minutesAllowed: minutes === '' ? null : Number(minutes),
          });
        }}
      >
        <h2>Add an agenda item</h2>
        <NativeField label="Item title" value={title} onChange={setTitle} required />
        <div className="inline-row">
          <DirectoryPicker source={peopleSource} label="Lead" value={lead} onPick={setLead} />
          <NativeField label="Minutes allowed" type="number" value={minutes} onChange={setMinutes} />
        </div>
        <FormActions submit="Add item" busy={add.isPending} />
      </form>
    </div>
  );
}
