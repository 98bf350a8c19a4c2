import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/result';
import {
  DEFAULT_IDLE_LOCK_MINUTES,
  RECOVERY_ALPHABET,
  RECOVERY_KEY_LENGTH,
  normaliseRecoveryKey,
} from '../../shared/store/status';

/**
 * Key management for the encrypted store.
 *
 * The database is encrypted with a random 32-byte data key that never changes. That key is stored
 * only wrapped (AES-256-GCM) twice in the key file: once under a key derived from the passphrase and
 * once under a key derived from the recovery key. Why a data key rather than the passphrase-derived
 * key itself:
 * - changing the passphrase only rewrites the small key file (temp file + rename, so it is atomic),
 *   instead of re-encrypting the whole database with PRAGMA rekey;
 * - every backup made with VACUUM INTO is encrypted with the same data key, so backups stay readable
 *   after a passphrase change without re-encrypting them or keeping a key history;
 * - the recovery key unlocks on its own, without knowing the passphrase.
 *
 * The KDF (scrypt) runs here in JavaScript and the derived data key goes to SQLCipher as a raw key
 * (x'…'), which skips SQLCipher's own PBKDF2: the slow step is timed and tuned in one place, and tests
 * use fast recorded parameters. The key file holds salts, parameters and wrapped keys: no secret.
 */

export const KEY_FILE = 'concordat.keys.json';

export type KdfParams = { N: number; r: number; p: number };

/** About 0.6 s and 128 MB on a 2-core laptop of the project's kind (bench: "store: KDF"). */
export const PRODUCTION_KDF: KdfParams = { N: 2 ** 17, r: 8, p: 2 };
/** For tests only: a few milliseconds. Recorded in the key file like any other parameters. */
export const TEST_KDF: KdfParams = { N: 2 ** 10, r: 8, p: 1 };

const wrapSchema = z.object({
  salt: z.string(),
  iv: z.string(),
  tag: z.string(),
  wrapped: z.string(),
});
export type Wrap = z.infer<typeof wrapSchema>;

const keyFileSchema = z.object({
  format: z.literal(1),
  note: z.string().optional(),
  cipher: z.literal('sqlcipher4-raw-key'),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int() }),
  wraps: z.object({ passphrase: wrapSchema, recovery: wrapSchema }),
  /** HMAC of the data key: tells a wrong raw key (a stale remembered one) from a damaged database. */
  keyCheck: z.string().optional(),
  idleLockMinutes: z.number().int().min(0).default(DEFAULT_IDLE_LOCK_MINUTES),
  createdAt: z.string(),
  changedAt: z.string(),
});
export type KeyFile = z.infer<typeof keyFileSchema>;

const AAD = { passphrase: Buffer.from('concordat/passphrase/v1'), recovery: Buffer.from('concordat/recovery/v1') };
export type WrapRole = keyof typeof AAD;

export function deriveKey(secret: string, salt: Buffer, params: KdfParams): Buffer {
  return crypto.scryptSync(Buffer.from(secret, 'utf8'), salt, 32, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 16 * 1024 * 1024,
  });
}

/** The passphrase as typed, normalised so the same characters typed on another system give the same key. */
export const normalisePassphrase = (p: string): string => p.normalize('NFC');

export function wrapKey(dataKey: Buffer, secret: string, role: WrapRole, params: KdfParams): Wrap {
  const salt = crypto.randomBytes(16);
  const kek = deriveKey(secret, salt, params);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(AAD[role]);
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  kek.fill(0);
  return {
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrapped: wrapped.toString('base64'),
  };
}

/** The data key, or null when the secret is wrong (the GCM tag does not verify). */
export function unwrapKey(wrap: Wrap, secret: string, role: WrapRole, params: KdfParams): Buffer | null {
  const kek = deriveKey(secret, Buffer.from(wrap.salt, 'base64'), params);
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', kek, Buffer.from(wrap.iv, 'base64'));
    decipher.setAAD(AAD[role]);
    decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(wrap.wrapped, 'base64')), decipher.final()]);
    return key.length === 32 ? key : null;
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

/** 160 random bits in Crockford base32 (32 characters), unbiased (32 divides 256). */
export function newRecoveryKey(): string {
  const bytes = crypto.randomBytes(RECOVERY_KEY_LENGTH);
  return [...bytes].map((b) => RECOVERY_ALPHABET[b % 32]).join('');
}

export function recoverySecret(text: string): string {
  return normaliseRecoveryKey(text);
}

export function readKeyFile(file: string): KeyFile | null {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return keyFileSchema.parse(JSON.parse(raw));
  } catch {
    throw new AppError(
      'internal',
      `The key file ${KEY_FILE} in the data folder is damaged, so the database cannot be opened. Put back the copy kept with your backups. Nothing has been changed.`,
    );
  }
}

/** Write to a temporary file, flush it, then rename over the old one: a crash leaves the old or the new file, never half. */
export function writeKeyFile(file: string, content: KeyFile): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeFileSync(fd, `${JSON.stringify(content, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  try {
    const dirFd = fs.openSync(path.dirname(file), 'r');
    try {
      fs.fsyncSync(dirFd);
    } finally {
      fs.closeSync(dirFd);
    }
  } catch {
    // Windows cannot open a directory for fsync; the rename is still atomic there.
  }
}

export function newKeyFile(dataKey: Buffer, passphrase: string, recoveryKey: string, params: KdfParams): KeyFile {
  const now = new Date().toISOString();
  return {
    format: 1,
    note: 'Concordat key file. It holds no secret, but without it the database cannot be opened: keep it with the database and its backups.',
    cipher: 'sqlcipher4-raw-key',
    kdf: { name: 'scrypt', ...params },
    wraps: {
      passphrase: wrapKey(dataKey, normalisePassphrase(passphrase), 'passphrase', params),
      recovery: wrapKey(dataKey, recoverySecret(recoveryKey), 'recovery', params),
    },
    keyCheck: keyCheckOf(dataKey),
    idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES,
    createdAt: now,
    changedAt: now,
  };
}

export function keyCheckOf(dataKey: Buffer): string {
  return crypto.createHmac('sha256', dataKey).update('concordat/key-check/v1').digest('base64');
}

/** True when the key matches the key file's check value (or the file has none to compare). */
export function keyMatches(file: KeyFile, dataKey: Buffer): boolean {
  if (!file.keyCheck) return true;
  const a = Buffer.from(keyCheckOf(dataKey), 'base64');
  const b = Buffer.from(file.keyCheck, 'base64');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export const kdfOf = (file: KeyFile): KdfParams => ({ N: file.kdf.N, r: file.kdf.r, p: file.kdf.p });
