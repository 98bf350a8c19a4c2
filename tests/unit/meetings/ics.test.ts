import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { IcsMeeting } from '../../../shared/meetings/ics';
import { buildIcs, foldLine } from '../../../shared/meetings/ics';
import { createTestApp } from '../../helpers/db';
import { addOrganisation, addPerson } from './fixtures';

const base: IcsMeeting = {
  id: 7,
  createdAt: '2026-05-01T08:00:00.000Z',
  title: 'Strategic Board; quarterly, with partners',
  startsAt: '2026-07-01T10:00:00+01:00',
  endsAt: '2026-07-01T12:00:00+01:00',
  location: 'Town Hall, Room 2',
  onlineLink: '',
  status: 'planned',
  sequence: 0,
  marking: 'OFFICIAL',
  attendees: [
    { name: 'Asha Patel', email: 'asha@police.example' },
    { name: 'Ben "BC" Cole', email: 'ben@council.example' },
  ],
};
const options = {
  organiser: { name: 'Sam Coordinator', email: 'sam@partnership.example' },
  now: new Date('2026-06-01T12:00:00Z'),
  partnershipName: 'Northshire Anti-Slavery Partnership',
};

/** Parse with ical.js (an independent parser), resolving TZID through the file's own VTIMEZONE. */
function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return { cal, events: cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('.ics invitations', () => {
  it('a 10:00 London meeting in July is 09:00Z; in January it is 10:00Z', () => {
    const text = buildIcs(
      [base, { ...base, id: 8, startsAt: '2027-01-13T10:00:00+00:00', endsAt: '2027-01-13T11:30:00+00:00' }],
      options,
    );
    const { events } = parse(text);
    expect(events).toHaveLength(2);
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2026-07-01T09:00:00.000Z');
    expect(events[0]!.endDate.toJSDate().toISOString()).toBe('2026-07-01T11:00:00.000Z');
    expect(events[1]!.startDate.toJSDate().toISOString()).toBe('2027-01-13T10:00:00.000Z');
    expect(events[1]!.endDate.toJSDate().toISOString()).toBe('2027-01-13T11:30:00.000Z');
    expect(events[0]!.uid).not.toBe(events[1]!.uid);
  });

  it('has organiser, attendees, UID, DTSTAMP, VTIMEZONE, escaped text and CRLF lines of at most 75 octets', () => {
    const text = buildIcs([{ ...base, title: `${base.title} ${'é'.repeat(60)}` }], options);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const { cal, events } = parse(text);
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/London');
    const ev = events[0]!;
    expect(ev.summary).toBe(`${base.title} ${'é'.repeat(60)}`);
    expect(ev.location).toBe('Town Hall, Room 2');
    expect(ev.organizer).toBe('mailto:sam@partnership.example');
    expect(ev.attendees.map((a) => a.getFirstValue())).toEqual(['mailto:asha@police.example', 'mailto:ben@council.example']);
    expect(ev.attendees[1]!.getParameter('cn')).toBe('Ben BC Cole');
    expect(ev.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-06-01T12:00:00Z');
    expect(ev.uid).toMatch(/^concordat-meeting-7-/);
  });

  it('publishes without organiser or attendees when no coordinator email is set', () => {
    const { cal, events } = parse(buildIcs([base], { ...options, organiser: null }));
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(events[0]!.attendees).toEqual([]);
  });

  it('folds without splitting a multi-byte character', () => {
    const folded = foldLine(`SUMMARY:${'€'.repeat(40)}`);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'€'.repeat(40)}`);
  });

  it('exports one meeting or a series through the handler, with invited people who have an email', async () => {
    const app = createTestApp();
    try {
      const org = addOrganisation(app.db, 'Police');
      addPerson(app.db, 'Asha Patel', org, 'asha@police.example');
      addPerson(app.db, 'No Email', org, '');
      await app.dispatch('settings.update', {
        name: 'Northshire',
        area: '',
        coordinatorName: 'Sam',
        coordinatorEmail: 'sam@partnership.example',
        defaultMarking: 'OFFICIAL',
        version: 1,
      });
      const g = (await app.dispatch('meetings.groups.create', { name: 'Board', kind: 'strategic_board' })) as {
        ok: true;
        value: { id: number };
      };
      const ids: number[] = [];
      for (const [s, e] of [
        ['2026-07-01T10:00:00+01:00', '2026-07-01T12:00:00+01:00'],
        ['2026-12-02T10:00:00+00:00', '2026-12-02T12:00:00+00:00'],
      ] as const) {
        const r = (await app.dispatch('meetings.create', {
          title: 'Board',
          groupId: g.value.id,
          type: 'strategic_board',
          startsAt: s,
          endsAt: e,
          location: '',
          onlineLink: 'https://meet.example/board',
          chairPersonId: null,
          minuteTakerPersonId: null,
          marking: 'OFFICIAL-SENSITIVE',
          status: 'planned',
        })) as { ok: true; value: { meeting: { id: number } } };
        ids.push(r.value.meeting.id);
        await app.dispatch('meetings.attendance.invite', { meetingId: r.value.meeting.id, organisationId: org });
      }
      const one = await app.dispatch('meetings.export.ics', { meetingIds: [ids[0]] });
      expect(one.ok).toBe(true);
      const series = await app.dispatch('meetings.export.ics', { meetingIds: ids });
      expect(series.ok).toBe(true);
      expect(app.saved.map((s) => s.name)).toEqual(['Board 2026-07-01 invitation.ics', 'Board meetings.ics']);
      const { events } = parse(Buffer.from(app.saved[1]!.bytes).toString('utf8'));
      expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
        '2026-07-01T09:00:00.000Z',
        '2026-12-02T10:00:00.000Z',
      ]);
      expect(events[0]!.attendees.map((a) => a.getFirstValue())).toEqual(['mailto:asha@police.example']);
      expect(events[0]!.component.getFirstPropertyValue('class')).toBe('CONFIDENTIAL');
    } finally {
      app.cleanup();
    }
  });
});
