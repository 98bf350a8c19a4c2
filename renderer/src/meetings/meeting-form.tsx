import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import type { GroupKind, Meeting, MeetingStatus } from '../../../shared/meetings/model';
import { GROUP_KIND_LABELS, GROUP_KINDS } from '../../../shared/meetings/model';
import type { ProtectiveMarking } from '../../../shared/markings';
import { PROTECTIVE_MARKINGS } from '../../../shared/markings';
import { LocalTimeError, checkMeetingTimes, isoToLondon, londonLocalToIso } from '../../../shared/meetings/time';
import { call } from '../api/client';
import { DateField } from '../ui/date-field';
import { Notice, useMessage } from '../ui/notice';
import { Page } from '../ui/page';
import { useLeaveGuard } from '../ui/leave-guard';
import { useShortcut } from '../ui/shortcuts';
import { navigate } from '../ui/router';
import type { Picked } from './queries';
import { DirectoryPicker } from '../ui/directory-picker';
import { NativeField, SelectField } from '../ui/fields';
import { errorText, isStale } from '../ui/errors';
import { StaleWriteNotice, useStaleWrite } from '../ui/stale-write';
import { useRefresh, peopleSource } from './queries';
import { meetingKeys } from './queries';
import { settingsKeys } from '../settings/queries';

type Draft = {
  title: string;
  groupId: string;
  type: GroupKind;
  date: string;
  startTime: string;
  endTime: string;
  location: string;
  onlineLink: string;
  chair: Picked;
  minuteTaker: Picked;
  marking: ProtectiveMarking;
  status: MeetingStatus;
};

const FIELD_LABELS: Record<keyof Draft, string> = {
  title: 'title',
  groupId: 'group',
  type: 'type',
  date: 'date',
  startTime: 'start time',
  endTime: 'end time',
  location: 'location',
  onlineLink: 'online link',
  chair: 'chair',
  minuteTaker: 'minute-taker',
  marking: 'marking',
  status: 'status',
};

function fromMeeting(m: Meeting): Draft {
  const s = isoToLondon(m.startsAt);
  const e = isoToLondon(m.endsAt);
  return {
    title: m.title,
    groupId: String(m.groupId),
    type: m.type,
    date: s.date,
    startTime: s.time,
    endTime: e.time,
    location: m.location,
    onlineLink: m.onlineLink,
    chair: m.chairPersonId ? { id: m.chairPersonId, name: m.chairName } : null,
    minuteTaker: m.minuteTakerPersonId ? { id: m.minuteTakerPersonId, name: m.minuteTakerName } : null,
    marking: m.marking,
    status: m.status,
  };
}

const blank = (marking: ProtectiveMarking): Draft => ({
  title: '',
  groupId: '',
  type: 'strategic_board',
  date: '',
  startTime: '10:00',
  endTime: '12:00',
  location: '',
  onlineLink: '',
  chair: null,
  minuteTaker: null,
  marking,
  status: 'planned',
});

export function MeetingForm({ meetingId }: { meetingId: number | null }) {
  const settings = useQuery({ queryKey: settingsKeys.settings, queryFn: () => call('settings.get', {}) });
  const existing = useQuery({
    queryKey: meetingKeys.detail(meetingId),
    queryFn: () => call('meetings.get', { id: meetingId! }),
    enabled: meetingId !== null,
  });
  if (meetingId !== null && !existing.data) {
    return (
      <Page title="Edit meeting">{existing.isError ? <Notice tone="error">{existing.error.message}</Notice> : 'Loading…'}</Page>
    );
  }
  if (!settings.data) return <Page title="Schedule a meeting">Loading…</Page>;
  const initial = existing.data ? fromMeeting(existing.data.meeting) : blank(settings.data.defaultMarking);
  return (
    <MeetingFormBody
      key={meetingId ?? 'new'}
      meetingId={meetingId}
      version={existing.data?.meeting.version ?? 1}
      initial={initial}
    />
  );
}

