import type { Database } from 'better-sqlite3';
import { uuidv7 } from '../../shared/ids';
import type { IndicatorFields, Reading } from '../../shared/plans/model';
import { AppError } from '../../shared/result';
import { recordAudit } from '../audit/repository';
import { getObjectiveRow } from './objective-rows';
import { getPriorityRow } from './priority-rows';
import { editRow, notFound, nowIso, removeRow, touchPlan } from './rows';

// Indicators, each measuring an objective or a priority as a whole, and their readings.

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

export type IndicatorInput = Pick<
  IndicatorFields,
  'objectiveId' | 'name' | 'unit' | 'baseline' | 'target' | 'direction' | 'frequency' | 'source'
> & {
  /** With objectiveId, exactly one: the objective it measures, or the priority as a whole. */
  priorityId: number | null;
};

/** The columns an indicator's form sets, after its priority and objective. */
const measure = (v: IndicatorInput) => [v.name, v.unit, v.baseline, v.target, v.direction, v.frequency, v.source];

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
      .run(uuidv7(), owner.priorityId, v.objectiveId, position, ...measure(v), at, at);
    touchPlan(db, owner.planId);
    recordAudit(db, 'plan_indicator', Number(r.lastInsertRowid), 'create');
    return owner.planId;
  })();
}

export function updateIndicator(db: Database, id: number, v: IndicatorInput, expected?: number): number {
  indicatorPlan(db, id);
  const owner = indicatorOwner(db, v);
  editRow(db, { table: 'plan_indicators', id, planId: owner.planId }, expected, () => {
    db.prepare(
      `UPDATE plan_indicators SET priority_id = ?, objective_id = ?, name = ?, unit = ?, baseline = ?, target = ?, direction = ?,
              frequency = ?, source = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
    ).run(owner.priorityId, v.objectiveId, ...measure(v), nowIso(), id);
  });
  return owner.planId;
}

export function removeIndicator(db: Database, id: number): number {
  const planId = indicatorPlan(db, id);
  removeRow(db, { table: 'plan_indicators', id, planId });
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
  editRow(db, { table: 'plan_indicator_readings', id, planId }, expected, () => {
    db.prepare(
      `UPDATE plan_indicator_readings SET period_label = ?, period_end = ?, value = ?, note = ?, updated_at = ?, version = version + 1
        WHERE id = ?`,
    ).run(v.periodLabel, v.periodEnd, v.value, v.note, nowIso(), id);
  });
  return planId;
}

export function removeReading(db: Database, id: number): number {
  const planId = readingPlan(db, id);
  removeRow(db, { table: 'plan_indicator_readings', id, planId });
  return planId;
}
