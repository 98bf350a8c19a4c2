import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerAfterRestore } from '../../../main/store/after-restore';
import { TEST_KDF } from '../../../main/store/keys';
import { createAppStore } from '../../../main/store/open-store';
import { openWithKey } from '../../../main/store/store-access';
import { TEST_PASSPHRASE, tempDir } from '../../helpers/db';
import { addPerson, crash, names, openTestStore, quarantineFolders } from './helpers';
import type { TestStore } from './helpers';

let open: TestStore[] = [];
const start = (dir: string) => {
  const t = openTestStore(dir);
  open.push(t);
  return t;
};
afterEach(() => {
  for (const t of open) t.close();
  open = [];
});

/** A store with "Kept" in its newest backup and "Later" written after it, closed cleanly. */
function preparedStore(): { dir: string; dbPath: string; key: Buffer } {
  const dir = tempDir();
  const t = openTestStore(dir);
  addPerson(t.store.db(), 'Kept');
  t.backups.create('manual');
  t.close();
  return { dir, dbPath: t.dbPath, key: t.key };
}

const notices = (t: TestStore) => t.backups.notices.all();

function expectRestored(t: TestStore, damagedBytes: number | null) {
  const [q, ...more] = quarantineFolders(t.dataDir);
  expect(more).toEqual([]);
  const moved = path.join(q!, 'concordat.sqlite3');
  expect(fs.existsSync(moved)).toBe(true);
  if (damagedBytes !== null) expect(fs.statSync(moved).size).toBe(damagedBytes);
  expect(names(t.store.db())).toEqual(['Kept']);
  const [n] = notices(t);
  expect(n?.title).toBe('Your data was restored from a backup');
  expect(n?.message).toMatch(/restored the newest checked backup, from \d+ \w+ \d{4} at \d\d:\d\d/);
  expect(n?.message).toContain(q!);
}

