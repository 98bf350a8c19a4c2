import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { GROUP_KIND_LABELS } from '../../../shared/meetings/model';
import type { MeetingSummary } from '../../../shared/meetings/model';
import { describeMeetingTime } from '../../../shared/meetings/time';
import { call } from '../api/client';
import { RecordTable } from '../ui/data-table';
import { Notice, useMessage } from '../ui/notice';
import { EmptyState, Page } from '../ui/page';
import { useShortcut } from '../ui/shortcuts';
import { navigate, useRoute } from '../ui/router';
import { ActionLog } from './action-log';
import { GroupFilter } from './group-filter';
import { useExport } from '../ui/use-export';
import { MeetingDetailView } from './meeting-detail';
import { MeetingForm } from './meeting-form';
import { ShareLog } from './share-log';
import './meetings.css';
import { meetingKeys } from './queries';
import { SubNav } from '../ui/subnav';

/** The Meetings area: its own small set of routes under #/meetings. */
export function MeetingsScreen() {
  const route = useRoute();
  const parts = route.split('/').filter(Boolean); // ['meetings', ...]
  const sub = parts[1];
  let body;
  if (sub === 'actions') body = <ActionLog selectedId={parts[2] && /^\d+$/.test(parts[2]) ? Number(parts[2]) : null} />;
  else if (sub === 'sharing') body = <ShareLog />;
  else if (sub === 'new') body = <MeetingForm meetingId={null} />;
  else if (sub && /^\d+$/.test(sub) && parts[2] === 'edit') body = <MeetingForm meetingId={Number(sub)} />;
  else if (sub && /^\d+$/.test(sub)) body = <MeetingDetailView meetingId={Number(sub)} tab={parts[2]} />;
  else body = <MeetingList />;
  const current = sub === 'actions' ? 'actions' : sub === 'sharing' ? 'sharing' : 'meetings';
  return (
    <>
      <SubNav
        label="Meetings sections"
        sections={[
          { href: '/meetings', label: 'Meetings', current: current === 'meetings' },
          { href: '/meetings/actions', label: 'Action log', current: current === 'actions' },
          { href: '/meetings/sharing', label: 'Decisions to share', current: current === 'sharing' },
        ]}
      />
      {body}
    </>
  );
}

function MeetingRows({ meetings, label }: { meetings: MeetingSummary[]; label: string }) {
  return (
    <RecordTable
      label={label}
      rows={meetings}
      rowKey={(m) => m.id}
      rowProps={(m) => ({ className: m.status === 'cancelled' ? 'is-cancelled' : undefined })}
      columns={[
        {
          key: 'meeting',
          label: 'Meeting',
          render: (m) => (
            <>
              <a href={`#/meetings/${m.id}`}>{m.title}</a>
              {m.marking === 'OFFICIAL-SENSITIVE' ? <span className="tag">OFFICIAL-SENSITIVE</span> : null}
            </>
          ),
        },
        { key: 'when', label: 'When (UK time)', render: (m) => describeMeetingTime(m.startsAt, m.endsAt) },
        {
          key: 'group',
          label: 'Group',
          render: (m) => (
            <>
              {m.groupName} <span className="muted">({GROUP_KIND_LABELS[m.type]})</span>
            </>
          ),
        },
        {
          key: 'status',
          label: 'Status',
          render: (m) => (m.status === 'planned' ? 'Planned' : m.status === 'held' ? 'Held' : 'Cancelled'),
        },
      ]}
    />
  );
}

function MeetingList() {
  const [groupId, setGroupId] = useState('');
  const gid = groupId === '' ? null : Number(groupId);
  const upcoming = useQuery({
    queryKey: meetingKeys.list('upcoming', gid),
    queryFn: () => call('meetings.list', { when: 'upcoming', groupId: gid }),
  });
  const past = useQuery({
    queryKey: meetingKeys.list('past', gid),
    queryFn: () => call('meetings.list', { when: 'past', groupId: gid, limit: 50 }),
  });
  const rates = useQuery({ queryKey: meetingKeys.rates(), queryFn: () => call('meetings.attendance.rates', {}) });
  const [message, setMessage] = useMessage(null);
  const exporter = useExport(setMessage);
  useShortcut('n', () => navigate('/meetings/new'));
  const series = (upcoming.data ?? []).filter((m) => m.status !== 'cancelled').slice(0, 100);

  const nothing = upcoming.data?.length === 0 && past.data?.length === 0 && gid === null;
  return (
    <Page
      title="Meetings"
      actions={
        <Button className="button primary" onPress={() => navigate('/meetings/new')} aria-keyshortcuts="Control+N">
          Schedule a meeting
        </Button>
      }
    >
      {upcoming.isError ? <Notice tone="error">{upcoming.error.message}</Notice> : null}
      {nothing ? (
        <EmptyState
          title="No meetings yet"
          action={
            <Button className="button primary" onPress={() => navigate('/meetings/new')}>
              Schedule the first meeting
            </Button>
          }
        >
          <p>
            Schedule a meeting of the strategic board, an operational group or a sub-group. Each new meeting starts with the usual
            agenda, and its matters arising fill themselves with the open actions from the group&apos;s earlier meetings.
          </p>
          <p>Invite people from the partner directory, record who came, take minutes and export the papers to Word.</p>
        </EmptyState>
      ) : (
        <>
          <div className="toolbar list-filters">
            <GroupFilter value={groupId} onChange={setGroupId} />
            {gid !== null && series.length > 0 ? (
              <Button
                className="button"
                isDisabled={exporter.busy}
                onPress={() =>
                  void exporter.run('the invitations', () => call('meetings.export.ics', { meetingIds: series.map((m) => m.id) }))
                }
              >
                Invitations for this group’s upcoming meetings (.ics)
              </Button>
            ) : null}
          </div>
          {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
          <section aria-labelledby="upcoming-heading">
            <h2 id="upcoming-heading">Upcoming</h2>
            {upcoming.data && upcoming.data.length > 0 ? (
              <MeetingRows meetings={upcoming.data} label="Upcoming meetings" />
            ) : (
              <p className="muted">
                No upcoming meetings{gid !== null ? ' for this group' : ''}. Use “Schedule a meeting” to add one.
              </p>
            )}
          </section>
          <section aria-labelledby="past-heading">
            <h2 id="past-heading">Past</h2>
            {past.data && past.data.length > 0 ? (
              <MeetingRows meetings={past.data} label="Past meetings" />
            ) : (
              <p className="muted">No past meetings yet.</p>
            )}
          </section>
          <section aria-labelledby="rates-heading">
            <h2 id="rates-heading">Attendance by organisation, last 12 months</h2>
            {rates.data && rates.data.length > 0 ? (
              <RecordTable
                className="data-table compact"
                label="Attendance by organisation, last 12 months"
                rows={rates.data}
                rowKey={(r) => r.organisationId}
                columns={[
                  { key: 'organisation', label: 'Organisation', render: (r) => r.organisationName },
                  { key: 'meetings', label: 'Meetings', render: (r) => r.meetings },
                  { key: 'present', label: 'Present', render: (r) => r.present },
                  { key: 'rate', label: 'Rate', render: (r) => (r.rate === null ? '–' : `${Math.round(r.rate * 100)}%`) },
                ]}
              />
            ) : (
              <p className="muted">
                Rates appear once attendance is recorded for past meetings. Attending or sending a deputy counts as present.
              </p>
            )}
          </section>
        </>
      )}
    </Page>
  );
}
