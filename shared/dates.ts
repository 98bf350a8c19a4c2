import { z } from 'zod';

/**
 * Calendar dates typed into Concordat: YYYY-MM-DD, a day that exists, and a year in a range a
 * partnership's records can sensibly have (a year like 0099 or 2300 is a typing slip).
 */
export const YEAR_MIN = 1990;
export const YEAR_MAX = 2100;

/** What is wrong with a date, in words for the person who typed it, or null when it is fine. */
export function dateProblem(text: string, example = '2026-10-05'): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return `Enter a date like ${example}`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < YEAR_MIN || year > YEAR_MAX) return `Enter a year between ${YEAR_MIN} and ${YEAR_MAX}`;
  if (month < 1 || month > 12) return `${text} is not a date: the month must be 01 to 12`;
  // Date.UTC with a four-digit year is exact; the day must survive the round trip (no 31 April).
  const d = new Date(Date.UTC(year, month - 1, day));
  if (day < 1 || d.getUTCMonth() !== month - 1) return `${text} is not a date: that month has no day ${day}`;
  return null;
}

/** A zod schema for such a date, with the same messages. */
export const calendarDate = (example = '2026-10-05') =>
  z.string().superRefine((v, ctx) => {
    const problem = dateProblem(v, example);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
