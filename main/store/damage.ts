import fs from 'node:fs';
import path from 'node:path';
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../shared/result';
import { log } from '../logger';
import { backupsDir, newestVerified, openLiveDatabase, swapInBackup, verifyBackupFile } from './backups';
import type { BackupMeta } from './backups';
import { NewerSchemaError } from './database';
import type { OpenOptions } from './database';
import type { StoreNotices } from './notices';
import { plainTime } from './notices';
import { companionFiles, ensureDir, fsyncDir, openWithKey, timestampForFile } from './store-access';
import { readWalIndex, scanWal } from './wal';
import type { WalPosition } from './wal';

/**
 * Damage found before or while opening the store, and what Concordat does about it. The rule: a
 * damaged file is moved (never deleted, never overwritten) to `<data-dir>/quarantine/<timestamp>/`,
 * the newest verified backup takes its place, and the coordinator is told in plain words.
 *
 * The check on the critical path is cheap: the file's size, the write-ahead log's checksums against
 * what the last run recorded, reading the header and schema through the key (SQLCipher checks each
 * page's HMAC as it reads it, so a wrong or damaged page 1 fails here), and the page count against
 * the file's length. The full integrity_check runs later, off the critical path (see BackupService).
 */
export type DamageKind =
  'empty' | 'not-a-database' | 'truncated' | 'integrity' | 'missing-db' | 'foreign-wal' | 'damaged-wal' | 'lost-wal';

export class DamageError extends Error {
  constructor(
    readonly kind: DamageKind,
    detail: string,
  ) {
    super(detail);
    this.name = 'DamageError';
  }
}

/** Written when the store opens, rewritten after each change, removed when it closes cleanly. */
export const OPEN_MARKER = 'concordat.open.json';
export type OpenMarker = { openedAt: string; pid: number; wal: WalPosition | null };

export function readMarker(dataDir: string): OpenMarker | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, OPEN_MARKER), 'utf8')) as OpenMarker;
  } catch (error) {
    // A marker that exists but cannot be parsed still means the last run did not close cleanly.
    if ((error as { code?: string }).code === 'ENOENT') return null;
    return { openedAt: '', pid: 0, wal: null };
  }
}

export function writeMarker(dataDir: string, dbPath: string, openedAt: string): void {
  const marker: OpenMarker = { openedAt, pid: process.pid, wal: readWalIndex(`${dbPath}-shm`) };
  const file = path.join(dataDir, OPEN_MARKER);
  fs.writeFileSync(`${file}.partial`, JSON.stringify(marker));
  fs.renameSync(`${file}.partial`, file);
}

export const removeMarker = (dataDir: string) => fs.rmSync(path.join(dataDir, OPEN_MARKER), { force: true });

const DAMAGE_WORDS: Record<DamageKind, string> = {
  empty: 'The database file was empty (0 bytes).',
  'not-a-database': 'The database file could not be read: it is not a Concordat database, or it is damaged.',
  truncated: 'The database file has been cut short.',
  integrity: 'The database failed its integrity check: part of it is damaged.',
  'missing-db': 'The database file was missing, although there were backups or a journal file for it.',
  'foreign-wal': 'A journal file (-wal) that does not belong to this database was found beside it.',
  'damaged-wal': 'The journal of recent changes (-wal) was damaged.',
  'lost-wal': 'The journal of recent changes (-wal) was missing or cut short after Concordat last stopped without closing.',
};

/** Move (or, for files Concordat keeps using, copy) the store's files into a new quarantine folder. */
export function quarantine(dataDir: string, dbPath: string, how: { move: string[]; copy: string[] }, at = new Date()): string {
  const dir = ensureDir(path.join(dataDir, 'quarantine', timestampForFile(at)));
  for (const f of how.copy)
    if (fs.existsSync(f)) fs.copyFileSync(f, path.join(dir, path.basename(f)), fs.constants.COPYFILE_EXCL);
  for (const f of how.move) if (fs.existsSync(f)) fs.renameSync(f, path.join(dir, path.basename(f)));
  fsyncDir(dataDir);
  log.warn(`store files quarantined in ${dir} (${path.basename(dbPath)})`);
  return dir;
}

