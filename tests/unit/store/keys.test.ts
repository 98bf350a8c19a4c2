import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreHolder } from '../../../main/store/holder';
import { KEY_FILE, PRODUCTION_KDF, TEST_KDF, newRecoveryKey, readKeyFile, unwrapKey, wrapKey } from '../../../main/store/keys';
import { RECOVERY_ALPHABET, passphraseStrength } from '../../../shared/store/status';
import { TEST_PASSPHRASE, tempDir } from '../../helpers/db';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true });
});

describe('key wrapping', () => {
  it('unwraps with the right secret and role only', () => {
    const dataKey = crypto.randomBytes(32);
    const wrap = wrapKey(dataKey, 'secret one', 'passphrase', TEST_KDF);
    expect(unwrapKey(wrap, 'secret one', 'passphrase', TEST_KDF)).toEqual(dataKey);
    expect(unwrapKey(wrap, 'secret two', 'passphrase', TEST_KDF)).toBeNull();
    // The role is bound in as associated data: a passphrase wrap is not a recovery wrap.
    expect(unwrapKey(wrap, 'secret one', 'recovery', TEST_KDF)).toBeNull();
    const tampered = {
      ...wrap,
      wrapped: Buffer.from(Buffer.from(wrap.wrapped, 'base64').map((b, i) => (i === 0 ? b ^ 1 : b))).toString('base64'),
    };
    expect(unwrapKey(tampered, 'secret one', 'passphrase', TEST_KDF)).toBeNull();
  });

  it('treats the same passphrase typed in another Unicode form as the same', () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const store = new StoreHolder({ dataDir, kdf: TEST_KDF });
    store.setUp('caf\u00e9 au lait et croissant');
    store.lock();
    store.unlock('cafe\u0301 au lait et croissant');
    expect(store.state).toBe('unlocked');
    store.close();
  });

  it('makes recovery keys of 32 base32 characters that differ each time', () => {
    const keys = new Set(Array.from({ length: 50 }, newRecoveryKey));
    expect(keys.size).toBe(50);
    for (const k of keys) expect([...k].every((c) => RECOVERY_ALPHABET.includes(c)) && k.length === 32).toBe(true);
  });

  it('hints at strength: length and unrelated words count, common passwords do not', () => {
    expect(passphraseStrength('short').score).toBe(0);
    expect(passphraseStrength('password123').score).toBeLessThanOrEqual(1);
    expect(passphraseStrength('aaaaaaaaaaaa').score).toBeLessThanOrEqual(1);
    expect(passphraseStrength('lantern orchid gravel tuesday').score).toBeGreaterThanOrEqual(3);
  });
});

// A couple of tests at production settings (about 0.6 s per KDF run); the rest use TEST_KDF.
describe('at production KDF settings', () => {
  it('records the production parameters, unlocks with the passphrase and refuses a wrong one', () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const store = new StoreHolder({ dataDir });
    const { recoveryKey } = store.setUp(TEST_PASSPHRASE);
    const file = readKeyFile(path.join(dataDir, KEY_FILE))!;
    expect(file.kdf).toEqual({ name: 'scrypt', ...PRODUCTION_KDF });
    store.lock();
    expect(() => store.unlock('not the passphrase')).toThrow(/not right/);
    store.unlock(TEST_PASSPHRASE);
    expect(store.state).toBe('unlocked');
    store.lock();
    store.unlock(recoveryKey);
    expect(store.state).toBe('unlocked');
    store.close();
  });

  it('keeps a key file\u2019s own parameters when a holder with other defaults opens it', () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const fast = new StoreHolder({ dataDir, kdf: TEST_KDF });
    fast.setUp(TEST_PASSPHRASE);
    fast.close();
    const production = new StoreHolder({ dataDir });
    production.unlock(TEST_PASSPHRASE);
    production.changePassphrase(TEST_PASSPHRASE, 'another long passphrase');
    expect(readKeyFile(path.join(dataDir, KEY_FILE))!.kdf).toEqual({ name: 'scrypt', ...TEST_KDF });
    production.close();
  });
});
