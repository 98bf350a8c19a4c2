import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/result';
import type { AuditAction } from '../audit/repository';
import { recordAudit } from '../audit/repository';
import { compareVersion } from '../store/versioning';

/*
 * What every record kind of the plans area shares: plans, priorities, objectives, their links to the
 * action log, indicators and readings. Every edited row carries a version (a stale save is refused);
 * removed rows are tombstoned with deleted_at so links by id stay explainable, and erasure still
 * scrubs their text. Each kind's own reads and writes live in plan-rows, priority-rows,
 * objective-rows and indicator-rows.
 */

export const PLAN_TABLES = [
  'plans',
  'plan_priorities',
  'plan_objectives',
  'plan_objective_actions',
  'plan_indicators',
  'plan_indicator_readings',
] as const;
export type PlanTable = (typeof PLAN_TABLES)[number];

export const nowIso = () => new Date().toISOString();

const WHAT: Record<PlanTable, string> = {
  plans: 'plan',
  plan_priorities: 'priority',
  plan_objectives: 'objective',
  plan_objective_actions: 'link',
  plan_indicators: 'indicator',
  plan_indicator_readings: 'reading',
};

/** The audit log's name for a row of each table. */
const ENTITY: Record<PlanTable, string> = {
  plans: 'plan',
  plan_priorities: 'plan_priority',
  plan_objectives: 'plan_objective',
  plan_objective_actions: 'plan_objective_action',
  plan_indicators: 'plan_indicator',
  plan_indicator_readings: 'plan_indicator_reading',
};

export function audit(db: Database, table: PlanTable, id: number, action: AuditAction): void {
  recordAudit(db, ENTITY[table], id, action);
}

export function notFound(table: PlanTable): never {
  throw new AppError('not_found', `That ${WHAT[table]} no longer exists. It may have been deleted.`);
}

/** Refuse a save based on an older version (store/versioning.ts's rule); a tombstoned row counts as gone. */
export function checkVersion(db: Database, table: PlanTable, id: number, expected: number | undefined): void {
  const current = db.prepare(`SELECT version FROM ${table} WHERE id = ? AND deleted_at IS NULL`).pluck().get(id) as
    number | undefined;
  compareVersion(current, expected, WHAT[table]);
}

export function exists(db: Database, table: PlanTable, id: number): void {
  if (!db.prepare(`SELECT 1 FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id)) notFound(table);
}

export const isFrozen = (db: Database, planId: number): boolean =>
  db.prepare('SELECT numbering_frozen_at IS NOT NULL FROM plans WHERE id = ?').pluck().get(planId) === 1;

/** Any change inside a plan marks the plan itself as updated. */
export function touchPlan(db: Database, planId: number): void {
  db.prepare('UPDATE plans SET updated_at = ? WHERE id = ?').run(nowIso(), planId);
}

type RowChange = { table: PlanTable; id: number; planId: number };

/**
 * One version-checked edit of a live row, in one transaction: refuse a stale save, `write` the row
 * (with `version = version + 1`), mark the plan updated and audit.
 */
export function editRow(
  db: Database,
  { table, id, planId }: RowChange,
  expected: number | undefined,
  write: () => void,
  action: AuditAction = 'update',
): void {
  db.transaction(() => {
    checkVersion(db, table, id, expected);
    write();
    touchPlan(db, planId);
    audit(db, table, id, action);
  })();
}

type OrderedTable = 'plan_priorities' | 'plan_objectives';

/** What else a remove tombstones (rows of `table` whose `column` is the removed row's id), and renumbers. */
type Removal = {
  children?: readonly (readonly [PlanTable, string])[];
  /** The removed row's ordered table: what is left is renumbered from these ids, read after the remove. */
  siblings?: { table: OrderedTable; ids: () => number[] };
};

/**
 * Tombstone one row, in one transaction: mark it and its children deleted at the same time,
 * renumber its siblings, mark the plan updated and audit.
 */
export function removeRow(db: Database, { table, id, planId }: RowChange, { children = [], siblings }: Removal = {}): void {
  db.transaction(() => {
    const at = nowIso();
    db.prepare(`UPDATE ${table} SET deleted_at = ?, version = version + 1 WHERE id = ?`).run(at, id);
    for (const [child, column] of children) {
      db.prepare(`UPDATE ${child} SET deleted_at = ? WHERE ${column} = ? AND deleted_at IS NULL`).run(at, id);
    }
    if (siblings) writeOrder(db, siblings.table, siblings.ids());
    touchPlan(db, planId);
    audit(db, table, id, 'archive');
  })();
}

function writeOrder(db: Database, table: OrderedTable, ids: readonly number[]): void {
  const stmt = db.prepare(`UPDATE ${table} SET position = ? WHERE id = ?`);
  ids.forEach((id, i) => stmt.run(i, id));
}

function moved(ids: number[], id: number, direction: 'up' | 'down'): number[] | null {
  const i = ids.indexOf(id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= ids.length) return null;
  const out = [...ids];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** Swap a priority or objective with its neighbour among `siblings` (read inside the transaction). */
export function moveRow(
  db: Database,
  { table, id, planId }: RowChange & { table: OrderedTable },
  siblings: () => number[],
  direction: 'up' | 'down',
): void {
  db.transaction(() => {
    const order = moved(siblings(), id, direction);
    if (order) writeOrder(db, table, order);
    touchPlan(db, planId);
    audit(db, table, id, 'update');
  })();
}
