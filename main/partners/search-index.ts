import type { Database } from 'better-sqlite3';
import type { SearchHit } from '../../shared/partners/domain';
import { sectorLabel } from '../../shared/partners/sectors';
import { stmt } from './statements';

/**
 * The directory_search FTS5 index: one row per organisation (rowid = -id) and per person
 * (rowid = id). The repositories call these after every write that changes what is indexed, inside
 * the same transaction, so the index never disagrees with the tables.
 */
export function reindexPerson(db: Database, personId: number): void {
  const row = stmt(
    db,
    `SELECT p.name AS name,
            coalesce(group_concat(po.job_title, ' '), '') AS titles,
            coalesce(group_concat(o.name, ' '), '') AS organisations,
            coalesce(group_concat(po.email, ' '), '') AS emails
       FROM people p
       LEFT JOIN posts po ON po.person_id = p.id AND po.ended_on IS NULL
       LEFT JOIN organisations o ON o.id = po.organisation_id
      WHERE p.id = ?
      GROUP BY p.id`,
  ).get(personId) as { name: string; titles: string; organisations: string; emails: string } | undefined;
  stmt(db, 'DELETE FROM directory_search WHERE rowid = ?').run(personId);
  if (!row) return;
  stmt(db, 'INSERT INTO directory_search (rowid, name, titles, organisations, emails) VALUES (?, ?, ?, ?, ?)').run(
    personId,
    row.name,
    row.titles,
    row.organisations,
    row.emails,
  );
}

export function removePersonFromIndex(db: Database, personId: number): void {
  stmt(db, 'DELETE FROM directory_search WHERE rowid = ?').run(personId);
}

export function reindexOrganisation(db: Database, organisationId: number, { withPeople = false } = {}): void {
  const org = stmt(db, 'SELECT name, email FROM organisations WHERE id = ?').get(organisationId) as
    { name: string; email: string } | undefined;
  stmt(db, 'DELETE FROM directory_search WHERE rowid = ?').run(-organisationId);
  if (org) {
    stmt(db, 'INSERT INTO directory_search (rowid, name, titles, organisations, emails) VALUES (?, ?, ?, ?, ?)').run(
      -organisationId,
      org.name,
      '',
      '',
      org.email,
    );
  }
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

export const RAW_SEARCH_SQL = 'SELECT rowid, rank FROM directory_search WHERE directory_search MATCH ? ORDER BY rank LIMIT ?';

/** Ranked search over organisations and people (bm25, names weighted above titles and emails). */
export function searchDirectory(db: Database, text: string, limit = 30): SearchHit[] {
  const match = toMatchQuery(text);
  if (!match) return [];
  const ids = stmt(db, RAW_SEARCH_SQL).all(match, limit) as { rowid: number }[];
  const hits: SearchHit[] = [];
  for (const { rowid } of ids) {
    if (rowid < 0) {
      const o = stmt(db, 'SELECT id, name, sector, email, archived_at FROM organisations WHERE id = ?').get(-rowid) as
        { id: number; name: string; sector: string; email: string; archived_at: string | null } | undefined;
      if (o) {
        hits.push({
          kind: 'organisation',
          id: o.id,
          name: o.name,
          detail: sectorLabel(o.sector),
          email: o.email,
          archived: o.archived_at !== null,
        });
      }
    } else {
      const p = stmt(
        db,
        `SELECT p.id, p.name, p.archived_at,
                coalesce(group_concat(CASE WHEN po.job_title <> '' THEN po.job_title || ', ' || o.name ELSE o.name END, '; '), '') AS detail,
                coalesce(max(po.email), '') AS email
           FROM people p
           LEFT JOIN posts po ON po.person_id = p.id AND po.ended_on IS NULL
           LEFT JOIN organisations o ON o.id = po.organisation_id
          WHERE p.id = ?
          GROUP BY p.id`,
      ).get(rowid) as { id: number; name: string; archived_at: string | null; detail: string; email: string } | undefined;
      if (p)
        hits.push({ kind: 'person', id: p.id, name: p.name, detail: p.detail, email: p.email, archived: p.archived_at !== null });
    }
  }
  return hits;
}
