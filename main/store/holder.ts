import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/result';
import type { StoreState } from '../../shared/store/status';
import { PASSPHRASE_MIN_LENGTH, formatRecoveryKey, looksLikeRecoveryKey } from '../../shared/store/status';
import { log } from '../logger';
import { convertPlainDatabase, isPlainDatabase } from './convert';
import { DATABASE_FILE, openDatabaseFile } from './database';
import type { OpenOptions } from './database';
import type { KdfParams, KeyFile } from './keys';
import {
  KEY_FILE,
  PRODUCTION_KDF,
  kdfOf,
  keyMatches,
  newKeyFile,
  newRecoveryKey,
  normalisePassphrase,
  readKeyFile,
  recoverySecret,
  unwrapKey,
  wrapKey,
  writeKeyFile,
} from './keys';
import type { Migration } from './migrations/types';

export type { StoreState };
export type { KdfParams };

/** Open (and migrate) an encrypted store file with its raw data key. The key is applied before any other statement. */
export function openKeyed(file: string, key: Buffer, options: OpenOptions = {}): Database {
  return openDatabaseFile(file, { ...options, key });
}

/** Like RESTIC_PASSWORD: the browser host and the bench set up or unlock the store with it, skipping the unlock screen. */
export const PASSPHRASE_ENV = 'CONCORDAT_PASSPHRASE';

export const LOCKED_MESSAGE = 'Concordat is locked. Unlock it with your passphrase to continue.';
export const WRONG_SECRET_MESSAGE =
  'That passphrase or recovery key is not right. Check it (capital letters count) and try again. Nothing has been changed.';

type Listener = (db: Database) => void;

export type StoreHolderOptions = {
  dataDir: string;
  /** Electron's build of the native module (see scripts/prepare-electron.mjs). */
  nativeBinding?: string;
  /** KDF parameters for a new key file. Tests pass TEST_KDF; an existing key file keeps its own. */
  kdf?: KdfParams;
  /** Override the migration list (tests). */
  migrations?: readonly Migration[];
};

/**
 * The one owner of the database handle. The dispatcher asks it for the current database on every
 * call, so the store can be locked, unlocked and swapped (restore) while the app runs.
 * setUp, unlock and changePassphrase run scrypt synchronously (about 0.6 s at production settings):
 * they are rare, user-initiated, and the reply is what the screen waits for anyway.
 */
export class StoreHolder {
  readonly dataDir: string;
  readonly dbPath: string;
  readonly keyFilePath: string;
  readonly nativeBinding: string | undefined;
  private readonly kdf: KdfParams;
  private readonly migrations: readonly Migration[] | undefined;
  private handle: Database | null = null;
  private dataKey: Buffer | null = null;
  private pending: string[] = [];
  private readonly unlockedListeners = new Set<Listener>();
  private readonly beforeCloseListeners = new Set<Listener>();

  constructor(opts: StoreHolderOptions) {
    this.dataDir = path.resolve(opts.dataDir);
    this.dbPath = path.join(this.dataDir, DATABASE_FILE);
    this.keyFilePath = path.join(this.dataDir, KEY_FILE);
    this.nativeBinding = opts.nativeBinding;
    this.kdf = opts.kdf ?? PRODUCTION_KDF;
    this.migrations = opts.migrations;
  }

  get state(): StoreState {
    if (this.handle) return 'unlocked';
    if (fs.existsSync(this.keyFilePath)) return 'locked';
    // An encrypted database without its key file is not a first launch: setting up would lose it.
    if (this.hasEncryptedFile()) return 'locked';
    return 'needs-setup';
  }

  /** A 0.1 store that is not encrypted yet (it is converted on set-up or unlock). */
  get hasPlainData(): boolean {
    return isPlainDatabase(this.dbPath);
  }

  /** The open database; throws AppError('locked') when not unlocked. */
  db(): Database {
    if (!this.handle) throw new AppError('locked', LOCKED_MESSAGE);
    return this.handle;
  }

  /** A copy of the raw 32-byte data key of the open store (backups open and verify copies with it). */
  key(): Buffer {
    if (!this.dataKey) throw new AppError('locked', LOCKED_MESSAGE);
    return Buffer.from(this.dataKey);
  }

