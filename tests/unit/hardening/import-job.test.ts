import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitImport, previewImport } from '../../../main/partners/import';
import { IMPORT_CHUNK } from '../../../main/partners/import-job';
import type { ImportJobProgress } from '../../../shared/contract/partners-import';
import { toCsv } from '../../../shared/partners/csv-export';
import { createTestApp } from '../../helpers/db';
import { org, person } from '../partners/helpers';

let app: ReturnType<typeof createTestApp>;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.cleanup());

function csv(rows: number): string {
  const out = [['Name', 'Company', 'Job Title', 'Email']];
  for (let i = 0; i < rows; i++) out.push([`Person ${i}`, `Organisation ${i % 40}`, 'Caseworker', `p${i}@org.example`]);
  return toCsv(out);
}
const counts = () =>
  Object.fromEntries(
    ['people', 'organisations', 'posts', 'directory_search'].map((t) => [
      t,
      app.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get(),
    ]),
  );
const tick = () => new Promise((resolve) => setImmediate(resolve));

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const r = await app.dispatch(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}
async function start(text: string, duplicates: Record<string, 'skip' | 'merge'> = {}) {
  const mapping = previewImport(app.db, text, null).mapping;
  return call<ImportJobProgress>('partners.import.start', { text, mapping, skipBadRows: false, duplicates });
}
async function finish(jobId: string): Promise<ImportJobProgress> {
  for (;;) {
    const p = await call<ImportJobProgress>('partners.import.progress', { jobId });
    if (p.state !== 'running') return p;
    await tick();
  }
}

describe('a long import is a job', () => {
  it('other calls are answered while it runs, at many points before it finishes', async () => {
    const rows = 6_000;
    const started = await start(csv(rows));
    expect(started).toMatchObject({ state: 'running', phase: 'checking', done: 0 });
    const seenWhileRunning = new Set<string>();
    for (;;) {
      // Another call, answered; then where the import had got to when it was.
      const list = await app.dispatch('partners.people.list', {});
      expect(list.ok).toBe(true);
      const p = await call<ImportJobProgress>('partners.import.progress', { jobId: started.jobId });
      if (p.state !== 'running') break;
      seenWhileRunning.add(`${p.phase} ${p.done}`);
      await tick();
    }
    // Answered while the file was being checked, and at several stages of writing it, before it finished.
    const seen = [...seenWhileRunning];
    expect(seen.filter((s) => s.startsWith('checking')).length).toBeGreaterThanOrEqual(1);
    expect(seen.filter((s) => s.startsWith('writing')).length).toBeGreaterThanOrEqual(4);
    expect(seen).not.toContain(`writing ${rows}`);
    const done = await finish(started.jobId);
    expect(done).toMatchObject({ state: 'done', phase: 'writing', done: rows, total: rows, error: null });
    expect(done.summary).toEqual({
      peopleCreated: rows,
      peopleMerged: 0,
      organisationsCreated: 40,
      postsCreated: rows,
      skipped: 0,
    });
    expect(counts()).toEqual({ people: rows, organisations: 40, posts: rows, directory_search: rows + 40 });
  });

  it('writes the same directory as the one-transaction commit', async () => {
    const text = csv(600);
    const job = await finish((await start(text)).jobId);
    const viaJob = {
      counts: counts(),
      people: app.db.prepare('SELECT name, source FROM people ORDER BY name').all(),
      posts: app.db
        .prepare(
          'SELECT p.name, o.name AS org, po.email FROM posts po JOIN people p ON p.id = po.person_id JOIN organisations o ON o.id = po.organisation_id ORDER BY p.name',
        )
        .all(),
    };
    const other = createTestApp();
    try {
      const summary = commitImport(other.db, text, {
        mapping: previewImport(other.db, text, null).mapping,
        skipBadRows: false,
        duplicates: {},
      });
      expect(job.summary).toEqual(summary);
      expect(other.db.prepare('SELECT name, source FROM people ORDER BY name').all()).toEqual(viaJob.people);
      expect(
        other.db
          .prepare(
            'SELECT p.name, o.name AS org, po.email FROM posts po JOIN people p ON p.id = po.person_id JOIN organisations o ON o.id = po.organisation_id ORDER BY p.name',
          )
          .all(),
      ).toEqual(viaJob.posts);
    } finally {
      other.cleanup();
    }
  });

  it('cancel part-way leaves zero rows of the file and the directory as it was, merges included', async () => {
    const police = org(app.db, { name: 'Organisation 1', notes: 'kept' });
    const existing = person(app.db, { name: 'Person 0' }, { organisationId: police.id, email: 'p0@org.example' });
    const before = counts();
    const beforeExisting = app.db.prepare('SELECT * FROM people WHERE id = ?').get(existing.id);
    const started = await start(csv(IMPORT_CHUNK * 6), { '2': 'merge' });
    while ((await call<ImportJobProgress>('partners.import.progress', { jobId: started.jobId })).done < IMPORT_CHUNK * 3)
      await tick();
    expect((counts().people as number) > (before.people as number)).toBe(true);

    const cancelled = await call<ImportJobProgress>('partners.import.cancel', { jobId: started.jobId });
    expect(cancelled.state).toBe('cancelled');
    expect(counts()).toEqual(before);
    expect(app.db.prepare('SELECT * FROM people WHERE id = ?').get(existing.id)).toEqual(beforeExisting);
    expect(app.db.prepare("SELECT count(*) FROM people WHERE name LIKE 'Person %' AND id <> ?").pluck().get(existing.id)).toBe(0);
    // Nothing more is written after the cancel.
    for (let i = 0; i < 10; i++) await tick();
    expect(counts()).toEqual(before);
    expect(app.db.prepare("SELECT action FROM audit_log WHERE entity = 'directory' ORDER BY id DESC LIMIT 1").pluck().get()).toBe(
      'cancel',
    );
  });

  it('cancel while the file is still being checked writes nothing at all', async () => {
    const started = await start(csv(6_000));
    expect(started.phase).toBe('checking');
    const cancelled = await call<ImportJobProgress>('partners.import.cancel', { jobId: started.jobId });
    expect(cancelled).toMatchObject({ state: 'cancelled', phase: 'checking' });
    for (let i = 0; i < 30; i++) await tick();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(counts()).toEqual({ people: 0, organisations: 0, posts: 0, directory_search: 0 });
  });

  it('fails a bad file with the reasons and writes nothing; refuses a second import while one runs, and cancelling a finished one', async () => {
    const bad = await call<ImportJobProgress>('partners.import.start', {
      text: 'Name,Email\r\nAnna,not-an-email\r\n',
      mapping: ['name', 'email'],
      skipBadRows: false,
    });
    expect(await finish(bad.jobId)).toMatchObject({
      state: 'failed',
      error: {
        code: 'invalid_request',
        message: expect.stringMatching(/1 row has a problem, so nothing was imported/),
        details: ['Line 2: "not-an-email" is not an email address.'],
      },
    });
    expect(counts()).toMatchObject({ people: 0, organisations: 0 });
    expect(app.db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'directory'").pluck().get()).toBe(0);

    const first = await start(csv(IMPORT_CHUNK * 3));
    const second = await app.dispatch('partners.import.start', {
      text: csv(10),
      mapping: ['name', 'organisation', 'jobTitle', 'email'],
      skipBadRows: false,
    });
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await finish(first.jobId);
    expect(await app.dispatch('partners.import.cancel', { jobId: first.jobId })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await app.dispatch('partners.import.progress', { jobId: '0190a6f4-5b1e-7cc2-8a3b-9f0e1d2c3b4a' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
