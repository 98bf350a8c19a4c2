import type { PlanDetail } from '../../../shared/plans/model';
import type { createTestApp } from '../../helpers/db';

export type App = ReturnType<typeof createTestApp>;

export async function ok<T>(app: App, channel: string, payload: unknown): Promise<T> {
  const r = await app.dispatch(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message} ${(r.error.details ?? []).join('; ')}`);
  return r.value as T;
}

export async function fails(app: App, channel: string, payload: unknown) {
  const r = await app.dispatch(channel, payload);
  if (r.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return r.error;
}

/** A plan with two priorities and three objectives: 1.1, 1.2 under the first, 2.1 under the second. */
export async function twoPriorityPlan(app: App): Promise<PlanDetail> {
  let d = await ok<PlanDetail>(app, 'plans.create', {
    title: 'Strategy 2026-2029',
    startsOn: '2026-04-01',
    endsOn: '2029-03-31',
    vision: 'A county where exploitation is spotted early and every survivor is supported.',
  });
  const planId = d.plan.id;
  d = await ok(app, 'plans.priorities.add', {
    planId,
    title: 'Find and disrupt exploitation',
    description: 'Work with the police and enforcement bodies.',
    fourPs: ['pursue', 'prepare'],
  });
  d = await ok(app, 'plans.priorities.add', { planId, title: 'Support survivors', fourPs: ['protect'] });
  const [p1, p2] = d.priorities;
  d = await ok(app, 'plans.objectives.add', { priorityId: p1!.id, text: 'Run joint operations with partners' });
  d = await ok(app, 'plans.objectives.add', { priorityId: p1!.id, text: 'Share intelligence within a week' });
  d = await ok(app, 'plans.objectives.add', { priorityId: p2!.id, text: 'Agree a referral pathway' });
  return d;
}

export const numbers = (d: PlanDetail) => d.priorities.flatMap((p) => p.objectives.map((o) => `${o.number} ${o.text}`));
