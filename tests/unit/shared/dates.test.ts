import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { YEAR_MAX, YEAR_MIN, dateProblem } from '../../../shared/dates';
import { LocalTimeError, londonLocalToIso } from '../../../shared/meetings/time';
import { personInput } from '../../../shared/partners/domain';

describe('dates people type', () => {
  it('accept real days in the sensible range', () => {
    for (const d of ['1990-01-01', '2026-02-28', '2028-02-29', '2100-12-31']) expect(dateProblem(d)).toBeNull();
  });

  it('refuse years outside the range with a message that says so', () => {
    for (const d of ['0099-01-01', '1900-06-01', '1989-12-31', '2101-01-01', '2300-01-01']) {
      expect(dateProblem(d)).toBe(`Enter a year between ${YEAR_MIN} and ${YEAR_MAX}`);
    }
  });

  it('refuse days that do not exist and text that is not a date', () => {
    expect(dateProblem('2026-02-29')).toBe('2026-02-29 is not a date: that month has no day 29');
    expect(dateProblem('2026-04-31')).toMatch(/no day 31/);
    expect(dateProblem('2026-13-01')).toMatch(/month must be 01 to 12/);
    expect(dateProblem('5/10/2026')).toBe('Enter a date like 2026-10-05');
  });

  it('a meeting in 0099 is refused for its year, not for the clocks', () => {
    expect(() => londonLocalToIso('0099-01-01', '10:00')).toThrow(LocalTimeError);
    expect(() => londonLocalToIso('0099-01-01', '10:00')).toThrow(`Enter a year between ${YEAR_MIN} and ${YEAR_MAX}.`);
    expect(() => londonLocalToIso('2026-03-29', '01:30')).toThrow(/clocks go forward/);
    expect(londonLocalToIso('2026-07-01', '10:00')).toBe('2026-07-01T10:00:00+01:00');
  });

  it('the contract applies the same rule to meeting times, due dates and directory dates', () => {
    const create = contract['meetings.create'].request.safeParse({
      title: 'Board',
      groupId: 1,
      type: 'strategic_board',
      startsAt: '2300-01-01T10:00:00Z',
      endsAt: '2300-01-01T11:00:00Z',
    });
    expect(create.success).toBe(false);
    expect(create.error?.issues[0]?.message).toBe(`Enter a year between ${YEAR_MIN} and ${YEAR_MAX}`);
    const action = contract['meetings.actions.create'].request.safeParse({
      meetingId: null,
      description: 'x',
      ownerOrganisationId: null,
      ownerPersonId: null,
      dueOn: '1900-01-01',
      status: 'open',
    });
    expect(action.success).toBe(false);
    const person = personInput.safeParse({
      name: 'A',
      pronouns: '',
      notes: '',
      source: '',
      lawfulBasis: '',
      lastVerified: '0099-01-01',
    });
    expect(person.error?.issues[0]?.message).toBe(`Enter a year between ${YEAR_MIN} and ${YEAR_MAX}`);
  });
});
