import fs from 'node:fs';
import path from 'node:path';
import type { Database as Db } from 'better-sqlite3';
import type { BackupReason, BackupSummary } from '../../shared/backups';
import { AppError } from '../../shared/result';
import { log } from '../logger';
import { openDatabaseFile, readUserVersion } from './database';
import type { OpenOptions } from './database';
import { migrations } from './migrations';
import { readWalIndex } from './wal';
import type { WalPosition } from './wal';
import { companionFiles, ensureDir, fsyncDir, fsyncFile, openWithKey, timestampForFile } from './store-access';

/**
 * Backups are whole, verified copies of the database written with `VACUUM INTO`: a consistent
 * snapshot taken inside one read transaction, encrypted with the store's key (SQLCipher writes the
 * copy with the key of the source). A plain file copy of the live database is never used: it misses
 * whatever is still in the write-ahead log, and on a keyed database `db.backup()` is refused.
 *
 * Each backup is `<dir>/concordat-<timestamp>.sqlite3` with a `.json` beside it holding what the
 * list shows. The copy is written under a `.partial` name, opened with the key and checked with
 * `integrity_check`, and only then renamed: a backup that is listed has passed its check.
 */
export const BACKUPS_DIR = 'backups';
const PREFIX = 'concordat-';
const SUFFIX = '.sqlite3';

/** `wal` is where the live write-ahead log stood when the copy was taken (see main/store/damage.ts). */
export type BackupMeta = BackupSummary & { file: string; wal?: WalPosition | null };

type Sidecar = Omit<BackupSummary, 'name' | 'sizeBytes'> & { wal?: WalPosition | null };

export const backupsDir = (dataDir: string) => path.join(dataDir, BACKUPS_DIR);
const metaFile = (file: string) => `${file}.json`;

export function backupName(at: Date, reason: BackupReason): string {
  return `${PREFIX}${timestampForFile(at)}${reason === 'before-restore' ? '-before-restore' : ''}${SUFFIX}`;
}