/** Open the live file and run the cheap checks. Throws DamageError for damage, other errors as they are. */
export function openWithFastCheck(dbPath: string, key: Buffer | null, walFrames: number, options: OpenOptions = {}): Db {
  let db: Db;
  try {
    db = openWithKey(dbPath, key, { nativeBinding: options.nativeBinding });
  } catch (error) {
    throw classify(error);
  }
  try {
    try {
      db.pragma('user_version', { simple: true });
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      throw classify(error);
    }
    if (walFrames === 0) {
      const pages = db.pragma('page_count', { simple: true }) as number;
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      if (pages * pageSize > fs.statSync(dbPath).size) throw new DamageError('truncated', `${pages} pages expected`);
    }
    db.close();
    return openLiveDatabase(dbPath, key, options);
  } catch (error) {
    if (db.open) db.close();
    throw error;
  }
}

function classify(error: unknown): unknown {
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) return new DamageError('not-a-database', code);
  return error;
}

/** A folder where the database file should be is a fault to explain, not damage to repair. */
export function assertStoreFileUsable(dbPath: string): void {
  if (fs.statSync(dbPath, { throwIfNoEntry: false })?.isDirectory()) {
    throw new AppError(
      'storage',
      `There is a folder where Concordat's database file should be (${dbPath}). Move or rename that folder, then start Concordat again. Nothing has been changed.`,
    );
  }
}

export type RecoveryContext = {
  dataDir: string;
  dbPath: string;
  key: Buffer | null;
  notices: StoreNotices;
  options?: OpenOptions;
  /** Called with the database after a backup was restored into place (re-apply erasures and the like). */
  onRestored?: (db: Db) => void;
};

/**
 * Open the store, finding and handling damage first. Called on start (and unlock) before any
 * screen reads data. Returns the open database.
 */
export function openStoreWithRecovery(ctx: RecoveryContext): Db {
  const { dataDir, dbPath } = ctx;
  const [, walPath, shmPath] = companionFiles(dbPath);
  const marker = readMarker(dataDir);
  assertStoreFileUsable(dbPath);
  const stat = fs.statSync(dbPath, { throwIfNoEntry: false });
  const scan = scanWal(walPath!);
  const backupDirPath = backupsDir(dataDir);
  const newest = newestVerified(backupDirPath);

  let problem: { kind: DamageKind; detail: string } | null = null;
  if (!stat) {
    if (scan || newest) problem = { kind: 'missing-db', detail: 'no database file' };
  } else if (stat.size === 0) problem = { kind: 'empty', detail: '0 bytes' };
  else if (stat.size % 512 !== 0) problem = { kind: 'truncated', detail: `${stat.size} bytes` };
  else if (scan && !scan.headerOk) problem = { kind: 'damaged-wal', detail: 'log header' };
  else if (scan && !marker) problem = { kind: 'foreign-wal', detail: 'log present after a clean close' };
  else if (marker?.wal && marker.wal.frames > 0) {
    const rec = marker.wal;
    if (!scan) problem = { kind: 'lost-wal', detail: `log missing, ${rec.frames} frames recorded` };
    else if (scan.salt1 !== rec.salt1 || scan.salt2 !== rec.salt2) {
      // SQLite restarts the log after a full checkpoint with salt-1 plus one: that is normal.
      if (scan.salt1 !== (rec.salt1 + 1) >>> 0) problem = { kind: 'foreign-wal', detail: 'log salts do not match' };
    } else if (scan.usableFrames < rec.frames) {
      problem = {
        kind: scan.brokenFrame !== null ? 'damaged-wal' : 'lost-wal',
        detail: `${scan.usableFrames} of ${rec.frames} frames usable`,
      };
    }
  } else if (scan && scan.brokenFrame !== null) problem = { kind: 'damaged-wal', detail: `frame ${scan.brokenFrame}` };

  if (problem) log.warn(`store damage found before opening: ${problem.kind} (${problem.detail})`);

  if (problem && (problem.kind === 'lost-wal' || problem.kind === 'damaged-wal' || problem.kind === 'foreign-wal')) {
    const walUsable = problem.kind === 'foreign-wal' ? 0 : (scan?.usableFrames ?? 0);
    // A backup taken later in the same log generation than what survives holds more: restore it.
    const backupIsNewer =
      !!newest?.wal &&
      !!marker?.wal &&
      newest.wal.salt1 === marker.wal.salt1 &&
      newest.wal.salt2 === marker.wal.salt2 &&
      newest.wal.frames > walUsable;
    if (!backupIsNewer) {
      const moveLog = problem.kind === 'foreign-wal';
      const where = quarantine(dataDir, dbPath, {
        move: moveLog ? [walPath!, shmPath!] : [],
        copy: moveLog ? [dbPath] : [dbPath, walPath!, shmPath!],
      });
      const db = openOrRecover(ctx, scan && !moveLog ? scan.usableFrames : 0);
      if (db.recovered) return db.db;
      ctx.notices.add({
        tone: 'warning',
        title: problem.kind === 'foreign-wal' ? 'A stray journal file was set aside' : 'Recent changes may be missing',
        message:
          `${DAMAGE_WORDS[problem.kind]} ` +
          (problem.kind === 'foreign-wal' && !marker
            ? 'Your data is as it was when Concordat last closed. '
            : 'Concordat opened the data it could read; changes made shortly before it last stopped may be missing: check your most recent work. ') +
          `${newest ? `The newest backup is from ${plainTime(newest.createdAt)}. ` : ''}A copy of the files as they were is in ${where}.`,
      });
      return db.db;
    }
  }
  if (problem) return recoverFromBackup(ctx, problem.kind, newest);
  return openOrRecover(ctx, scan?.usableFrames ?? 0).db;
}

