import { describe, expect, it } from 'vitest';
import { meetingCreateReq } from '../../../shared/contract/meetings';
import type { AttendanceFact } from '../../../shared/meetings/logic';
import { attendanceRates, isOverdue, isPlainFileName, mattersArising } from '../../../shared/meetings/logic';
import { checkMeetingTimes, londonLocalToIso, londonToday, describeMeetingTime } from '../../../shared/meetings/time';

describe('overdue on UK dates', () => {
  const due = (dueOn: string, status: 'open' | 'in_progress' | 'done' | 'dropped' = 'open') => ({ dueOn, status });

  it('an action due today is not overdue; due yesterday is', () => {
    const now = new Date('2026-07-15T12:00:00Z');
    expect(isOverdue(due('2026-07-15'), now)).toBe(false);
    expect(isOverdue(due('2026-07-14'), now)).toBe(true);
    expect(isOverdue(due('2026-07-16'), now)).toBe(false);
  });

  it('uses London midnight in summer: 23:30Z on the due date is already the next day in the UK', () => {
    expect(isOverdue(due('2026-07-15'), new Date('2026-07-15T22:59:00Z'))).toBe(false);
    expect(isOverdue(due('2026-07-15'), new Date('2026-07-15T23:00:00Z'))).toBe(true);
  });

  it('uses London midnight in winter, which is UTC midnight', () => {
    expect(isOverdue(due('2026-01-15'), new Date('2026-01-15T23:59:59Z'))).toBe(false);
    expect(isOverdue(due('2026-01-15'), new Date('2026-01-16T00:00:00Z'))).toBe(true);
  });

  it('across the clocks going forward (29 March 2026)', () => {
    const now = new Date('2026-03-29T00:30:00Z'); // 00:30 GMT, before 01:00 when the clocks go forward
    expect(londonToday(now)).toBe('2026-03-29');
    expect(isOverdue(due('2026-03-29'), now)).toBe(false);
    expect(isOverdue(due('2026-03-28'), now)).toBe(true);
    // 23:30Z on the 29th is 00:30 BST on the 30th.
    expect(isOverdue(due('2026-03-29'), new Date('2026-03-29T23:30:00Z'))).toBe(true);
  });

  it('across the clocks going back (25 October 2026)', () => {
    const now = new Date('2026-10-25T00:30:00Z'); // 01:30 BST, the first of the two 01:30s
    expect(londonToday(now)).toBe('2026-10-25');
    expect(isOverdue(due('2026-10-25'), now)).toBe(false);
    expect(isOverdue(due('2026-10-24'), now)).toBe(true);
    // 23:30Z on the 24th is 00:30 BST on the 25th: the 24th has just ended.
    expect(isOverdue(due('2026-10-24'), new Date('2026-10-24T23:30:00Z'))).toBe(true);
    expect(isOverdue(due('2026-10-24'), new Date('2026-10-24T22:59:00Z'))).toBe(false);
  });

  it('done, dropped and undated actions are never overdue', () => {
    const now = new Date('2026-07-15T12:00:00Z');
    expect(isOverdue(due('2026-01-01', 'done'), now)).toBe(false);
    expect(isOverdue(due('2026-01-01', 'dropped'), now)).toBe(false);
    expect(isOverdue(due('2026-01-01', 'in_progress'), now)).toBe(true);
    expect(isOverdue({ dueOn: null, status: 'open' }, now)).toBe(false);
  });
});

describe('matters arising', () => {
  const meetings = [
    { id: 1, groupId: 10, startsAt: '2026-01-10T10:00:00+00:00' },
    { id: 2, groupId: 10, startsAt: '2026-04-10T10:00:00+01:00' },
    { id: 3, groupId: 20, startsAt: '2026-02-10T10:00:00+00:00' },
    { id: 4, groupId: 10, startsAt: '2026-07-10T10:00:00+01:00' },
    { id: 5, groupId: 10, startsAt: '2026-10-10T10:00:00+01:00' },
  ];
  const actions = [
    { id: 100, meetingId: 1, status: 'open' as const },
    { id: 101, meetingId: 1, status: 'done' as const },
    { id: 102, meetingId: 2, status: 'in_progress' as const },
    { id: 103, meetingId: 2, status: 'dropped' as const },
    { id: 104, meetingId: 3, status: 'open' as const }, // another group
    { id: 105, meetingId: 4, status: 'open' as const }, // this meeting
    { id: 106, meetingId: 5, status: 'open' as const }, // a later meeting
    { id: 107, meetingId: null, status: 'open' as const }, // standalone
  ];

  it('picks exactly the open actions from earlier meetings of the same group', () => {
    expect(mattersArising(meetings[3]!, meetings, actions).map((a) => a.id)).toEqual([100, 102]);
  });

  it('is empty for the first meeting of a group', () => {
    expect(mattersArising(meetings[0]!, meetings, actions)).toEqual([]);
  });

  it('compares instants, not strings with different offsets', () => {
    const ms = [
      { id: 1, groupId: 1, startsAt: '2026-06-01T09:30:00+01:00' }, // 08:30Z
      { id: 2, groupId: 1, startsAt: '2026-06-01T09:00:00Z' }, // later, though its text sorts first
    ];
    expect(mattersArising(ms[1]!, ms, [{ id: 1, meetingId: 1, status: 'open' as const }])).toHaveLength(1);
    expect(mattersArising(ms[0]!, ms, [{ id: 2, meetingId: 2, status: 'open' as const }])).toHaveLength(0);
  });
});

