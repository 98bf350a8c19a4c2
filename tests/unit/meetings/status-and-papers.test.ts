import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgendaItem, AttendanceRecord, MeetingDetail } from '../../../shared/meetings/model';
import { createTestApp } from '../../helpers/db';
import { addOrganisation, addPerson } from './fixtures';

let app: ReturnType<typeof createTestApp>;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.cleanup());

async function ok<T>(channel: string, payload: unknown): Promise<T> {
  const r = await app.dispatch(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function meetingAt(startsAt: string, endsAt: string): Promise<MeetingDetail> {
  const g = await ok<{ id: number }>('meetings.groups.create', { name: `Board ${startsAt}`, kind: 'strategic_board' });
  return ok<MeetingDetail>('meetings.create', {
    title: 'Strategic Board',
    groupId: g.id,
    type: 'strategic_board',
    startsAt,
    endsAt,
    location: '',
    onlineLink: '',
    chairPersonId: null,
    minuteTakerPersonId: null,
    marking: 'OFFICIAL',
    status: 'planned',
  });
}

const status = async (id: number) => (await ok<MeetingDetail>('meetings.get', { id })).meeting.status;

describe('meeting status follows what is recorded', () => {
  it('moves from Planned to Held when attendance is marked at a meeting that has started', async () => {
    const org = addOrganisation(app.db, 'Northshire Police');
    addPerson(app.db, 'Asha Patel', org, 'asha@police.example');
    const m = await meetingAt('2026-03-04T10:00:00+00:00', '2026-03-04T12:00:00+00:00');
    const invited = await ok<AttendanceRecord[]>('meetings.attendance.invite', { meetingId: m.meeting.id, organisationId: org });
    expect(await status(m.meeting.id)).toBe('planned');
    await ok('meetings.attendance.mark', { id: invited[0]!.id, status: 'attended' });
    const after = await ok<MeetingDetail>('meetings.get', { id: m.meeting.id });
    expect(after.meeting.status).toBe('held');
    expect(after.meeting.version).toBe(m.meeting.version + 1);
    expect(after.statusNote).toBeNull();
  });

  it('moves to Held when minutes are written', async () => {
    const m = await meetingAt('2026-03-04T10:00:00+00:00', '2026-03-04T12:00:00+00:00');
    const item = m.agenda[0] as AgendaItem;
    await ok('meetings.agenda.update', { ...pick(item), minutes: 'Everyone was welcomed.' });
    expect(await status(m.meeting.id)).toBe('held');
  });

  it('stays Planned for a meeting that has not started, and says why', async () => {
    const m = await meetingAt('2099-03-04T10:00:00+00:00', '2099-03-04T12:00:00+00:00');
    const item = m.agenda[0] as AgendaItem;
    await ok('meetings.agenda.update', { ...pick(item), minutes: 'Notes written ahead.' });
    const after = await ok<MeetingDetail>('meetings.get', { id: m.meeting.id });
    expect(after.meeting.status).toBe('planned');
    expect(after.statusNote).toMatch(/has not started yet/);
  });

  it('leaves a cancelled meeting cancelled', async () => {
    const m = await meetingAt('2026-03-04T10:00:00+00:00', '2026-03-04T12:00:00+00:00');
    const { id, version, ...fields } = m.meeting;
    await ok('meetings.update', {
      id,
      version,
      title: fields.title,
      groupId: fields.groupId,
      type: fields.type,
      startsAt: fields.startsAt,
      endsAt: fields.endsAt,
      location: '',
      onlineLink: '',
      chairPersonId: null,
      minuteTakerPersonId: null,
      marking: 'OFFICIAL',
      status: 'cancelled',
    });
    await ok('meetings.agenda.update', { ...pick(m.agenda[0]!), minutes: 'Not held.' });
    expect(await status(id)).toBe('cancelled');
  });
});

const pick = (i: AgendaItem) => ({
  id: i.id,
  version: i.version,
  title: i.title,
  leadPersonId: i.leadPersonId,
  minutesAllowed: i.minutesAllowed,
  minutes: i.minutes,
});

describe('meeting papers name the partnership', () => {
  it('agenda, minutes and pack say whose meeting it was', async () => {
    const s = await ok<{ version: number }>('settings.get', {});
    await ok('settings.update', {
      name: 'Northshire Modern Slavery Partnership',
      area: '',
      coordinatorName: '',
      coordinatorEmail: '',
      defaultMarking: 'OFFICIAL',
      version: s.version,
    });
    const m = await meetingAt('2026-03-04T10:00:00+00:00', '2026-03-04T12:00:00+00:00');
    for (const channel of ['meetings.export.agenda', 'meetings.export.minutes', 'meetings.export.pack']) {
      await ok(channel, { meetingId: m.meeting.id });
      const text = (await mammoth.extractRawText({ buffer: Buffer.from(app.saved.at(-1)!.bytes) })).value;
      expect(text, channel).toContain('Partnership: Northshire Modern Slavery Partnership');
    }
  });
});
