import type { Database } from 'better-sqlite3';
import { uuidv7 } from '../../shared/ids';
import { londonToday } from '../../shared/meetings/time';
import type { MembershipChange, MembershipOnDate } from '../../shared/reports/types';
import { stmt } from './statements';

/*
 * Dated membership history (membership_events, migration 0009). The partners repository records a
 * row whenever an organisation is created, its tier changes, or it is archived or restored; other
 * areas read "membership on a date" and "changes in a period" here, never the table itself.
 * A member is an organisation that is not archived and not a former member.
 */

export type MembershipState = { membership: string; archived: boolean };

const isMember = (s: MembershipState) => !s.archived && s.membership !== 'former';

/** Record the change between two states of an organisation (before = null when it is new). */
export function recordMembershipChange(
  db: Database,
  organisationId: number,
  before: MembershipState | null,
  after: MembershipState,
  effectiveOn: string = londonToday(new Date()),
): void {
  let kind: 'joined' | 'left' | 'tier_changed' | null = null;
  let membership = after.membership;
  if (before === null) kind = isMember(after) ? 'joined' : 'left';
  else if (isMember(before) && !isMember(after)) {
    kind = 'left';
    membership = after.archived ? after.membership : 'former';
  } else if (!isMember(before) && isMember(after)) kind = 'joined';
  else if (isMember(before) && before.membership !== after.membership) kind = 'tier_changed';
  if (kind === null) return;
  const t = new Date().toISOString();
  stmt(
    db,
    `INSERT INTO membership_events (uid, organisation_id, effective_on, kind, membership, previous_membership, recorded_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(uuidv7(), organisationId, effectiveOn, kind, membership, before?.membership ?? null, t, t);
}

/**
 * The organisations `o` that were members on a date (bound once, YYYY-MM-DD), each with `e`, its
 * latest membership event by then: FROM, JOIN and WHERE for a query to select from.
 */
const MEMBERS_ON = `FROM organisations o
  JOIN membership_events e ON e.id = (
    SELECT e2.id FROM membership_events e2
     WHERE e2.organisation_id = o.id AND e2.deleted_at IS NULL AND e2.effective_on <= ?
     ORDER BY e2.effective_on DESC, e2.id DESC LIMIT 1)
  WHERE e.kind <> 'left'`;

/** The member organisations on a date (YYYY-MM-DD), with their tier that day and current sector. */
export function membershipOn(db: Database, date: string): MembershipOnDate[] {
  return stmt(
    db,
    `SELECT o.id AS organisationId, o.name, o.sector, e.membership
      ${MEMBERS_ON}
      ORDER BY o.name COLLATE NOCASE, o.id`,
  ).all(date) as MembershipOnDate[];
}

/**
 * How many organisations were members on a date, by their current sector: what membershipOn gives,
 * counted in SQL (the annual report needs the numbers, not the ~4,000 rows of a large directory).
 */
export function membersBySectorOn(db: Database, date: string): Map<string, number> {
  const rows = stmt(
    db,
    `SELECT o.sector, COUNT(*) AS n
      ${MEMBERS_ON}
      GROUP BY o.sector`,
  ).all(date) as { sector: string; n: number }[];
  return new Map(rows.map((r) => [r.sector, r.n]));
}

/**
 * Joiners, leavers and tier changes with a date in [from, to] (inclusive), oldest first. A "left"
 * row with no earlier tier (an organisation entered as a former member) is no change, so it is left out.
 */
export function membershipChanges(db: Database, from: string, to: string): MembershipChange[] {
  return stmt(
    db,
    `SELECT e.organisation_id AS organisationId, o.name, o.sector, e.kind, e.effective_on AS effectiveOn,
            e.membership, e.previous_membership AS previousMembership
       FROM membership_events e JOIN organisations o ON o.id = e.organisation_id
      WHERE e.deleted_at IS NULL AND e.effective_on BETWEEN ? AND ?
        AND NOT (e.kind = 'left' AND e.previous_membership IS NULL)
      ORDER BY e.effective_on, e.id`,
  ).all(from, to) as MembershipChange[];
}

/** One organisation's history, oldest first. */
export function membershipHistory(db: Database, organisationId: number): MembershipChange[] {
  return stmt(
    db,
    `SELECT e.organisation_id AS organisationId, o.name, o.sector, e.kind, e.effective_on AS effectiveOn,
            e.membership, e.previous_membership AS previousMembership
       FROM membership_events e JOIN organisations o ON o.id = e.organisation_id
      WHERE e.deleted_at IS NULL AND e.organisation_id = ?
      ORDER BY e.effective_on, e.id`,
  ).all(organisationId) as MembershipChange[];
}

/** Sectors of organisations by id (archived ones included), for figures grouped by sector. */
export function organisationSectors(db: Database, ids: readonly (number | null)[]): Map<number, string> {
  const wanted = [...new Set(ids.filter((i): i is number => typeof i === 'number'))];
  if (wanted.length === 0) return new Map();
  const rows = stmt(db, 'SELECT id, sector FROM organisations WHERE id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(wanted),
  ) as { id: number; sector: string }[];
  return new Map(rows.map((r) => [r.id, r.sector]));
}

/** Every organisation's id, name and sector (archived too), for lists such as agency returns. */
export function organisationsForReturns(db: Database): { id: number; name: string; sector: string; member: boolean }[] {
  return (
    stmt(
      db,
      `SELECT id, name, sector, (archived_at IS NULL AND membership <> 'former') AS member FROM organisations
        ORDER BY name COLLATE NOCASE, id`,
    ).all() as { id: number; name: string; sector: string; member: number }[]
  ).map((r) => ({ ...r, member: r.member === 1 }));
}

export type DatedMembershipEvent = {
  effectiveOn: string;
  kind: 'joined' | 'left' | 'tier_changed';
  membership: string;
  previousMembership: string | null;
};

/**
 * Give an organisation a dated history in place of the single row recorded when it was created
 * (the example loader uses this). Refused, returning false, once it has any other history, so
 * real records are never rewritten.
 */
export function backdateMembership(db: Database, organisationId: number, events: readonly DatedMembershipEvent[]): boolean {
  const rows = stmt(db, 'SELECT kind FROM membership_events WHERE organisation_id = ? AND deleted_at IS NULL').all(
    organisationId,
  ) as {
    kind: string;
  }[];
  if (rows.length !== 1 || rows[0]!.kind !== 'joined' || events.length === 0) return false;
  stmt(db, 'DELETE FROM membership_events WHERE organisation_id = ?').run(organisationId);
  const t = new Date().toISOString();
  for (const e of events)
    stmt(
      db,
      `INSERT INTO membership_events (uid, organisation_id, effective_on, kind, membership, previous_membership, recorded_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(uuidv7(), organisationId, e.effectiveOn, e.kind, e.membership, e.previousMembership, t, t);
  return true;
}
