import type { Database } from 'better-sqlite3';
import { uuidv7 } from '../../shared/ids';
import type { Plan, PlanStatus, PlanSummary } from '../../shared/plans/model';
import { objectiveNumber, priorityNumber } from '../../shared/plans/model';
import { recordAudit } from '../audit/repository';
import { listObjectiveRows } from './objective-rows';
import { listPriorityRows } from './priority-rows';
import { editRow, exists, notFound, nowIso, removeRow } from './rows';

// The plans themselves: their fields, status and numbering.

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

/** Every plan with its id and period, for reports across plans. */
export function livePlans(db: Database): Plan[] {
  return db.prepare(`${PLAN_SELECT} WHERE deleted_at IS NULL ORDER BY starts_on, id`).all() as Plan[];
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

// A plan row is its own plan, so editRow's and removeRow's touchPlan sets the row's updated_at.

export function updatePlan(db: Database, id: number, v: PlanInput, expected?: number): void {
  editRow(db, { table: 'plans', id, planId: id }, expected, () => {
    db.prepare('UPDATE plans SET title = ?, starts_on = ?, ends_on = ?, vision = ?, version = version + 1 WHERE id = ?').run(
      v.title,
      v.startsOn,
      v.endsOn,
      v.vision,
      id,
    );
  });
}

export function deletePlan(db: Database, id: number): void {
  exists(db, 'plans', id);
  removeRow(db, { table: 'plans', id, planId: id });
}

export function setPlanStatus(db: Database, id: number, status: PlanStatus, expected?: number): void {
  editRow(
    db,
    { table: 'plans', id, planId: id },
    expected,
    () => {
      if (status === 'agreed') freezeNumbering(db, id);
      db.prepare(
        `UPDATE plans SET status = ?, agreed_at = CASE WHEN ? = 'agreed' THEN ? ELSE agreed_at END, version = version + 1
          WHERE id = ?`,
      ).run(status, status, nowIso(), id);
    },
    status === 'agreed' ? 'agree' : 'status',
  );
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