function MeetingFormBody({ meetingId, version, initial }: { meetingId: number | null; version: number; initial: Draft }) {
  const refresh = useRefresh();
  const groups = useQuery({ queryKey: meetingKeys.groups(), queryFn: () => call('meetings.groups.list', {}) });
  const [draft, setDraft] = useState<Draft>(initial);
  const stale = useStaleWrite(initial, version);
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [message, setMessage] = useMessage(meetingId);
  const [newGroup, setNewGroup] = useState({ name: '', kind: 'sub_group' as GroupKind });
  const dirty = JSON.stringify(draft) !== JSON.stringify(stale.base);
  useLeaveGuard(dirty, { message: 'This meeting has changes that are not saved. Leave and lose them?' });

  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  const addGroup = useMutation({
    mutationFn: () => call('meetings.groups.create', newGroup),
    onSuccess: async (g) => {
      await refresh();
      setDraft((d) => ({ ...d, groupId: String(g.id), type: g.kind, title: d.title || g.name }));
      setNewGroup({ name: '', kind: 'sub_group' });
      setMessage({ tone: 'success', text: `Group “${g.name}” added.` });
    },
    onError: (e) => setMessage({ tone: 'error', text: errorText(e, 'Could not add the group.') }),
  });

  const save = useMutation({
    mutationFn: (payload: Parameters<typeof call<'meetings.create'>>[1]) =>
      meetingId === null
        ? call('meetings.create', payload)
        : call('meetings.update', { id: meetingId, version: stale.version, ...payload }),
    onSuccess: async (d) => {
      await refresh();
      navigate(`/meetings/${d.meeting.id}`, { force: true });
    },
    onError: async (e) => {
      if (meetingId !== null && isStale(e)) {
        try {
          const theirs = (await call('meetings.get', { id: meetingId })).meeting;
          setMessage(null);
          stale.refused(draft, fromMeeting(theirs), theirs.version);
          return;
        } catch {
          // Fall through to the plain message.
        }
      }
      setMessage({ tone: 'error', text: errorText(e, 'Could not save the meeting.') });
    },
  });

  const submit = useCallback(() => {
    const next: Partial<Record<keyof Draft, string>> = {};
    if (draft.title.trim() === '') next.title = 'Enter a title';
    if (draft.groupId === '') next.groupId = 'Choose the group this meeting belongs to';
    if (draft.date === '') next.date = 'Enter the date';
    let startsAt = '';
    let endsAt = '';
    if (draft.date !== '') {
      try {
        startsAt = londonLocalToIso(draft.date, draft.startTime);
      } catch (e) {
        next.startTime = e instanceof LocalTimeError ? e.message : 'Enter a start time';
      }
      try {
        endsAt = londonLocalToIso(draft.date, draft.endTime);
      } catch (e) {
        next.endTime = e instanceof LocalTimeError ? e.message : 'Enter an end time';
      }
      if (startsAt && endsAt) {
        const problem = checkMeetingTimes(startsAt, endsAt);
        if (problem) next.endTime = problem;
      }
    }
    if (draft.onlineLink !== '' && !/^https?:\/\/\S+$/i.test(draft.onlineLink))
      next.onlineLink = 'Enter a web address starting https://';
    setErrors(next);
    if (Object.keys(next).length > 0) {
      setMessage({ tone: 'error', text: 'Check the highlighted fields.' });
      return;
    }
    setMessage(null);
    save.mutate({
      title: draft.title.trim(),
      groupId: Number(draft.groupId),
      type: draft.type,
      startsAt,
      endsAt,
      location: draft.location.trim(),
      onlineLink: draft.onlineLink.trim(),
      chairPersonId: draft.chair?.id ?? null,
      minuteTakerPersonId: draft.minuteTaker?.id ?? null,
      marking: draft.marking,
      status: draft.status,
    });
  }, [draft, save, setMessage]);
  useShortcut('s', submit);

  const title = meetingId === null ? 'Schedule a meeting' : 'Edit meeting';
  return (
    <Page title={title}>
      <Form
        className="form"
        aria-label={title}
        validationBehavior="aria"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <fieldset>
          <legend>Meeting</legend>
          <div className="field">
            <label htmlFor="meeting-group">
              Group<span aria-hidden="true"> *</span>
            </label>
            <select
              id="meeting-group"
              value={draft.groupId}
              aria-invalid={errors.groupId ? true : undefined}
              aria-describedby={errors.groupId ? 'meeting-group-error' : 'meeting-group-help'}
              onChange={(e) => {
                const g = groups.data?.find((x) => String(x.id) === e.target.value);
                setDraft((d) => ({ ...d, groupId: e.target.value, type: g?.kind ?? d.type, title: d.title || g?.name || '' }));
              }}
            >
              <option value="">Choose a group…</option>
              {(groups.data ?? []).map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
            <span id="meeting-group-help" className="field-help">
              Matters arising come from earlier meetings of the same group.
            </span>
            {errors.groupId ? (
              <span id="meeting-group-error" className="field-error">
                {errors.groupId}
              </span>
            ) : null}
          </div>
          <details className="inline-add" open={groups.data?.length === 0 ? true : undefined}>
            <summary>Add a new group</summary>
            <div className="inline-row">
              <NativeField
                label="New group name"
                value={newGroup.name}
                onChange={(v) => setNewGroup((g) => ({ ...g, name: v }))}
              />
              <SelectField
                label="Kind of group"
                value={newGroup.kind}
                onChange={(v) => setNewGroup((g) => ({ ...g, kind: v }))}
                options={GROUP_KINDS.map((k) => ({ value: k, label: GROUP_KIND_LABELS[k] }))}
              />
              <Button
                className="button"
                isDisabled={newGroup.name.trim() === '' || addGroup.isPending}
                onPress={() => addGroup.mutate()}
              >
                Add group
              </Button>
            </div>
          </details>
          <NativeField label="Title" value={draft.title} onChange={set('title')} error={errors.title} required />
          <SelectField
            label="Type"
            value={draft.type}
            onChange={set('type')}
            options={GROUP_KINDS.map((k) => ({ value: k, label: GROUP_KIND_LABELS[k] }))}
          />
        </fieldset>
        <fieldset>
          <legend>When (UK time)</legend>
          <DateField label="Date" value={draft.date} onChange={set('date')} error={errors.date} isRequired />
          <div className="inline-row">
            <NativeField
              label="Start time"
              type="time"
              value={draft.startTime}
              onChange={set('startTime')}
              error={errors.startTime}
              required
            />
            <NativeField
              label="End time"
              type="time"
              value={draft.endTime}
              onChange={set('endTime')}
              error={errors.endTime}
              required
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>Where</legend>
          <NativeField
            label="Location"
            value={draft.location}
            onChange={set('location')}
            description="A room and building, or leave blank if online only."
          />
          <NativeField
            label="Online link"
            type="url"
            value={draft.onlineLink}
            onChange={set('onlineLink')}
            error={errors.onlineLink}
          />
        </fieldset>
        <fieldset>
          <legend>People and handling</legend>
          <DirectoryPicker source={peopleSource} label="Chair" value={draft.chair} onPick={set('chair')} />
          <DirectoryPicker source={peopleSource} label="Minute-taker" value={draft.minuteTaker} onPick={set('minuteTaker')} />
          <SelectField
            label="Protective marking"
            value={draft.marking}
            onChange={set('marking')}
            options={PROTECTIVE_MARKINGS.map((m) => ({ value: m, label: m }))}
          />
          <SelectField
            label="Status"
            value={draft.status}
            onChange={set('status')}
            options={[
              { value: 'planned', label: 'Planned' },
              { value: 'held', label: 'Held' },
              { value: 'cancelled', label: 'Cancelled' },
            ]}
          />
        </fieldset>
        {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
        {stale.stale ? (
          <StaleWriteNotice
            what="This meeting"
            conflicts={stale.stale.conflicts.map((k) => FIELD_LABELS[k])}
            onMerge={() => setDraft(stale.keepMine(draft))}
            onReload={() => setDraft(stale.takeTheirs(draft))}
          />
        ) : null}
        <div className="form-actions">
          <Button type="submit" className="button primary" isDisabled={save.isPending} aria-keyshortcuts="Control+S">
            {save.isPending ? 'Saving…' : meetingId === null ? 'Schedule meeting' : 'Save meeting'}
          </Button>
          <Button className="button" onPress={() => navigate(meetingId === null ? '/meetings' : `/meetings/${meetingId}`)}>
            Cancel
          </Button>
        </div>
      </Form>
    </Page>
  );
}