describe('attendance rates', () => {
  const now = new Date('2026-07-01T12:00:00Z');
  const f = (
    meetingId: number,
    start: string,
    organisationId: number,
    status: AttendanceFact['status'],
    meetingStatus: AttendanceFact['meetingStatus'] = 'held',
  ): AttendanceFact => ({
    meetingId,
    meetingStartsAt: start,
    meetingStatus,
    organisationId,
    organisationName: organisationId === 1 ? 'Police' : 'Council',
    status,
  });

  it('counts attended or deputy as present, once per meeting, over the last 12 months', () => {
    const rates = attendanceRates(
      [
        f(1, '2026-01-10T10:00:00Z', 1, 'attended'),
        f(1, '2026-01-10T10:00:00Z', 1, 'absent'), // a colleague was absent: the organisation was still there
        f(2, '2026-04-10T09:00:00Z', 1, 'apologies'),
        f(3, '2026-06-10T09:00:00Z', 1, 'deputy'),
        f(4, '2025-05-01T09:00:00Z', 1, 'absent'), // older than 12 months
        f(5, '2026-09-01T09:00:00Z', 1, 'invited'), // future
        f(6, '2026-06-20T09:00:00Z', 1, 'absent', 'cancelled'),
        f(2, '2026-04-10T09:00:00Z', 2, 'absent'),
        f(3, '2026-06-10T09:00:00Z', 2, 'invited'), // not yet recorded
      ],
      now,
    );
    expect(rates).toEqual([
      { organisationId: 2, organisationName: 'Council', meetings: 1, present: 0, rate: 0 },
      { organisationId: 1, organisationName: 'Police', meetings: 3, present: 2, rate: 2 / 3 },
    ]);
  });

  it('returns nothing when there is nothing to count', () => {
    expect(attendanceRates([f(5, '2026-09-01T09:00:00Z', 1, 'invited')], now)).toEqual([]);
  });
});

describe('meeting times', () => {
  it('turns London wall-clock times into ISO with the right offset', () => {
    expect(londonLocalToIso('2026-07-01', '10:00')).toBe('2026-07-01T10:00:00+01:00');
    expect(londonLocalToIso('2026-01-14', '10:00')).toBe('2026-01-14T10:00:00+00:00');
    expect(londonLocalToIso('2026-03-29', '00:30')).toBe('2026-03-29T00:30:00+00:00');
    expect(londonLocalToIso('2026-03-29', '02:30')).toBe('2026-03-29T02:30:00+01:00');
    expect(londonLocalToIso('2026-10-25', '01:30')).toBe('2026-10-25T01:30:00+01:00');
    expect(londonLocalToIso('2026-10-25', '02:30')).toBe('2026-10-25T02:30:00+00:00');
  });

  it('refuses a time the clocks skip', () => {
    expect(() => londonLocalToIso('2026-03-29', '01:30')).toThrow(/clocks go forward/);
  });

  it('rejects an end before or at its start', () => {
    expect(checkMeetingTimes('2026-07-01T10:00:00+01:00', '2026-07-01T12:00:00+01:00')).toBeNull();
    expect(checkMeetingTimes('2026-07-01T10:00:00+01:00', '2026-07-01T09:00:00+01:00')).toMatch(/end after/);
    expect(checkMeetingTimes('2026-07-01T10:00:00+01:00', '2026-07-01T09:00:00Z')).toMatch(/end after/); // same instant
    const base = {
      title: 'Board',
      groupId: 1,
      type: 'strategic_board',
      location: '',
      onlineLink: '',
      chairPersonId: null,
      minuteTakerPersonId: null,
      marking: 'OFFICIAL',
      status: 'planned',
    };
    expect(
      meetingCreateReq.safeParse({ ...base, startsAt: '2026-07-01T10:00:00+01:00', endsAt: '2026-07-01T11:00:00+01:00' }).success,
    ).toBe(true);
    const bad = meetingCreateReq.safeParse({
      ...base,
      startsAt: '2026-07-01T10:00:00+01:00',
      endsAt: '2026-07-01T08:00:00+01:00',
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['endsAt']);
  });

  it('describes times in UK local time', () => {
    expect(describeMeetingTime('2026-07-01T09:00:00Z', '2026-07-01T11:00:00Z')).toBe('Wednesday 1 July 2026, 10:00 to 12:00');
  });

  it('keeps file papers to a name, never a path', () => {
    expect(isPlainFileName('Strategy 2026.pdf')).toBe(true);
    expect(isPlainFileName('C:\\Users\\x\\secret.docx')).toBe(false);
    expect(isPlainFileName('/home/x/secret.docx')).toBe(false);
    expect(isPlainFileName('..')).toBe(false);
  });
});
