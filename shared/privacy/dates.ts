import { longDate } from '../documents/placeholders';
/**
 * Dates for the request log. A request is due one calendar month after the day it was received:
 * 3 March → 3 April. When the next month has no such day, the last day of that month is used
 * (31 January → 28 or 29 February).
 */
export function oneCalendarMonthAfter(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`not a date: ${isoDate}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const nextYear = mo === 12 ? y + 1 : y;
  const nextMonth = mo === 12 ? 1 : mo + 1;
  const lastDay = new Date(Date.UTC(nextYear, nextMonth, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${nextYear}-${String(nextMonth).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole months back from a date, for retention: 2026-03-31 minus 1 month → 2026-02-28. */
export function monthsBefore(isoDate: string, months: number): string {
  const [y, mo, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const total = y * 12 + (mo - 1) - months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${ty}-${String(tm).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** "5 October 2026": the one UK long date (shared/documents/placeholders.ts), empty for no date. */
export function ukDate(isoDate: string | null | undefined): string {
  return isoDate ? longDate(isoDate) : '';
}
