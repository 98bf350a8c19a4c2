import type { Database } from 'better-sqlite3';
import type { DirectoryContact, DirectoryOrganisation } from '../../shared/documents/resolve';

/*
 * Read-only lookups in the partner directory (organisations, people, posts) for the pickers and
 * for resolving documents. Only current posts of people and organisations that are not archived.
 */

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function searchOrganisations(db: Database, query: string, limit = 30): DirectoryOrganisation[] {
  return db
    .prepare(
      `SELECT id, name, sector FROM organisations
        WHERE archived_at IS NULL AND name LIKE ? ESCAPE '\\'
        ORDER BY name COLLATE NOCASE LIMIT ?`,
    )
    .all(like(query.trim()), limit) as DirectoryOrganisation[];
}

const CONTACT_SELECT = `
  SELECT posts.id AS id, people.name AS name, posts.job_title AS jobTitle, organisations.name AS organisation,
         organisations.id AS organisationId, posts.email AS email, posts.phone AS phone
    FROM posts
    JOIN people ON people.id = posts.person_id
    JOIN organisations ON organisations.id = posts.organisation_id`;

export function searchContacts(db: Database, query: string, organisationId?: number, limit = 30): DirectoryContact[] {
  const q = like(query.trim());
  return db
    .prepare(
      `${CONTACT_SELECT}
        WHERE posts.ended_on IS NULL AND people.archived_at IS NULL AND organisations.archived_at IS NULL
          AND (? IS NULL OR posts.organisation_id = ?)
          AND (people.name LIKE ? ESCAPE '\\' OR posts.job_title LIKE ? ESCAPE '\\' OR organisations.name LIKE ? ESCAPE '\\')
        ORDER BY people.name COLLATE NOCASE LIMIT ?`,
    )
    .all(organisationId ?? null, organisationId ?? null, q, q, q, limit) as DirectoryContact[];
}

/**
 * Look up the entries a document names. Archived organisations and ended posts still resolve
 * here: an agreed document keeps naming who it named.
 */
export function resolveDirectory(
  db: Database,
  organisationIds: readonly number[],
  contactIds: readonly number[],
): { organisations: DirectoryOrganisation[]; contacts: DirectoryContact[] } {
  const inList = (n: number) => Array.from({ length: n }, () => '?').join(',');
  const chunks = <T>(xs: readonly T[]) => {
    const out: T[][] = [];
    for (let i = 0; i < xs.length; i += 500) out.push(xs.slice(i, i + 500));
    return out;
  };
  const organisations = chunks(organisationIds).flatMap(
    (ids) =>
      db
        .prepare(`SELECT id, name, sector FROM organisations WHERE id IN (${inList(ids.length)})`)
        .all(...ids) as DirectoryOrganisation[],
  );
  const contacts = chunks(contactIds).flatMap(
    (ids) => db.prepare(`${CONTACT_SELECT} WHERE posts.id IN (${inList(ids.length)})`).all(...ids) as DirectoryContact[],
  );
  return { organisations, contacts };
}

/**
 * Directory ids for names, compared case-insensitively: organisations that are not archived, and
 * for a contact the current post of a person who is not archived (their earliest, if several).
 */
export function findByName(
  db: Database,
  organisationNames: readonly string[],
  contactNames: readonly string[],
): { organisations: { name: string; id: number }[]; contacts: { name: string; id: number }[] } {
  const org = db.prepare(
    'SELECT id FROM organisations WHERE archived_at IS NULL AND name = ? COLLATE NOCASE ORDER BY id LIMIT 1',
  );
  const contact = db.prepare(
    `SELECT posts.id AS id FROM posts
       JOIN people ON people.id = posts.person_id
       JOIN organisations ON organisations.id = posts.organisation_id
      WHERE posts.ended_on IS NULL AND people.archived_at IS NULL AND organisations.archived_at IS NULL
        AND people.name = ? COLLATE NOCASE
      ORDER BY posts.id LIMIT 1`,
  );
  const found = (stmt: typeof org, names: readonly string[]) =>
    names.flatMap((name) => {
      const row = stmt.get(name) as { id: number } | undefined;
      return row ? [{ name, id: row.id }] : [];
    });
  return { organisations: found(org, organisationNames), contacts: found(contact, contactNames) };
}
