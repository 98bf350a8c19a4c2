import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/result';
import type { SubjectAccessData } from '../../../shared/privacy/subject-access';
import { createTestApp } from '../../helpers/db';
import { org, person } from '../partners/helpers';

let app: ReturnType<typeof createTestApp>;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.cleanup());

const ok = async <T>(channel: string, payload: unknown): Promise<T> => {
  const r: Result<unknown> = await app.dispatch(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
};

function seed() {
  const council = org(app.db, { name: 'Northshire Council' });
  const subject = person(
    app.db,
    { name: 'Priya Ramaswamy', notes: 'Met at the conference' },
    { organisationId: council.id, jobTitle: 'Housing Lead', email: 'p.ramaswamy@council.example', phone: '01632 960321' },
  );
  const other = person(app.db, { name: 'Gideon Achterberg' }, { organisationId: council.id, email: 'g.a@council.example' });
  const now = new Date().toISOString();
  const group = app.db
    .prepare("INSERT INTO meeting_groups (name, kind, created_at) VALUES ('Board', 'strategic_board', ?)")
    .run(now).lastInsertRowid;
  const meeting = app.db
    .prepare(
      `INSERT INTO meetings (group_id, title, type, starts_at, ends_at, start_utc, chair_person_id, marking, created_at, updated_at)
       VALUES (?, 'Board', 'strategic_board', '2026-11-02T10:00:00+00:00', '2026-11-02T11:00:00+00:00', '2026-11-02T10:00:00Z', ?, 'OFFICIAL', ?, ?)`,
    )
    .run(group, subject.id, now, now).lastInsertRowid;
  app.db
    .prepare("INSERT INTO attendance (meeting_id, person_id, status, created_at, updated_at) VALUES (?, ?, 'attended', ?, ?)")
    .run(meeting, subject.id, now, now);
  app.db
    .prepare(
      "INSERT INTO agenda_items (meeting_id, position, title, minutes, created_at, updated_at) VALUES (?, 1, 'Housing', ?, ?, ?)",
    )
    .run(meeting, 'Priya Ramaswamy and Gideon Achterberg reported on the housing checks.', now, now);
  return { subject, other, meeting: Number(meeting) };
}

describe('erasure preview', () => {
  it('lists links and matched snippets, and changes nothing', async () => {
    const { subject } = seed();
    const before = app.db.prepare('SELECT count(*) FROM people').pluck().get();
    const preview = await ok<{
      links: { kind: string; record: string }[];
      matches: { table: string; column: string; snippets: string[] }[];
      occurrences: number;
    }>('partners.people.erasurePreview', { id: subject.id });
    expect(preview.links.map((l) => l.kind)).toEqual(
      expect.arrayContaining(['Directory record', 'Post', 'Attendance: attended', 'Chair']),
    );
    expect(preview.matches).toEqual([
      expect.objectContaining({
        table: 'agenda_items',
        column: 'minutes',
        snippets: ['«Priya Ramaswamy» and Gideon Achterberg reported on the h…'],
      }),
    ]);
    expect(preview.occurrences).toBe(1);
    expect(app.db.prepare('SELECT count(*) FROM people').pluck().get()).toBe(before);
  });
});

describe('subject access', () => {
  it('exports a .docx report and a JSON file of everything held, listing backups, other people redacted on request', async () => {
    const { subject } = seed();
    fs.mkdirSync(path.join(app.dataDir, 'backups'));
    fs.writeFileSync(path.join(app.dataDir, 'backups', 'concordat-2026-11-01.sqlite3'), 'x');
    const out = await ok<{ report: { status: string; fileName: string }; data: { status: string; fileName: string } }>(
      'privacy.subjectAccess.export',
      { personId: subject.id, redactOthers: true },
    );
    expect(out.report.fileName).toMatch(/^Subject access Priya Ramaswamy \d{4}-\d{2}-\d{2}\.docx$/);
    expect(out.data.fileName).toMatch(/\.json$/);
    const [docx, json] = app.saved.slice(-2);
    // The writer lets long addresses break after @ or . with invisible break opportunities.
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(docx!.bytes) })).value.replace(/[\u200B\u2060]/g, '');
    expect(text).toContain('Subject access report: Priya Ramaswamy');
    expect(text).toContain('Housing Lead');
    expect(text).toContain('p.ramaswamy@council.example');
    expect(text).toContain('Priya Ramaswamy and [another person] reported on the housing checks.');
    expect(text).toContain('concordat-2026-11-01.sqlite3');
    expect(text).not.toContain('Achterberg');
    const data = JSON.parse(Buffer.from(json!.bytes).toString('utf8')) as SubjectAccessData;
    expect(data.person).toMatchObject({ name: 'Priya Ramaswamy', notes: 'Met at the conference' });
    expect(data.person.createdAt).toMatch(/^\d{4}-/);
    expect(data.posts).toEqual([expect.objectContaining({ organisation: 'Northshire Council', phone: '01632 960321' })]);
    expect(data.linked.map((l) => l.kind)).toEqual(expect.arrayContaining(['Attendance: attended', 'Chair']));
    expect(data.mentions).toEqual([expect.objectContaining({ field: 'Minutes', createdAt: expect.any(String) })]);
    expect(data.backups.map((b) => b.file)).toEqual(['concordat-2026-11-01.sqlite3']);
    expect(JSON.stringify(data)).not.toContain('Achterberg');

    const unredacted = await ok<unknown>('privacy.subjectAccess.export', { personId: subject.id, redactOthers: false });
    expect(unredacted).toBeTruthy();
    expect(Buffer.from(app.saved.at(-1)!.bytes).toString('utf8')).toContain('Gideon Achterberg');
    const audit = app.db.prepare("SELECT action FROM audit_log WHERE entity = 'subject_access'").pluck().all();
    expect(audit).toEqual(['export', 'export']);
  });
});