/** Read a backup folder's list, newest first. Files without a readable sidecar are left out. */
export function listBackups(dir: string): BackupMeta[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupMeta[] = [];
  for (const name of names) {
    if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) continue;
    const file = path.join(dir, name);
    try {
      const side = JSON.parse(fs.readFileSync(metaFile(file), 'utf8')) as Sidecar;
      out.push({ ...side, name, file, sizeBytes: fs.statSync(file).size });
    } catch {
      // A backup without its description is not offered; it stays on disk untouched.
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export const newestVerified = (dir: string): BackupMeta | undefined => listBackups(dir).find((b) => b.verified);

export type VerifyResult = { ok: boolean; problems: string[]; schemaVersion: number; ms: number };

/** Open a backup with the key and run the full integrity_check. Never throws. */
export function verifyBackupFile(file: string, key: Buffer | null): VerifyResult {
  const t0 = performance.now();
  let db: Db | undefined;
  try {
    db = openWithKey(file, key, { readonly: true, fileMustExist: true });
    const schemaVersion = readUserVersion(db);
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const ok = problems.length === 1 && problems[0] === 'ok';
    return { ok, problems: ok ? [] : problems.slice(0, 5), schemaVersion, ms: performance.now() - t0 };
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'error';
    return { ok: false, problems: [`could not be read (${code})`], schemaVersion: 0, ms: performance.now() - t0 };
  } finally {
    db?.close();
  }
}

function writeSidecar(file: string, side: Sidecar): void {
  const tmp = `${metaFile(file)}.partial`;
  fs.writeFileSync(tmp, JSON.stringify(side, null, 2));
  fs.renameSync(tmp, metaFile(file));
}

/**
 * Write one verified backup of `db` into `dir`. Throws an AppError (and leaves nothing listed)
 * when the copy cannot be written or fails its check.
 */
export function createBackup(db: Db, key: Buffer | null, dir: string, reason: BackupReason, now = new Date()): BackupMeta {
  ensureDir(dir);
  let name = backupName(now, reason);
  for (let i = 1; fs.existsSync(path.join(dir, name)); i++) name = name.replace(/(-\d+)?\.sqlite3$/, `-${i}.sqlite3`);
  const file = path.join(dir, name);
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  const wal = db.name ? readWalIndex(`${db.name}-shm`) : null;
  const t0 = performance.now();
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    fsyncFile(partial);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw storageError(error, 'The backup could not be written');
  }
  const writeMs = performance.now() - t0;
  const check = verifyBackupFile(partial, key);
  if (!check.ok) {
    fs.rmSync(partial, { force: true });
    log.error(`backup failed its check: ${check.problems.join('; ')}`);
    throw new AppError('internal', 'The backup was written but failed its check, so it was not kept. Try again.');
  }
  fs.renameSync(partial, file);
  writeSidecar(file, {
    createdAt: now.toISOString(),
    reason,
    verified: true,
    writeMs: Math.round(writeMs),
    verifyMs: Math.round(check.ms),
    schemaVersion: check.schemaVersion,
    wal,
  });
  fsyncDir(dir);
  log.info(`backup written (${reason}): write ${writeMs.toFixed(0)} ms, verify ${check.ms.toFixed(0)} ms`);
  return { ...listBackups(dir).find((b) => b.name === name)! };
}

/** Import a backup file chosen by the user: checked with the key before it is listed. */
export function importBackupFile(source: Buffer, key: Buffer | null, dir: string, createdAt: Date): BackupMeta {
  ensureDir(dir);
  const name = `${PREFIX}${timestampForFile(createdAt)}-imported${SUFFIX}`;
  const file = path.join(dir, name);
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, source);
  const check = verifyBackupFile(partial, key);
  const latest = migrations.at(-1)?.version ?? 0;
  if (!check.ok || check.schemaVersion > latest) {
    fs.rmSync(partial, { force: true });
    throw new AppError(
      'invalid_request',
      check.schemaVersion > latest
        ? 'That backup was made by a newer version of Concordat. Install the latest version to restore it.'
        : 'That file is not a Concordat backup that opens with this store’s key, or it is damaged. Nothing was changed.',
    );
  }
  fs.renameSync(partial, file);
  writeSidecar(file, {
    createdAt: createdAt.toISOString(),
    reason: 'imported',
    verified: true,
    writeMs: 0,
    verifyMs: Math.round(check.ms),
    schemaVersion: check.schemaVersion,
  });
  return listBackups(dir).find((b) => b.name === name)!;
}

export function deleteBackup(meta: BackupMeta): void {
  fs.rmSync(meta.file, { force: true });
  fs.rmSync(metaFile(meta.file), { force: true });
}

/**
 * Put the backup file in place of the live database and open it. Runs inside the holder's
 * replaceWith, after the old handle is closed, so no checkpoint can write into the new file.
 * The copy is made beside the database and renamed over it: the swap is all or nothing.
 */
export function swapInBackup(backupFile: string, dbPath: string, key: Buffer | null, options: OpenOptions = {}): Db {
  const incoming = `${dbPath}.restoring`;
  fs.copyFileSync(backupFile, incoming);
  fsyncFile(incoming);
  for (const f of companionFiles(dbPath).slice(1)) fs.rmSync(f, { force: true });
  fs.renameSync(incoming, dbPath);
  fsyncDir(path.dirname(dbPath));
  return openLiveDatabase(dbPath, key, options);
}

/** Open the live database the way the store does (keyed, WAL, FULL sync, migrated). */
export function openLiveDatabase(dbPath: string, key: Buffer | null, options: OpenOptions = {}): Db {
  return openDatabaseFile(dbPath, { ...options, ...(key ? { key } : {}) });
}

/** A storage failure in words for the coordinator (see main/store/faults.ts for the codes). */
function storageError(error: unknown, what: string): AppError {
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_FULL') || (error as { code?: string }).code === 'ENOSPC')
    return new AppError('storage', `${what}: the disk is full. Free some space and try again.`);
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EROFS' || code === 'EPERM')
    return new AppError('storage', `${what}: the backups folder cannot be written to. Check its permissions.`);
  log.error('backup write failed', error);
  return new AppError('storage', `${what}. The details are in the log.`);
}
