import type { Database } from 'better-sqlite3';
import type { ExampleIndicator, ExamplePlan } from '../../shared/examples/example-plan';
import { EXAMPLE_PLAN } from '../../shared/examples/example-plan';
import { addDaysToDate, londonToday } from '../../shared/meetings/time';
import { periodsIn } from '../../shared/plans/model';
import { createAction } from '../meetings/repository';
import { organisationIdByName } from '../partners/directory-api';
import * as repo from './repository';

/**
 * Add the example plan: three years from the April a year before loading (so it has a year of readings), with its links and readings.
 * Runs once (a plan of the same title already there is left alone). Returns 1 if it was added.
 */
export function loadExamplePlan(db: Database, plan: ExamplePlan = EXAMPLE_PLAN, now = new Date()): number {
  if (repo.listPlans(db).some((p) => p.title === plan.title)) return 0;
  const today = londonToday(now);
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 4 ? 1 : 0);
  const planId = repo.createPlan(db, {
    title: plan.title,
    startsOn: `${year - 1}-04-01`,
    endsOn: `${year + 2}-03-31`,
    vision: plan.vision,
  });
  const actionIds = new Map(
    (db.prepare('SELECT description, id FROM actions ORDER BY id').all() as { description: string; id: number }[]).map((a) => [
      a.description,
      a.id,
    ]),
  );
  // The last four whole quarters before today, for typed-in readings.
  const quarters = periodsIn('quarterly', addDaysToDate(today, -460), today)
    .filter((q) => q.to < today && q.from.slice(8) === '01')
    .slice(-4);
  const indicator = (i: ExampleIndicator, owner: { priorityId: number | null; objectiveId: number | null }) => {
    repo.addIndicator(db, { ...owner, ...i });
    const id = db.prepare('SELECT MAX(id) FROM plan_indicators').pluck().get() as number;
    (i.quarterly ?? []).slice(-quarters.length).forEach((value, n, all) => {
      const q = quarters[quarters.length - all.length + n]!;
      repo.addReading(db, id, { periodLabel: q.label, periodEnd: q.to, value, note: '' });
    });
  };
  for (const p of plan.priorities) {
    const priorityId = repo.addPriority(db, planId, p);
    for (const o of p.objectives) {
      const objectiveId = repo.addObjective(db, priorityId, o.text);
      for (const d of o.linkActions ?? []) {
        const id = actionIds.get(d);
        if (id !== undefined) repo.linkAction(db, objectiveId, id);
      }
      for (const a of o.activities ?? []) {
        const made = createAction(
          db,
          {
            meetingId: null,
            agendaItemId: null,
            description: a.description,
            ownerOrganisationId: organisationIdByName(db, a.owner),
            ownerPersonId: null,
            dueOn: addDaysToDate(today, a.dueInDays),
            status: a.status,
            fourPs: p.fourPs,
          },
          now,
        );
        repo.linkAction(db, objectiveId, made.id);
      }
      for (const i of o.indicators ?? []) indicator(i, { priorityId: null, objectiveId });
    }
    for (const i of p.indicators) indicator(i, { priorityId, objectiveId: null });
  }
  // The example's members have agreed it, which fixes its numbers.
  repo.setPlanStatus(db, planId, 'agreed');
  return 1;
}
