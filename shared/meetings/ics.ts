import type { ProtectiveMarking } from '../markings';
import type { MeetingStatus } from './model';
import { MEETING_TIME_ZONE, isoToLondon } from './time';

/** An RFC 5545 calendar for one meeting or a series, written by hand (it is small and exact). */
export type IcsMeeting = {
  id: number;
  createdAt: string;
  title: string;
  startsAt: string;
  endsAt: string;
  location: string;
  onlineLink: string;
  status: MeetingStatus;
  sequence: number;
  marking: ProtectiveMarking;
  attendees: { name: string; email: string }[];
};

export type IcsOptions = { organiser: { name: string; email: string } | null; now: Date; partnershipName: string };

const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${MEETING_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19810329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19961027T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

// Control characters a content line may not hold (RFC 5545 3.1: any CTL except HTAB). CR and LF are
// handled first, as line breaks inside TEXT.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/g;

/**
 * TEXT values (RFC 5545 3.3.11): every line break (CRLF, a bare CR or a bare LF) becomes \n, backslash,
 * semicolon and comma are escaped, and other control characters are removed, so no value can start
 * a new property in a reader that splits lines on CR alone.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(CONTROL, (c) => (c === '\n' ? c : ''))
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/** A URI or address value: no control characters and no spaces (a URI cannot hold them). */
function uriValue(value: string): string {
  return value.replace(CONTROL, '').replace(/\s/g, '');
}

/** A parameter value: quoted, with the characters a quoted value may not hold removed. */
function paramValue(value: string): string {
  return `"${value.replace(CONTROL, '').replace(/["\t]/g, '')}"`;
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/** Fold a content line at 75 octets without splitting a UTF-8 character (RFC 5545 3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0) ?? 0);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // continuation lines start with a space
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function utcStamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function localStamp(iso: string): string {
  const { date, time } = isoToLondon(iso);
  return `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
}

export function meetingUid(m: { id: number; createdAt: string }): string {
  return `concordat-meeting-${m.id}-${m.createdAt.replace(/\D/g, '').slice(0, 14)}@concordat.invalid`;
}

export function buildIcs(meetings: readonly IcsMeeting[], options: IcsOptions): string {
  const invite = options.organiser !== null && options.organiser.email !== '';
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Concordat//Meetings//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${invite ? 'REQUEST' : 'PUBLISH'}`,
    ...LONDON_VTIMEZONE,
  ];
  const stamp = utcStamp(options.now);
  for (const m of meetings) {
    const description = [
      `${options.partnershipName}.`,
      `Protective marking: ${m.marking}.`,
      m.onlineLink ? `Join online: ${m.onlineLink}` : '',
    ]
      .filter((x) => x !== '')
      .join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${meetingUid(m)}`,
      `DTSTAMP:${stamp}`,
      `SEQUENCE:${m.sequence}`,
      `DTSTART;TZID=${MEETING_TIME_ZONE}:${localStamp(m.startsAt)}`,
      `DTEND;TZID=${MEETING_TIME_ZONE}:${localStamp(m.endsAt)}`,
      `SUMMARY:${escapeText(m.title)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `STATUS:${m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
      `CLASS:${m.marking === 'OFFICIAL' ? 'PUBLIC' : 'CONFIDENTIAL'}`,
    );
    const where = m.location || m.onlineLink;
    if (where) lines.push(`LOCATION:${escapeText(where)}`);
    if (m.onlineLink) lines.push(`URL:${uriValue(m.onlineLink)}`);
    if (invite && options.organiser) {
      lines.push(
        `ORGANIZER;CN=${paramValue(options.organiser.name || options.organiser.email)}:mailto:${uriValue(options.organiser.email)}`,
      );
      for (const a of m.attendees) {
        if (!a.email) continue;
        lines.push(
          `ATTENDEE;CN=${paramValue(a.name)};CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${uriValue(a.email)}`,
        );
      }
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  // Every line is built from escaped values; removing controls again here is the last guard against a bare CR.
  return lines.map((l) => foldLine(l.replace(CONTROL, ''))).join('\r\n') + '\r\n';
}
