import type { Database } from 'better-sqlite3';
import { londonToday } from '../../shared/meetings/time';
import type { ComputedSource } from '../../shared/plans/model';
import { listDocuments } from '../documents/repository';
import { signatoryMatrix } from '../documents/service';
import { getOrganisations, memberOrganisations } from '../partners/directory-api';

/*
 * The computed indicator kinds, each a figure for one period [from, to] (London dates, inclusive).
 * The meetings, documents and toolkit repositories list records but offer no counts over a date
 * range, so the counts are read here as aggregates over those areas' own tables (never the
 * directory's: organisations and sectors come through main/partners/directory-api.ts).
 * Null means there is nothing to measure in the period (no actions due, no members).
 */

/** What every period of one computation shares: read once, not once per period. */
export type ComputeContext = {
  db: Database;
  today: string;
  nowIso: string;
  memberSectors: () => Set<string>;
  memberIds: () => Set<number>;
  isaShare: () => number | null;
};

function once<T>(f: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value;
  };
}

export function computeContext(db: Database, now: Date): ComputeContext {
  const members = once(() => memberOrganisations(db, null));
  const memberIds = once(() => new Set(members().map((m) => m.id)));
  return {
    db,
    today: londonToday(now),
    nowIso: now.toISOString(),
    memberSectors: once(() => new Set(members().map((m) => m.sector))),
    memberIds,
    isaShare: once(() => {
      const ids = memberIds();
      if (ids.size === 0) return null;
      const agreed = listDocuments(db, { templateKey: 'information-sharing-agreement' }).filter((d) => d.status === 'agreed');
      if (agreed.length === 0) return 0;
      const matrix = signatoryMatrix(db);
      const signed = new Set<number>();
      for (const d of agreed) {
        const column = matrix.documents.findIndex((m) => m.id === d.id);
        if (column < 0) continue;
        for (const o of matrix.organisations) if (o.cells[column] === 'signed' && ids.has(o.id)) signed.add(o.id);
      }
      return percent(signed.size, ids.size);
    }),
  };
}

const percent = (part: number, whole: number) => Math.round((1000 * part) / whole) / 10;

export function meetingsHeld(c: ComputeContext, from: string, to: string): number {
  return c.db
    .prepare(
      `SELECT COUNT(*) FROM meetings
        WHERE status <> 'cancelled' AND substr(starts_at, 1, 10) BETWEEN ? AND ? AND julianday(ends_at) < julianday(?)`,
    )
    .pluck()
    .get(from, to, c.nowIso) as number;
}

export function attendanceBySector(c: ComputeContext, from: string, to: string): number | null {
  const wanted = c.memberSectors();
  if (wanted.size === 0) return null;
  const orgIds = c.db
    .prepare(
      `SELECT DISTINCT at.organisation_id FROM attendance at JOIN meetings m ON m.id = at.meeting_id
        WHERE m.status <> 'cancelled' AND substr(m.starts_at, 1, 10) BETWEEN ? AND ?
          AND at.status IN ('attended', 'deputy') AND at.organisation_id IS NOT NULL`,
    )
    .pluck()
    .all(from, to) as number[];
  const present = new Set(getOrganisations(c.db, orgIds).map((o) => o.sector));
  return percent([...wanted].filter((s) => present.has(s)).length, wanted.size);
}

export function actionsOnTime(c: ComputeContext, from: string, to: string): number | null {
  const until = to < c.today ? to : c.today;
  if (until < from) return null;
  const row = c.db
    .prepare(
      `SELECT COUNT(*) AS due,
              COALESCE(SUM(CASE WHEN status = 'done' AND substr(updated_at, 1, 10) <= due_on THEN 1 ELSE 0 END), 0) AS onTime
         FROM actions WHERE status <> 'dropped' AND due_on BETWEEN ? AND ?`,
    )
    .get(from, until) as { due: number; onTime: number };
  return row.due === 0 ? null : percent(row.onTime, row.due);
}

export function peopleTrained(c: ComputeContext, from: string, to: string): number {
  const people = c.db
    .prepare('SELECT COUNT(DISTINCT person_id) FROM training_records WHERE deleted_at IS NULL AND trained_on BETWEEN ? AND ?')
    .pluck()
    .get(from, to) as number;
  const delegates = c.db
    .prepare(
      'SELECT COALESCE(SUM(delegates), 0) FROM training_delegate_counts WHERE deleted_at IS NULL AND trained_on BETWEEN ? AND ?',
    )
    .pluck()
    .get(from, to) as number;
  return people + delegates;
}

export function resourcesShared(c: ComputeContext, from: string, to: string): number {
  const added = c.db
    .prepare(
      `SELECT COUNT(*) FROM toolkit_resources
        WHERE source = 'user' AND deleted_at IS NULL AND substr(added_on, 1, 10) BETWEEN ? AND ?`,
    )
    .pluck()
    .get(from, to) as number;
  const sent = c.db
    .prepare('SELECT COUNT(*) FROM toolkit_newsletters WHERE deleted_at IS NULL AND substr(sent_on, 1, 10) BETWEEN ? AND ?')
    .pluck()
    .get(from, to) as number;
  return added + sent;
}

/** The figure for one period. The ISA share is as it stands today, so only a period reaching today has one. */
export function computeFigure(c: ComputeContext, source: ComputedSource, from: string, to: string): number | null {
  switch (source) {
    case 'meetings_held':
      return meetingsHeld(c, from, to);
    case 'attendance_by_sector':
      return attendanceBySector(c, from, to);
    case 'isa_signed':
      return to >= c.today && from <= c.today ? c.isaShare() : null;
    case 'actions_on_time':
      return actionsOnTime(c, from, to);
    case 'people_trained':
      return peopleTrained(c, from, to);
    case 'resources_shared':
      return resourcesShared(c, from, to);
  }
}
