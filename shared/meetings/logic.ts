import type { ActionStatus, AttendanceStatus, MeetingStatus } from './model';
import { OPEN_ACTION_STATUSES } from './model';
import { londonToday, twelveMonthsBefore } from './time';

export const isOpenStatus = (status: ActionStatus): boolean => OPEN_ACTION_STATUSES.includes(status);

/**
 * An action is overdue when it is still open and its due date is before today in the UK.
 * An action due today is not overdue until London's midnight has passed, whatever the clocks say.
 */
export function isOverdue(action: { status: ActionStatus; dueOn: string | null }, now: Date): boolean {
  if (!action.dueOn || !isOpenStatus(action.status)) return false;
  return action.dueOn < londonToday(now);
}

export type ActionForMatters = { id: number; status: ActionStatus; meetingId: number | null };
export type MeetingForMatters = { id: number; groupId: number; startsAt: string };

/**
 * Matters arising for a meeting: exactly the open (open or in progress) actions raised at earlier
 * meetings of the same group. Standalone actions and other groups' actions are not included.
 */
export function mattersArising<A extends ActionForMatters>(
  meeting: MeetingForMatters,
  meetings: readonly MeetingForMatters[],
  actions: readonly A[],
): A[] {
  const start = new Date(meeting.startsAt).getTime();
  const earlier = new Set(
    meetings
      .filter((m) => m.id !== meeting.id && m.groupId === meeting.groupId && new Date(m.startsAt).getTime() < start)
      .map((m) => m.id),
  );
  return actions.filter((a) => a.meetingId !== null && earlier.has(a.meetingId) && isOpenStatus(a.status));
}

export type AttendanceFact = {
  meetingId: number;
  meetingStartsAt: string;
  meetingStatus: MeetingStatus;
  organisationId: number | null;
  organisationName: string;
  status: AttendanceStatus;
};

export type OrganisationAttendance = {
  organisationId: number;
  organisationName: string;
  /** Meetings the organisation was invited to, in the window, with attendance recorded. */
  meetings: number;
  /** Of those, meetings where someone from it attended or sent a deputy. */
  present: number;
  /** present / meetings, 0 to 1; null when there is nothing to count. */
  rate: number | null;
};

/**
 * Attendance per organisation over the twelve months before now. A meeting counts once per
 * organisation: present if anyone from it attended or sent a deputy. Future meetings, cancelled
 * meetings and invitations still awaiting a record (status "invited") do not count.
 */
export function attendanceRates(facts: readonly AttendanceFact[], now: Date): OrganisationAttendance[] {
  const from = twelveMonthsBefore(now);
  const nowMs = now.getTime();
  const byOrg = new Map<number, { name: string; meetings: Map<number, boolean> }>();
  for (const f of facts) {
    if (f.organisationId === null || f.meetingStatus === 'cancelled' || f.status === 'invited') continue;
    const start = new Date(f.meetingStartsAt);
    if (start.getTime() > nowMs || start.toISOString().slice(0, 10) < from) continue;
    const entry = byOrg.get(f.organisationId) ?? { name: f.organisationName, meetings: new Map<number, boolean>() };
    const present = f.status === 'attended' || f.status === 'deputy';
    entry.meetings.set(f.meetingId, (entry.meetings.get(f.meetingId) ?? false) || present);
    byOrg.set(f.organisationId, entry);
  }
  return [...byOrg.entries()]
    .map(([organisationId, { name, meetings }]) => {
      const present = [...meetings.values()].filter(Boolean).length;
      return {
        organisationId,
        organisationName: name,
        meetings: meetings.size,
        present,
        rate: meetings.size === 0 ? null : present / meetings.size,
      };
    })
    .sort((a, b) => a.organisationName.localeCompare(b.organisationName));
}

/** A local file attached to an agenda item is kept by name only; a path is refused. */
export function isPlainFileName(name: string): boolean {
  return name.trim() !== '' && !/[\\/]/.test(name) && name !== '.' && name !== '..' && !/^[a-zA-Z]:/.test(name);
}
