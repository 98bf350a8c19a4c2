import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { meetingCreateReq } from '../../../shared/contract/meetings';
import { Button, Form } from 'react-aria-components';
import type { GroupKind, Meeting } from '../../../shared/meetings/model';
import { GROUP_KIND_LABELS, GROUP_KINDS } from '../../../shared/meetings/model';
import type { ProtectiveMarking } from '../../../shared/markings';
import { PROTECTIVE_MARKINGS } from '../../../shared/markings';
import { LocalTimeError, checkMeetingTimes, isoToLondon, londonLocalToIso } from '../../../shared/meetings/time';
import { call } from '../api/client';
import { FormActions, FormDate, FormNative, FormPicker, FormSelect, pickedField, useContractForm } from '../ui/form';
import { FormStaleNotice, refusedAsStale } from '../ui/stale-write';
import { Notice, useMessage } from '../ui/notice';
import { Page } from '../ui/page';
import { useShortcut } from '../ui/shortcuts';
import { navigate } from '../ui/router';
import { NativeField, SelectField } from '../ui/fields';
import { errorText } from '../ui/errors';
import { useStaleWrite } from '../ui/stale-write';
import { peopleSource } from './queries';
import { useAddGroup, useSaveMeeting } from './mutations';
import { meetingKeys } from './queries';
import { settingsKeys } from '../settings/queries';

const fields = meetingCreateReq.shape;

/** London wall-clock times to instants, or the words for what is wrong with them. */
function meetingTimes(d: { date: string; startTime: string; endTime: string }) {
  const problems: { startTime?: string; endTime?: string } = {};
  let startsAt = '';
  let endsAt = '';
  try {
    startsAt = londonLocalToIso(d.date, d.startTime);
  } catch (e) {
    problems.startTime = e instanceof LocalTimeError ? e.message : 'Enter a start time';
  }
  try {
    endsAt = londonLocalToIso(d.date, d.endTime);
  } catch (e) {
    problems.endTime = e instanceof LocalTimeError ? e.message : 'Enter an end time';
  }
  if (startsAt && endsAt) {
    const problem = checkMeetingTimes(startsAt, endsAt);
    if (problem) problems.endTime = problem;
  }
  return { startsAt, endsAt, problems };
}

/** The meeting form: the contract's rules for each field, with the date and times as typed in UK time. */
const meetingForm = z
  .object({
    title: fields.title,
    groupId: z.string().min(1, 'Choose the group this meeting belongs to'),
    type: fields.type,
    date: z.string().min(1, 'Enter the date'),
    startTime: z.string(),
    endTime: z.string(),
    location: fields.location,
    onlineLink: fields.onlineLink.refine((v) => v === '' || /^https?:\/\/\S+$/i.test(v), 'Enter a web address starting https://'),
    chair: pickedField(),
    minuteTaker: pickedField(),
    marking: fields.marking,
    status: fields.status,
  })
  .superRefine((d, ctx) => {
    if (d.date === '') return;
    const { problems } = meetingTimes(d);
    for (const [path, message] of Object.entries(problems)) ctx.addIssue({ code: 'custom', path: [path], message });
  });
