import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { organisationListRequest, personListRequest } from '../../shared/contract/partners';
import type {
  CoverageReport,
  Organisation,
  OrganisationDetail,
  OrganisationInput,
  OrganisationRow,
  Page,
  Person,
  PersonDetail,
  PersonInput,
  PersonRow,
  Post,
  PostInput,
} from '../../shared/partners/domain';
import { uuidv7 } from '../../shared/ids';
import { verifyCutoff } from '../../shared/partners/domain';
import { CHECKLIST_SECTORS } from '../../shared/partners/sectors';
import { AppError } from '../../shared/result';
import { recordAudit } from '../audit/repository';
import { checkVersion } from '../store/versioning';
import { recordMembershipChange } from './membership';
import { reindexOrganisation, reindexPerson } from './search-index';
import { now, stmt, today } from './statements';

type OrgDbRow = {
  id: number;
  name: string;
  sector: string;
  membership: string;
  pursue: number;
  prevent: number;
  protect: number;
  prepare: number;
  address: string;
  website: string;
  email: string;
  phone: string;
  notes: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
};

const toOrganisation = (r: OrgDbRow): Organisation => ({
  id: r.id,
  name: r.name,
  sector: r.sector as Organisation['sector'],
  membership: r.membership as Organisation['membership'],
  pursue: r.pursue === 1,
  prevent: r.prevent === 1,
  protect: r.protect === 1,
  prepare: r.prepare === 1,
  address: r.address,
  website: r.website,
  email: r.email,
  phone: r.phone,
  notes: r.notes,
  archivedAt: r.archived_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

type PersonDbRow = {
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

const POST_SELECT = `SELECT po.id, po.person_id AS personId, p.name AS personName, po.organisation_id AS organisationId,
        o.name AS organisationName, po.job_title AS jobTitle, po.email, po.phone, po.is_spoc AS isSpoc,
        po.started_on AS startedOn, po.ended_on AS endedOn, po.version
   FROM posts po JOIN people p ON p.id = po.person_id JOIN organisations o ON o.id = po.organisation_id`;
const POST_ORDER = 'ORDER BY po.ended_on IS NOT NULL, po.ended_on DESC, po.started_on DESC, po.id DESC';
const toPost = (r: Post): Post => ({ ...r, isSpoc: (r.isSpoc as unknown) === 1 });

// ---- organisations -------------------------------------------------------------------------

export function getOrganisation(db: Database, id: number): Organisation {
  const row = stmt(db, 'SELECT * FROM organisations WHERE id = ?').get(id) as OrgDbRow | undefined;
  if (!row) throw new AppError('not_found', 'That organisation is not in the directory.');
  return toOrganisation(row);
}

export function getOrganisationDetail(db: Database, id: number): OrganisationDetail {
  const org = getOrganisation(db, id);
  const posts = (stmt(db, `${POST_SELECT} WHERE po.organisation_id = ? ${POST_ORDER}`).all(id) as Post[]).map(toPost);
  return { ...org, posts };
}

const b = (v: boolean) => (v ? 1 : 0);

export function insertOrganisation(db: Database, v: OrganisationInput): number {
  const t = now();
  const id = Number(
    stmt(
      db,
      `INSERT INTO organisations (name, sector, membership, pursue, prevent, protect, prepare, address, website, email, phone, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      v.name,
      v.sector,
      v.membership,
      b(v.pursue),
      b(v.prevent),
      b(v.protect),
      b(v.prepare),
      v.address,
      v.website,
      v.email,
      v.phone,
      v.notes,
      t,
      t,
    ).lastInsertRowid,
  );
  reindexOrganisation(db, id);
  recordMembershipChange(db, id, null, { membership: v.membership, archived: false });
  recordAudit(db, 'organisation', id, 'create');
  return id;
}

export function createOrganisation(db: Database, v: OrganisationInput): Organisation {
  const id = db.transaction(() => insertOrganisation(db, v))();
  return getOrganisation(db, id);
}

export function updateOrganisation(db: Database, id: number, v: OrganisationInput, expectedVersion?: number): Organisation {
  db.transaction(() => {
    const before = getOrganisation(db, id);
    checkVersion(db, 'organisations', id, expectedVersion, 'organisation');
    stmt(
      db,
      `UPDATE organisations SET name = ?, sector = ?, membership = ?, pursue = ?, prevent = ?, protect = ?, prepare = ?,
              address = ?, website = ?, email = ?, phone = ?, notes = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
    ).run(
      v.name,
      v.sector,
      v.membership,
      b(v.pursue),
      b(v.prevent),
      b(v.protect),
      b(v.prepare),
      v.address,
      v.website,
      v.email,
      v.phone,
      v.notes,
      now(),
      id,
    );
    reindexOrganisation(db, id, { withPeople: before.name !== v.name });
    const archived = before.archivedAt !== null;
    recordMembershipChange(db, id, { membership: before.membership, archived }, { membership: v.membership, archived });
    recordAudit(db, 'organisation', id, 'update');
  })();
  return getOrganisation(db, id);
}

export function setOrganisationArchived(db: Database, id: number, archived: boolean): Organisation {
  db.transaction(() => {
    const before = getOrganisation(db, id);
    const t = now();
    stmt(db, 'UPDATE organisations SET archived_at = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(
      archived ? t : null,
      t,
      id,
    );
    reindexOrganisation(db, id);
    const was = { membership: before.membership, archived: before.archivedAt !== null };
    recordMembershipChange(db, id, was, { membership: before.membership, archived });
    recordAudit(db, 'organisation', id, archived ? 'archive' : 'restore');
  })();
  return getOrganisation(db, id);
}

function archivedClause(alias: string, archived: 'active' | 'archived' | 'all'): string {
  if (archived === 'active') return `${alias}.archived_at IS NULL`;
  if (archived === 'archived') return `${alias}.archived_at IS NOT NULL`;
  return '1';
}

export function listOrganisations(db: Database, q: z.output<typeof organisationListRequest>): Page<OrganisationRow> {
  const where = [archivedClause('o', q.archived)];
  const params: unknown[] = [];
  if (q.sector) {
    where.push('o.sector = ?');
    params.push(q.sector);
  }
  if (q.membership) {
    where.push('o.membership = ?');
    params.push(q.membership);
  }
  if (q.missingSpoc) {
    where.push(
      "o.membership <> 'former' AND NOT EXISTS (SELECT 1 FROM posts s WHERE s.organisation_id = o.id AND s.is_spoc = 1 AND s.ended_on IS NULL)",
    );
  }
  const order = {
    name: 'o.name COLLATE NOCASE',
    sector: 'o.sector',
    membership: "CASE o.membership WHEN 'core' THEN 0 WHEN 'associate' THEN 1 WHEN 'observer' THEN 2 ELSE 3 END",
    updated: 'o.updated_at',
  }[q.sort];
  const dir = q.dir === 'desc' ? 'DESC' : 'ASC';
  const whereSql = where.join(' AND ');
  const total = stmt(db, `SELECT count(*) FROM organisations o WHERE ${whereSql}`)
    .pluck()
    .get(...params) as number;
  // Page first (ids only, in index order where it can), then the display columns for those rows only.
  const orderSql = `${order} ${dir}, o.name COLLATE NOCASE ${dir}, o.id ${dir}`;
  const rows = stmt(
    db,
    `WITH page AS (SELECT o.id FROM organisations o WHERE ${whereSql} ORDER BY ${orderSql} LIMIT ? OFFSET ?)
     SELECT o.id, o.name, o.sector, o.membership, o.email, o.phone, o.archived_at IS NOT NULL AS archived,
            (SELECT count(*) FROM posts c WHERE c.organisation_id = o.id AND c.ended_on IS NULL) AS people,
            EXISTS (SELECT 1 FROM posts s WHERE s.organisation_id = o.id AND s.is_spoc = 1 AND s.ended_on IS NULL) AS hasSpoc
       FROM page JOIN organisations o ON o.id = page.id
      ORDER BY ${orderSql}`,
  ).all(...params, q.limit, q.offset) as (Omit<OrganisationRow, 'archived' | 'hasSpoc'> & {
    archived: number;
    hasSpoc: number;
  })[];
  return {
    total,
    offset: q.offset,
    rows: rows.map((r) => ({ ...r, archived: r.archived === 1, hasSpoc: r.hasSpoc === 1 })),
  };
}

export function lookupOrganisations(db: Database, query: string, limit: number): { id: number; name: string }[] {
  const q = query.trim();
  return stmt(
    db,
    `SELECT id, name FROM organisations
      WHERE archived_at IS NULL AND (? = '' OR name LIKE '%' || ? || '%' ESCAPE '\\')
      ORDER BY (name LIKE ? || '%' ESCAPE '\\') DESC, name COLLATE NOCASE LIMIT ?`,
  ).all(q, q.replace(/[\\%_]/g, '\\$&'), q.replace(/[\\%_]/g, '\\$&'), limit) as { id: number; name: string }[];
}

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
    ).run(personId, v.organisationId, v.jobTitle, v.email, v.phone, b(v.isSpoc), v.startedOn, now()).lastInsertRowid,
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
    ).run(v.jobTitle, v.email, v.phone, b(v.isSpoc), v.startedOn, id);
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

