import type { Database } from 'better-sqlite3';
import type {
  DirectoryContact,
  DirectoryMemberOrganisation,
  DirectoryOrganisation,
  DirectoryPerson,
} from '../../shared/directory/types';
import { mostSenior } from '../../shared/directory/seniority';
import { phoneDigitsVariants } from '../../shared/partners/phone-search';
import { AppError } from '../../shared/result';
import { stmt } from './statements';

/*
 * The partner directory's read API for other areas. Documents, meetings, settings and the example
 * loader call these functions; no code outside main/partners names the organisations, people or
 * posts tables (tests/unit/partners/directory-walls.test.ts checks). Every search here has one
 * ordering: names that start with the query first, then by name, ignoring case.
 */

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);
const contains = (q: string) => `%${escapeLike(q)}%`;
const startsWith = (q: string) => `${escapeLike(q)}%`;

/** Strip the characters people put in phone numbers, so "01234 567 890" finds "01234567890". */
const DIGITS = (col: string) =>
  `replace(replace(replace(replace(replace(replace(${col}, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', '')`;

function chunked<T, R>(xs: readonly T[], f: (chunk: readonly T[]) => R[]): R[] {
  const out: R[] = [];
  for (let i = 0; i < xs.length; i += 500) out.push(...f(xs.slice(i, i + 500)));
  return out;
}
const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');
const unique = (ids: readonly (number | null | undefined)[]) => [
  ...new Set(ids.filter((i): i is number => typeof i === 'number')),
];

// ---- organisations ---------------------------------------------------------------------------

const ORG_SELECT = `SELECT o.id, o.name, o.sector, o.membership, o.archived_at IS NOT NULL AS archived,
       (SELECT COUNT(DISTINCT po.person_id) FROM posts po JOIN people p ON p.id = po.person_id
         WHERE po.organisation_id = o.id AND po.ended_on IS NULL AND p.archived_at IS NULL) AS currentPeople
  FROM organisations o`;
type OrgRow = Omit<DirectoryOrganisation, 'archived'> & { archived: number };
const toOrg = (r: OrgRow): DirectoryOrganisation => ({ ...r, archived: r.archived === 1 });

export function searchOrganisations(
  db: Database,
  query: string,
  limit = 50,
  excludeMembership: readonly string[] = [],
): DirectoryOrganisation[] {
  const q = query.trim();
  const excluded = JSON.stringify(excludeMembership);
  return (
    stmt(
      db,
      `${ORG_SELECT}
        WHERE o.archived_at IS NULL AND (? = '' OR o.name LIKE ? ESCAPE '\\')
          AND o.membership NOT IN (SELECT value FROM json_each(?))
        ORDER BY (o.name LIKE ? ESCAPE '\\') DESC, o.name COLLATE NOCASE, o.id LIMIT ?`,
    ).all(q, contains(q), excluded, startsWith(q), limit) as OrgRow[]
  ).map(toOrg);
}

export function getOrganisations(db: Database, ids: readonly number[]): DirectoryOrganisation[] {
  return chunked(unique(ids), (c) =>
    (db.prepare(`${ORG_SELECT} WHERE o.id IN (${marks(c.length)})`).all(...c) as OrgRow[]).map(toOrg),
  );
}

export function getOrganisation(db: Database, id: number): DirectoryOrganisation {
  const found = getOrganisations(db, [id])[0];
  if (!found) throw new AppError('not_found', 'That organisation is not in the directory.');
  return found;
}

