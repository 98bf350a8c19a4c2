import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../main/ipc/dispatcher';
import type { MeetingDetail, MeetingGroup, Action, AttendanceRecord, AgendaItem } from '../../../shared/meetings/model';
import { createTestApp } from '../../helpers/db';
import { addOrganisation, addPerson } from './fixtures';
import type { Database } from 'better-sqlite3';

let app: ReturnType<typeof createTestApp>;
let dispatch: Dispatch;
let db: Database;

async function ok<T>(channel: string, payload: unknown): Promise<T> {
  const r = await dispatch(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const meeting = (groupId: number, startsAt: string, endsAt: string, extra: Record<string, unknown> = {}) => ({
  title: 'Strategic Board',
  groupId,
  type: 'strategic_board',
  startsAt,
  endsAt,
  location: 'Town Hall',
  onlineLink: '',
  chairPersonId: null,
  minuteTakerPersonId: null,
  marking: 'OFFICIAL',
  status: 'planned',
  ...extra,
});

const newAction = (meetingId: number | null, description: string, extra: Record<string, unknown> = {}) => ({
  meetingId,
  description,
  ownerOrganisationId: null,
  ownerPersonId: null,
  dueOn: null,
  status: 'open',
  ...extra,
});

beforeEach(() => {
  app = createTestApp();
  dispatch = app.dispatch;
  db = app.db;
});
afterEach(() => app.cleanup());

describe('meetings handlers', () => {
  it('a new meeting starts with the usual agenda items', async () => {
    const g = await ok<MeetingGroup>('meetings.groups.create', { name: 'Strategic Board', kind: 'strategic_board' });
    const d = await ok<MeetingDetail>('meetings.create', meeting(g.id, '2026-07-01T10:00:00+01:00', '2026-07-01T12:00:00+01:00'));
    expect(d.agenda.map((i) => i.title)).toEqual([
      'Welcome and apologies',
      'Minutes of the last meeting',
      'Matters arising',
      'Any other business',
      'Date of next meeting',
    ]);
    expect(d.meeting.startsAt).toBe('2026-07-01T10:00:00+01:00');
    expect(d.meeting.timeZone).toBe('Europe/London');
  });

  it('refuses an end before the start, at the contract and in the table', async () => {
    const g = await ok<MeetingGroup>('meetings.groups.create', { name: 'Board', kind: 'strategic_board' });
    const r = await dispatch('meetings.create', meeting(g.id, '2026-07-01T10:00:00+01:00', '2026-07-01T09:00:00+01:00'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invalid_request');
    expect(() =>
      db
        .prepare(
          `INSERT INTO meetings (group_id, title, type, starts_at, ends_at, start_utc, marking, created_at, updated_at)
           VALUES (?, 'x', 'other', '2026-07-01T10:00:00+01:00', '2026-07-01T09:30:00+01:00', '', 'OFFICIAL', '', '')`,
        )
        .run(g.id),
    ).toThrow(/CHECK/);
  });

  it('adds items before AOB, reorders them, and refuses a stale order', async () => {
    const g = await ok<MeetingGroup>('meetings.groups.create', { name: 'Board', kind: 'strategic_board' });
    const d = await ok<MeetingDetail>('meetings.create', meeting(g.id, '2026-07-01T10:00:00+01:00', '2026-07-01T12:00:00+01:00'));
    const items = await ok<AgendaItem[]>('meetings.agenda.add', {
      meetingId: d.meeting.id,
      title: 'Annual strategy',
      leadPersonId: null,
      minutesAllowed: 20,
    });
    expect(items.map((i) => i.title)[3]).toBe('Annual strategy');
    const reversed = items.map((i) => i.id).reverse();
    const after = await ok<AgendaItem[]>('meetings.agenda.reorder', { meetingId: d.meeting.id, itemIds: reversed });
    expect(after.map((i) => i.id)).toEqual(reversed);
    const stale = await dispatch('meetings.agenda.reorder', { meetingId: d.meeting.id, itemIds: reversed.slice(1) });
    expect(stale.ok).toBe(false);
  });

  it('keeps a local paper by name only and refuses a path', async () => {
    const g = await ok<MeetingGroup>('meetings.groups.create', { name: 'Board', kind: 'strategic_board' });
    const d = await ok<MeetingDetail>('meetings.create', meeting(g.id, '2026-07-01T10:00:00+01:00', '2026-07-01T12:00:00+01:00'));
    const itemId = d.agenda[0]!.id;
    const item = await ok<AgendaItem>('meetings.agenda.addPaper', {
      agendaItemId: itemId,
      kind: 'file',
      title: 'Strategy.pdf',
      url: '',
    });
    expect(item.papers).toEqual([{ id: expect.any(Number), kind: 'file', title: 'Strategy.pdf', url: '' }]);
    const bad = await dispatch('meetings.agenda.addPaper', { agendaItemId: itemId, kind: 'file', title: '/etc/passwd', url: '' });
    expect(bad.ok).toBe(false);
    const link = await ok<AgendaItem>('meetings.agenda.addPaper', {
      agendaItemId: itemId,
      kind: 'link',
      title: 'Plan',
      url: 'https://example.org/plan',
    });
    expect(link.papers).toHaveLength(2);
  });

  it('invites a whole organisation through its current posts, and marks attendance with a deputy', async () => {
    const org = addOrganisation(db, 'Northshire Police');
    const a = addPerson(db, 'Asha Patel', org, 'asha@police.example');
    addPerson(db, 'Ben Cole', org, 'ben@police.example');
    addPerson(db, 'Old Timer', org, 'old@police.example', true);
    const g = await ok<MeetingGroup>('meetings.groups.create', { name: 'Board', kind: 'strategic_board' });
    const d = await ok<MeetingDetail>('meetings.create', meeting(g.id, '2026-07-01T10:00:00+01:00', '2026-07-01T12:00:00+01:00'));
    const invited = await ok<AttendanceRecord[]>('meetings.attendance.invite', { meetingId: d.meeting.id, organisationId: org });
    expect(invited.map((i) => i.personName)).toEqual(['Asha Patel', 'Ben Cole']);
    expect(invited.every((i) => i.organisationName === 'Northshire Police')).toBe(true);
    // Inviting again changes nothing.
    expect(await ok<AttendanceRecord[]>('meetings.attendance.invite', { meetingId: d.meeting.id, personIds: [a] })).toHaveLength(
      2,
    );
    const marked = await ok<AttendanceRecord>('meetings.attendance.mark', {
      id: invited[0]!.id,
      status: 'deputy',
      deputyName: 'Chris Day',
    });
    expect(marked).toMatchObject({ status: 'deputy', deputyName: 'Chris Day' });
    const back = await ok<AttendanceRecord>('meetings.attendance.mark', { id: invited[0]!.id, status: 'attended' });
    expect(back.deputyName).toBe('');
  });

  it('fills matters arising with open actions of earlier meetings of the same group only', async () => {
    const board = await ok<MeetingGroup>('meetings.groups.create', { name: 'Board', kind: 'strategic_board' });
    const sub = await ok<MeetingGroup>('meetings.groups.create', { name: 'Labour Exploitation Sub-group', kind: 'sub_group' });
    const m1 = await ok<MeetingDetail>(
      'meetings.create',
      meeting(board.id, '2026-01-14T10:00:00+00:00', '2026-01-14T12:00:00+00:00'),
    );
    const s1 = await ok<MeetingDetail>(
      'meetings.create',
      meeting(sub.id, '2026-02-14T10:00:00+00:00', '2026-02-14T12:00:00+00:00'),
    );
    const open = await ok<Action>('meetings.actions.create', newAction(m1.meeting.id, 'Map car washes'));
    const done = await ok<Action>('meetings.actions.create', newAction(m1.meeting.id, 'Book room', { status: 'done' }));
    await ok<Action>('meetings.actions.create', newAction(s1.meeting.id, 'Sub-group action'));
    await ok<Action>('meetings.actions.create', newAction(null, 'Standalone'));
    const m2 = await ok<MeetingDetail>(
      'meetings.create',
      meeting(board.id, '2026-04-14T10:00:00+01:00', '2026-04-14T12:00:00+01:00'),
    );
    expect(m2.mattersArising.map((a) => a.id)).toEqual([open.id]);
    expect(m2.previousMeetingId).toBe(m1.meeting.id);
    expect(done.status).toBe('done');
    expect(m1.mattersArising).toEqual([]);
  });

  it('filters the action log and counts overdue actions', async () => {
    const org = addOrganisation(db, 'Council');
    const person = addPerson(db, 'Dee Ray', org);
    const g = await ok<MeetingGroup>('meetings.groups.create', { name: 'Board', kind: 'strategic_board' });
    const m = await ok<MeetingDetail>('meetings.create', meeting(g.id, '2026-01-14T10:00:00+00:00', '2026-01-14T12:00:00+00:00'));
    await ok<Action>(
      'meetings.actions.create',
      newAction(m.meeting.id, 'Late one', { dueOn: '2020-01-01', ownerOrganisationId: org, fourPs: ['protect'] }),
    );
    await ok<Action>(
      'meetings.actions.create',
      newAction(null, 'Late two', { dueOn: '2020-02-01', ownerPersonId: person, status: 'in_progress' }),
    );
    await ok<Action>('meetings.actions.create', newAction(null, 'Late but done', { dueOn: '2020-02-01', status: 'done' }));
    await ok<Action>('meetings.actions.create', newAction(null, 'Future', { dueOn: '2099-01-01' }));
    expect(await ok('meetings.actions.overdueCount', {})).toEqual({ count: 2 });
    const overdue = await ok<{ items: Action[]; total: number; overdue: number }>('meetings.actions.list', { overdueOnly: true });
    expect(overdue.items.map((a) => a.description)).toEqual(['Late one', 'Late two']);
    expect(overdue.items.every((a) => a.overdue)).toBe(true);
    const byOrg = await ok<{ items: Action[] }>('meetings.actions.list', { organisationId: org });
    expect(byOrg.items.map((a) => a.description)).toEqual(['Late one']);
    expect(byOrg.items[0]!.fourPs).toEqual(['protect']);
    const byOwner = await ok<{ items: Action[] }>('meetings.actions.list', { ownerPersonId: person });
    expect(byOwner.items.map((a) => a.description)).toEqual(['Late two']);
    const byGroup = await ok<{ items: Action[] }>('meetings.actions.list', { groupId: g.id });
    expect(byGroup.items.map((a) => a.description)).toEqual(['Late one']);
    const done = await ok<{ items: Action[]; total: number }>('meetings.actions.list', { statuses: ['done'] });
    expect(done.total).toBe(1);
  });

  it('keeps dated updates on an action', async () => {
    const a = await ok<Action>('meetings.actions.create', newAction(null, 'Write the plan'));
    const d = await ok<{ updates: { note: string }[] }>('meetings.actions.addUpdate', {
      actionId: a.id,
      notedOn: '2026-05-01',
      note: 'First draft shared',
    });
    expect(d.updates.map((u) => u.note)).toEqual(['First draft shared']);
  });

  it('requires a reason when consent to share was not sought', async () => {
    const base = {
      information: 'Address of a potential victim',
      purpose: 'Safeguarding visit',
      recipients: 'Adult social care',
      sharedOn: '2026-05-01',
      justification: 'Risk of serious harm',
      consentSought: false,
    };
    const refused = await dispatch('meetings.share.create', base);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/consent/);
    const saved = await ok<{ id: number; consentSought: boolean }>('meetings.share.create', {
      ...base,
      noConsentReason: 'Seeking consent would put the person at risk',
    });
    expect(saved.consentSought).toBe(false);
    expect(await ok<unknown[]>('meetings.share.list', {})).toHaveLength(1);
  });

  it('writes an audit entry for changes without content', async () => {
    const g = await ok<MeetingGroup>('meetings.groups.create', { name: 'Board', kind: 'strategic_board' });
    await ok<MeetingDetail>(
      'meetings.create',
      meeting(g.id, '2026-07-01T10:00:00+01:00', '2026-07-01T12:00:00+01:00', { title: 'Secret title' }),
    );
    const rows = db.prepare('SELECT entity, action FROM audit_log').all() as { entity: string; action: string }[];
    expect(rows).toEqual(expect.arrayContaining([{ entity: 'meeting', action: 'create' }]));
    expect(JSON.stringify(db.prepare('SELECT * FROM audit_log').all())).not.toContain('Secret');
  });

  it('reports attendance rates per organisation', async () => {
    const org = addOrganisation(db, 'Police');
    const p = addPerson(db, 'Asha', org);
    const g = await ok<MeetingGroup>('meetings.groups.create', { name: 'Board', kind: 'strategic_board' });
    const start = new Date(Date.now() - 30 * 86_400_000);
    const end = new Date(start.getTime() + 3_600_000);
    const m = await ok<MeetingDetail>(
      'meetings.create',
      meeting(g.id, start.toISOString(), end.toISOString(), { status: 'held' }),
    );
    const [rec] = await ok<AttendanceRecord[]>('meetings.attendance.invite', { meetingId: m.meeting.id, personIds: [p] });
    await ok('meetings.attendance.mark', { id: rec!.id, status: 'attended' });
    expect(await ok('meetings.attendance.rates', {})).toEqual([
      { organisationId: org, organisationName: 'Police', meetings: 1, present: 1, rate: 1 },
    ]);
  });
});
