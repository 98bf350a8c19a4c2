import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { personListRequest } from '../../shared/contract/partners';
import type { Page, Person, PersonDetail, PersonInput, PersonRow, Post, PostInput } from '../../shared/partners/domain';
import { uuidv7 } from '../../shared/ids';
import { verifyCutoff } from '../../shared/partners/domain';
import { AppError } from '../../shared/result';
import { recordAudit } from '../audit/repository';
import { checkVersion } from '../store/versioning';
import { reindexPerson } from './search-index';
import { archivedClause, bit, now, stmt, today } from './statements';

/*
 * The directory's people and their posts (a person's job at an organisation, current or ended), with
 * the search index kept in step.
 */

/** A row of the people table as SQLite gives it. */
export type PersonDbRow = {
  id: number;
  name: string;
  pronouns: string;
  notes: string;
  source: string;
  lawful_basis: string;
  last_verified: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
};

const toPerson = (r: PersonDbRow): Person => ({
  id: r.id,
  name: r.name,
  pronouns: r.pronouns,
  notes: r.notes,
  source: r.source,
  lawfulBasis: r.lawful_basis,
  lastVerified: r.last_verified,
  archivedAt: r.archived_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

export const POST_SELECT = `SELECT po.id, po.person_id AS personId, p.name AS personName, po.organisation_id AS organisationId,
        o.name AS organisationName, po.job_title AS jobTitle, po.email, po.phone, po.is_spoc AS isSpoc,
        po.started_on AS startedOn, po.ended_on AS endedOn, po.version
   FROM posts po JOIN people p ON p.id = po.person_id JOIN organisations o ON o.id = po.organisation_id`;
export const POST_ORDER = 'ORDER BY po.ended_on IS NOT NULL, po.ended_on DESC, po.started_on DESC, po.id DESC';
export const toPost = (r: Post): Post => ({ ...r, isSpoc: (r.isSpoc as unknown) === 1 });

// ---- people ----------------------------------------------------------------------------------

export function getPerson(db: Database, id: number): Person {
  const row = stmt(db, 'SELECT * FROM people WHERE id = ?').get(id) as PersonDbRow | undefined;
  if (!row) throw new AppError('not_found', 'That person is not in the directory.');
  return toPerson(row);
}

export function getPersonDetail(db: Database, id: number): PersonDetail {
  const person = getPerson(db, id);
  const posts = (stmt(db, `${POST_SELECT} WHERE po.person_id = ? ${POST_ORDER}`).all(id) as Post[]).map(toPost);
  return { ...person, posts };
}

export function insertPerson(db: Database, v: PersonInput): number {
  const t = now();
  const id = Number(
    stmt(
      db,
      `INSERT INTO people (uid, name, pronouns, notes, source, lawful_basis, last_verified, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(uuidv7(), v.name, v.pronouns, v.notes, v.source, v.lawfulBasis, v.lastVerified, t, t).lastInsertRowid,
  );
  recordAudit(db, 'person', id, 'create');
  return id;
}

export function createPerson(db: Database, v: PersonInput, post: PostInput | null = null): Person {
  const id = db.transaction(() => {
    const personId = insertPerson(db, v);
    if (post) insertPost(db, personId, post);
    reindexPerson(db, personId);
    return personId;
  })();
  return getPerson(db, id);
}

export function updatePerson(db: Database, id: number, v: PersonInput, expectedVersion?: number): Person {
  db.transaction(() => {
    getPerson(db, id);
    checkVersion(db, 'people', id, expectedVersion, 'person');
    stmt(
      db,
      `UPDATE people SET name = ?, pronouns = ?, notes = ?, source = ?, lawful_basis = ?, last_verified = ?, updated_at = ?,
              version = version + 1
        WHERE id = ?`,
    ).run(v.name, v.pronouns, v.notes, v.source, v.lawfulBasis, v.lastVerified, now(), id);
    reindexPerson(db, id);
    recordAudit(db, 'person', id, 'update');
  })();
  return getPerson(db, id);
}

export function setPersonArchived(db: Database, id: number, archived: boolean): Person {
  db.transaction(() => {
    getPerson(db, id);
    const t = now();
    stmt(db, 'UPDATE people SET archived_at = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(
      archived ? t : null,
      t,
      id,
    );
    reindexPerson(db, id);
    recordAudit(db, 'person', id, archived ? 'archive' : 'restore');
  })();
  return getPerson(db, id);
}

const CURRENT = 'po.person_id = p.id AND po.ended_on IS NULL';

export function listPeople(db: Database, q: z.output<typeof personListRequest>): Page<PersonRow> {
  const where = [archivedClause('p', q.archived)];
  const params: unknown[] = [];
  if (q.sector || q.membership) {
    where.push(
      `EXISTS (SELECT 1 FROM posts po JOIN organisations o ON o.id = po.organisation_id WHERE ${CURRENT}
               AND (? IS NULL OR o.sector = ?) AND (? IS NULL OR o.membership = ?))`,
    );
    params.push(q.sector, q.sector, q.membership, q.membership);
  }
  if (q.spoc) where.push(`EXISTS (SELECT 1 FROM posts po WHERE ${CURRENT} AND po.is_spoc = 1)`);
  if (q.unverified) {
    where.push("coalesce(p.last_verified, '') < ?");
    params.push(verifyCutoff());
  }
  const order = { name: 'p.name COLLATE NOCASE', lastVerified: 'p.last_verified', updated: 'p.updated_at' }[q.sort];
  const dir = q.dir === 'desc' ? 'DESC' : 'ASC';
  const whereSql = where.join(' AND ');
  const total = stmt(db, `SELECT count(*) FROM people p WHERE ${whereSql}`)
    .pluck()
    .get(...params) as number;
  const orderSql = `${order} ${dir}, p.name COLLATE NOCASE ${dir}, p.id ${dir}`;
  const rows = stmt(
    db,
    `WITH page AS (SELECT p.id FROM people p WHERE ${whereSql} ORDER BY ${orderSql} LIMIT ? OFFSET ?)
     SELECT p.id, p.name, p.last_verified AS lastVerified, p.archived_at IS NOT NULL AS archived,
            coalesce((SELECT group_concat(o.name, '; ') FROM posts po JOIN organisations o ON o.id = po.organisation_id WHERE ${CURRENT}), '') AS organisations,
            coalesce((SELECT group_concat(po.job_title, '; ') FROM posts po WHERE ${CURRENT} AND po.job_title <> ''), '') AS jobTitles,
            coalesce((SELECT po.email FROM posts po WHERE ${CURRENT} AND po.email <> '' ORDER BY po.id LIMIT 1), '') AS email,
            EXISTS (SELECT 1 FROM posts po WHERE ${CURRENT} AND po.is_spoc = 1) AS isSpoc
       FROM page JOIN people p ON p.id = page.id
      ORDER BY ${orderSql}`,
  ).all(...params, q.limit, q.offset) as (Omit<PersonRow, 'archived' | 'isSpoc'> & { archived: number; isSpoc: number })[];
  return {
    total,
    offset: q.offset,
    rows: rows.map((r) => ({ ...r, archived: r.archived === 1, isSpoc: r.isSpoc === 1 })),
  };
}

// ---- posts -----------------------------------------------------------------------------------

export function getPost(db: Database, id: number): Post {
  const row = stmt(db, `${POST_SELECT} WHERE po.id = ?`).get(id) as Post | undefined;
  if (!row) throw new AppError('not_found', 'That post is not in the directory.');
  return toPost(row);
}

/** Insert a post without reindexing: callers reindex the person once after all their changes. */
export function insertPost(db: Database, personId: number, v: PostInput): number {
  const org = stmt(db, 'SELECT id FROM organisations WHERE id = ?').get(v.organisationId);
  if (!org) throw new AppError('not_found', 'That organisation is not in the directory.');
  const id = Number(
    stmt(
      db,
      `INSERT INTO posts (person_id, organisation_id, job_title, email, phone, is_spoc, started_on, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(personId, v.organisationId, v.jobTitle, v.email, v.phone, bit(v.isSpoc), v.startedOn, now()).lastInsertRowid,
  );
  recordAudit(db, 'post', id, 'create');
  return id;
}

export function addPost(db: Database, personId: number, v: PostInput): Post {
  const id = db.transaction(() => {
    getPerson(db, personId);
    const postId = insertPost(db, personId, v);
    touchPerson(db, personId);
    reindexPerson(db, personId);
    return postId;
  })();
  return getPost(db, id);
}

function touchPerson(db: Database, personId: number): void {
  stmt(db, 'UPDATE people SET updated_at = ? WHERE id = ?').run(now(), personId);
}

export function updatePost(db: Database, id: number, v: Omit<PostInput, 'organisationId'>, expectedVersion?: number): Post {
  db.transaction(() => {
    const post = getPost(db, id);
    checkVersion(db, 'posts', id, expectedVersion, 'post');
    stmt(
      db,
      'UPDATE posts SET job_title = ?, email = ?, phone = ?, is_spoc = ?, started_on = ?, version = version + 1 WHERE id = ?',
    ).run(v.jobTitle, v.email, v.phone, bit(v.isSpoc), v.startedOn, id);
    touchPerson(db, post.personId);
    reindexPerson(db, post.personId);
    recordAudit(db, 'post', id, 'update');
  })();
  return getPost(db, id);
}

/** End a post: it stays as history, leaves the search index's current titles and the SPOC checks. */
export function endPost(db: Database, id: number, endedOn: string | null): Post {
  db.transaction(() => {
    const post = getPost(db, id);
    if (post.endedOn) throw new AppError('conflict', 'That post has already ended.');
    const end = endedOn ?? today();
    if (post.startedOn && end < post.startedOn) throw new AppError('invalid_request', 'A post cannot end before it started.');
    stmt(db, 'UPDATE posts SET ended_on = ?, version = version + 1 WHERE id = ?').run(end, id);
    touchPerson(db, post.personId);
    reindexPerson(db, post.personId);
    recordAudit(db, 'post', id, 'update');
  })();
  return getPost(db, id);
}
