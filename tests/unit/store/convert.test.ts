import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tableCounts } from '../../../main/store/convert';
import { DATABASE_FILE, openDatabase } from '../../../main/store/database';
import { StoreHolder, openKeyed } from '../../../main/store/holder';
import { KEY_FILE, TEST_KDF } from '../../../main/store/keys';
import { scanForCanaries } from '../../helpers/canary';
import { TEST_PASSPHRASE, createTestApp, createTestStore, tempDir } from '../../helpers/db';
import { org, person } from '../partners/helpers';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const CANARY = 'plain-era.canary@example.org';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true });
});

/**
 * A 0.1 data folder as a crash would leave it: the plain database and its -wal copied while the
 * connection is still open, so recent rows live only in the WAL.
 */
function plainDataFolder(): { dataDir: string; counts: Record<string, number> } {
  const app = createTestApp();
  const o = org(app.db, { name: 'Northshire Council' });
  for (let i = 0; i < 30; i++)
    person(app.db, { name: `Person ${i}` }, { organisationId: o.id, email: i === 7 ? CANARY : `p${i}@example.org` });
  const counts = tableCounts(app.db);
  const dataDir = tempDir();
  dirs.push(dataDir);
  for (const suffix of ['', '-wal', '-shm']) {
    const from = path.join(app.dataDir, DATABASE_FILE + suffix);
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(dataDir, DATABASE_FILE + suffix));
  }
  expect(fs.statSync(path.join(dataDir, `${DATABASE_FILE}-wal`)).size).toBeGreaterThan(0);
  app.cleanup();
  return { dataDir, counts };
}

describe('converting a plain 0.1 database', () => {
  it('is offered as set-up, encrypts every row (WAL included), removes the plain files and says so once', async () => {
    const { dataDir, counts } = plainDataFolder();
    const t = createTestStore({ dataDir, passphrase: null });
    expect(t.store.state).toBe('needs-setup');
    expect(await t.dispatch('store.status', {})).toMatchObject({ ok: true, value: { state: 'needs-setup', hasPlainData: true } });

    const setUp = await t.dispatch('store.setUp', { passphrase: TEST_PASSPHRASE });
    expect(setUp.ok).toBe(true);
    expect(tableCounts(t.store.db())).toEqual(counts);
    const status = await t.dispatch('store.status', {});
    expect(status).toMatchObject({ ok: true, value: { state: 'unlocked', hasPlainData: false } });
    if (status.ok)
      expect((status.value as { notices: string[] }).notices).toEqual([
        expect.stringMatching(/existing records are now encrypted/),
      ]);
    expect(await t.dispatch('store.status', {})).toMatchObject({ ok: true, value: { notices: [] } });

    const found = await t.dispatch('partners.search', { query: 'Person 7' });
    expect(JSON.stringify(found)).toContain('Person 7');
    t.store.close();
    expect(fs.readdirSync(dataDir).sort()).toEqual([DATABASE_FILE, KEY_FILE].sort());
    expect(scanForCanaries(dataDir, [CANARY, 'Northshire Council']).found).toEqual([]);
    t.cleanup();
  });

  it('an interrupted conversion (key file written, database still plain) finishes on unlock', () => {
    const { dataDir, counts } = plainDataFolder();
    const first = new StoreHolder({ dataDir, kdf: TEST_KDF });
    first.setUp(TEST_PASSPHRASE);
    first.close();
    // Put the plain database back beside the key file, as if the rename had not happened.
    const again = plainDataFolder();
    for (const f of fs.readdirSync(again.dataDir)) fs.copyFileSync(path.join(again.dataDir, f), path.join(dataDir, f));
    const holder = new StoreHolder({ dataDir, kdf: TEST_KDF });
    expect(holder.state).toBe('locked');
    expect(holder.hasPlainData).toBe(true);
    holder.unlock(TEST_PASSPHRASE);
    expect(tableCounts(holder.db())).toEqual(counts);
    expect(holder.hasPlainData).toBe(false);
    holder.close();
  });

  it('a conversion that fails leaves the plain database byte for byte as it was and no key file', () => {
    const { dataDir } = plainDataFolder();
    const dbFile = path.join(dataDir, DATABASE_FILE);
    const before = { db: sha(dbFile), wal: sha(`${dbFile}-wal`) };
    // A folder where the temporary encrypted copy must go makes the copy fail.
    fs.mkdirSync(`${dbFile}.encrypting.tmp`);
    const holder = new StoreHolder({ dataDir, kdf: TEST_KDF });
    expect(() => holder.setUp(TEST_PASSPHRASE)).toThrow();
    expect(holder.state).toBe('needs-setup');
    expect(fs.existsSync(path.join(dataDir, KEY_FILE))).toBe(false);
    expect({ db: sha(dbFile), wal: sha(`${dbFile}-wal`) }).toEqual(before);
  });

  it('an encrypted store opens with its raw key only', () => {
    const t = createTestStore();
    dirs.push(t.dataDir);
    const key = t.store.key();
    t.store.close();
    const db = openKeyed(t.store.dbPath, key);
    expect(db.prepare('SELECT count(*) FROM partnership_settings').pluck().get()).toBe(1);
    db.close();
    expect(() => openKeyed(t.store.dbPath, crypto.randomBytes(32))).toThrow(/not a Concordat database or is damaged/);
    expect(() => openDatabase(t.dataDir)).toThrow(/not a Concordat database or is damaged/);
  });
});