/** Names by id (archived ones included); ids not in the directory are left out. */
export function organisationNames(db: Database, ids: readonly (number | null | undefined)[]): Map<number, string> {
  const rows = chunked(
    unique(ids),
    (c) =>
      db.prepare(`SELECT id, name FROM organisations WHERE id IN (${marks(c.length)})`).all(...c) as {
        id: number;
        name: string;
      }[],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The names of the people and organisations a list of rows refers to, each looked up once for the whole list. */
export function namesFor<R>(
  db: Database,
  rows: readonly R[],
  ids: { person: (r: R) => number | null; organisation: (r: R) => number | null },
): { people: Map<number, string>; orgs: Map<number, string> } {
  return { people: personNames(db, rows.map(ids.person)), orgs: organisationNames(db, rows.map(ids.organisation)) };
}

export const organisationExists = (db: Database, id: number): boolean =>
  stmt(db, 'SELECT 1 FROM organisations WHERE id = ?').get(id) !== undefined;

/** The organisation with this name (any case), a current one before an archived one. */
export function organisationIdByName(db: Database, name: string): number | null {
  const row = stmt(
    db,
    'SELECT id FROM organisations WHERE name = ? COLLATE NOCASE ORDER BY archived_at IS NOT NULL, id LIMIT 1',
  ).get(name) as { id: number } | undefined;
  return row?.id ?? null;
}

// ---- contacts (a person in a post) ---------------------------------------------------------

const CONTACT_SELECT = `
  SELECT posts.id AS id, people.id AS personId, people.name AS name, posts.job_title AS jobTitle,
         organisations.name AS organisation, organisations.id AS organisationId, posts.email AS email,
         posts.phone AS phone, posts.is_spoc AS isSpoc
    FROM posts
    JOIN people ON people.id = posts.person_id
    JOIN organisations ON organisations.id = posts.organisation_id`;
const CURRENT = 'posts.ended_on IS NULL AND people.archived_at IS NULL AND organisations.archived_at IS NULL';
type ContactRow = Omit<DirectoryContact, 'isSpoc'> & { isSpoc: number };
const toContact = (r: ContactRow): DirectoryContact => ({ ...r, isSpoc: r.isSpoc === 1 });

function phoneClause(col: string, query: string): { sql: string; params: string[] } {
  const variants = phoneDigitsVariants(query);
  if (variants.length === 0) return { sql: '0', params: [] };
  return { sql: variants.map(() => `${DIGITS(col)} LIKE ?`).join(' OR '), params: variants.map((v) => `%${v}%`) };
}

export function searchContacts(
  db: Database,
  query: string,
  organisationId: number | null = null,
  limit = 30,
): DirectoryContact[] {
  const t = query.trim();
  const q = contains(t);
  const phone = phoneClause('posts.phone', t);
  return (
    db
      .prepare(
        `${CONTACT_SELECT}
          WHERE ${CURRENT} AND (? IS NULL OR posts.organisation_id = ?)
            AND (? = '' OR people.name LIKE ? ESCAPE '\\' OR posts.job_title LIKE ? ESCAPE '\\'
                 OR organisations.name LIKE ? ESCAPE '\\' OR posts.email LIKE ? ESCAPE '\\' OR ${phone.sql})
          ORDER BY (people.name LIKE ? ESCAPE '\\') DESC, people.name COLLATE NOCASE, posts.id LIMIT ?`,
      )
      .all(organisationId, organisationId, t, q, q, q, q, ...phone.params, startsWith(t), limit) as ContactRow[]
  ).map(toContact);
}

export function getContacts(db: Database, postIds: readonly number[]): DirectoryContact[] {
  return chunked(unique(postIds), (c) =>
    (db.prepare(`${CONTACT_SELECT} WHERE posts.id IN (${marks(c.length)})`).all(...c) as ContactRow[]).map(toContact),
  );
}

export const postExists = (db: Database, id: number): boolean =>
  stmt(db, 'SELECT 1 FROM posts WHERE id = ?').get(id) !== undefined;

/** The organisation each post is at. */
export function organisationsOfPosts(db: Database, postIds: readonly number[]): Map<number, number> {
  const rows = chunked(
    unique(postIds),
    (c) =>
      db.prepare(`SELECT id, organisation_id AS org FROM posts WHERE id IN (${marks(c.length)})`).all(...c) as {
        id: number;
        org: number;
      }[],
  );
  return new Map(rows.map((r) => [r.id, r.org]));
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
  return { organisations: getOrganisations(db, organisationIds), contacts: getContacts(db, contactIds) };
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
  const org = stmt(db, 'SELECT id FROM organisations WHERE archived_at IS NULL AND name = ? COLLATE NOCASE ORDER BY id LIMIT 1');
  const contact = stmt(
    db,
    `SELECT posts.id AS id FROM posts
       JOIN people ON people.id = posts.person_id
       JOIN organisations ON organisations.id = posts.organisation_id
      WHERE ${CURRENT} AND people.name = ? COLLATE NOCASE
      ORDER BY posts.id LIMIT 1`,
  );
  const found = (s: typeof org, names: readonly string[]) =>
    names.flatMap((name) => {
      const row = s.get(name) as { id: number } | undefined;
      return row ? [{ name, id: row.id }] : [];
    });
  return { organisations: found(org, organisationNames), contacts: found(contact, contactNames) };
}

/**
 * Member organisations (core and associate, or the tiers asked for; never observers or former
 * members), each with its single point of contact and its most senior current contact.
 */
export function memberOrganisations(
  db: Database,
  tiers: readonly ('core' | 'associate')[] | null,
  organisationId: number | null = null,
): DirectoryMemberOrganisation[] {
  const wanted = JSON.stringify(tiers && tiers.length > 0 ? tiers : ['core', 'associate']);
  const orgs = (
    stmt(
      db,
      `${ORG_SELECT}
        WHERE o.archived_at IS NULL AND o.membership IN (SELECT value FROM json_each(?))
          AND (? IS NULL OR o.id = ?)
        ORDER BY o.name COLLATE NOCASE, o.id`,
    ).all(wanted, organisationId, organisationId) as OrgRow[]
  ).map(toOrg);
  if (orgs.length === 0) return [];
  const contacts = chunked(
    orgs.map((o) => o.id),
    (c) =>
      (
        db
          .prepare(`${CONTACT_SELECT} WHERE ${CURRENT} AND posts.organisation_id IN (${marks(c.length)}) ORDER BY posts.id`)
          .all(...c) as ContactRow[]
      ).map(toContact),
  );
  const byOrg = new Map<number, DirectoryContact[]>();
  for (const c of contacts) byOrg.set(c.organisationId, [...(byOrg.get(c.organisationId) ?? []), c]);
  return orgs.map((o) => {
    const here = byOrg.get(o.id) ?? [];
    const spoc = here.find((c) => c.isSpoc) ?? null;
    // The senior contact signs; prefer someone other than the SPOC when there is anyone else.
    const others = here.filter((c) => c !== spoc);
    const senior = mostSenior(others.length > 0 ? others : here);
    return { ...o, spoc, senior };
  });
}

// ---- people --------------------------------------------------------------------------------

const PERSON_SELECT = `
  SELECT p.id, p.name, p.archived_at IS NOT NULL AS archived, po.id AS postId, po.organisation_id AS organisationId,
         COALESCE(o.name, '') AS organisationName, COALESCE(po.job_title, '') AS jobTitle,
         COALESCE(po.email, '') AS email, COALESCE(po.phone, '') AS phone
    FROM people p
    LEFT JOIN posts po ON po.id = (SELECT x.id FROM posts x WHERE x.person_id = p.id AND x.ended_on IS NULL
                                    ORDER BY x.is_spoc DESC, x.id LIMIT 1)
    LEFT JOIN organisations o ON o.id = po.organisation_id`;
type PersonRow = Omit<DirectoryPerson, 'archived'> & { archived: number };
const toPersonHit = (r: PersonRow): DirectoryPerson => ({ ...r, archived: r.archived === 1 });

/** People who are not archived, by name, organisation, job title, email or phone (any spacing). */
export function searchPeople(db: Database, query: string, limit = 50): DirectoryPerson[] {
  const t = query.trim();
  const q = contains(t);
  const phone = phoneClause('x.phone', t);
  return (
    db
      .prepare(
        `${PERSON_SELECT}
          WHERE p.archived_at IS NULL AND (? = '' OR p.name LIKE ? ESCAPE '\\' OR o.name LIKE ? ESCAPE '\\'
                OR EXISTS (SELECT 1 FROM posts x WHERE x.person_id = p.id AND x.ended_on IS NULL
                            AND (x.job_title LIKE ? ESCAPE '\\' OR x.email LIKE ? ESCAPE '\\' OR ${phone.sql})))
          ORDER BY (p.name LIKE ? ESCAPE '\\') DESC, p.name COLLATE NOCASE, p.id LIMIT ?`,
      )
      .all(t, q, q, q, q, ...phone.params, startsWith(t), limit) as PersonRow[]
  ).map(toPersonHit);
}

export function getPeople(db: Database, ids: readonly number[]): DirectoryPerson[] {
  return chunked(unique(ids), (c) =>
    (db.prepare(`${PERSON_SELECT} WHERE p.id IN (${marks(c.length)})`).all(...c) as PersonRow[]).map(toPersonHit),
  );
}

export function getDirectoryPerson(db: Database, id: number): DirectoryPerson {
  const found = getPeople(db, [id])[0];
  if (!found) throw new AppError('not_found', 'That person is not in the directory.');
  return found;
}

/** Names by id (archived people included); ids not in the directory are left out. */
export function personNames(db: Database, ids: readonly (number | null | undefined)[]): Map<number, string> {
  const rows = chunked(
    unique(ids),
    (c) => db.prepare(`SELECT id, name FROM people WHERE id IN (${marks(c.length)})`).all(...c) as { id: number; name: string }[],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

export const personExists = (db: Database, id: number): boolean =>
  stmt(db, 'SELECT 1 FROM people WHERE id = ?').get(id) !== undefined;

export const personNameExists = (db: Database, name: string): boolean =>
  stmt(db, 'SELECT 1 FROM people WHERE name = ? COLLATE NOCASE LIMIT 1').get(name) !== undefined;

/** The organisation of a person's main current post (their SPOC post first, then the oldest). */
export function mainOrganisationOf(db: Database, personId: number): number | null {
  const row = stmt(
    db,
    'SELECT organisation_id AS id FROM posts WHERE person_id = ? AND ended_on IS NULL ORDER BY is_spoc DESC, id LIMIT 1',
  ).get(personId) as { id: number } | undefined;
  return row?.id ?? null;
}

/** People in a current post at an organisation, not archived. */
export function currentPeopleAt(db: Database, organisationId: number): number[] {
  return stmt(
    db,
    `SELECT DISTINCT po.person_id FROM posts po JOIN people p ON p.id = po.person_id
      WHERE po.organisation_id = ? AND po.ended_on IS NULL AND p.archived_at IS NULL ORDER BY po.person_id`,
  )
    .pluck()
    .all(organisationId) as number[];
}

/** A person's current email: at the given organisation if they have one there, else their first. */
export function currentEmailOf(db: Database, personId: number, preferOrganisationId: number | null): string {
  return (
    (stmt(
      db,
      `SELECT email FROM posts WHERE person_id = ? AND ended_on IS NULL AND email <> ''
        ORDER BY (organisation_id IS ?) DESC, id LIMIT 1`,
    )
      .pluck()
      .get(personId, preferOrganisationId) as string | undefined) ?? ''
  );
}

/** What an erasure hook needs to find a person's traces in its own tables: the name and every post's email and phone. */
export function personTraces(
  db: Database,
  personId: number,
): { name: string; posts: { id: number; email: string; phone: string }[] } {
  const name = (stmt(db, 'SELECT name FROM people WHERE id = ?').pluck().get(personId) as string | undefined) ?? '';
  const posts = stmt(db, 'SELECT id, email, phone FROM posts WHERE person_id = ?').all(personId) as {
    id: number;
    email: string;
    phone: string;
  }[];
  return { name, posts };
}

/** Every person's id (archived ones too), for privacy work that looks across the directory. */
export const allPersonIds = (db: Database): number[] => stmt(db, 'SELECT id FROM people ORDER BY id').pluck().all() as number[];

export const allPeopleNames = (db: Database): { id: number; name: string }[] =>
  stmt(db, 'SELECT id, name FROM people ORDER BY id').all() as { id: number; name: string }[];

export function personIdByUid(db: Database, uid: string): number | null {
  return (stmt(db, 'SELECT id FROM people WHERE uid = ?').pluck().get(uid) as number | undefined) ?? null;
}

/** People archived on or before a date (YYYY-MM-DD), for retention review. */
export function archivedPeopleSince(db: Database, cutoff: string): { recordId: number; title: string; since: string }[] {
  return stmt(
    db,
    `SELECT id AS recordId, name AS title, substr(archived_at, 1, 10) AS since FROM people
      WHERE archived_at IS NOT NULL AND substr(archived_at, 1, 10) <= ?`,
  ).all(cutoff) as { recordId: number; title: string; since: string }[];
}

/** The first person with this name (any case), or null. */
export function personIdByName(db: Database, name: string): number | null {
  return (
    (stmt(db, 'SELECT id FROM people WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 1').pluck().get(name) as
      number | undefined) ?? null
  );
}
