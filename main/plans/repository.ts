import type { Database } from 'better-sqlite3';
import { uuidv7 } from '../../shared/ids';
import type { FourP } from '../../shared/meetings/model';
import { FOUR_PS } from '../../shared/meetings/model';
import type {
  Direction,
  Frequency,
  IndicatorFields,
  IndicatorSource,
  Plan,
  PlanStatus,
  PlanSummary,
  Reading,
} from '../../shared/plans/model';
import { nextFrozenObjectiveNumber, objectiveNumber, priorityNumber } from '../../shared/plans/model';
import { AppError } from '../../shared/result';
import { recordAudit } from '../audit/repository';

/*
 * The plans area's store: plans, priorities, objectives, their links to the action log, indicators
 * and readings. Every edited row carries a version (a stale save is refused); removed rows are
 * tombstoned with deleted_at so links by id stay explainable, and erasure still scrubs their text.
 */

export const PLAN_TABLES = [
  'plans',
  'plan_priorities',
  'plan_objectives',
  'plan_objective_actions',
  'plan_indicators',
  'plan_indicator_readings',
] as const;
type PlanTable = (typeof PLAN_TABLES)[number];

const nowIso = () => new Date().toISOString();

const WHAT: Record<PlanTable, string> = {
  plans: 'plan',
  plan_priorities: 'priority',
  plan_objectives: 'objective',
  plan_objective_actions: 'link',
  plan_indicators: 'indicator',
  plan_indicator_readings: 'reading',
};

function notFound(table: PlanTable): never {
  throw new AppError('not_found', `That ${WHAT[table]} no longer exists. It may have been deleted.`);
}

/** Refuse a save based on an older version (the same rule as store/versioning.ts, for this area's tables). */
function checkVersion(db: Database, table: PlanTable, id: number, expected: number | undefined): void {
  const current = db.prepare(`SELECT version FROM ${table} WHERE id = ? AND deleted_at IS NULL`).pluck().get(id) as
    number | undefined;
  if (current === undefined) notFound(table);
  if (expected !== undefined && expected !== current) {
    throw new AppError(
      'stale',
      `This ${WHAT[table]} was changed elsewhere after you opened it, so your save was refused rather than overwrite that change. Reload to see the latest version, then make your edit again.`,
      [`You edited version ${expected}; the saved version is now ${current}.`],
    );
  }
}

