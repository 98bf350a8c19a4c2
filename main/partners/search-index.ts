import type { Database } from 'better-sqlite3';
import type { SearchHit } from '../../shared/partners/domain';
import { sectorLabel } from '../../shared/partners/sectors';
import { stmt } from './statements';
import { phoneDigitsVariants } from '../../shared/partners/phone-search';

/**
 * The directory_search FTS5 index: one row per organisation (rowid = -id) and per person
 * (rowid = id). The repositories call these after every write that changes what is indexed or
 * shown in a result, inside the same transaction, so the index never disagrees with the tables.
 */
export type IndexRow = {
  name: string;
  titles: string;
  organisations: string;
  emails: string;
  /** What a result shows under the name. */
  detail: string;
  email: string;
  archived: boolean;
};

export function writeIndexRow(db: Database, rowid: number, row: IndexRow | null, { isNew = false } = {}): void {
  if (!isNew) stmt(db, 'DELETE FROM directory_search WHERE rowid = ?').run(rowid);
  if (!row) return;
  stmt(
    db,
    `INSERT INTO directory_search (rowid, name, titles, organisations, emails, detail, email, archived)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(rowid, row.name, row.titles, row.organisations, row.emails, row.detail, row.email, row.archived ? 1 : 0);
}

type CurrentPost = { jobTitle: string; organisation: string; email: string };

/** The index row for a person from their current posts. */
export function personIndexRow(name: string, archived: boolean, posts: readonly CurrentPost[]): IndexRow {
  return {
    name,
    titles: posts.map((p) => p.jobTitle).join(' '),
    organisations: posts.map((p) => p.organisation).join(' '),
    emails: posts.map((p) => p.email).join(' '),
    detail: posts.map((p) => (p.jobTitle ? `${p.jobTitle}, ${p.organisation}` : p.organisation)).join('; '),
    email: posts.find((p) => p.email !== '')?.email ?? '',
    archived,
  };
}

export function reindexPerson(db: Database, personId: number): void {
  const person = stmt(db, 'SELECT name, archived_at FROM people WHERE id = ?').get(personId) as
    { name: string; archived_at: string | null } | undefined;
  if (!person) return writeIndexRow(db, personId, null);
  const posts = stmt(
    db,
    `SELECT po.job_title AS jobTitle, o.name AS organisation, po.email FROM posts po
       JOIN organisations o ON o.id = po.organisation_id
      WHERE po.person_id = ? AND po.ended_on IS NULL ORDER BY po.id`,
  ).all(personId) as CurrentPost[];
  writeIndexRow(db, personId, personIndexRow(person.name, person.archived_at !== null, posts));
}

export function removePersonFromIndex(db: Database, personId: number): void {
  writeIndexRow(db, personId, null);
}

export function reindexOrganisation(db: Database, organisationId: number, { withPeople = false } = {}): void {
  const org = stmt(db, 'SELECT name, sector, email, archived_at FROM organisations WHERE id = ?').get(organisationId) as
    { name: string; sector: string; email: string; archived_at: string | null } | undefined;
  writeIndexRow(
    db,
    -organisationId,
    org
      ? {
          name: org.name,
          titles: '',
          organisations: '',
          emails: org.email,
          detail: sectorLabel(org.sector),
          email: org.email,
          archived: org.archived_at !== null,
        }
      : null,
  );
  if (withPeople) {
    const people = stmt(db, 'SELECT DISTINCT person_id FROM posts WHERE organisation_id = ? AND ended_on IS NULL')
      .pluck()
      .all(organisationId) as number[];
    for (const id of people) reindexPerson(db, id);
  }
}

/**
 * Turn what a person typed into an FTS5 query: every word becomes a quoted prefix term, so any
 * part of a name, job title, organisation or email address matches as it is typed, and nothing
 * the person types can be read as FTS5 syntax.
 */
export function toMatchQuery(text: string): string | null {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .slice(0, 8)
    .map((w) => `"${w.replace(/"/g, '""')}"*`)
    .join(' ');
}

/** The bare FTS5 query (matching rowids by rank), which the bench compares the store's search with. */
export const RAW_SEARCH_SQL = 'SELECT rowid FROM directory_search WHERE directory_search MATCH ? ORDER BY rank LIMIT ?';
const SEARCH_SQL =
  'SELECT rowid, name, detail, email, archived FROM directory_search WHERE directory_search MATCH ? ORDER BY rank LIMIT ?';
// One typed letter matches most of a large directory, and ranking every match is what costs: the
// first letter matches the start of a word in a name only, in index order, which is instant.
const FIRST_LETTER_SQL =
  'SELECT rowid, name, detail, email, archived FROM directory_search WHERE directory_search MATCH ? LIMIT ?';

/** Ranked search over organisations and people (bm25, names weighted above titles and emails). */
export function searchDirectory(db: Database, text: string, limit = 30): SearchHit[] {
  if (phoneDigitsVariants(text).length > 0) {
    const byPhone = searchByPhone(db, text, limit);
    if (byPhone.length > 0) return byPhone;
  }
  const match = toMatchQuery(text);
  if (!match) return [];
  const oneLetter = /^"[^"]"\*$/.test(match);
  const rows = stmt(db, oneLetter ? FIRST_LETTER_SQL : SEARCH_SQL).all(oneLetter ? `name : ${match}` : match, limit) as {
    rowid: number;
    name: string;
    detail: string;
    email: string;
    archived: number;
  }[];
  return rows.map((r) => ({
    kind: r.rowid < 0 ? 'organisation' : 'person',
    id: Math.abs(r.rowid),
    name: r.name,
    detail: r.detail,
    email: r.email,
    archived: r.archived === 1,
  }));
}

const digitsOf = (col: string) =>
  `replace(replace(replace(replace(replace(replace(${col}, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', '')`;

/**
 * A search that looks like a phone number matches stored numbers whatever their spacing, and the
 * same UK number written 07700… or +44 7700…: people by any current post's phone, organisations by theirs.
 */
export function searchByPhone(db: Database, text: string, limit = 30): SearchHit[] {
  const variants = phoneDigitsVariants(text);
  if (variants.length === 0) return [];
  const like = variants.map((v) => `%${v}%`);
  const any = (col: string) => variants.map(() => `${digitsOf(col)} LIKE ?`).join(' OR ');
  const rows = db
    .prepare(
      `SELECT rowid, name, detail, email, archived FROM directory_search WHERE rowid IN (
         SELECT po.person_id FROM posts po WHERE po.ended_on IS NULL AND po.phone <> '' AND (${any('po.phone')})
         UNION SELECT -o.id FROM organisations o WHERE o.phone <> '' AND (${any('o.phone')}))
       ORDER BY archived, name COLLATE NOCASE LIMIT ?`,
    )
    .all(...like, ...like, limit) as { rowid: number; name: string; detail: string; email: string; archived: number }[];
  return rows.map((r) => ({
    kind: r.rowid < 0 ? 'organisation' : 'person',
    id: Math.abs(r.rowid),
    name: r.name,
    detail: r.detail,
    email: r.email,
    archived: Number(r.archived) === 1,
  }));
}
