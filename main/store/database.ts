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

    const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
    if (!(problems.length === 1 && problems[0] === 'ok')) throw new IntegrityError(problems);

    // Deleted and overwritten text is zeroed in the file at once, on every write of this connection
    // (the cipher build does this by default for keyed databases; a plain one needs it said).
    db.pragma('secure_delete = ON');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
