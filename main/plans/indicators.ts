import type { Database } from 'better-sqlite3';
import type { IndicatorReport } from '../../shared/plans/indicators';
import type { Plan, Rag, Reading } from '../../shared/plans/model';
import { objectiveNumber, periodsIn, priorityNumber, ragFor } from '../../shared/plans/model';
import type { ComputeContext } from './computed';
import { computeContext, computeFigure } from './computed';
import type { IndicatorRow } from './repository';
import { listIndicatorRows, listObjectiveRows, listPriorityRows, livePlans, readingsByIndicator } from './repository';

export type { IndicatorReport } from '../../shared/plans/indicators';

export type Evaluated = {
  readings: { period: string; periodEnd: string; value: number }[];
  latest: { period: string; value: number } | null;
  rag: Rag;
};

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/**
 * An indicator's readings in [from, to]: typed-in readings whose period ends in the range, or, for
 * a computed one, a figure for each period of its frequency inside both the range and the plan
 * (up to today). The status compares the latest reading with the target.
 */
export function evaluateIndicator(
  c: ComputeContext,
  row: IndicatorRow,
  plan: Pick<Plan, 'startsOn' | 'endsOn'>,
  range: { from: string; to: string },
  entered: readonly Reading[],
): Evaluated {
  let readings: Evaluated['readings'];
  if (row.source === 'manual') {
    readings = entered
      .filter((r) => r.periodEnd >= range.from && r.periodEnd <= range.to)
      .map((r) => ({ period: r.periodLabel, periodEnd: r.periodEnd, value: r.value }));
  } else {
    const source = row.source;
    const from = later(range.from, plan.startsOn);
    const to = earlier(earlier(range.to, plan.endsOn), c.today);
    readings = periodsIn(row.frequency, from, to).flatMap((p) => {
      const value = computeFigure(c, source, p.from, p.to);
      return value === null ? [] : [{ period: p.label, periodEnd: p.to, value }];
    });
  }
  const last = readings.at(-1);
  const latest = last ? { period: last.period, value: last.value } : null;
  return { readings, latest, rag: ragFor(latest?.value ?? null, row.target, row.direction, row.baseline) };
}

/**
 * Every indicator of every plan (not deleted) with its readings in the range and its status against
 * the target, ordered by plan, priority and position. The annual report reads this.
 */
export function listIndicatorReports(db: Database, range: { from: string; to: string }, now = new Date()): IndicatorReport[] {
  const c = computeContext(db, now);
  const entered = readingsByIndicator(db);
  const out: IndicatorReport[] = [];
  for (const plan of livePlans(db)) {
    const priorities = listPriorityRows(db, plan.id);
    const rows = listIndicatorRows(db, plan.id);
    priorities.forEach((p, i) => {
      const pNo = priorityNumber(p, i);
      const numbers = new Map(listObjectiveRows(db, p.id).map((o, j) => [o.id, objectiveNumber(pNo, o, j)]));
      for (const row of rows.filter((r) => r.priorityId === p.id)) {
        const e = evaluateIndicator(c, row, plan, range, entered.get(row.id) ?? []);
        out.push({
          uid: row.uid,
          planUid: plan.uid,
          planTitle: plan.title,
          priorityTitle: p.title,
          priorityNumber: pNo,
          objectiveNumber: row.objectiveId === null ? null : (numbers.get(row.objectiveId) ?? null),
          name: row.name,
          unit: row.unit,
          source: row.source,
          baseline: row.baseline,
          target: row.target,
          direction: row.direction,
          frequency: row.frequency,
          readings: e.readings.map(({ period, value }) => ({ period, value })),
          latest: e.latest,
          rag: e.rag,
        });
      }
    });
  }
  return out;
}