  /** Options for opening another file of this store the same way (backups, restore). */
  openOptions(): OpenOptions {
    return {
      ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}),
      ...(this.migrations ? { migrations: this.migrations } : {}),
    };
  }

  /** First launch: make the data key, wrap it under the passphrase and a new recovery key, open (or convert) the store. */
  setUp(passphrase: string): { recoveryKey: string } {
    if (this.state !== 'needs-setup')
      throw new AppError('conflict', 'Concordat already has a passphrase. Unlock it, or change the passphrase in Settings.');
    if (passphrase.length < PASSPHRASE_MIN_LENGTH)
      throw new AppError('invalid_request', `Use at least ${PASSPHRASE_MIN_LENGTH} characters for the passphrase.`);
    fs.mkdirSync(this.dataDir, { recursive: true });
    const dataKey = crypto.randomBytes(32);
    const recoveryKey = newRecoveryKey();
    const hadDatabase = fs.existsSync(this.dbPath);
    writeKeyFile(this.keyFilePath, newKeyFile(dataKey, passphrase, recoveryKey, this.kdf));
    try {
      this.open(dataKey);
    } catch (error) {
      // The recovery key has not been shown yet, so a half-done set-up must not stay: put things back.
      if (!hadDatabase) for (const s of ['', '-wal', '-shm']) fs.rmSync(this.dbPath + s, { force: true });
      if (!this.hasEncryptedFile()) fs.rmSync(this.keyFilePath, { force: true });
      throw error;
    } finally {
      dataKey.fill(0);
    }
    return { recoveryKey: formatRecoveryKey(recoveryKey) };
  }

  /** Unlock with the passphrase or the recovery key. A wrong one changes nothing on disk. */
  unlock(secret: string): void {
    if (this.handle) return;
    const file = this.requireKeyFile();
    const found = this.unwrap(file, secret);
    if (!found) throw new AppError('wrong_passphrase', WRONG_SECRET_MESSAGE);
    try {
      this.open(found.key);
    } finally {
      found.key.fill(0);
    }
    if (found.role === 'recovery')
      this.notify(
        'You unlocked Concordat with the recovery key. If the passphrase is forgotten, set a new one in Settings, Security.',
      );
  }

  /** Unlock with a raw data key (a key remembered on this computer). */
  unlockWithKey(key: Buffer): void {
    if (this.handle) return;
    const file = this.requireKeyFile();
    if (key.length !== 32 || !keyMatches(file, key)) throw new AppError('wrong_passphrase', WRONG_SECRET_MESSAGE);
    this.open(key);
  }

  lock(): void {
    if (!this.handle) return;
    const db = this.handle;
    for (const l of this.beforeCloseListeners) {
      try {
        l(db);
      } catch (error) {
        log.error('a before-close step failed', error);
      }
    }
    this.handle = null;
    this.dataKey?.fill(0);
    this.dataKey = null;
    db.close();
    log.info('store locked');
  }

  close(): void {
    this.lock();
  }

  /**
   * Set a new passphrase. `current` may be the passphrase or the recovery key (a forgotten passphrase).
   * Only the passphrase wrap of the unchanging data key is rewritten, atomically (keys.ts explains why),
   * so the database, its backups and the recovery key are untouched.
   */
  changePassphrase(current: string, next: string): void {
    if (next.length < PASSPHRASE_MIN_LENGTH)
      throw new AppError('invalid_request', `Use at least ${PASSPHRASE_MIN_LENGTH} characters for the new passphrase.`);
    const file = this.requireKeyFile();
    const found = this.unwrap(file, current);
    if (!found)
      throw new AppError('wrong_passphrase', 'The current passphrase or recovery key is not right. Nothing has been changed.');
    try {
      if (this.dataKey && !crypto.timingSafeEqual(found.key, this.dataKey))
        throw new AppError('conflict', 'The key file does not belong to the open database. Nothing has been changed.');
      writeKeyFile(this.keyFilePath, {
        ...file,
        wraps: { ...file.wraps, passphrase: wrapKey(found.key, normalisePassphrase(next), 'passphrase', kdfOf(file)) },
        changedAt: new Date().toISOString(),
      });
    } finally {
      found.key.fill(0);
    }
    log.info('passphrase changed');
  }

  /**
   * Replace the recovery key (a handover, or the first one was not saved): the old one stops opening
   * this store. `current` may be the passphrase or the current recovery key. Returns the new key, once.
   */
  newRecoveryKey(current: string): { recoveryKey: string } {
    const file = this.requireKeyFile();
    const found = this.unwrap(file, current);
    if (!found) throw new AppError('wrong_passphrase', 'The passphrase or recovery key is not right. Nothing has been changed.');
    const recoveryKey = newRecoveryKey();
    try {
      if (this.dataKey && !crypto.timingSafeEqual(found.key, this.dataKey))
        throw new AppError('conflict', 'The key file does not belong to the open database. Nothing has been changed.');
      writeKeyFile(this.keyFilePath, {
        ...file,
        wraps: { ...file.wraps, recovery: wrapKey(found.key, recoverySecret(recoveryKey), 'recovery', kdfOf(file)) },
        changedAt: new Date().toISOString(),
      });
    } finally {
      found.key.fill(0);
    }
    log.info('recovery key replaced');
    return { recoveryKey: formatRecoveryKey(recoveryKey) };
  }

  get idleLockMinutes(): number {
    return readKeyFile(this.keyFilePath)?.idleLockMinutes ?? 0;
  }

  setIdleLockMinutes(minutes: number): void {
    const file = this.requireKeyFile();
    writeKeyFile(this.keyFilePath, { ...file, idleLockMinutes: minutes });
  }

  /**
   * Swap in a different database file in place (restore): closes the current handle without the
   * before-close hooks (the caller has made its safety copy) and opens a new one with the current key.
   * If openNew fails, the store file at dbPath is reopened and the error rethrown.
   * onUnlocked listeners are not called again.
   */
  replaceWith(openNew: (key: Buffer) => Database): void {
    if (!this.handle || !this.dataKey) throw new AppError('locked', LOCKED_MESSAGE);
    const key = Buffer.from(this.dataKey);
    this.handle.close();
    this.handle = null;
    try {
      this.handle = openNew(key);
    } catch (error) {
      try {
        this.handle = openKeyed(this.dbPath, key, this.openOptions());
      } catch (reopenError) {
        log.error('could not reopen the store after a failed swap', reopenError);
        this.dataKey.fill(0);
        this.dataKey = null;
      }
      throw error;
    } finally {
      key.fill(0);
    }
  }

  onUnlocked(listener: Listener): () => void {
    this.unlockedListeners.add(listener);
    return () => this.unlockedListeners.delete(listener);
  }

  onBeforeClose(listener: Listener): () => void {
    this.beforeCloseListeners.add(listener);
    return () => this.beforeCloseListeners.delete(listener);
  }

  /** Queue a one-time message for the coordinator; store.status hands each out once. */
  notify(message: string): void {
    this.pending.push(message);
  }

  takeNotices(): string[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }

  private hasEncryptedFile(): boolean {
    try {
      return fs.statSync(this.dbPath).size > 0 && !isPlainDatabase(this.dbPath);
    } catch {
      return false;
    }
  }

  private requireKeyFile(): KeyFile {
    const file = readKeyFile(this.keyFilePath);
    if (!file)
      throw new AppError(
        'locked',
        `The key file ${KEY_FILE} is missing from the data folder, so the database cannot be opened. Put back the copy kept with your backups, then try again.`,
      );
    return file;
  }

  private unwrap(file: KeyFile, secret: string): { key: Buffer; role: 'passphrase' | 'recovery' } | null {
    const params = kdfOf(file);
    const tryPassphrase = () => unwrapKey(file.wraps.passphrase, normalisePassphrase(secret), 'passphrase', params);
    const tryRecovery = () => unwrapKey(file.wraps.recovery, recoverySecret(secret), 'recovery', params);
    // Try the likelier one first, so a wrong passphrase costs one KDF run, not two.
    if (looksLikeRecoveryKey(secret)) {
      const r = tryRecovery();
      if (r) return { key: r, role: 'recovery' };
      const p = tryPassphrase();
      return p ? { key: p, role: 'passphrase' } : null;
    }
    const p = tryPassphrase();
    return p ? { key: p, role: 'passphrase' } : null;
  }

  private open(key: Buffer): void {
    if (isPlainDatabase(this.dbPath)) {
      convertPlainDatabase(this.dbPath, key, this.nativeBinding);
      this.notify('Your existing records are now encrypted with your passphrase. The unencrypted copy has been removed.');
    }
    const db = openKeyed(this.dbPath, key, this.openOptions());
    this.handle = db;
    this.dataKey = Buffer.from(key);
    log.info('store unlocked');
    for (const l of this.unlockedListeners) {
      try {
        l(db);
      } catch (error) {
        log.error('an on-unlock step failed', error);
      }
    }
  }
}
