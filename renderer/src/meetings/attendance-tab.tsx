import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { AttendanceRecord, AttendanceStatus, MeetingDetail } from '../../../shared/meetings/model';
import { ATTENDANCE_LABELS, ATTENDANCE_STATUSES } from '../../../shared/meetings/model';
import { RecordTable, buttonColumn } from '../ui/data-table';
import { ConfirmDialog } from '../ui/dialog';
import { DirectoryPicker } from '../ui/directory-picker';
import { errorText } from '../ui/errors';
import { Notice, useMessage } from '../ui/notice';
import { toast } from '../ui/toasts';
import type { Picked } from '../ui/form';
import { organisationSource, peopleSource, useRefresh } from './queries';
import { restoreAttendance, useInvite, useMarkAttendance, useRemoveAttendance } from './mutations';

/** What removing this attendee would lose: recorded attendance, and actions from this meeting they own. */
export function removalWarning(a: AttendanceRecord, detail: MeetingDetail): string[] {
  const out: string[] = [];
  if (a.status !== 'invited')
    out.push(
      `Their attendance is recorded as “${ATTENDANCE_LABELS[a.status]}”${a.deputyName ? ` (deputy: ${a.deputyName})` : ''}.`,
    );
  const owned = detail.actions.filter((x) => x.ownerPersonId === a.personId);
  if (owned.length > 0)
    out.push(
      `They own ${owned.length === 1 ? 'an action' : `${owned.length} actions`} from this meeting (${owned
        .map((x) => `“${x.description}”`)
        .join(', ')}); ${owned.length === 1 ? 'it keeps' : 'they keep'} its owner.`,
    );
  return out;
}

/**
 * Invited people and their attendance. Removing someone can be undone from the toast: they are
 * invited again and their attendance and deputy are put back as they were. Removing someone whose
 * attendance is recorded, or who owns an action from this meeting, asks first and says so.
 */
export function AttendanceTab({ detail }: { detail: MeetingDetail }) {
  const refresh = useRefresh();
  const meetingId = detail.meeting.id;
  const [org, setOrg] = useState<Picked>(null);
  const [person, setPerson] = useState<Picked>(null);
  const [message, setMessage] = useMessage(meetingId);
  const onError = (e: unknown) => setMessage({ tone: 'error', text: errorText(e, 'That did not work.') });
  const invite = useInvite({
    onSuccess: (list, r) => {
      const added = list.length - detail.attendance.length;
      setMessage({
        tone: added > 0 ? 'success' : 'info',
        text:
          added > 0
            ? `Invited ${added} ${added === 1 ? 'person' : 'people'}.`
            : r.organisationId
              ? 'Everyone currently at that organisation is already invited, or it has no current people.'
              : 'Already invited.',
      });
      setOrg(null);
      setPerson(null);
    },
    onError,
  });
  const mark = useMarkAttendance({ onError });
  const restore = async (a: AttendanceRecord) => {
    try {
      await restoreAttendance(meetingId, a);
      await refresh();
      toast('success', `${a.personName} is back on this meeting.`);
    } catch (e) {
      toast('error', errorText(e, `${a.personName} could not be put back.`));
    }
  };
  const remove = useRemoveAttendance({
    onSuccess: (_list, a) => {
      toast('info', `Removed ${a.personName} from this meeting.`, { label: 'Undo', run: () => void restore(a) });
    },
    onError,
  });
  const [confirming, setConfirming] = useState<AttendanceRecord | null>(null);
  const askToRemove = (a: AttendanceRecord) => {
    if (removalWarning(a, detail).length > 0) setConfirming(a);
    else remove.mutate(a);
  };

  return (
    <div>
      <div className="invite-bar">
        <div className="inline-row">
          <DirectoryPicker
            source={organisationSource}
            label="Invite an organisation"
            value={org}
            onPick={setOrg}
            description="Invites everyone in a current post there."
          />
          <Button
            className="button"
            isDisabled={!org || invite.isPending}
            onPress={() => org && invite.mutate({ meetingId, organisationId: org.id })}
          >
            Invite organisation’s people
          </Button>
        </div>
        <div className="inline-row">
          <DirectoryPicker source={peopleSource} label="Invite a person" value={person} onPick={setPerson} />
          <Button
            className="button"
            isDisabled={!person || invite.isPending}
            onPress={() => person && invite.mutate({ meetingId, personIds: [person.id] })}
          >
            Invite person
          </Button>
        </div>
      </div>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {detail.attendance.length === 0 ? (
        <p className="empty-hint">
          No one is invited yet. Invite a whole organisation to add everyone in a current post there, or invite people one by one.
          After the meeting, mark who attended, sent apologies or sent a deputy.
        </p>
      ) : (
        <RecordTable
          label={`Invited (${detail.attendance.length})`}
          caption={`Invited (${detail.attendance.length})`}
          rows={detail.attendance}
          rowKey={(a) => a.id}
          columns={[
            { key: 'name', label: 'Name', render: (a) => a.personName },
            { key: 'organisation', label: 'Organisation', render: (a) => a.organisationName },
            {
              key: 'attendance',
              label: 'Attendance',
              render: (a) => (
                <select
                  aria-label={`Attendance for ${a.personName}`}
                  value={a.status}
                  onChange={(e) =>
                    mark.mutate({ id: a.id, status: e.target.value as AttendanceStatus, deputyName: a.deputyName })
                  }
                >
                  {ATTENDANCE_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {ATTENDANCE_LABELS[s]}
                    </option>
                  ))}
                </select>
              ),
            },
            {
              key: 'deputy',
              label: 'Deputy',
              render: (a) =>
                a.status === 'deputy' ? (
                  <DeputyInput
                    key={`${a.id}-${a.deputyName}`}
                    personName={a.personName}
                    value={a.deputyName}
                    onSave={(v) => mark.mutate({ id: a.id, status: 'deputy', deputyName: v })}
                  />
                ) : null,
            },
            buttonColumn({
              text: 'Remove',
              className: 'button small',
              name: (a) => `Remove ${a.personName} from this meeting`,
              isDisabled: remove.isPending,
              onPress: askToRemove,
            }),
          ]}
        />
      )}
      <ConfirmDialog
        title={`Remove ${confirming?.personName ?? ''}?`}
        isOpen={confirming !== null}
        onClose={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming) remove.mutate(confirming);
          setConfirming(null);
        }}
        confirmLabel="Remove"
        danger
      >
        <p>Removing them from this meeting affects what is recorded:</p>
        <ul>{confirming ? removalWarning(confirming, detail).map((w) => <li key={w}>{w}</li>) : null}</ul>
        <p>You can undo this from the message that follows.</p>
      </ConfirmDialog>
    </div>
  );
}

function DeputyInput({ personName, value, onSave }: { personName: string; value: string; onSave: (v: string) => void }) {
  const [text, setText] = useState(value);
  return (
    <input
      aria-label={`Deputy for ${personName}`}
      value={text}
      placeholder="Who came instead"
      onChange={(e) => setText(e.target.value)}
      onBlur={() => text !== value && onSave(text.trim())}
    />
  );
}
