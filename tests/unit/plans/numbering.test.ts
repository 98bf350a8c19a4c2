import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlanDetail } from '../../../shared/plans/model';
import { nextFrozenObjectiveNumber, objectiveNumber } from '../../../shared/plans/model';
import { createTestApp } from '../../helpers/db';
import type { App } from './helpers';
import { fails, numbers, ok, twoPriorityPlan } from './helpers';

let app: App;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.cleanup());

describe('objective numbering', () => {
  it('comes from position and follows reordering while the plan is a draft', async () => {
    let d = await twoPriorityPlan(app);
    expect(numbers(d)).toEqual([
      '1.1 Run joint operations with partners',
      '1.2 Share intelligence within a week',
      '2.1 Agree a referral pathway',
    ]);
    const second = d.priorities[0]!.objectives[1]!;
    d = await ok<PlanDetail>(app, 'plans.objectives.move', { id: second.id, direction: 'up' });
    expect(numbers(d)).toEqual([
      '1.1 Share intelligence within a week',
      '1.2 Run joint operations with partners',
      '2.1 Agree a referral pathway',
    ]);
    // Moving past the top changes nothing.
    d = await ok<PlanDetail>(app, 'plans.objectives.move', { id: second.id, direction: 'up' });
    expect(numbers(d)[0]).toBe('1.1 Share intelligence within a week');
    // Priorities reorder too, and their objectives take the new priority number.
    d = await ok<PlanDetail>(app, 'plans.priorities.move', { id: d.priorities[1]!.id, direction: 'up' });
    expect(numbers(d)).toEqual([
      '1.1 Agree a referral pathway',
      '2.1 Share intelligence within a week',
      '2.2 Run joint operations with partners',
    ]);
    // Removing an objective closes the gap.
    d = await ok<PlanDetail>(app, 'plans.objectives.remove', { id: d.priorities[1]!.objectives[0]!.id });
    expect(numbers(d)).toEqual(['1.1 Agree a referral pathway', '2.1 Run joint operations with partners']);
    const stored = app.db.prepare('SELECT position FROM plan_objectives WHERE deleted_at IS NULL ORDER BY id').pluck().all();
    expect(stored).toEqual([0, 0]);
  });

  it('is frozen when the plan is agreed: reordering keeps numbers, new objectives take the next one', async () => {
    let d = await twoPriorityPlan(app);
    d = await ok<PlanDetail>(app, 'plans.setStatus', { id: d.plan.id, version: d.plan.version, status: 'agreed' });
    expect(d.plan.status).toBe('agreed');
    expect(d.plan.agreedAt).not.toBeNull();
    expect(d.plan.numberingFrozenAt).not.toBeNull();
    const frozen = app.db.prepare('SELECT frozen_number FROM plan_objectives ORDER BY id').pluck().all();
    expect(frozen).toEqual(['1.1', '1.2', '2.1']);
    d = await ok<PlanDetail>(app, 'plans.objectives.move', { id: d.priorities[0]!.objectives[1]!.id, direction: 'up' });
    expect(numbers(d)).toEqual([
      '1.2 Share intelligence within a week',
      '1.1 Run joint operations with partners',
      '2.1 Agree a referral pathway',
    ]);
    d = await ok<PlanDetail>(app, 'plans.objectives.add', { priorityId: d.priorities[0]!.id, text: 'Train frontline staff' });
    expect(numbers(d).at(2)).toBe('1.3 Train frontline staff');
    d = await ok<PlanDetail>(app, 'plans.priorities.add', { planId: d.plan.id, title: 'Prevent', fourPs: ['prevent'] });
    expect(d.priorities.at(-1)!.number).toBe('3');
  });

  it('is frozen when the strategy is exported', async () => {
    const d = await twoPriorityPlan(app);
    await ok(app, 'plans.export.strategy', { planId: d.plan.id });
    const after = await ok<PlanDetail>(app, 'plans.objectives.move', {
      id: d.priorities[0]!.objectives[1]!.id,
      direction: 'up',
    });
    expect(numbers(after)[0]).toBe('1.2 Share intelligence within a week');
    expect(after.plan.status).toBe('draft');
  });

  it('has pure rules for the live and the next frozen number', () => {
    expect(objectiveNumber('2', { frozenNumber: null }, 0)).toBe('2.1');
    expect(objectiveNumber('2', { frozenNumber: '2.7' }, 0)).toBe('2.7');
    expect(nextFrozenObjectiveNumber('5', ['5.11', '5.2', '4.30'])).toBe('5.12');
    expect(nextFrozenObjectiveNumber('1', [])).toBe('1.1');
  });

  it('refuses a stale save of an objective', async () => {
    const d = await twoPriorityPlan(app);
    const o = d.priorities[0]!.objectives[0]!;
    await ok(app, 'plans.objectives.update', { id: o.id, version: o.version, text: 'Run six joint operations a year' });
    const e = await fails(app, 'plans.objectives.update', { id: o.id, version: o.version, text: 'Older edit' });
    expect(e.code).toBe('stale');
  });
});
