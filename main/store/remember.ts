import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../shell/save-file';

/**
 * "Remember on this computer": the data key, encrypted by the operating system's keychain through
 * Electron's safeStorage, in a file beside the database. Pure functions over a safeStorage-shaped
 * object so they are tested under Node with a fake (Electron cannot run here).
 *
 * Refused where the OS offers no real keychain: on Linux without a secret service safeStorage falls
 * back to `basic_text`, a hard-coded key, which would be no better than writing the key in clear
 * (Signal-Desktop refuses it for the same reason).
 */
export type SafeStorageLike = {
  isEncryptionAvailable(): boolean;
  /** Linux only in Electron. */
  getSelectedStorageBackend?: () => string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
};

export type Availability = { ok: true } | { ok: false; reason: string };

export type Keychain = {
  availability(): Availability;
  has(): boolean;
  save(key: Buffer): void;
  /** The remembered key, or null when none is kept or it cannot be read back. */
  load(): Buffer | null;
  forget(): void;
};

export const REMEMBERED_FILE = 'concordat.remembered';

const WEAK_BACKENDS = new Set(['basic_text', 'unknown']);

export function rememberAvailability(safeStorage: SafeStorageLike | undefined, platform: NodeJS.Platform): Availability {
  if (!safeStorage) return { ok: false, reason: 'Only the desktop app can remember the key on this computer.' };
  if (!safeStorage.isEncryptionAvailable())
    return { ok: false, reason: 'This computer has no keychain Concordat can use, so the key cannot be remembered.' };
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    if (WEAK_BACKENDS.has(backend))
      return {
        ok: false,
        reason:
          'This computer has no keyring service (such as GNOME Keyring or KWallet) running, so the key would be kept without real protection. Concordat will ask for the passphrase instead.',
      };
  }
  return { ok: true };
}

export function createKeychain(safeStorage: SafeStorageLike | undefined, dataDir: string, platform: NodeJS.Platform): Keychain {
  const file = path.join(dataDir, REMEMBERED_FILE);
  const availability = () => rememberAvailability(safeStorage, platform);
  return {
    availability,
    has: () => fs.existsSync(file),
    save: (key) => {
      const a = availability();
      if (!a.ok || !safeStorage) throw new Error(a.ok ? 'no safeStorage' : a.reason);
      writeFileAtomic(file, safeStorage.encryptString(key.toString('hex')));
    },
    load: () => {
      if (!safeStorage || !availability().ok || !fs.existsSync(file)) return null;
      try {
        const hex = safeStorage.decryptString(fs.readFileSync(file));
        return /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : null;
      } catch {
        return null;
      }
    },
    forget: () => fs.rmSync(file, { force: true }),
  };
}