describe('damage found at start', () => {
  it('a 0-byte file where the database was: quarantined, newest backup restored, told', () => {
    const { dir, dbPath } = preparedStore();
    fs.writeFileSync(dbPath, '');
    // The erasure ledger's hook: a restore at start re-applies erasures as a restore from Settings does.
    const restored: string[][] = [];
    const unhook = registerAfterRestore((db) => restored.push(names(db)));
    const t = start(dir);
    unhook();
    expect(restored).toEqual([['Kept']]);
    expectRestored(t, 0);
    expect(notices(t)[0]!.message).toMatch(/^The database file was empty \(0 bytes\)\./);
  });

  it('a file that is not a database', () => {
    const { dir, dbPath } = preparedStore();
    const junk = Buffer.alloc(fs.statSync(dbPath).size, 0x41);
    fs.writeFileSync(dbPath, junk);
    const t = start(dir);
    expectRestored(t, junk.length);
    expect(notices(t)[0]!.message).toMatch(/not a Concordat database, or it is damaged/);
    // The damaged copy is kept byte for byte.
    expect(fs.readFileSync(path.join(quarantineFolders(dir)[0]!, 'concordat.sqlite3')).equals(junk)).toBe(true);
  });

  it('a zeroed header', () => {
    const { dir, dbPath } = preparedStore();
    const bytes = fs.readFileSync(dbPath);
    bytes.fill(0, 0, 100);
    fs.writeFileSync(dbPath, bytes);
    expectRestored(start(dir), bytes.length);
  });

  it('a truncated file, cut at a page boundary or inside a page', () => {
    for (const cut of [(n: number) => Math.floor(n / 2 / 4096) * 4096, (n: number) => n - 1000]) {
      const { dir, dbPath } = preparedStore();
      const bytes = fs.readFileSync(dbPath);
      fs.writeFileSync(dbPath, bytes.subarray(0, cut(bytes.length)));
      const t = start(dir);
      expectRestored(t, cut(bytes.length));
      t.close();
    }
  });

  it('the database missing while its backups are there', () => {
    const { dir, dbPath } = preparedStore();
    fs.rmSync(dbPath);
    const t = start(dir);
    expect(names(t.store.db())).toEqual(['Kept']);
    expect(notices(t)[0]!.message).toMatch(/database file was missing/);
  });

  it('damage inside a row that the fast check cannot see is found by the full check and repaired', () => {
    const { dir, dbPath, key } = preparedStore();
    const t0 = openTestStore(dir);
    for (let i = 0; i < 300; i++) addPerson(t0.store.db(), `Base Person ${i}`);
    t0.close();
    // Flip one byte in the page holding a person row, well past the header and schema pages.
    const bytes = fs.readFileSync(dbPath);
    const probe = openWithKey(dbPath, key, { readonly: true });
    const pages = probe.pragma('page_count', { simple: true }) as number;
    probe.close();
    bytes[(pages - 2) * 4096 + 2000]! ^= 0x01;
    fs.writeFileSync(dbPath, bytes);

    const t = start(dir);
    expect(notices(t)).toEqual([]);
    const result = t.backups.fullCheck();
    expect(result.ok).toBe(false);
    // The newest checked backup is the one made when that session closed, before the damage.
    expect(names(t.store.db())).toHaveLength(301);
    expect(names(t.store.db()).at(-1)).toBe('Base Person 299');
    expect(notices(t)[0]!.message).toMatch(/^The database failed its integrity check/);
    expect(fs.existsSync(path.join(quarantineFolders(dir)[0]!, 'concordat.sqlite3'))).toBe(true);
  });

  it('a journal (-wal) that does not belong, found after a clean close, is set aside and the data kept', () => {
    const { dir, dbPath, key } = preparedStore();
    // A log from another store with the same key.
    const other = tempDir();
    const o = openWithKey(path.join(other, 'x.sqlite3'), key);
    o.pragma('journal_mode = WAL');
    o.exec('CREATE TABLE t (a); INSERT INTO t VALUES (1)');
    fs.copyFileSync(path.join(other, 'x.sqlite3-wal'), `${dbPath}-wal`);
    o.close();

    const t = start(dir);
    expect(names(t.store.db())).toEqual(['Kept']);
    const q = quarantineFolders(dir)[0]!;
    expect(fs.existsSync(path.join(q, 'concordat.sqlite3-wal'))).toBe(true);
    expect(fs.existsSync(path.join(q, 'concordat.sqlite3'))).toBe(true);
    expect(notices(t)[0]).toMatchObject({ title: 'A stray journal file was set aside' });
    expect(notices(t)[0]!.message).toMatch(/as it was when Concordat last closed/);
  });

  it('a journal lost after a crash is reported, not passed over in silence', () => {
    const dir = tempDir();
    const t0 = openTestStore(dir);
    t0.close();
    const t1 = openTestStore(dir);
    addPerson(t1.store.db(), 'Only in the log');
    t1.backups.afterCall();
    crash(t1);
    fs.rmSync(`${t1.dbPath}-wal`);

    const t = start(dir);
    expect(names(t.store.db())).toEqual([]);
    expect(notices(t)[0]).toMatchObject({ title: 'Recent changes may be missing' });
    expect(notices(t)[0]!.message).toMatch(/journal of recent changes \(-wal\) was missing/);
    expect(quarantineFolders(dir)).toHaveLength(1);
  });

  it('a lost journal when a later backup holds more: the backup is restored', () => {
    const dir = tempDir();
    const t1 = openTestStore(dir);
    addPerson(t1.store.db(), 'Kept');
    t1.backups.afterCall();
    t1.backups.create('automatic');
    crash(t1);
    fs.rmSync(`${t1.dbPath}-wal`);
    const t = start(dir);
    expect(names(t.store.db())).toEqual(['Kept']);
    expect(notices(t)[0]!.title).toBe('Your data was restored from a backup');
  });

  it('a damaged journal after a crash: reported, the readable part kept, a copy quarantined', () => {
    const dir = tempDir();
    const t1 = openTestStore(dir);
    for (let i = 0; i < 5; i++) {
      addPerson(t1.store.db(), `Person ${i}`);
      t1.backups.afterCall();
    }
    crash(t1);
    const wal = fs.readFileSync(`${t1.dbPath}-wal`);
    // Flip a bit in the page data of a frame near the end of the log.
    const frame = 4096 + 24;
    const frames = Math.floor((wal.length - 32) / frame);
    wal[32 + (frames - 2) * frame + 24 + 100]! ^= 0x10;
    fs.writeFileSync(`${t1.dbPath}-wal`, wal);

    const t = start(dir);
    expect(notices(t)[0]).toMatchObject({ title: 'Recent changes may be missing' });
    expect(notices(t)[0]!.message).toMatch(/journal of recent changes \(-wal\) was damaged/);
    const q = quarantineFolders(dir)[0]!;
    expect(fs.readFileSync(path.join(q, 'concordat.sqlite3-wal')).equals(wal)).toBe(true);
    expect(names(t.store.db()).length).toBeLessThan(5);
  });

  it('after a crash with the journal intact, nothing is lost and nothing is reported', () => {
    const dir = tempDir();
    const t1 = openTestStore(dir);
    addPerson(t1.store.db(), 'Safe');
    t1.backups.afterCall();
    crash(t1);
    const t = start(dir);
    expect(names(t.store.db())).toEqual(['Safe']);
    expect(notices(t)).toEqual([]);
    expect(quarantineFolders(dir)).toEqual([]);
  });

  it('a folder where the database file should be: a clear message, nothing moved', () => {
    const { dir, dbPath } = preparedStore();
    fs.renameSync(dbPath, `${dbPath}.moved`);
    fs.mkdirSync(dbPath);
    expect(() => openTestStore(dir)).toThrow(
      /There is a folder where Concordat's database file should be.*Move or rename that folder/,
    );
    expect(quarantineFolders(dir)).toEqual([]);
  });

  it('with no backup at all, damage still never deletes: quarantined, started empty, told', () => {
    const { dir, dbPath } = preparedStore();
    fs.rmSync(path.join(dir, 'backups'), { recursive: true });
    fs.writeFileSync(dbPath, Buffer.alloc(8192, 1));
    const t = start(dir);
    expect(notices(t)[0]!.title).toBe('Concordat started with an empty database');
    expect(fs.statSync(path.join(quarantineFolders(dir)[0]!, 'concordat.sqlite3')).size).toBe(8192);
    expect(names(t.store.db())).toEqual([]);
  });

  it('a wrong key is not mistaken for damage: nothing is moved', () => {
    const { dir } = preparedStore();
    const app = createAppStore({ dataDir: dir, kdf: TEST_KDF, backups: { inline: true } });
    expect(() => app.store.unlockWithKey(crypto.randomBytes(32))).toThrow(/passphrase or recovery key is not right/);
    expect(quarantineFolders(dir)).toEqual([]);
    app.store.unlock(TEST_PASSPHRASE);
    expect(names(app.store.db())).toEqual(['Kept']);
    app.store.close();
  });

  it('a one-byte change inside a person row is never served as a wrong name (each page is authenticated)', async () => {
    const { dir, dbPath, key } = preparedStore();
    const probe = openWithKey(dbPath, key, { readonly: true });
    const root = probe.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'people'").pluck().get() as number;
    probe.close();
    const bytes = fs.readFileSync(dbPath);
    // Any byte of the page would do: one near the end, where a table leaf keeps its first row ("Kept").
    bytes[root * 4096 - 200]! ^= 0x01;
    fs.writeFileSync(dbPath, bytes);

    const t = start(dir);
    const read = await t.dispatch('partners.people.list', {});
    expect(read).toMatchObject({ ok: false, error: { code: 'storage' } });
    if (!read.ok) expect(read.error.message).toMatch(/could not be read because it is damaged.*checking the database now/);
    // That read started the full check, which found the damage and restored the newest backup.
    await t.backups.idle();
    expect(names(t.store.db())).toEqual(['Kept']);
    expect(notices(t)[0]!.message).toMatch(/^The database failed its integrity check/);
    expect((await t.dispatch('partners.people.list', {})).ok).toBe(true);
  });
});
