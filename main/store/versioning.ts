import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/result';
import type { VERSIONED_TABLES } from './migrations/0007-versions-and-coordinator';

export type VersionedTable = (typeof VERSIONED_TABLES)[number];

/**
 * Refuse a save based on an older version of a record: someone (or another window) saved it since
 * it was read, and writing now would silently undo their change. `expected` undefined means the
 * caller is internal (an import, the example loader) and has nothing to compare.
 * Call inside the transaction that then writes with `version = version + 1`.
 */
export function checkVersion(db: Database, table: VersionedTable, id: number, expected: number | undefined, what: string): void {
  const current = db.prepare(`SELECT version FROM ${table} WHERE id = ?`).pluck().get(id) as number | undefined;
  compareVersion(current, expected, what);
}

/**
 * The rule itself, for a caller that reads the current version its own way (a table whose removed
 * rows are tombstoned, say): `current` undefined means the record is gone.
 */
export function compareVersion(current: number | undefined, expected: number | undefined, what: string): void {
  if (current === undefined) throw new AppError('not_found', `That ${what} no longer exists. It may have been deleted.`);
  if (expected !== undefined && expected !== current) {
    throw new AppError(
      'stale',
      `This ${what} was changed elsewhere after you opened it, so your save was refused rather than overwrite that change. Reload to see the latest version, then make your edit again.`,
      [`You edited version ${expected}; the saved version is now ${current}.`],
    );
  }
}
