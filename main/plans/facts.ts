import type { Database } from 'better-sqlite3';
import type { PlanFact } from '../../shared/toolkit/checklist';
import { listPlans } from './repository';
import { planDetail } from './service';

/** What the partnership checklist reads about each plan (main/toolkit/evidence.ts). */
export function planFacts(db: Database, now: Date, since: string): PlanFact[] {
  return listPlans(db).map((p) => {
    const d = planDetail(db, p.id, now);
    const objectives = d.priorities.flatMap((x) => x.objectives);
    const indicators = d.priorities.flatMap((x) => [...x.indicators, ...x.objectives.flatMap((o) => o.indicators)]);
    return {
      id: p.id,
      title: p.title,
      status: p.status,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      objectives: objectives.length,
      objectivesWithActions: objectives.filter((o) => o.actions.length > 0).length,
      indicators: indicators.length,
      indicatorsWithRecentReadings: indicators.filter((i) => i.readings.some((r) => r.periodEnd >= since)).length,
    };
  });
}
