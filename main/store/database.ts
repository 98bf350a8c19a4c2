import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../shared/result';
import { log } from '../logger';
import { applyKey } from './cipher';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/types';

export const DATABASE_FILE = 'concordat.sqlite3';

export class NewerSchemaError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This data was saved by a newer version of Concordat (data version ${found}; this copy understands up to ${supported}). ` +
        'Install the latest Concordat to open it. Your data has not been changed.',
    );
    this.name = 'NewerSchemaError';
  }
}

export class IntegrityError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The database failed its integrity check (${problems.length} problem${problems.length === 1 ? '' : 's'}). ` +
        'Concordat has not changed it. Keep a copy of the data folder and restore from your latest backup.',
    );
    this.name = 'IntegrityError';
  }
}

export type OpenOptions = {
  /** Override the migration list (tests). */
  migrations?: readonly Migration[];
  /** A prebuilt native binding, used when running under Electron (see README). */
  nativeBinding?: string;
  /** The raw 32-byte data key of an encrypted store (see keys.ts); without it the file is opened unencrypted. */
  key?: Buffer;
};

export function readUserVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Apply each pending migration in its own transaction, recording it in user_version inside the
 * same transaction, so a failing step leaves the database at the previous version.
 */
export function migrate(db: Db, migrations: readonly Migration[] = allMigrations): number {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = readUserVersion(db);
  if (current > latest) throw new NewerSchemaError(current, latest);
  for (const m of migrations) {
    if (m.version <= current) continue;
    const step = db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${Math.trunc(m.version)}`);
    });
    step();
    log.info(`migrated database to version ${m.version} (${m.name})`);
  }
  return readUserVersion(db);
}

/**
 * Open (or create) the store in dataDir. Order matters: the schema version is read before anything
 * writes to the file, so a database from a newer app is refused with its bytes untouched.
 */
export function openDatabase(dataDir: string, options: OpenOptions = {}): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE);
  return openDatabaseFile(file, options);
}

export function openDatabaseFile(file: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? allMigrations;
  const latest = migrations.at(-1)?.version ?? 0;
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    if (options.key) applyKey(db, options.key);
    let found: number;
    try {
      found = readUserVersion(db);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
        throw new AppError(
          'internal',
          `${path.basename(file)} is not a Concordat database or is damaged. It has not been changed.`,
        );
      }
      throw error;
    }
    if (found > latest) throw new NewerSchemaError(found, latest);

    // The fast check on the critical path: reading the schema decrypts and authenticates page 1 and
    // the schema pages (SQLCipher's per-page HMAC). quick_check reads every page and grew with the
    // file (255-381 ms at the bench scale); the full integrity_check runs after start-up instead
    // (BackupService.fullCheck), and damage found before opening is handled in damage.ts.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();

    // Deleted and overwritten text is zeroed in the file at once, on every write of this connection
    // (the cipher build does this by default for keyed databases; a plain one needs it said).
    db.pragma('secure_delete = ON');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // FULL syncs the log on every commit. With NORMAL in WAL mode a power cut can lose the last
    // commits, which were already shown as saved. Measured here (bench: store-safety): a one-row
    // commit on the keyed store takes about 1.5-4 ms median (p95 5-14 ms, a loaded 2-core machine)
    // with FULL against 0.02 ms with NORMAL. No one notices that in a form save, and an import
    // commits once, not once per row, so FULL is kept. Reasoned, not tested: power
    // loss cannot be simulated on these machines (kill -9 loses nothing in either mode).
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
