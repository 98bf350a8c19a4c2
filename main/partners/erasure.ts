import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/result';
import { recordAudit } from '../audit/repository';
import { getPerson } from './repository';
import { removePersonFromIndex } from './search-index';
import { stmt } from './statements';

/**
 * Erasing a person removes them from every table. Areas that keep their own references to people
 * (meeting attendance, document signatories, …) register a hook here; every hook runs inside the
 * same transaction as the directory's own deletes, so an erasure happens completely or not at all.
 */
export type ErasureHook = { area: string; erasePerson: (db: Database, personId: number) => void };

const hooks: ErasureHook[] = [];

export function registerErasureHook(hook: ErasureHook): void {
  if (!hooks.some((h) => h.area === hook.area)) hooks.push(hook);
}

export const erasureHooks = (): readonly ErasureHook[] => hooks;

export function erasePerson(db: Database, personId: number, confirmName: string): void {
  const person = getPerson(db, personId);
  if (confirmName.trim().toLowerCase() !== person.name.trim().toLowerCase()) {
    throw new AppError('invalid_request', 'The name typed to confirm does not match. Nothing was erased.');
  }
  // Freed pages are overwritten with zeros, so the erased values do not linger in the file.
  const secure = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    db.transaction(() => {
      for (const hook of hooks) hook.erasePerson(db, personId);
      removePersonFromIndex(db, personId);
      stmt(db, 'DELETE FROM posts WHERE person_id = ?').run(personId);
      stmt(db, 'DELETE FROM people WHERE id = ?').run(personId);
      // Only that an erasure happened: no name, no content.
      recordAudit(db, 'person', personId, 'erase');
    })();
    // Move the change out of the write-ahead log so old copies of the pages are not left there.
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.pragma(`secure_delete = ${secure ? 'ON' : 'OFF'}`);
  }
}
