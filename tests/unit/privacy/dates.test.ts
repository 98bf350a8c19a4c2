import { describe, expect, it } from 'vitest';
import { monthsBefore, oneCalendarMonthAfter, ukDate } from '../../../shared/privacy/dates';

describe('request and retention dates', () => {
  it('a request is due one calendar month later, the last day of a shorter month', () => {
    expect(oneCalendarMonthAfter('2026-03-03')).toBe('2026-04-03');
    expect(oneCalendarMonthAfter('2026-01-31')).toBe('2026-02-28');
    expect(oneCalendarMonthAfter('2028-01-30')).toBe('2028-02-29');
    expect(oneCalendarMonthAfter('2026-12-15')).toBe('2027-01-15');
    expect(oneCalendarMonthAfter('2026-08-31')).toBe('2026-09-30');
  });
  it('counts months back for retention', () => {
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-12-01', 24)).toBe('2024-12-01');
    expect(monthsBefore('2026-01-15', 13)).toBe('2024-12-15');
  });
  it('writes UK dates', () => {
    expect(ukDate('2026-10-05')).toBe('5 October 2026');
    expect(ukDate('2026-10-05T10:00:00Z')).toBe('5 October 2026');
    expect(ukDate(null)).toBe('');
  });
});