function exists(db: Database, table: PlanTable, id: number): void {
  if (!db.prepare(`SELECT 1 FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id)) notFound(table);
}

// ---------- plans ----------

const PLAN_SELECT = `SELECT id, uid, version, title, starts_on AS startsOn, ends_on AS endsOn, vision, status,
  agreed_at AS agreedAt, numbering_frozen_at AS numberingFrozenAt, updated_at AS updatedAt FROM plans`;

export function getPlan(db: Database, id: number): Plan {
  return (db.prepare(`${PLAN_SELECT} WHERE id = ? AND deleted_at IS NULL`).get(id) as Plan | undefined) ?? notFound('plans');
}

export function listPlans(db: Database): PlanSummary[] {
  const plans = db.prepare(`${PLAN_SELECT} WHERE deleted_at IS NULL ORDER BY starts_on DESC, id DESC`).all() as Plan[];
  const counts = db.prepare(
    `SELECT (SELECT COUNT(*) FROM plan_priorities WHERE plan_id = ? AND deleted_at IS NULL) AS priorities,
            (SELECT COUNT(*) FROM plan_objectives o JOIN plan_priorities p ON p.id = o.priority_id
              WHERE p.plan_id = ? AND o.deleted_at IS NULL AND p.deleted_at IS NULL) AS objectives,
            (SELECT COUNT(*) FROM plan_indicators i JOIN plan_priorities p ON p.id = i.priority_id
              WHERE p.plan_id = ? AND i.deleted_at IS NULL AND p.deleted_at IS NULL) AS indicators`,
  );
  return plans.map((p) => ({
    ...p,
    ...(counts.get(p.id, p.id, p.id) as { priorities: number; objectives: number; indicators: number }),
  }));
}

export type PlanInput = { title: string; startsOn: string; endsOn: string; vision: string };

export function createPlan(db: Database, v: PlanInput): number {
  return db.transaction(() => {
    const at = nowIso();
    const r = db
      .prepare(`INSERT INTO plans (uid, title, starts_on, ends_on, vision, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(uuidv7(), v.title, v.startsOn, v.endsOn, v.vision, at, at);
    recordAudit(db, 'plan', Number(r.lastInsertRowid), 'create');
    return Number(r.lastInsertRowid);
  })();
}

export function updatePlan(db: Database, id: number, v: PlanInput, expected?: number): void {
  db.transaction(() => {
    checkVersion(db, 'plans', id, expected);
    db.prepare(
      'UPDATE plans SET title = ?, starts_on = ?, ends_on = ?, vision = ?, updated_at = ?, version = version + 1 WHERE id = ?',
    ).run(v.title, v.startsOn, v.endsOn, v.vision, nowIso(), id);
    recordAudit(db, 'plan', id, 'update');
  })();
}

export function deletePlan(db: Database, id: number): void {
  exists(db, 'plans', id);
  db.transaction(() => {
    db.prepare('UPDATE plans SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(nowIso(), nowIso(), id);
    recordAudit(db, 'plan', id, 'archive');
  })();
}

export function setPlanStatus(db: Database, id: number, status: PlanStatus, expected?: number): void {
  db.transaction(() => {
    checkVersion(db, 'plans', id, expected);
    if (status === 'agreed') freezeNumbering(db, id);
    db.prepare(
      `UPDATE plans SET status = ?, agreed_at = CASE WHEN ? = 'agreed' THEN ? ELSE agreed_at END, updated_at = ?,
              version = version + 1 WHERE id = ?`,
    ).run(status, status, nowIso(), nowIso(), id);
    recordAudit(db, 'plan', id, status === 'agreed' ? 'agree' : 'status');
  })();
}

/**
 * Store each priority's and objective's current number. Runs when a plan is agreed or exported;
 * numbers already stored are kept, so a second export never renumbers.
 */
export function freezeNumbering(db: Database, planId: number): void {
  db.transaction(() => {
    const priorities = listPriorityRows(db, planId);
    const setP = db.prepare('UPDATE plan_priorities SET frozen_number = ? WHERE id = ? AND frozen_number IS NULL');
    const setO = db.prepare('UPDATE plan_objectives SET frozen_number = ? WHERE id = ? AND frozen_number IS NULL');
    priorities.forEach((p, i) => {
      const pNo = priorityNumber(p, i);
      setP.run(pNo, p.id);
      listObjectiveRows(db, p.id).forEach((o, j) => setO.run(objectiveNumber(pNo, o, j), o.id));
    });
    db.prepare('UPDATE plans SET numbering_frozen_at = COALESCE(numbering_frozen_at, ?) WHERE id = ?').run(nowIso(), planId);
  })();
}

const isFrozen = (db: Database, planId: number): boolean =>
  db.prepare('SELECT numbering_frozen_at IS NOT NULL FROM plans WHERE id = ?').pluck().get(planId) === 1;

// ---------- priorities ----------

export type PriorityRow = {
  id: number;
  uid: string;
  version: number;
  planId: number;
  position: number;
  frozenNumber: string | null;
  title: string;
  description: string;
  fourPs: FourP[];
};
type RawPriority = Omit<PriorityRow, 'fourPs'> & Record<FourP, number>;
const toPriority = ({ pursue, prevent, protect, prepare, ...rest }: RawPriority): PriorityRow => {
  const flags: Record<FourP, number> = { pursue, prevent, protect, prepare };
  return { ...rest, fourPs: FOUR_PS.filter((p) => flags[p] === 1) };
};
const PRIORITY_SELECT = `SELECT id, uid, version, plan_id AS planId, position, frozen_number AS frozenNumber, title, description,
  pursue, prevent, protect, prepare FROM plan_priorities`;

export function listPriorityRows(db: Database, planId: number): PriorityRow[] {
  return (
    db.prepare(`${PRIORITY_SELECT} WHERE plan_id = ? AND deleted_at IS NULL ORDER BY position, id`).all(planId) as RawPriority[]
  ).map(toPriority);
}

export function getPriorityRow(db: Database, id: number): PriorityRow {
  const r = db.prepare(`${PRIORITY_SELECT} WHERE id = ? AND deleted_at IS NULL`).get(id) as RawPriority | undefined;
  return r ? toPriority(r) : notFound('plan_priorities');
}

export type PriorityInput = { title: string; description: string; fourPs: readonly FourP[] };
const flag = (v: PriorityInput, p: FourP) => (v.fourPs.includes(p) ? 1 : 0);

export function addPriority(db: Database, planId: number, v: PriorityInput): number {
  exists(db, 'plans', planId);
  return db.transaction(() => {
    const rows = listPriorityRows(db, planId);
    const frozen = isFrozen(db, planId);
    const number = frozen
      ? String(Math.max(0, ...rows.map((r, i) => Number(priorityNumber(r, i))).filter(Number.isFinite)) + 1)
      : null;
    const at = nowIso();
    const r = db
      .prepare(
        `INSERT INTO plan_priorities (uid, plan_id, position, frozen_number, title, description, pursue, prevent, protect, prepare,
                                      created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        uuidv7(),
        planId,
        rows.length,
        number,
        v.title,
        v.description,
        flag(v, 'pursue'),
        flag(v, 'prevent'),
        flag(v, 'protect'),
        flag(v, 'prepare'),
        at,
        at,
      );
    touchPlan(db, planId);
    recordAudit(db, 'plan_priority', Number(r.lastInsertRowid), 'create');
    return Number(r.lastInsertRowid);
  })();
}

export function updatePriority(db: Database, id: number, v: PriorityInput, expected?: number): number {
  const p = getPriorityRow(db, id);
  db.transaction(() => {
    checkVersion(db, 'plan_priorities', id, expected);
    db.prepare(
      `UPDATE plan_priorities SET title = ?, description = ?, pursue = ?, prevent = ?, protect = ?, prepare = ?, updated_at = ?,
              version = version + 1 WHERE id = ?`,
    ).run(v.title, v.description, flag(v, 'pursue'), flag(v, 'prevent'), flag(v, 'protect'), flag(v, 'prepare'), nowIso(), id);
    touchPlan(db, p.planId);
    recordAudit(db, 'plan_priority', id, 'update');
  })();
  return p.planId;
}

export function removePriority(db: Database, id: number): number {
  const p = getPriorityRow(db, id);
  db.transaction(() => {
    const at = nowIso();
    db.prepare('UPDATE plan_priorities SET deleted_at = ?, version = version + 1 WHERE id = ?').run(at, id);
    db.prepare('UPDATE plan_objectives SET deleted_at = ? WHERE priority_id = ? AND deleted_at IS NULL').run(at, id);
    db.prepare('UPDATE plan_indicators SET deleted_at = ? WHERE priority_id = ? AND deleted_at IS NULL').run(at, id);
    writeOrder(
      db,
      'plan_priorities',
      listPriorityRows(db, p.planId).map((r) => r.id),
    );
    touchPlan(db, p.planId);
    recordAudit(db, 'plan_priority', id, 'archive');
  })();
  return p.planId;
}

function writeOrder(db: Database, table: 'plan_priorities' | 'plan_objectives', ids: readonly number[]): void {
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

export function movePriority(db: Database, id: number, direction: 'up' | 'down'): number {
  const p = getPriorityRow(db, id);
  db.transaction(() => {
    const order = moved(
      listPriorityRows(db, p.planId).map((r) => r.id),
      id,
      direction,
    );
    if (order) writeOrder(db, 'plan_priorities', order);
    touchPlan(db, p.planId);
    recordAudit(db, 'plan_priority', id, 'update');
  })();
  return p.planId;
}

function touchPlan(db: Database, planId: number): void {
  db.prepare('UPDATE plans SET updated_at = ? WHERE id = ?').run(nowIso(), planId);
}

// ---------- objectives ----------

export type ObjectiveRow = {
  id: number;
  uid: string;
  version: number;
  priorityId: number;
  position: number;
  frozenNumber: string | null;
  text: string;
};
const OBJECTIVE_SELECT = `SELECT id, uid, version, priority_id AS priorityId, position, frozen_number AS frozenNumber, text
  FROM plan_objectives`;

export function listObjectiveRows(db: Database, priorityId: number): ObjectiveRow[] {
  return db
    .prepare(`${OBJECTIVE_SELECT} WHERE priority_id = ? AND deleted_at IS NULL ORDER BY position, id`)
    .all(priorityId) as ObjectiveRow[];
}

export function getObjectiveRow(db: Database, id: number): ObjectiveRow & { planId: number } {
  const o = db.prepare(`${OBJECTIVE_SELECT} WHERE id = ? AND deleted_at IS NULL`).get(id) as ObjectiveRow | undefined;
  if (!o) notFound('plan_objectives');
  return { ...o, planId: getPriorityRow(db, o.priorityId).planId };
}

export function addObjective(db: Database, priorityId: number, text: string): number {
  const p = getPriorityRow(db, priorityId);
  return db.transaction(() => {
    const rows = listObjectiveRows(db, priorityId);
    let number: string | null = null;
    if (isFrozen(db, p.planId)) {
      const index = listPriorityRows(db, p.planId).findIndex((r) => r.id === p.id);
      const pNo = priorityNumber(p, index);
      number = nextFrozenObjectiveNumber(
        pNo,
        rows.map((r, i) => objectiveNumber(pNo, r, i)),
      );
    }
    const at = nowIso();
    const r = db
      .prepare(
        `INSERT INTO plan_objectives (uid, priority_id, position, frozen_number, text, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(uuidv7(), priorityId, rows.length, number, text, at, at);
    touchPlan(db, p.planId);
    recordAudit(db, 'plan_objective', Number(r.lastInsertRowid), 'create');
    return Number(r.lastInsertRowid);
  })();
}

export function updateObjective(db: Database, id: number, text: string, expected?: number): number {
  const o = getObjectiveRow(db, id);
  db.transaction(() => {
    checkVersion(db, 'plan_objectives', id, expected);
    db.prepare('UPDATE plan_objectives SET text = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(text, nowIso(), id);
    touchPlan(db, o.planId);
    recordAudit(db, 'plan_objective', id, 'update');
  })();
  return o.planId;
}

export function removeObjective(db: Database, id: number): number {
  const o = getObjectiveRow(db, id);
  db.transaction(() => {
    const at = nowIso();
    db.prepare('UPDATE plan_objectives SET deleted_at = ?, version = version + 1 WHERE id = ?').run(at, id);
    db.prepare('UPDATE plan_indicators SET deleted_at = ? WHERE objective_id = ? AND deleted_at IS NULL').run(at, id);
    writeOrder(
      db,
      'plan_objectives',
      listObjectiveRows(db, o.priorityId).map((r) => r.id),
    );
    touchPlan(db, o.planId);
    recordAudit(db, 'plan_objective', id, 'archive');
  })();
  return o.planId;
}

export function moveObjective(db: Database, id: number, direction: 'up' | 'down'): number {
  const o = getObjectiveRow(db, id);
  db.transaction(() => {
    const order = moved(
      listObjectiveRows(db, o.priorityId).map((r) => r.id),
      id,
      direction,
    );
    if (order) writeOrder(db, 'plan_objectives', order);
    touchPlan(db, o.planId);
    recordAudit(db, 'plan_objective', id, 'update');
  })();
  return o.planId;
}

// ---------- links to the action log ----------

export function linkedActionIds(db: Database, objectiveId: number): number[] {
  return db
    .prepare('SELECT action_id FROM plan_objective_actions WHERE objective_id = ? ORDER BY id')
    .pluck()
    .all(objectiveId) as number[];
}

export function linkAction(db: Database, objectiveId: number, actionId: number): number {
  const o = getObjectiveRow(db, objectiveId);
  if (!db.prepare('SELECT 1 FROM actions WHERE id = ?').get(actionId)) {
    throw new AppError('not_found', 'That action is no longer in the action log.');
  }
  db.transaction(() => {
    const at = nowIso();
    const r = db
      .prepare(
        `INSERT INTO plan_objective_actions (uid, objective_id, action_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (objective_id, action_id) DO NOTHING`,
      )
      .run(uuidv7(), objectiveId, actionId, at, at);
    if (r.changes > 0) recordAudit(db, 'plan_objective_action', Number(r.lastInsertRowid), 'create');
    touchPlan(db, o.planId);
  })();
  return o.planId;
}

export function unlinkAction(db: Database, objectiveId: number, actionId: number): number {
  const o = getObjectiveRow(db, objectiveId);
  db.transaction(() => {
    const row = db
      .prepare('SELECT id FROM plan_objective_actions WHERE objective_id = ? AND action_id = ?')
      .pluck()
      .get(objectiveId, actionId) as number | undefined;
    if (row === undefined) return;
    db.prepare('DELETE FROM plan_objective_actions WHERE id = ?').run(row);
    recordAudit(db, 'plan_objective_action', row, 'erase');
    touchPlan(db, o.planId);
  })();
  return o.planId;
}

// ---------- indicators and readings ----------

export type IndicatorRow = IndicatorFields;
const INDICATOR_SELECT = `SELECT id, uid, version, priority_id AS priorityId, objective_id AS objectiveId, position, name, unit,
  baseline, target, direction, frequency, source FROM plan_indicators`;

export function listIndicatorRows(db: Database, planId: number): IndicatorRow[] {
  return db
    .prepare(
      `${INDICATOR_SELECT} WHERE deleted_at IS NULL
          AND priority_id IN (SELECT id FROM plan_priorities WHERE plan_id = ? AND deleted_at IS NULL)
        ORDER BY position, id`,
    )
    .all(planId) as IndicatorRow[];
}

function indicatorPlan(db: Database, id: number): number {
  const row = db
    .prepare(
      `SELECT p.plan_id FROM plan_indicators i JOIN plan_priorities p ON p.id = i.priority_id
        WHERE i.id = ? AND i.deleted_at IS NULL`,
    )
    .pluck()
    .get(id) as number | undefined;
  return row ?? notFound('plan_indicators');
}

export type IndicatorInput = {
  /** Exactly one: the objective it measures, or the priority as a whole. */
  priorityId: number | null;
  objectiveId: number | null;
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  direction: Direction;
  frequency: Frequency;
  source: IndicatorSource;
};

function indicatorOwner(
  db: Database,
  v: Pick<IndicatorInput, 'priorityId' | 'objectiveId'>,
): { priorityId: number; planId: number } {
  if (v.objectiveId !== null) {
    const o = getObjectiveRow(db, v.objectiveId);
    return { priorityId: o.priorityId, planId: o.planId };
  }
  if (v.priorityId === null) throw new AppError('invalid_request', 'Choose the priority or objective the indicator measures.');
  const p = getPriorityRow(db, v.priorityId);
  return { priorityId: p.id, planId: p.planId };
}

export function addIndicator(db: Database, v: IndicatorInput): number {
  const owner = indicatorOwner(db, v);
  return db.transaction(() => {
    const at = nowIso();
    const position = db
      .prepare('SELECT COUNT(*) FROM plan_indicators WHERE priority_id = ?')
      .pluck()
      .get(owner.priorityId) as number;
    const r = db
      .prepare(
        `INSERT INTO plan_indicators (uid, priority_id, objective_id, position, name, unit, baseline, target, direction, frequency,
                                      source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        uuidv7(),
        owner.priorityId,
        v.objectiveId,
        position,
        v.name,
        v.unit,
        v.baseline,
        v.target,
        v.direction,
        v.frequency,
        v.source,
        at,
        at,
      );
    touchPlan(db, owner.planId);
    recordAudit(db, 'plan_indicator', Number(r.lastInsertRowid), 'create');
    return owner.planId;
  })();
}

export function updateIndicator(db: Database, id: number, v: IndicatorInput, expected?: number): number {
  indicatorPlan(db, id);
  const owner = indicatorOwner(db, v);
  db.transaction(() => {
    checkVersion(db, 'plan_indicators', id, expected);
    db.prepare(
      `UPDATE plan_indicators SET priority_id = ?, objective_id = ?, name = ?, unit = ?, baseline = ?, target = ?, direction = ?,
              frequency = ?, source = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
    ).run(
      owner.priorityId,
      v.objectiveId,
      v.name,
      v.unit,
      v.baseline,
      v.target,
      v.direction,
      v.frequency,
      v.source,
      nowIso(),
      id,
    );
    touchPlan(db, owner.planId);
    recordAudit(db, 'plan_indicator', id, 'update');
  })();
  return owner.planId;
}

export function removeIndicator(db: Database, id: number): number {
  const planId = indicatorPlan(db, id);
  db.transaction(() => {
    db.prepare('UPDATE plan_indicators SET deleted_at = ?, version = version + 1 WHERE id = ?').run(nowIso(), id);
    touchPlan(db, planId);
    recordAudit(db, 'plan_indicator', id, 'archive');
  })();
  return planId;
}

const READING_SELECT = `SELECT id, uid, version, period_label AS periodLabel, period_end AS periodEnd, value, note
  FROM plan_indicator_readings`;

export function listReadings(db: Database, indicatorId: number): Reading[] {
  return db
    .prepare(`${READING_SELECT} WHERE indicator_id = ? AND deleted_at IS NULL ORDER BY period_end, id`)
    .all(indicatorId) as Reading[];
}

/** Every live reading of the given indicators, grouped by indicator: one query for a whole report. */
export function readingsByIndicator(db: Database): Map<number, Reading[]> {
  const rows = db
    .prepare(
      `SELECT indicator_id AS indicatorId, id, uid, version, period_label AS periodLabel, period_end AS periodEnd, value, note
         FROM plan_indicator_readings WHERE deleted_at IS NULL ORDER BY period_end, id`,
    )
    .all() as (Reading & { indicatorId: number })[];
  const out = new Map<number, Reading[]>();
  for (const { indicatorId, ...r } of rows) out.set(indicatorId, [...(out.get(indicatorId) ?? []), r]);
  return out;
}

export type ReadingInput = { periodLabel: string; periodEnd: string; value: number; note: string };

export function addReading(db: Database, indicatorId: number, v: ReadingInput): number {
  const planId = indicatorPlan(db, indicatorId);
  const source = db.prepare('SELECT source FROM plan_indicators WHERE id = ?').pluck().get(indicatorId);
  if (source !== 'manual') {
    throw new AppError('invalid_request', 'This indicator is worked out from the records, so readings cannot be typed in.');
  }
  db.transaction(() => {
    const at = nowIso();
    const r = db
      .prepare(
        `INSERT INTO plan_indicator_readings (uid, indicator_id, period_label, period_end, value, note, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(uuidv7(), indicatorId, v.periodLabel, v.periodEnd, v.value, v.note, at, at);
    touchPlan(db, planId);
    recordAudit(db, 'plan_indicator_reading', Number(r.lastInsertRowid), 'create');
  })();
  return planId;
}

function readingPlan(db: Database, id: number): number {
  const indicatorId = db
    .prepare('SELECT indicator_id FROM plan_indicator_readings WHERE id = ? AND deleted_at IS NULL')
    .pluck()
    .get(id) as number | undefined;
  return indicatorId === undefined ? notFound('plan_indicator_readings') : indicatorPlan(db, indicatorId);
}

export function updateReading(db: Database, id: number, v: ReadingInput, expected?: number): number {
  const planId = readingPlan(db, id);
  db.transaction(() => {
    checkVersion(db, 'plan_indicator_readings', id, expected);
    db.prepare(
      `UPDATE plan_indicator_readings SET period_label = ?, period_end = ?, value = ?, note = ?, updated_at = ?, version = version + 1
        WHERE id = ?`,
    ).run(v.periodLabel, v.periodEnd, v.value, v.note, nowIso(), id);
    touchPlan(db, planId);
    recordAudit(db, 'plan_indicator_reading', id, 'update');
  })();
  return planId;
}

export function removeReading(db: Database, id: number): number {
  const planId = readingPlan(db, id);
  db.transaction(() => {
    db.prepare('UPDATE plan_indicator_readings SET deleted_at = ?, version = version + 1 WHERE id = ?').run(nowIso(), id);
    touchPlan(db, planId);
    recordAudit(db, 'plan_indicator_reading', id, 'archive');
  })();
  return planId;
}

/** Every plan with its id and period, for reports across plans. */
export function livePlans(db: Database): Plan[] {
  return db.prepare(`${PLAN_SELECT} WHERE deleted_at IS NULL ORDER BY starts_on, id`).all() as Plan[];
}
