import { afterEach, describe, expect, it } from 'vitest';
import { storageFault } from '../../../main/store/faults';
import { openWithKey } from '../../../main/store/store-access';
import { emptyPerson } from '../../../shared/partners/domain';
import { tempDir } from '../../helpers/db';
import { names, openTestStore } from './helpers';
import type { TestStore } from './helpers';

let t: TestStore;
afterEach(() => t?.close());

const createPerson = (name: string) => t.dispatch('partners.people.create', { value: { ...emptyPerson(), name }, post: null });
const count = () => (t.store.db().prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;

describe('storage faults say what happened and what to do', () => {
  it('a full disk (max_page_count): a clear message, nothing half-written, reads keep working', async () => {
    t = openTestStore(tempDir());
    expect((await createPerson('First')).ok).toBe(true);
    const pages = t.store.db().pragma('page_count', { simple: true }) as number;
    t.store.db().pragma(`max_page_count = ${pages}`);
    let failure: Awaited<ReturnType<typeof createPerson>> | undefined;
    for (let i = 0; i < 2000 && !failure; i++) {
      const before = count();
      const r = await createPerson(`Person ${i} ${'x'.repeat(150)}`);
      if (!r.ok) {
        failure = r;
        // The failed call left no row, no search entry, no audit line behind.
        expect(count()).toBe(before);
      }
    }
    expect(failure).toMatchObject({ ok: false, error: { code: 'storage' } });
    if (failure && !failure.ok)
      expect(failure.error.message).toMatch(/^The disk is full, so this change was not saved\. Free some space/);
    expect((await t.dispatch('settings.get', {})).ok).toBe(true);
    expect((await t.dispatch('partners.people.list', {})).ok).toBe(true);
    expect(t.store.db().pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a read-only data folder: writes refused in plain words, reads keep working', async () => {
    t = openTestStore(tempDir());
    await createPerson('Readable');
    // CI runs as root, where chmod changes nothing: open the file read-only instead.
    t.store.replaceWith((key) => openWithKey(t.dbPath, key, { readonly: true }));
    const r = await createPerson('Not saved');
    expect(r).toMatchObject({ ok: false, error: { code: 'storage' } });
    if (!r.ok) expect(r.error.message).toMatch(/data folder cannot be written to.*You can still view your records/);
    expect(names(t.store.db())).toEqual(['Readable']);
    expect((await t.dispatch('settings.get', {})).ok).toBe(true);
  });

  it('the file locked by another program (BEGIN EXCLUSIVE): writes refused with what to do, reads keep working', async () => {
    t = openTestStore(tempDir());
    await createPerson('Before the lock');
    t.store.db().pragma('busy_timeout = 50');
    const other = openWithKey(t.dbPath, t.key);
    other.exec('BEGIN EXCLUSIVE');
    try {
      const r = await createPerson('Blocked');
      expect(r).toMatchObject({ ok: false, error: { code: 'storage' } });
      if (!r.ok)
        expect(r.error.message).toMatch(/^Another program is using the database file.*Close any other copy of Concordat/);
      expect(names(t.store.db())).toEqual(['Before the lock']);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await createPerson('After the lock')).ok).toBe(true);
  });

  it('maps every storage code it knows, and leaves other errors alone', () => {
    for (const [code, words] of [
      ['SQLITE_FULL', /disk is full/],
      ['SQLITE_READONLY_DBMOVED', /cannot be written to/],
      ['SQLITE_BUSY_SNAPSHOT', /Another program/],
      ['SQLITE_CANTOPEN', /cannot open its database file.*not a folder/],
      ['SQLITE_IOERR_WRITE', /could not read or write/],
      ['SQLITE_CORRUPT', /damaged/],
    ] as const) {
      expect(storageFault(Object.assign(new Error('x'), { code }))?.message).toMatch(words);
    }
    expect(storageFault(new Error('plain'))).toBeNull();
    expect(storageFault(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT' }))).toBeNull();
  });
});
