import { addDays, format, parseISO, subMonths } from 'date-fns';
import { dateProblem } from '../dates';

/** Meetings are arranged in UK local time; every stored instant carries its offset. */
export const MEETING_TIME_ZONE = 'Europe/London';

const offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: MEETING_TIME_ZONE, timeZoneName: 'longOffset' });
const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: MEETING_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Minutes east of UTC in London at the instant: 0 in winter, 60 in summer. */
export function londonOffsetMinutes(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/** The London calendar date and clock time of an instant. */
export function londonParts(instant: Date): { date: string; time: string } {
  const p = Object.fromEntries(partsFormat.formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** Today's date in London (YYYY-MM-DD): what "today" means for a due date. */
export function londonToday(now: Date): string {
  return londonParts(now).date;
}

function offsetSuffix(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export class LocalTimeError extends Error {}

/**
 * A London wall-clock time (date YYYY-MM-DD, time HH:mm) as ISO 8601 with its offset,
 * e.g. 2026-07-01 10:00 → 2026-07-01T10:00:00+01:00. A time skipped when the clocks go forward
 * does not exist and is refused; in the repeated hour in October the first (BST) reading is used.
 */
export function londonLocalToIso(date: string, time: string): string {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const tm = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dm || !tm) throw new LocalTimeError('Enter the date as YYYY-MM-DD and the time as HH:MM.');
  const problem = dateProblem(date);
  if (problem) throw new LocalTimeError(`${problem}.`);
  if (Number(tm[1]) > 23 || Number(tm[2]) > 59)
    throw new LocalTimeError(`${time} is not a time: enter hours 00 to 23 and minutes 00 to 59.`);
  const asUtc = Date.UTC(Number(dm[1]), Number(dm[2]) - 1, Number(dm[3]), Number(tm[1]), Number(tm[2]));
  for (const offset of [60, 0]) {
    const instant = new Date(asUtc - offset * 60_000);
    const back = londonParts(instant);
    if (back.date === date && back.time === time && londonOffsetMinutes(instant) === offset) {
      return `${date}T${time}:00${offsetSuffix(offset)}`;
    }
  }
  throw new LocalTimeError(`${time} on ${date} does not exist in the UK: the clocks go forward that night.`);
}

/** An ISO instant shown as London local parts. */
export function isoToLondon(iso: string): { date: string; time: string } {
  return londonParts(new Date(iso));
}

/** The instant in UTC (…Z), for ordering and comparing. */
export function toUtcIso(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new LocalTimeError('That is not a valid date and time.');
  return d.toISOString();
}

/** Refuse an end that is not after its start. Returns an error message or null. */
export function checkMeetingTimes(startsAt: string, endsAt: string): string | null {
  const s = new Date(startsAt).getTime();
  const e = new Date(endsAt).getTime();
  if (Number.isNaN(s) || Number.isNaN(e)) return 'Enter a valid start and end.';
  if (e <= s) return 'The meeting must end after it starts.';
  return null;
}

const longDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: MEETING_TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
/** "Wednesday 1 July 2026" (no comma after the weekday, as in UK house style). */
function dayText(d: Date): string {
  const p = Object.fromEntries(longDate.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}
const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: MEETING_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "Wednesday 1 July 2026, 10:00 to 12:00" in UK local time. */
export function describeMeetingTime(startsAt: string, endsAt: string): string {
  const s = new Date(startsAt);
  const e = new Date(endsAt);
  const sameDay = londonParts(s).date === londonParts(e).date;
  return sameDay
    ? `${dayText(s)}, ${clock.format(s)} to ${clock.format(e)}`
    : `${dayText(s)}, ${clock.format(s)} to ${dayText(e)}, ${clock.format(e)}`;
}

/** "1 July 2026" for a date-only value (YYYY-MM-DD). */
export function describeDate(date: string): string {
  return format(parseISO(date), 'd MMMM yyyy');
}

/** The London date twelve months before today: the window for attendance rates. */
export function twelveMonthsBefore(now: Date): string {
  return format(subMonths(parseISO(londonToday(now)), 12), 'yyyy-MM-dd');
}

export function addDaysToDate(date: string, days: number): string {
  return format(addDays(parseISO(date), days), 'yyyy-MM-dd');
}
