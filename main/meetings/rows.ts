import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/result';
import { personExists } from '../partners/directory-api';

/*
 * What the meetings area's stores share. Each record kind has its own module (meeting-rows,
 * agenda-rows, attendance-rows, action-rows, share-log, meeting-detail); importers take them all
 * from ./repository.
 */

export const nowIso = () => new Date().toISOString();

export function notFound(what: string): never {
  throw new AppError('not_found', `That ${what} no longer exists. It may have been deleted.`);
}

/** Escape LIKE wildcards so a search for "50%" means the text "50%". */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function checkPeople(db: Database, ...ids: (number | null)[]): void {
  for (const id of ids) {
    if (id !== null && !personExists(db, id)) notFound('person');
  }
}

/** A person, or an organisation, whose actions or meetings are asked about. */
export type OwnerRef = { personId: number } | { organisationId: number };
