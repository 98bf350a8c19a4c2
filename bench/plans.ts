import type { Database } from 'better-sqlite3';
import { listIndicatorReports } from '../main/plans/indicators';
import * as repo from '../main/plans/repository';
import { planDetail } from '../main/plans/service';
import { buildStrategyTree } from '../main/plans/handlers';
import { COMPUTED_SOURCES, FREQUENCIES, periodsIn } from '../shared/plans/model';
import type { Measurement } from './lib';
import { measure } from './lib';
import type { BenchSuite } from './suites';

/**
 * A three-year plan at the default scale's records: five priorities of four objectives, every
 * computed kind at every frequency (18 indicators) plus a manual one per priority with quarterly
 * readings, and 100 linked actions.
 */
export function seedPlan(db: Database): number {
  const planId = repo.createPlan(db, { title: 'Bench strategy', startsOn: '2024-04-01', endsOn: '2027-03-31', vision: 'Bench' });
  const actionIds = db.prepare('SELECT id FROM actions ORDER BY id LIMIT 100').pluck().all() as number[];
  let n = 0;
  for (let p = 0; p < 5; p++) {
    const priorityId = repo.addPriority(db, planId, { title: `Priority ${p + 1}`, description: '', fourPs: ['pursue'] });
    for (let o = 0; o < 4; o++) {
      const objectiveId = repo.addObjective(db, priorityId, `Objective ${p + 1}.${o + 1}`);
      for (let a = 0; a < 5; a++) {
        const id = actionIds[n++ % Math.max(1, actionIds.length)];
        if (id !== undefined) repo.linkAction(db, objectiveId, id);
      }
    }
    repo.addIndicator(db, {
      priorityId,
      objectiveId: null,
      name: `Manual ${p}`,
      unit: 'referrals',
      baseline: 10,
      target: 20,
      direction: 'higher',
      frequency: 'quarterly',
      source: 'manual',
    });
    const id = db.prepare('SELECT MAX(id) FROM plan_indicators').pluck().get() as number;
    periodsIn('quarterly', '2024-04-01', '2026-09-30').forEach((q, i) =>
      repo.addReading(db, id, { periodLabel: q.label, periodEnd: q.to, value: 10 + i, note: '' }),
    );
  }
  const priorities = repo.listPriorityRows(db, planId);
  COMPUTED_SOURCES.forEach((source, i) =>
    FREQUENCIES.forEach((frequency) =>
      repo.addIndicator(db, {
        priorityId: priorities[i % priorities.length]!.id,
        objectiveId: null,
        name: `${source} ${frequency}`,
        unit: '',
        baseline: 1,
        target: 2,
        direction: 'higher',
        frequency,
        source,
      }),
    ),
  );
  return planId;
}

export const plansBench: BenchSuite = {
  name: 'plans',
  run: async ({ db }) => {
    const planId = seedPlan(db);
    const range = { from: '2024-04-01', to: '2027-03-31' };
    const reports = listIndicatorReports(db, range);
    const readings = reports.reduce((s, r) => s + r.readings.length, 0);
    const note = `${reports.length} indicators, ${readings} readings over three years`;
    const results: Measurement[] = [];
    results.push(
      await measure(
        'plans: every indicator computed (listIndicatorReports, plan period)',
        () => listIndicatorReports(db, range),
        {
          runs: 9,
          warmup: 1,
          goalMs: 300,
          note,
        },
      ),
    );
    results.push(
      await measure(
        'plans: one plan with numbers, linked actions and indicators (plans.get)',
        () => planDetail(db, planId, new Date()),
        {
          runs: 9,
          warmup: 1,

          note: '20 objectives, 100 linked actions',
        },
      ),
    );
    results.push(
      await measure('plans: strategy tree with a chart per indicator', () => buildStrategyTree({ db }, planId, new Date()), {
        runs: 5,
        warmup: 1,
        note,
      }),
    );
    return results;
  },
};
