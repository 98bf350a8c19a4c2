import type { Database, Statement } from 'better-sqlite3';

const cache = new WeakMap<Database, Map<string, Statement>>();

/** A prepared statement, prepared once per connection: the hot paths (search, import) reuse them. */
export function stmt(db: Database, sql: string): Statement {
  let byDb = cache.get(db);
  if (!byDb) {
    byDb = new Map();
    cache.set(db, byDb);
  }
  let s = byDb.get(sql);
  if (!s) {
    s = db.prepare(sql);
    byDb.set(sql, s);
  }
  return s;
}

export const now = (): string => new Date().toISOString();
export const today = (): string => new Date().toISOString().slice(0, 10);

/** SQLite's form of a boolean. */
export const bit = (v: boolean): number => (v ? 1 : 0);

/** The WHERE clause for a list's archived filter, on the table aliased `alias`. */
export function archivedClause(alias: string, archived: 'active' | 'archived' | 'all'): string {
  if (archived === 'active') return `${alias}.archived_at IS NULL`;
  if (archived === 'archived') return `${alias}.archived_at IS NOT NULL`;
  return '1';
}
