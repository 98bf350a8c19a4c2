import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { erasureHooks, registerErasureHook } from '../../../main/partners/erasure';
import { getPersonDetail } from '../../../main/partners/people';
import { RAW_SEARCH_SQL, searchDirectory, toMatchQuery } from '../../../main/partners/search-index';
import { DATABASE_FILE } from '../../../main/store/database';
import { emptyOrganisation } from '../../../shared/partners/domain';
import { createTestApp } from '../../helpers/db';
import { org, person } from './helpers';

let app: ReturnType<typeof createTestApp>;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.cleanup());

/** Every value in every table, shadow tables of the FTS index included, as text. */
function everything(): string {
  const tables = app.db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  const parts: string[] = [];
  for (const t of tables) {
    if (t === 'directory_search') continue; // the virtual table itself holds nothing; its shadow tables are read
    for (const row of app.db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]) {
      for (const v of row) parts.push(Buffer.isBuffer(v) ? v.toString('latin1') : String(v));
    }
  }
  return parts.join('\n').toLowerCase();
}

describe('erasure', () => {
  it('removes a person from every table, the search index and the file, and the audit log keeps no content', async () => {
    const council = org(app.db, { name: 'Council' });
    const keep = person(app.db, { name: 'Kept Person' }, { organisationId: council.id, jobTitle: 'Officer' });
    const gone = person(
      app.db,
      { name: 'Xanthippe Quorzyl', notes: 'Prefers phone calls', pronouns: 'she/her' },
      { organisationId: council.id, jobTitle: 'Zymurgist Lead', email: 'xq.zymurgy@council.example', phone: '01632 960999' },
    );
    const hooked: number[] = [];
    registerErasureHook({ area: 'test-area', erasePerson: (_db, id) => hooked.push(id) });
    expect(searchDirectory(app.db, 'zymurg').map((h) => h.id)).toEqual([gone.id]);
    expect(everything()).toContain('quorzyl');

    const refused = await app.dispatch('partners.people.erase', { id: gone.id, confirmName: 'Someone else' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const done = await app.dispatch('partners.people.erase', { id: gone.id, confirmName: 'xanthippe quorzyl' });
    expect(done).toEqual({ ok: true, value: { erased: true } });

    expect(hooked).toEqual([gone.id]);
    expect(erasureHooks().map((h) => h.area)).toContain('test-area');
    expect(() => getPersonDetail(app.db, gone.id)).toThrow(/not in the directory/);
    expect(searchDirectory(app.db, 'zymurg')).toEqual([]);
    expect(searchDirectory(app.db, 'xanthippe')).toEqual([]);
    const all = everything();
    for (const trace of ['quorzyl', 'xanthippe', 'zymurg', 'prefers phone', '960999']) expect(all).not.toContain(trace);
    expect(app.db.prepare('SELECT count(*) FROM posts WHERE person_id = ?').pluck().get(gone.id)).toBe(0);
    const audit = app.db.prepare("SELECT entity, entity_id, action FROM audit_log WHERE action = 'erase'").all();
    expect(audit).toEqual([{ entity: 'person', entity_id: String(gone.id), action: 'erase' }]);
    // Nor in the bytes of the database file or its write-ahead log.
    for (const f of [DATABASE_FILE, `${DATABASE_FILE}-wal`]) {
      const file = path.join(app.dataDir, f);
      if (fs.existsSync(file)) expect(fs.readFileSync(file).toString('latin1').toLowerCase()).not.toContain('quorzyl');
    }
    expect(searchDirectory(app.db, 'kept').map((h) => h.id)).toEqual([keep.id]);
  });
});

describe('search', () => {
  it('finds organisations and people by a prefix of any part of a name, job title, organisation or email', () => {
    const police = org(app.db, { name: 'Northshire Police', email: 'enquiries@northshire.police.example' });
    const p = person(
      app.db,
      { name: 'Siobhán Ó Ceallaigh' },
      {
        organisationId: police.id,
        jobTitle: 'Detective Inspector, Modern Slavery',
        email: 'siobhan.oc@northshire.police.example',
        isSpoc: true,
      },
    );
    const find = (q: string) => searchDirectory(app.db, q).map((h) => `${h.kind}:${h.id}`);
    expect(find('siob')).toEqual([`person:${p.id}`]);
    expect(find('siobhan')).toEqual([`person:${p.id}`]); // diacritics folded
    expect(find('ceal')).toEqual([`person:${p.id}`]);
    expect(find('inspec')).toEqual([`person:${p.id}`]);
    expect(find('slav')).toEqual([`person:${p.id}`]);
    expect(find('north pol')).toEqual([`organisation:${police.id}`, `person:${p.id}`]);
    expect(find('enquiries@northshire')).toEqual([`organisation:${police.id}`]);
    expect(find('"); DROP TABLE people; --')).toEqual([]);
    expect(find('   ')).toEqual([]);
    expect(searchDirectory(app.db, 'siob')[0]).toMatchObject({
      detail: 'Detective Inspector, Modern Slavery, Northshire Police',
    });
  });

  it('ranks a match on the name above matches on job title, organisation or email', () => {
    const org1 = org(app.db, { name: 'Carter Logistics' });
    const byTitle = person(app.db, { name: 'Amy Lee' }, { organisationId: org1.id, jobTitle: 'Carter liaison' });
    const byName = person(app.db, { name: 'Joan Carter' });
    const byEmail = person(app.db, { name: 'Raj Singh' }, { organisationId: org1.id, email: 'carter.desk@example.org' });
    const hits = searchDirectory(app.db, 'carter').map((h) => `${h.kind}:${h.id}`);
    expect(hits.slice(0, 2).sort()).toEqual([`organisation:${org1.id}`, `person:${byName.id}`].sort());
    expect(hits.indexOf(`person:${byTitle.id}`)).toBeGreaterThan(1);
    expect(hits).toContain(`person:${byEmail.id}`);
  });

  it('the store query is the raw FTS query plus lookups', () => {
    expect(toMatchQuery('Jane O’Neil-Smith')).toBe('"Jane"* "O"* "Neil"* "Smith"*');
    expect(app.db.prepare(RAW_SEARCH_SQL).all('"x"*', 5)).toEqual([]);
  });
});

describe('search index stays in step', () => {
  it('follows renames, archiving and ended posts', async () => {
    const o = org(app.db, { name: 'Greyhaven Refuge', sector: 'ngo-local' });
    const p = person(app.db, { name: 'Noor Haddad' }, { organisationId: o.id, jobTitle: 'Outreach Worker' });
    const find = (q: string) => searchDirectory(app.db, q).map((h) => `${h.kind}:${h.id}:${h.archived}`);
    expect(find('greyhav')).toEqual([`organisation:${o.id}:false`, `person:${p.id}:false`]);
    await app.dispatch('partners.organisations.update', {
      id: o.id,
      version: o.version,
      value: { ...emptyOrganisation(), name: 'Lowfield Refuge', sector: 'ngo-local' },
    });
    expect(find('greyhav')).toEqual([]);
    expect(find('lowfield')).toEqual([`organisation:${o.id}:false`, `person:${p.id}:false`]);
    expect(searchDirectory(app.db, 'noor')[0]!.detail).toBe('Outreach Worker, Lowfield Refuge');
    await app.dispatch('partners.people.archive', { id: p.id, archived: true });
    expect(find('noor')).toEqual([`person:${p.id}:true`]);
    await app.dispatch('partners.people.update', {
      id: p.id,
      version: p.version + 1, // archived since
      value: { name: 'Noor Haddad-Smith', pronouns: '', notes: '', source: '', lawfulBasis: '', lastVerified: null },
    });
    expect(find('smith')).toEqual([`person:${p.id}:true`]);
  });
});

describe('one-letter search', () => {
  it('matches the start of a word in a name only', () => {
    const o = org(app.db, { name: 'Zephyr Trust' });
    const p = person(app.db, { name: 'Ola Zed' }, { organisationId: o.id, jobTitle: 'Zookeeper' });
    person(app.db, { name: 'Amy Lee' }, { organisationId: o.id, jobTitle: 'Zoo liaison', email: 'z@zephyr.example' });
    expect(searchDirectory(app.db, 'z').map((h) => `${h.kind}:${h.id}`)).toEqual([`organisation:${o.id}`, `person:${p.id}`]);
  });
});