describe('the request log', () => {
  it('records requests with a due date one calendar month after receipt, and versions each change', async () => {
    const { subject } = seed();
    const created = await ok<{ id: number; dueOn: string; version: number; personUid: string; overdue: boolean }>(
      'privacy.requests.create',
      { kind: 'subject_access', subject: 'Priya Ramaswamy', personId: subject.id, receivedOn: '2026-01-31', note: '' },
    );
    expect(created).toMatchObject({ dueOn: '2026-02-28', version: 1, overdue: true });
    expect(created.personUid).toMatch(/^[0-9a-f-]{36}$/);
    const done = await ok<{ status: string; completedOn: string; version: number }>('privacy.requests.update', {
      id: created.id,
      version: 1,
      status: 'done',
      completedOn: '2026-02-10',
      note: 'Sent by email',
    });
    expect(done).toMatchObject({ status: 'done', completedOn: '2026-02-10', version: 2 });
    const stale = await app.dispatch('privacy.requests.update', {
      id: created.id,
      version: 1,
      status: 'open',
      completedOn: null,
      note: '',
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Erasing the person replaces their name in the log but keeps the entry.
    await ok('partners.people.erase', { id: subject.id, confirmName: 'Priya Ramaswamy' });
    const list = await ok<{ subject: string }[]>('privacy.requests.list', {});
    expect(list.map((r) => r.subject)).toEqual(['[erased person]']);
  });
});

describe('retention', () => {
  it('lists records past their period, and a kept record leaves the list', async () => {
    const { other, meeting } = seed();
    app.db.prepare("UPDATE people SET archived_at = '2020-01-01T00:00:00Z' WHERE id = ?").run(other.id);
    app.db
      .prepare("UPDATE meetings SET starts_at = '2019-06-01T10:00:00+00:00', ends_at = '2019-06-01T11:00:00+00:00' WHERE id = ?")
      .run(meeting);
    const rules = await ok<{ kind: string; months: number }[]>('privacy.retention.get', {});
    expect(rules.map((r) => r.kind)).toEqual(['archived_people', 'minutes', 'share_records']);
    const due = await ok<{ kind: string; recordId: number; dueOn: string; route: string }[]>('privacy.retention.due', {});
    expect(due).toEqual([
      expect.objectContaining({ kind: 'archived_people', recordId: other.id, dueOn: '2022-01-01' }),
      expect.objectContaining({ kind: 'minutes', recordId: meeting, dueOn: '2025-06-01', route: `/meetings/${meeting}` }),
    ]);
    await ok('privacy.retention.keep', { kind: 'archived_people', recordId: other.id });
    const after = await ok<{ kind: string }[]>('privacy.retention.due', {});
    expect(after.map((d) => d.kind)).toEqual(['minutes']);
    await ok('privacy.retention.update', { rules: [{ kind: 'minutes', months: 1200, action: 'delete' }] });
    expect(await ok('privacy.retention.due', {})).toEqual([]);
    const bad = await app.dispatch('privacy.retention.update', { rules: [{ kind: 'minutes', months: 0, action: 'review' }] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});

describe('activity log', () => {
  it('filters by what and when and exports CSV, with no content of erased data', async () => {
    const { subject } = seed();
    await ok('partners.people.erase', { id: subject.id, confirmName: 'Priya Ramaswamy' });
    const all = await ok<{ rows: { entity: string; action: string; at: string }[]; total: number; entities: string[] }>(
      'privacy.activity.list',
      {},
    );
    expect(all.entities).toContain('person');
    const erased = await ok<{ rows: { entity: string; entityId: string; action: string }[] }>('privacy.activity.list', {
      entity: 'person',
      action: 'erase',
    });
    expect(erased.rows).toEqual([expect.objectContaining({ entity: 'person', entityId: String(subject.id), action: 'erase' })]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await ok<{ total: number }>('privacy.activity.list', { from: today, to: today })).total).toBe(all.total);
    expect((await ok<{ total: number }>('privacy.activity.list', { to: '2000-01-01' })).total).toBe(0);
    await ok('privacy.activity.exportCsv', { entity: 'person' });
    const csv = Buffer.from(app.saved.at(-1)!.bytes).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFWhen (UTC),What,Record,Action');
    expect(csv).toContain(`Person,${subject.id},erase`);
    const everything = app.db.prepare('SELECT * FROM audit_log').raw().all().flat().join(' ').toLowerCase();
    expect(everything).not.toContain('ramaswamy');
  });
});

describe('what erasure matches', () => {
  it('leaves a namesake and shared team addresses alone', async () => {
    const council = org(app.db, { name: 'Council', email: 'team@council.example' });
    const gone = person(
      app.db,
      { name: 'Tobias Verhoeven' },
      { organisationId: council.id, email: 'team@council.example', phone: '01632 960111' },
    );
    const namesake = person(app.db, { name: 'Tobias Verhoeven' }, { organisationId: council.id, email: 'tv2@council.example' });
    const colleague = person(app.db, { name: 'Colleague One' }, { organisationId: council.id, phone: '01632 960 111' });
    const preview = await ok<{ terms: { names: string[]; emails: string[]; phones: string[] } }>(
      'partners.people.erasurePreview',
      {
        id: gone.id,
      },
    );
    expect(preview.terms).toEqual({ names: ['Tobias Verhoeven'], emails: [], phones: [] });
    await ok('partners.people.erase', { id: gone.id, confirmName: 'Tobias Verhoeven' });
    expect((await ok<{ name: string }>('partners.people.get', { id: namesake.id })).name).toBe('Tobias Verhoeven');
    const c = await ok<{ posts: { phone: string }[] }>('partners.people.get', { id: colleague.id });
    expect(c.posts[0]!.phone).toBe('01632 960 111');
    expect((await ok<{ email: string }>('partners.organisations.get', { id: council.id })).email).toBe('team@council.example');
  });
});
