import type { Database } from 'better-sqlite3';
import type { Action } from '../../shared/meetings/model';
import type { Indicator, PlanDetail, Priority } from '../../shared/plans/model';
import { objectiveNumber, priorityNumber } from '../../shared/plans/model';
import { getAction } from '../meetings/repository';
import { computeContext } from './computed';
import { evaluateIndicator } from './indicators';
import type { IndicatorRow } from './repository';
import {
  getPlan,
  linkedActionIds,
  listIndicatorRows,
  listObjectiveRows,
  listPriorityRows,
  readingsByIndicator,
} from './repository';

/** The whole plan as the editor, preview and papers show it: numbers, linked actions, indicators. */
export function planDetail(db: Database, planId: number, now: Date): PlanDetail {
  const plan = getPlan(db, planId);
  const c = computeContext(db, now);
  const entered = readingsByIndicator(db);
  const rows = listIndicatorRows(db, planId);
  const indicator = (row: IndicatorRow): Indicator => {
    const mine = row.source === 'manual' ? (entered.get(row.id) ?? []) : [];
    const e = evaluateIndicator(c, row, plan, { from: plan.startsOn, to: plan.endsOn }, mine);
    return { ...row, ...e, entered: mine };
  };
  // Actions are the action log's: read through its repository, with owners' names from the directory.
  const action = (id: number): Action[] => {
    try {
      return [getAction(db, id, now)];
    } catch {
      return [];
    }
  };
  const priorities: Priority[] = listPriorityRows(db, planId).map((p, i) => {
    const number = priorityNumber(p, i);
    return {
      id: p.id,
      uid: p.uid,
      version: p.version,
      position: p.position,
      number,
      title: p.title,
      description: p.description,
      fourPs: p.fourPs,
      objectives: listObjectiveRows(db, p.id).map((o, j) => ({
        ...o,
        number: objectiveNumber(number, o, j),
        actions: linkedActionIds(db, o.id).flatMap(action),
        indicators: rows.filter((r) => r.objectiveId === o.id).map(indicator),
      })),
      indicators: rows.filter((r) => r.priorityId === p.id && r.objectiveId === null).map(indicator),
    };
  });
  return { plan, priorities };
}
