import type { Database as Db } from 'better-sqlite3';

/*
 * What other areas need done to a database that a restore has just put in place (the erasure ledger
 * re-applies erasures, so a restored backup does not bring erased people back).
 */

/** Runs after a restore, on the restored database (e.g. the erasure ledger re-applies erasures). */
export type AfterRestore = (db: Db) => void;
const afterRestoreHooks: AfterRestore[] = [];
export function registerAfterRestore(hook: AfterRestore): () => void {
  afterRestoreHooks.push(hook);
  return () => {
    const i = afterRestoreHooks.indexOf(hook);
    if (i >= 0) afterRestoreHooks.splice(i, 1);
  };
}

/** Run every after-restore hook on the restored database (also after a restore at start, damage.ts). */
export function runAfterRestoreHooks(db: Db): void {
  for (const hook of afterRestoreHooks) hook(db);
}
