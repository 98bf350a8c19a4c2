import type { ProtectiveMarking } from '../markings';

export const GROUP_KINDS = ['strategic_board', 'operational_group', 'sub_group', 'other'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
export const GROUP_KIND_LABELS: Record<GroupKind, string> = {
  strategic_board: 'Strategic board',
  operational_group: 'Operational group',
  sub_group: 'Sub-group',
  other: 'Other',
};

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const ATTENDANCE_STATUSES = ['invited', 'attended', 'apologies', 'absent', 'deputy'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  invited: 'Invited',
  attended: 'Attended',
  apologies: 'Apologies',
  absent: 'Absent',
  deputy: 'Sent a deputy',
};

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};
export const OPEN_ACTION_STATUSES: readonly ActionStatus[] = ['open', 'in_progress'];

export const FOUR_PS = ['pursue', 'prevent', 'protect', 'prepare'] as const;
export type FourP = (typeof FOUR_PS)[number];
export const FOUR_P_LABELS: Record<FourP, string> = {
  pursue: 'Pursue',
  prevent: 'Prevent',
  protect: 'Protect',
  prepare: 'Prepare',
};

/** The standard items a new meeting starts with; `kind` lets papers treat them specially. */
export const AGENDA_KINDS = ['item', 'welcome', 'previous_minutes', 'matters_arising', 'aob', 'next_meeting'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];
export const STANDARD_AGENDA: { kind: AgendaKind; title: string; minutes: number }[] = [
  { kind: 'welcome', title: 'Welcome and apologies', minutes: 5 },
  { kind: 'previous_minutes', title: 'Minutes of the last meeting', minutes: 5 },
  { kind: 'matters_arising', title: 'Matters arising', minutes: 15 },
  { kind: 'aob', title: 'Any other business', minutes: 10 },
  { kind: 'next_meeting', title: 'Date of next meeting', minutes: 5 },
];

export type MeetingGroup = { id: number; name: string; kind: GroupKind; meetingCount: number };

export type PersonRef = { id: number; name: string };

export type Paper = { id: number; kind: 'link' | 'file'; title: string; url: string };

export type AgendaItem = {
  id: number;
  meetingId: number;
  position: number;
  kind: AgendaKind;
  title: string;
  leadPersonId: number | null;
  leadName: string;
  minutesAllowed: number | null;
  minutes: string;
  papers: Paper[];
  /** Bumped on every save of the item; an update carries the version it was based on. */
  version: number;
};

export type AttendanceRecord = {
  id: number;
  meetingId: number;
  personId: number;
  personName: string;
  organisationId: number | null;
  organisationName: string;
  email: string;
  status: AttendanceStatus;
  deputyPersonId: number | null;
  deputyName: string;
};

export type Decision = { id: number; meetingId: number; agendaItemId: number | null; text: string; createdAt: string };

export type ActionUpdate = { id: number; actionId: number; notedOn: string; note: string; createdAt: string };

export type Action = {
  id: number;
  meetingId: number | null;
  meetingTitle: string;
  meetingStartsAt: string | null;
  groupId: number | null;
  groupName: string;
  agendaItemId: number | null;
  description: string;
  ownerOrganisationId: number | null;
  ownerOrganisationName: string;
  ownerPersonId: number | null;
  ownerPersonName: string;
  dueOn: string | null;
  status: ActionStatus;
  fourPs: FourP[];
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type MeetingSummary = {
  id: number;
  title: string;
  groupId: number;
  groupName: string;
  type: GroupKind;
  startsAt: string;
  endsAt: string;
  status: MeetingStatus;
  location: string;
  marking: ProtectiveMarking;
};

export type Meeting = MeetingSummary & {
  timeZone: string;
  onlineLink: string;
  chairPersonId: number | null;
  chairName: string;
  minuteTakerPersonId: number | null;
  minuteTakerName: string;
  sequence: number;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type MeetingDetail = {
  meeting: Meeting;
  agenda: AgendaItem[];
  attendance: AttendanceRecord[];
  decisions: Decision[];
  /** Actions raised at this meeting. */
  actions: Action[];
  /** Open actions from earlier meetings of the same group. */
  mattersArising: Action[];
  previousMeetingId: number | null;
};

export type ShareDecision = {
  id: number;
  meetingId: number | null;
  meetingTitle: string;
  information: string;
  purpose: string;
  recipients: string;
  sharedOn: string;
  justification: string;
  consentSought: boolean;
  noConsentReason: string;
  decidedBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
};