// ---- sector coverage -------------------------------------------------------------------------

export function coverage(db: Database): CoverageReport {
  const members = stmt(
    db,
    `SELECT id, name, sector, membership FROM organisations
      WHERE archived_at IS NULL AND membership IN ('core', 'associate') ORDER BY name COLLATE NOCASE`,
  ).all() as { id: number; name: string; sector: string; membership: string }[];
  const sectors = CHECKLIST_SECTORS.map((c) => ({
    key: c.key,
    label: c.label,
    members: members
      .filter((m) => (c.sectors as readonly string[]).includes(m.sector))
      .map(({ id, name, membership }) => ({ id, name, membership })),
  }));
  const missingSpoc = stmt(
    db,
    `SELECT o.id, o.name, o.sector, o.membership FROM organisations o
      WHERE o.archived_at IS NULL AND o.membership <> 'former'
        AND NOT EXISTS (SELECT 1 FROM posts s WHERE s.organisation_id = o.id AND s.is_spoc = 1 AND s.ended_on IS NULL)
      ORDER BY o.name COLLATE NOCASE LIMIT 1000`,
  ).all() as CoverageReport['missingSpoc'];
  return { sectors, missingSpoc };
}

/** Current core and associate members with their sectors (for checks that go through every member). */
export function currentMembers(db: Database): { id: number; name: string; sector: string; membership: string }[] {
  return stmt(
    db,
    `SELECT id, name, sector, membership FROM organisations
      WHERE archived_at IS NULL AND membership IN ('core', 'associate') ORDER BY name COLLATE NOCASE`,
  ).all() as { id: number; name: string; sector: string; membership: string }[];
}
