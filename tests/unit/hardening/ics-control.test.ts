import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { IcsMeeting } from '../../../shared/meetings/ics';
import { buildIcs, escapeText } from '../../../shared/meetings/ics';

const hostile: IcsMeeting = {
  id: 3,
  createdAt: '2026-05-01T08:00:00.000Z',
  title: 'Board\rATTENDEE:mailto:spy@evil.example\r\nX-INJECTED:1\nnext\u0000\u0007\u001b[31m end',
  startsAt: '2026-07-01T10:00:00+01:00',
  endsAt: '2026-07-01T12:00:00+01:00',
  location: 'Room\r2; back, \\ door\tA',
  onlineLink: 'https://meet.example/abc\rX-EVIL:1',
  status: 'planned',
  sequence: 0,
  marking: 'OFFICIAL',
  attendees: [{ name: 'Asha\r\nX-EVIL:2 "Patel"', email: 'asha@police.example\rX-EVIL:3' }],
};
const options = {
  organiser: { name: 'Sam\u0007 Coordinator', email: 'sam@partnership.example' },
  now: new Date('2026-06-01T12:00:00Z'),
  partnershipName: 'Northshire\r\u001b Partnership',
};

describe('.ics with control characters in user text', () => {
  const text = buildIcs([hostile, { ...hostile, id: 4, title: 'é'.repeat(40) + '\r'.repeat(3) + 'ü'.repeat(40) }], options);

  it('has no bare CR, no bare LF and no control character other than the CRLF line ends and tab', () => {
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) {
      // eslint-disable-next-line no-control-regex
      expect(line).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
  });

  it('parses with an independent reader to the same text, with no injected property', () => {
    const cal = new ICAL.Component(ICAL.parse(text));
    const [ev] = cal.getAllSubcomponents('vevent');
    expect(ev!.getFirstPropertyValue('summary')).toBe('Board\nATTENDEE:mailto:spy@evil.example\nX-INJECTED:1\nnext[31m end');
    expect(ev!.getFirstPropertyValue('location')).toBe('Room\n2; back, \\ door\tA');
    expect(ev!.getFirstPropertyValue('url')).toBe('https://meet.example/abcX-EVIL:1');
    const names = ev!.getAllProperties().map((p) => p.name);
    expect(names.filter((n) => n.startsWith('x-'))).toEqual([]);
    const attendees = ev!.getAllProperties('attendee');
    expect(attendees).toHaveLength(1);
    expect(attendees[0]!.getFirstValue()).toBe('mailto:asha@police.exampleX-EVIL:3');
    expect(attendees[0]!.getParameter('cn')).toBe('AshaX-EVIL:2 Patel');
  });

  it('escapes every kind of line break to \\n', () => {
    expect(escapeText('a\r\nb\rc\nd')).toBe('a\\nb\\nc\\nd');
    expect(escapeText('x\u0000y\u007fz')).toBe('xyz');
  });
});
