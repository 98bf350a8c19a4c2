import { z } from 'zod';
import type { SaveOutcome } from '../files';
import { PROTECTIVE_MARKINGS } from '../markings';
import type { OrganisationAttendance } from '../meetings/logic';
import { isPlainFileName } from '../meetings/logic';
import type {
  Action,
  ActionUpdate,
  AgendaItem,
  AttendanceRecord,
  Decision,
  MeetingDetail,
  MeetingGroup,
  MeetingSummary,
  ShareDecision,
} from '../meetings/model';
import { ACTION_STATUSES, ATTENDANCE_STATUSES, FOUR_PS, GROUP_KINDS, MEETING_STATUSES } from '../meetings/model';
import { channel, id, longText, mediumText, shortText } from './common';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD');
/** An instant with its offset, e.g. 2026-07-01T10:00:00+01:00 (Z is accepted too). */
const isoInstant = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, 'Enter a date and time with its offset');
const optionalId = id.nullable();
const url = z
  .string()
  .trim()
  .max(2_000)
  .refine((v) => v === '' || /^https?:\/\/\S+$/i.test(v), 'Enter a web address starting https://');

const meetingFields = {
  title: shortText('Title').min(1, 'Enter a title'),
  groupId: id,
  type: z.enum(GROUP_KINDS),
  startsAt: isoInstant,
  endsAt: isoInstant,
  location: shortText('Location'),
  onlineLink: url,
  chairPersonId: optionalId,
  minuteTakerPersonId: optionalId,
  marking: z.enum(PROTECTIVE_MARKINGS),
  status: z.enum(MEETING_STATUSES),
};
const endAfterStart = (m: { startsAt: string; endsAt: string }) => new Date(m.endsAt).getTime() > new Date(m.startsAt).getTime();
const endMessage = { message: 'The meeting must end after it starts', path: ['endsAt'] };

export const meetingCreateReq = z.object(meetingFields).strict().refine(endAfterStart, endMessage);
export const meetingUpdateReq = z
  .object({ id, version: z.number().int().min(1), ...meetingFields })
  .strict()
  .refine(endAfterStart, endMessage);
export type MeetingInput = z.output<typeof meetingCreateReq>;

