import type { Database } from 'better-sqlite3';
import { londonToday } from '../../shared/meetings/time';
import type { ComputedSource } from '../../shared/plans/model';
import { listDocuments } from '../documents/repository';
import { signatoryMatrix } from '../documents/service';
import { currentMembers } from '../partners/organisations';

/*
 * The computed indicator kinds, each a figure for one period [from, to] (London dates, inclusive).
 * The meetings, documents and toolkit repositories list records but offer no counts over dates, so
 * the dated facts are read here once per computation from those areas' own tables, then counted per
 * period in memory (a plan of 36 monthly periods costs one read, not 36). Organisations and sectors
 * come from main/partners, never by SQL here. Null means there is nothing to measure in the period.
 */

type Dated = { on: string };

/** What every period of one computation shares: each set of facts is read once, when first needed. */
export type ComputeContext = {
  db: Database;
  today: string;
  nowIso: string;
  members: () => Map<number, string>;
  isaShare: () => number | null;
  meetings: () => string[];
  attendance: () => (Dated & { organisationId: number })[];
  actions: () => (Dated & { onTime: number })[];
  trained: () => (Dated & { personId: number | null; delegates: number })[];
  shared: () => string[];
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

const percent = (part: number, whole: number) => Math.round((1000 * part) / whole) / 10;

export function computeContext(db: Database, now: Date): ComputeContext {
  const nowIso = now.toISOString();
  const members = once(() => new Map(currentMembers(db).map((m) => [m.id, m.sector])));
  return {
    db,
    today: londonToday(now),
    nowIso,
    members,
    isaShare: once(() => {
      const ids = members();
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
    meetings: once(
      () =>
        db
          .prepare(
            `SELECT substr(starts_at, 1, 10) FROM meetings
              WHERE status <> 'cancelled' AND julianday(ends_at) < julianday(?)`,
          )
          .pluck()
          .all(nowIso) as string[],
    ),
    attendance: once(
      () =>
        db
          .prepare(
            `SELECT DISTINCT substr(m.starts_at, 1, 10) AS "on", at.organisation_id AS organisationId
               FROM attendance at JOIN meetings m ON m.id = at.meeting_id
              WHERE m.status <> 'cancelled' AND at.status IN ('attended', 'deputy') AND at.organisation_id IS NOT NULL`,
          )
          .all() as (Dated & { organisationId: number })[],
    ),
    // The action's last change stands in for the day it was done: actions keep no completion date.
    actions: once(
      () =>
        db
          .prepare(
            `SELECT due_on AS "on", (status = 'done' AND substr(updated_at, 1, 10) <= due_on) AS onTime
               FROM actions WHERE status <> 'dropped' AND due_on IS NOT NULL`,
          )
          .all() as (Dated & { onTime: number })[],
    ),
    trained: once(
      () =>
        db
          .prepare(
            `SELECT trained_on AS "on", person_id AS personId, 0 AS delegates FROM training_records WHERE deleted_at IS NULL
             UNION ALL
             SELECT trained_on, NULL, delegates FROM training_delegate_counts WHERE deleted_at IS NULL`,
          )
          .all() as (Dated & { personId: number | null; delegates: number })[],
    ),
    shared: once(
      () =>
        db
          .prepare(
            `SELECT substr(added_on, 1, 10) FROM toolkit_resources WHERE source = 'user' AND deleted_at IS NULL
             UNION ALL
             SELECT substr(sent_on, 1, 10) FROM toolkit_newsletters WHERE deleted_at IS NULL AND sent_on IS NOT NULL`,
          )
          .pluck()
          .all() as string[],
    ),
  };
}

const inside = (on: string, from: string, to: string) => on >= from && on <= to;

export function meetingsHeld(c: ComputeContext, from: string, to: string): number {
  return c.meetings().filter((d) => inside(d, from, to)).length;
}

/** Of the sectors current members come from, the share with a member organisation present in the period. */
export function attendanceBySector(c: ComputeContext, from: string, to: string): number | null {
  const members = c.members();
  const wanted = new Set(members.values());
  if (wanted.size === 0) return null;
  const present = new Set<string>();
  for (const a of c.attendance()) {
    const sector = members.get(a.organisationId);
    if (sector !== undefined && inside(a.on, from, to)) present.add(sector);
  }
  return percent(present.size, wanted.size);
}

export function actionsOnTime(c: ComputeContext, from: string, to: string): number | null {
  const until = to < c.today ? to : c.today;
  if (until < from) return null;
  const due = c.actions().filter((a) => inside(a.on, from, until));
  return due.length === 0 ? null : percent(due.filter((a) => a.onTime === 1).length, due.length);
}

export function peopleTrained(c: ComputeContext, from: string, to: string): number {
  const people = new Set<number>();
  let delegates = 0;
  for (const t of c.trained()) {
    if (!inside(t.on, from, to)) continue;
    if (t.personId !== null) people.add(t.personId);
    delegates += t.delegates;
  }
  return people.size + delegates;
}

export function resourcesShared(c: ComputeContext, from: string, to: string): number {
  return c.shared().filter((d) => inside(d, from, to)).length;
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
