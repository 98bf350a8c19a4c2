import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreHolder, openKeyed } from '../../../main/store/holder';
import { KEY_FILE, TEST_KDF } from '../../../main/store/keys';
import { formatRecoveryKey, looksLikeRecoveryKey } from '../../../shared/store/status';
import { AppError } from '../../../shared/result';
import { TEST_PASSPHRASE, createTestStore, tempDir } from '../../helpers/db';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function setUp(options: Parameters<typeof createTestStore>[0] = {}) {
  const t = createTestStore(options);
  cleanups.push(t.cleanup);
  return t;
}

const settings = {
  name: 'Northshire Partnership',
  area: 'Northshire',
  coordinatorName: 'Sam Lee',
  coordinatorEmail: 'sam@example.org',
  defaultMarking: 'OFFICIAL',
};

describe('the store holder', () => {
  it('starts in needs-setup, then set-up opens a migrated, encrypted store and returns a grouped recovery key', () => {
    const dataDir = tempDir();
    const store = new StoreHolder({ dataDir, kdf: TEST_KDF });
    cleanups.push(() => {
      store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    expect(store.state).toBe('needs-setup');
    expect(() => store.db()).toThrow(AppError);
    const { recoveryKey } = store.setUp(TEST_PASSPHRASE);
    expect(store.state).toBe('unlocked');
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(looksLikeRecoveryKey(recoveryKey)).toBe(true);
    expect(store.db().pragma('user_version', { simple: true })).toBeGreaterThan(0);
    expect(store.key()).toHaveLength(32);

    const keyFile = fs.readFileSync(path.join(dataDir, KEY_FILE), 'utf8');
    expect(keyFile).not.toContain(TEST_PASSPHRASE);
    expect(keyFile).not.toContain(recoveryKey.replace(/-/g, ''));
    expect(keyFile).not.toContain(store.key().toString('hex'));
    expect(keyFile).not.toContain(store.key().toString('base64'));
    expect(() => store.setUp('another passphrase')).toThrow(/already has a passphrase/);
  });

  it('while locked serves only app.info and the store channels; everything else says locked', async () => {
    const { store, dispatch } = setUp();
    expect((await dispatch('settings.update', settings)).ok).toBe(true);
    expect((await dispatch('store.lock', {})).ok).toBe(true);
    expect(store.state).toBe('locked');
    expect(await dispatch('settings.get', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await dispatch('partners.organisations.list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await dispatch('store.changePassphrase', { current: TEST_PASSPHRASE, next: 'a new long passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    expect(await dispatch('app.info', {})).toMatchObject({ ok: true, value: { schemaVersion: null } });
    expect(await dispatch('store.status', {})).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(() => store.key()).toThrow(AppError);

    expect(await dispatch('store.unlock', { secret: TEST_PASSPHRASE })).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    expect(await dispatch('settings.get', {})).toEqual({ ok: true, value: settings });
  });

  it('a wrong passphrase is refused with a clear message and leaves every file byte for byte as it was', async () => {
    const { store, dispatch, dataDir } = setUp();
    await dispatch('settings.update', settings);
    store.lock();
    const files = fs.readdirSync(dataDir).sort();
    const before = Object.fromEntries(files.map((f) => [f, sha(path.join(dataDir, f))]));
    for (const secret of [
      'wrong passphrase',
      TEST_PASSPHRASE.toUpperCase(),
      `${TEST_PASSPHRASE} `,
      'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH',
    ]) {
      const result = await dispatch('store.unlock', { secret });
      expect(result).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
      if (!result.ok) expect(result.error.message).toMatch(/not right.*try again/i);
      expect(store.state).toBe('locked');
    }
    expect(fs.readdirSync(dataDir).sort()).toEqual(files);
    expect(Object.fromEntries(files.map((f) => [f, sha(path.join(dataDir, f))]))).toEqual(before);
    // ...and the right one still works afterwards.
    expect((await dispatch('store.unlock', { secret: TEST_PASSPHRASE })).ok).toBe(true);
  });

  it('the recovery key unlocks too, typed loosely, and says so once', async () => {
    const { store, dispatch, recoveryKey } = setUp();
    await dispatch('settings.update', settings);
    store.lock();
    const typed = recoveryKey!.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    expect(await dispatch('store.unlock', { secret: typed })).toMatchObject({
      ok: true,
      value: { state: 'unlocked', notices: [expect.stringMatching(/recovery key/)] },
    });
    expect(await dispatch('store.status', {})).toMatchObject({ ok: true, value: { notices: [] } });
    expect(await dispatch('settings.get', {})).toEqual({ ok: true, value: settings });
  });

  it('changing the passphrase: the old one is refused, the new one and the recovery key work, the data is intact', async () => {
    const { store, dispatch, dataDir, recoveryKey } = setUp();
    await dispatch('settings.update', settings);
    expect(
      await dispatch('store.changePassphrase', { current: 'not the passphrase', next: 'a brand new passphrase' }),
    ).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
    expect((await dispatch('store.changePassphrase', { current: TEST_PASSPHRASE, next: 'a brand new passphrase' })).ok).toBe(
      true,
    );
    expect(fs.readdirSync(dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    store.lock();
    // Rekey rewraps the data key only: the database file is not rewritten (the holder allows this while locked).
    const dbBefore = sha(store.dbPath);
    store.changePassphrase('a brand new passphrase', 'an interim passphrase');
    store.changePassphrase('an interim passphrase', 'a brand new passphrase');
    expect(sha(store.dbPath)).toBe(dbBefore);

    expect(await dispatch('store.unlock', { secret: TEST_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'wrong_passphrase' },
    });
    expect((await dispatch('store.unlock', { secret: 'a brand new passphrase' })).ok).toBe(true);
    expect(await dispatch('settings.get', {})).toEqual({ ok: true, value: settings });
    store.lock();
    expect((await dispatch('store.unlock', { secret: recoveryKey! })).ok).toBe(true);
    // A forgotten passphrase: the recovery key sets a new one.
    expect((await dispatch('store.changePassphrase', { current: recoveryKey!, next: 'third passphrase here' })).ok).toBe(true);
    store.lock();
    expect((await dispatch('store.unlock', { secret: 'third passphrase here' })).ok).toBe(true);
    expect(await dispatch('settings.get', {})).toEqual({ ok: true, value: settings });
  });

  it('a new holder on the same folder starts locked and opens with the passphrase', async () => {
    const { store, dispatch, dataDir } = setUp();
    await dispatch('settings.update', settings);
    store.close();
    const again = new StoreHolder({ dataDir, kdf: TEST_KDF });
    expect(again.state).toBe('locked');
    again.unlock(TEST_PASSPHRASE);
    expect(again.db().prepare('SELECT name FROM partnership_settings').pluck().get()).toBe(settings.name);
    again.close();
  });

  it('calls unlock and before-close listeners, and stops after unsubscribing', () => {
    const { store } = setUp();
    const seen: string[] = [];
    const offA = store.onUnlocked((db) => seen.push(`unlocked ${typeof db.prepare}`));
    const offB = store.onBeforeClose((db) => seen.push(`closing ${db.open}`));
    store.lock();
    store.unlock(TEST_PASSPHRASE);
    offA();
    offB();
    store.lock();
    store.unlock(TEST_PASSPHRASE);
    expect(seen).toEqual(['closing true', 'unlocked function']);
  });

  it('replaceWith swaps the handle in place with the same key, and recovers the old file when the swap fails', async () => {
    const { store, dispatch, dataDir } = setUp();
    await dispatch('settings.update', settings);
    const other = path.join(dataDir, 'other.sqlite3');
    const copy = openKeyed(other, store.key());
    copy.prepare('UPDATE partnership_settings SET name = ?').run('Swapped In');
    copy.close();
    store.replaceWith((key) => openKeyed(other, key));
    expect(await dispatch('settings.get', {})).toMatchObject({ ok: true, value: { name: 'Swapped In' } });

    expect(() =>
      store.replaceWith(() => {
        throw new Error('bad copy');
      }),
    ).toThrow('bad copy');
    expect(store.state).toBe('unlocked');
    expect(await dispatch('settings.get', {})).toMatchObject({ ok: true, value: { name: settings.name } });
  });

  it('an encrypted database whose key file is missing is not offered as a first launch', async () => {
    const { store, dataDir } = setUp();
    store.close();
    fs.renameSync(path.join(dataDir, KEY_FILE), path.join(dataDir, 'elsewhere.json'));
    const again = new StoreHolder({ dataDir, kdf: TEST_KDF });
    expect(again.state).toBe('locked');
    expect(() => again.unlock(TEST_PASSPHRASE)).toThrow(/key file concordat.keys.json is missing/);
    expect(() => again.setUp(TEST_PASSPHRASE)).toThrow(/already has a passphrase/);
  });

  it('formats the recovery key in groups of four', () => {
    expect(formatRecoveryKey('abcd efgh jkmn pqrs tvwx yz01 2345 6789')).toBe('ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789');
  });
});

describe('a damaged key file', () => {
  it('is reported in plain words and nothing is changed', async () => {
    const { store, dispatch, dataDir } = setUp();
    store.lock();
    fs.writeFileSync(path.join(dataDir, KEY_FILE), '{"format": 1, "cipher": "sqlcipher4-raw-key", "kdf": ');
    const before = sha(store.dbPath);
    expect(await dispatch('store.unlock', { secret: TEST_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringMatching(/key file concordat.keys.json .* is damaged/) },
    });
    expect(sha(store.dbPath)).toBe(before);
  });
});

describe('a new recovery key', () => {
  it('replaces the old one, which stops working; the passphrase and the data are untouched', async () => {
    const { store, dispatch, recoveryKey } = setUp();
    await dispatch('settings.update', settings);
    expect(await dispatch('store.newRecoveryKey', { current: 'wrong one here' })).toMatchObject({
      ok: false,
      error: { code: 'wrong_passphrase' },
    });
    const result = await dispatch('store.newRecoveryKey', { current: TEST_PASSPHRASE });
    expect(result).toMatchObject({ ok: true, value: { recoveryKey: expect.stringMatching(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/) } });
    const fresh = (result as { ok: true; value: { recoveryKey: string } }).value.recoveryKey;
    expect(fresh).not.toBe(recoveryKey);
    store.lock();
    expect(await dispatch('store.unlock', { secret: recoveryKey! })).toMatchObject({
      ok: false,
      error: { code: 'wrong_passphrase' },
    });
    expect((await dispatch('store.unlock', { secret: fresh })).ok).toBe(true);
    store.lock();
    expect((await dispatch('store.unlock', { secret: TEST_PASSPHRASE })).ok).toBe(true);
    expect(await dispatch('settings.get', {})).toEqual({ ok: true, value: settings });
  });
});
