import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REMEMBERED_FILE, createKeychain, rememberAvailability } from '../../../main/store/remember';
import type { SafeStorageLike } from '../../../main/store/remember';
import { StoreHolder } from '../../../main/store/holder';
import { TEST_KDF } from '../../../main/store/keys';
import { createTestStore, tempDir } from '../../helpers/db';

/** A stand-in for Electron's safeStorage: "encrypts" by XOR with a per-instance pad so the file is not the key. */
function fakeSafeStorage(backend: string, available = true): SafeStorageLike & { calls: string[] } {
  const calls: string[] = [];
  const pad = 0x5a;
  return {
    calls,
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (s) => {
      calls.push('encrypt');
      return Buffer.from(Buffer.from(`v10${s}`).map((b) => b ^ pad));
    },
    decryptString: (b) => {
      calls.push('decrypt');
      const text = Buffer.from(b.map((x) => x ^ pad)).toString();
      if (!text.startsWith('v10')) throw new Error('cannot decrypt');
      return text.slice(3);
    },
  };
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('remember on this computer', () => {
  it('is refused without a real keychain: Linux basic_text or unknown, no encryption, or no safeStorage', () => {
    expect(rememberAvailability(fakeSafeStorage('basic_text'), 'linux')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/keyring/),
    });
    expect(rememberAvailability(fakeSafeStorage('unknown'), 'linux').ok).toBe(false);
    expect(rememberAvailability(fakeSafeStorage('gnome_libsecret', false), 'linux').ok).toBe(false);
    expect(rememberAvailability(undefined, 'darwin').ok).toBe(false);
    expect(rememberAvailability(fakeSafeStorage('gnome_libsecret'), 'linux')).toEqual({ ok: true });
    expect(rememberAvailability(fakeSafeStorage('kwallet5'), 'linux')).toEqual({ ok: true });
    // Only Linux has the backend question; elsewhere the OS keychain is used.
    expect(rememberAvailability(fakeSafeStorage('basic_text'), 'darwin')).toEqual({ ok: true });
    expect(rememberAvailability(fakeSafeStorage('basic_text'), 'win32')).toEqual({ ok: true });
  });

  it('keeps the key encrypted by the keychain, and a new start unlocks with it', async () => {
    const safe = fakeSafeStorage('gnome_libsecret');
    const dataDir = tempDir();
    const keychain = createKeychain(safe, dataDir, 'linux');
    const t = createTestStore({ dataDir, keychain });
    cleanups.push(t.cleanup);
    expect(await t.dispatch('store.status', {})).toMatchObject({ ok: true, value: { canRemember: true, remembered: false } });
    expect(await t.dispatch('store.setPreferences', { remember: true })).toMatchObject({ ok: true, value: { remembered: true } });
    const key = t.store.key();
    expect(fs.readFileSync(path.join(dataDir, REMEMBERED_FILE)).includes(Buffer.from(key.toString('hex')))).toBe(false);
    t.store.close();

    // What main/index.ts does at start.
    const again = new StoreHolder({ dataDir, kdf: TEST_KDF });
    const remembered = createKeychain(safe, dataDir, 'linux').load();
    expect(remembered).toEqual(key);
    again.unlockWithKey(remembered!);
    expect(again.state).toBe('unlocked');
    again.close();

    expect(await t.dispatch('store.unlock', { secret: 'correct horse battery staple', remember: false })).toMatchObject({
      ok: true,
      value: { remembered: false },
    });
    expect(fs.existsSync(path.join(dataDir, REMEMBERED_FILE))).toBe(false);
  });

  it('refuses to remember on basic_text and writes nothing', async () => {
    const dataDir = tempDir();
    const t = createTestStore({ dataDir, keychain: createKeychain(fakeSafeStorage('basic_text'), dataDir, 'linux') });
    cleanups.push(t.cleanup);
    expect(await t.dispatch('store.status', {})).toMatchObject({
      ok: true,
      value: { canRemember: false, rememberUnavailableReason: expect.stringMatching(/keyring/) },
    });
    expect(await t.dispatch('store.setPreferences', { remember: true })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(fs.existsSync(path.join(dataDir, REMEMBERED_FILE))).toBe(false);
  });

  it('a remembered key that no longer opens the store is refused as a wrong key', () => {
    const dataDir = tempDir();
    const t = createTestStore({ dataDir });
    cleanups.push(t.cleanup);
    t.store.lock();
    expect(() => t.store.unlockWithKey(Buffer.alloc(32, 7))).toThrow(/not right/);
    expect(t.store.state).toBe('locked');
  });
});

describe('remembering never costs the set-up or the unlock', () => {
  it('asks to remember where it is refused: the store is still set up, the recovery key returned, and a notice says why', async () => {
    const dataDir = tempDir();
    const t = createTestStore({
      dataDir,
      passphrase: null,
      keychain: createKeychain(fakeSafeStorage('basic_text'), dataDir, 'linux'),
    });
    cleanups.push(t.cleanup);
    const result = await t.dispatch('store.setUp', { passphrase: 'a long enough passphrase', remember: true });
    expect(result).toMatchObject({ ok: true, value: { recoveryKey: expect.any(String), status: { state: 'unlocked' } } });
    expect(await t.dispatch('store.status', {})).toMatchObject({
      ok: true,
      value: { notices: [expect.stringMatching(/keyring/)] },
    });
  });
});
