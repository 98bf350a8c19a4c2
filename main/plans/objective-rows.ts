import type { Database } from 'better-sqlite3';
import { uuidv7 } from '../../shared/ids';
import { nextFrozenObjectiveNumber, objectiveNumber, priorityNumber } from '../../shared/plans/model';
import { AppError } from '../../shared/result';
import { recordAudit } from '../audit/repository';
import { getPriorityRow, listPriorityRows } from './priority-rows';
import { editRow, isFrozen, moveRow, notFound, nowIso, removeRow, touchPlan } from './rows';

// A priority's numbered objectives, and their links to actions in the action log.

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
  editRow(db, { table: 'plan_objectives', id, planId: o.planId }, expected, () => {
    db.prepare('UPDATE plan_objectives SET text = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(text, nowIso(), id);
  });
  return o.planId;
}

/** Tombstone an objective with its indicators, and renumber the rest. */
export function removeObjective(db: Database, id: number): number {
  const o = getObjectiveRow(db, id);
  removeRow(
    db,
    { table: 'plan_objectives', id, planId: o.planId },
    {
      children: [['plan_indicators', 'objective_id']],
      siblings: { table: 'plan_objectives', ids: () => listObjectiveRows(db, o.priorityId).map((r) => r.id) },
    },
  );
  return o.planId;
}

export function moveObjective(db: Database, id: number, direction: 'up' | 'down'): number {
  const o = getObjectiveRow(db, id);
  moveRow(
    db,
    { table: 'plan_objectives', id, planId: o.planId },
    () => listObjectiveRows(db, o.priorityId).map((r) => r.id),
    direction,
  );
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