function openOrRecover(ctx: RecoveryContext, walFrames: number): { db: Db; recovered: boolean } {
  try {
    return { db: openWithFastCheck(ctx.dbPath, ctx.key, walFrames, ctx.options), recovered: false };
  } catch (error) {
    if (error instanceof NewerSchemaError) throw error;
    if (!(error instanceof DamageError)) throw error;
    log.warn(`store damage found while opening: ${error.kind} (${error.message})`);
    const newest = newestVerified(backupsDir(ctx.dataDir));
    // A wrong key also reads as "not a database": when a checked backup does not open with this
    // key either, the key is at fault, not the file, and nothing is moved.
    if (error.kind === 'not-a-database' && newest && !verifyBackupFile(newest.file, ctx.key).ok) {
      throw new AppError('internal', 'That key does not open this store. Nothing has been changed.');
    }
    return { db: recoverFromBackup(ctx, error.kind, newest), recovered: true };
  }
}

/** Quarantine the live files and restore the newest verified backup (or start empty when there is none). */
export function recoverFromBackup(ctx: RecoveryContext, kind: DamageKind, newest: BackupMeta | undefined): Db {
  const { dataDir, dbPath, key } = ctx;
  const where = quarantine(dataDir, dbPath, { move: companionFiles(dbPath), copy: [] });
  if (newest) {
    const db = swapInBackup(newest.file, dbPath, key, ctx.options);
    ctx.onRestored?.(db);
    ctx.notices.add({
      tone: 'error',
      title: 'Your data was restored from a backup',
      message:
        `${DAMAGE_WORDS[kind]} Concordat restored the newest checked backup, from ${plainTime(newest.createdAt)}: ` +
        `anything entered after that time is not in it. The damaged files were moved, not deleted, to ${where}.`,
    });
    return db;
  }
  const db = openLiveDatabase(dbPath, key, ctx.options);
  ctx.notices.add({
    tone: 'error',
    title: 'Concordat started with an empty database',
    message:
      `${DAMAGE_WORDS[kind]} There was no backup to restore, so Concordat started with an empty database. ` +
      `The damaged files were moved, not deleted, to ${where}: keep them, as a specialist may be able to recover data from them.`,
  });
  return db;
}
