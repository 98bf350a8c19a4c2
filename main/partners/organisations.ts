import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { organisationListRequest } from '../../shared/contract/partners';
import type {
  CoverageReport,
  Organisation,
  OrganisationDetail,
  OrganisationInput,
  OrganisationRow,
  Page,
  Post,
} from '../../shared/partners/domain';
import { CHECKLIST_SECTORS } from '../../shared/partners/sectors';
import { AppError } from '../../shared/result';
import { recordAudit } from '../audit/repository';
import { checkVersion } from '../store/versioning';
import { recordMembershipChange } from './membership';
import { reindexOrganisation } from './search-index';
import { POST_ORDER, POST_SELECT, toPost } from './people';
import { archivedClause, bit, now, stmt } from './statements';

/*
 * The directory's organisations: read, written, listed and looked up, with their membership history
 * and search index kept in step, and the sector coverage of the membership.
 */

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

/** An organisation's own columns, in the order the INSERT and UPDATE below name them. */
const columnValues = (v: OrganisationInput): (string | number)[] => [
  v.name,
  v.sector,
  v.membership,
  bit(v.pursue),
  bit(v.prevent),
  bit(v.protect),
  bit(v.prepare),
  v.address,
  v.website,
  v.email,
  v.phone,
  v.notes,
];

export function insertOrganisation(db: Database, v: OrganisationInput): number {
  const t = now();
  const id = Number(
    stmt(
      db,
      `INSERT INTO organisations (name, sector, membership, pursue, prevent, protect, prepare, address, website, email, phone, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(...columnValues(v), t, t).lastInsertRowid,
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
    ).run(...columnValues(v), now(), id);
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