const meetingListReq = z
  .object({
    when: z.enum(['upcoming', 'past', 'all']),
    groupId: optionalId.optional(),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .strict();

const agendaAddReq = z
  .object({
    meetingId: id,
    title: shortText('Title').min(1, 'Enter a title for the item'),
    leadPersonId: optionalId,
    minutesAllowed: z.number().int().min(0).max(1440).nullable(),
  })
  .strict();
const agendaUpdateReq = z
  .object({
    id,
    /** The version of the item the edit is based on: two views of the same minutes cannot overwrite each other. */
    version: z.number().int().min(1),
    title: shortText('Title').min(1, 'Enter a title for the item'),
    leadPersonId: optionalId,
    minutesAllowed: z.number().int().min(0).max(1440).nullable(),
    minutes: longText('Minutes'),
  })
  .strict();
const paperReq = z
  .object({
    agendaItemId: id,
    kind: z.enum(['link', 'file']),
    title: shortText('Paper').min(1, 'Name the paper'),
    url,
  })
  .strict()
  .refine((p) => (p.kind === 'link' ? p.url !== '' : p.url === '' && isPlainFileName(p.title)), {
    message: 'A link needs its web address; a file is attached by its name only',
    path: ['title'],
  });

const attendanceInviteReq = z
  .object({ meetingId: id, personIds: z.array(id).max(500).default([]), organisationId: optionalId.default(null) })
  .strict()
  .refine((r) => r.personIds.length > 0 || r.organisationId !== null, 'Choose a person or an organisation to invite');
const attendanceMarkReq = z
  .object({
    id,
    status: z.enum(ATTENDANCE_STATUSES),
    deputyPersonId: optionalId.default(null),
    deputyName: shortText('Deputy').default(''),
  })
  .strict();

export const actionFilterReq = z
  .object({
    overdueOnly: z.boolean().default(false),
    organisationId: optionalId.default(null),
    ownerPersonId: optionalId.default(null),
    groupId: optionalId.default(null),
    meetingId: optionalId.default(null),
    /** Empty means every status. */
    statuses: z.array(z.enum(ACTION_STATUSES)).max(4).default([]),
    search: shortText('Search').default(''),
    limit: z.number().int().min(1).max(1000).default(200),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type ActionFilter = z.output<typeof actionFilterReq>;

const actionFields = {
  meetingId: optionalId,
  agendaItemId: optionalId.default(null),
  description: mediumText('Action').trim().min(1, 'Describe the action'),
  ownerOrganisationId: optionalId,
  ownerPersonId: optionalId,
  dueOn: isoDate.nullable(),
  status: z.enum(ACTION_STATUSES),
  fourPs: z.array(z.enum(FOUR_PS)).max(4).default([]),
};
export const actionCreateReq = z.object(actionFields).strict();
export type ActionInput = z.output<typeof actionCreateReq>;
const actionUpdateReq = z.object({ id, version: z.number().int().min(1), ...actionFields }).strict();

const shareFields = {
  meetingId: optionalId.default(null),
  information: mediumText('What information').trim().min(1, 'Say what information is shared'),
  purpose: mediumText('Why').trim().min(1, 'Say why it is shared'),
  recipients: mediumText('With whom').trim().min(1, 'Say who receives it'),
  sharedOn: isoDate,
  justification: mediumText('Justification').trim().min(1, 'Give the justification'),
  consentSought: z.boolean(),
  noConsentReason: mediumText('Why consent was not sought').trim().default(''),
  decidedBy: shortText('Decided by').default(''),
};
const consentRule = (s: { consentSought: boolean; noConsentReason: string }) => s.consentSought || s.noConsentReason !== '';
const consentMessage = { message: 'Say why consent was not sought', path: ['noConsentReason'] };
export const shareCreateReq = z.object(shareFields).strict().refine(consentRule, consentMessage);
export type ShareInput = z.output<typeof shareCreateReq>;
const shareUpdateReq = z
  .object({ id, version: z.number().int().min(1), ...shareFields })
  .strict()
  .refine(consentRule, consentMessage);

const byId = z.object({ id }).strict();
const byMeeting = z.object({ meetingId: id }).strict();

export type ActionPage = { items: Action[]; total: number; overdue: number };
export type ActionDetail = { action: Action; updates: ActionUpdate[] };

const emptyReq = z.object({}).strict();
const groupCreateReq = z.object({ name: shortText('Group name').min(1, 'Name the group'), kind: z.enum(GROUP_KINDS) }).strict();
const reorderReq = z.object({ meetingId: id, itemIds: z.array(id).min(1).max(200) }).strict();
const actionUpdateNoteReq = z
  .object({ actionId: id, notedOn: isoDate, note: mediumText('Update').trim().min(1, 'Write the update') })
  .strict();
const decisionCreateReq = z
  .object({
    meetingId: id,
    agendaItemId: optionalId.default(null),
    text: mediumText('Decision').trim().min(1, 'Write the decision'),
  })
  .strict();
/** One meeting, or a series: several meetings in one calendar file. */
const icsReq = z.object({ meetingIds: z.array(id).min(1).max(100) }).strict();

export const meetingsChannels = {
  'meetings.groups.list': channel<typeof emptyReq, MeetingGroup[]>(emptyReq),
  'meetings.groups.create': channel<typeof groupCreateReq, MeetingGroup>(groupCreateReq),
  'meetings.list': channel<typeof meetingListReq, MeetingSummary[]>(meetingListReq),
  'meetings.get': channel<typeof byId, MeetingDetail>(byId),
  'meetings.create': channel<typeof meetingCreateReq, MeetingDetail>(meetingCreateReq),
  'meetings.update': channel<typeof meetingUpdateReq, MeetingDetail>(meetingUpdateReq),
  'meetings.delete': channel<typeof byId, { deleted: true }>(byId),
  'meetings.agenda.add': channel<typeof agendaAddReq, AgendaItem[]>(agendaAddReq),
  'meetings.agenda.update': channel<typeof agendaUpdateReq, AgendaItem>(agendaUpdateReq),
  'meetings.agenda.remove': channel<typeof byId, AgendaItem[]>(byId),
  'meetings.agenda.reorder': channel<typeof reorderReq, AgendaItem[]>(reorderReq),
  'meetings.agenda.addPaper': channel<typeof paperReq, AgendaItem>(paperReq),
  'meetings.agenda.removePaper': channel<typeof byId, AgendaItem>(byId),
  'meetings.attendance.invite': channel<typeof attendanceInviteReq, AttendanceRecord[]>(attendanceInviteReq),
  'meetings.attendance.mark': channel<typeof attendanceMarkReq, AttendanceRecord>(attendanceMarkReq),
  'meetings.attendance.remove': channel<typeof byId, AttendanceRecord[]>(byId),
  'meetings.attendance.rates': channel<typeof emptyReq, OrganisationAttendance[]>(emptyReq),
  'meetings.actions.list': channel<typeof actionFilterReq, ActionPage>(actionFilterReq),
  'meetings.actions.overdueCount': channel<typeof emptyReq, { count: number }>(emptyReq),
  'meetings.actions.get': channel<typeof byId, ActionDetail>(byId),
  'meetings.actions.create': channel<typeof actionCreateReq, Action>(actionCreateReq),
  'meetings.actions.update': channel<typeof actionUpdateReq, Action>(actionUpdateReq),
  'meetings.actions.delete': channel<typeof byId, { deleted: true }>(byId),
  'meetings.actions.addUpdate': channel<typeof actionUpdateNoteReq, ActionDetail>(actionUpdateNoteReq),
  'meetings.decisions.create': channel<typeof decisionCreateReq, Decision>(decisionCreateReq),
  'meetings.decisions.delete': channel<typeof byId, { deleted: true }>(byId),
  'meetings.share.list': channel<typeof emptyReq, ShareDecision[]>(emptyReq),
  'meetings.share.create': channel<typeof shareCreateReq, ShareDecision>(shareCreateReq),
  'meetings.share.update': channel<typeof shareUpdateReq, ShareDecision>(shareUpdateReq),
  'meetings.share.delete': channel<typeof byId, { deleted: true }>(byId),
  'meetings.export.agenda': channel<typeof byMeeting, SaveOutcome>(byMeeting),
  'meetings.export.minutes': channel<typeof byMeeting, SaveOutcome>(byMeeting),
  'meetings.export.pack': channel<typeof byMeeting, SaveOutcome>(byMeeting),
  'meetings.export.actionLog': channel<typeof actionFilterReq, SaveOutcome>(actionFilterReq),
  'meetings.export.ics': channel<typeof icsReq, SaveOutcome>(icsReq),
} as const;
