import type { Database } from 'better-sqlite3';
import { uuidv7 } from '../../shared/ids';
import type { FourP } from '../../shared/meetings/model';
import { FOUR_PS } from '../../shared/meetings/model';
import { priorityNumber } from '../../shared/plans/model';
import { recordAudit } from '../audit/repository';
import { editRow, exists, isFrozen, moveRow, notFound, nowIso, removeRow, touchPlan } from './rows';

// A plan's priorities, each tagged with the 4Ps, in order.

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
/** The 4P columns' values, in FOUR_PS order (pursue, prevent, protect, prepare). */
const flags = (v: PriorityInput) => FOUR_PS.map((p) => (v.fourPs.includes(p) ? 1 : 0));

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
      .run(uuidv7(), planId, rows.length, number, v.title, v.description, ...flags(v), at, at);
    touchPlan(db, planId);
    recordAudit(db, 'plan_priority', Number(r.lastInsertRowid), 'create');
    return Number(r.lastInsertRowid);
  })();
}

export function updatePriority(db: Database, id: number, v: PriorityInput, expected?: number): number {
  const p = getPriorityRow(db, id);
  editRow(db, { table: 'plan_priorities', id, planId: p.planId }, expected, () => {
    db.prepare(
      `UPDATE plan_priorities SET title = ?, description = ?, pursue = ?, prevent = ?, protect = ?, prepare = ?, updated_at = ?,
              version = version + 1 WHERE id = ?`,
    ).run(v.title, v.description, ...flags(v), nowIso(), id);
  });
  return p.planId;
}

/** Tombstone a priority with its objectives and indicators, and renumber the rest. */
export function removePriority(db: Database, id: number): number {
  const p = getPriorityRow(db, id);
  removeRow(
    db,
    { table: 'plan_priorities', id, planId: p.planId },
    {
      children: [
        ['plan_objectives', 'priority_id'],
        ['plan_indicators', 'priority_id'],
      ],
      siblings: { table: 'plan_priorities', ids: () => listPriorityRows(db, p.planId).map((r) => r.id) },
    },
  );
  return p.planId;
}

export function movePriority(db: Database, id: number, direction: 'up' | 'down'): number {
  const p = getPriorityRow(db, id);
  moveRow(
    db,
    { table: 'plan_priorities', id, planId: p.planId },
    () => listPriorityRows(db, p.planId).map((r) => r.id),
    direction,
  );
  return p.planId;
}