type Draft = z.input<typeof meetingForm>;

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
  const groups = useQuery({ queryKey: meetingKeys.groups(), queryFn: () => call('meetings.groups.list', {}) });
  const form = useContractForm(meetingForm, initial, {
    guardMessage: 'This meeting has changes that are not saved. Leave and lose them?',
  });
  const { control } = form;
  const stale = useStaleWrite({ version, value: initial }, { labels: FIELD_LABELS });
  const [message, setMessage] = useMessage(meetingId);
  const [newGroup, setNewGroup] = useState({ name: '', kind: 'sub_group' as GroupKind });

  /** Choosing a group brings its kind, and its name as the title if none is typed yet. */
  const chooseGroup = (groupId: string, kind: GroupKind | undefined, name: string | undefined) => {
    form.setValue('groupId', groupId, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
    if (kind) form.setValue('type', kind, { shouldDirty: true });
    if (form.getValues('title') === '' && name) form.setValue('title', name, { shouldDirty: true });
  };

  const addGroup = useAddGroup({
    onSuccess: (g) => {
      chooseGroup(String(g.id), g.kind, g.name);
      setNewGroup({ name: '', kind: 'sub_group' });
      setMessage({ tone: 'success', text: `Group “${g.name}” added.` });
    },
    onError: (e) => setMessage({ tone: 'error', text: errorText(e, 'Could not add the group.') }),
  });

  const save = useSaveMeeting({
    onSuccess: (d) => {
      form.reset(form.getValues());
      navigate(`/meetings/${d.meeting.id}`, { force: true });
    },
    onError: async (e) => {
      const reload =
        meetingId === null
          ? null
          : async () => {
              const theirs = (await call('meetings.get', { id: meetingId })).meeting;
              return { version: theirs.version, value: fromMeeting(theirs) };
            };
      if (await refusedAsStale(e, stale, reload)) setMessage(null);
      else setMessage({ tone: 'error', text: errorText(e, 'Could not save the meeting.') });
    },
  });

  const submit = form.handleSubmit(
    (draft) => {
      setMessage(null);
      const { startsAt, endsAt } = meetingTimes(draft);
      save.mutate({
        id: meetingId,
        version: stale.version,
        value: {
          title: draft.title,
          groupId: Number(draft.groupId),
          type: draft.type,
          startsAt,
          endsAt,
          location: draft.location,
          onlineLink: draft.onlineLink,
          chairPersonId: draft.chair?.id ?? null,
          minuteTakerPersonId: draft.minuteTaker?.id ?? null,
          marking: draft.marking,
          status: draft.status,
        },
      });
    },
    () => setMessage({ tone: 'error', text: 'Check the highlighted fields.' }),
  );
  useShortcut('s', () => void submit());

  const errors = form.formState.errors;
  const groupId = form.watch('groupId');

  const title = meetingId === null ? 'Schedule a meeting' : 'Edit meeting';
  return (
    <Page title={title}>
      <Form className="form" aria-label={title} validationBehavior="aria" onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>Meeting</legend>
          <div className="field">
            <label htmlFor="meeting-group">
              Group<span aria-hidden="true"> *</span>
            </label>
            <select
              id="meeting-group"
              value={groupId}
              aria-invalid={errors.groupId ? true : undefined}
              aria-describedby={errors.groupId ? 'meeting-group-error' : 'meeting-group-help'}
              onChange={(e) => {
                const g = groups.data?.find((x) => String(x.id) === e.target.value);
                chooseGroup(e.target.value, g?.kind, g?.name);
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
                {errors.groupId.message}
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
                onPress={() => addGroup.mutate(newGroup)}
              >
                Add group
              </Button>
            </div>
          </details>
          <FormNative control={control} name="title" label="Title" required />
          <FormSelect
            control={control}
            name="type"
            label="Type"
            options={GROUP_KINDS.map((k) => ({ value: k, label: GROUP_KIND_LABELS[k] }))}
          />
        </fieldset>
        <fieldset>
          <legend>When (UK time)</legend>
          <FormDate control={control} name="date" label="Date" isRequired />
          <div className="inline-row">
            <FormNative control={control} name="startTime" label="Start time" type="time" required />
            <FormNative control={control} name="endTime" label="End time" type="time" required />
          </div>
        </fieldset>
        <fieldset>
          <legend>Where</legend>
          <FormNative
            control={control}
            name="location"
            label="Location"
            description="A room and building, or leave blank if online only."
          />
          <FormNative control={control} name="onlineLink" label="Online link" type="url" />
        </fieldset>
        <fieldset>
          <legend>People and handling</legend>
          <FormPicker control={control} name="chair" label="Chair" source={peopleSource} />
          <FormPicker control={control} name="minuteTaker" label="Minute-taker" source={peopleSource} />
          <FormSelect
            control={control}
            name="marking"
            label="Protective marking"
            options={PROTECTIVE_MARKINGS.map((m) => ({ value: m, label: m }))}
          />
          <FormSelect
            control={control}
            name="status"
            label="Status"
            options={[
              { value: 'planned', label: 'Planned' },
              { value: 'held', label: 'Held' },
              { value: 'cancelled', label: 'Cancelled' },
            ]}
          />
        </fieldset>
        {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
        <FormStaleNotice what="This meeting" form={form} stale={stale} />
        <FormActions
          submit={meetingId === null ? 'Schedule meeting' : 'Save meeting'}
          busy={save.isPending}
          busyLabel="Saving…"
          keyShortcuts="Control+S"
          onCancel={() => navigate(meetingId === null ? '/meetings' : `/meetings/${meetingId}`)}
        />
      </Form>
    </Page>
  );
}
