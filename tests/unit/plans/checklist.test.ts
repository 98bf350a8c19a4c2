import { describe, expect, it } from 'vitest';
import type { PlanFact } from '../../../shared/toolkit/checklist';
import { strategyPlanEvidence } from '../../../shared/toolkit/checklist';
import { createTestApp } from '../../helpers/db';
import { ok } from './helpers';

const plan = (over: Partial<PlanFact> = {}): PlanFact => ({
  id: 3,
  title: 'Strategy 2026-2029',
  status: 'agreed',
  startsOn: '2026-04-01',
  endsOn: '2029-03-31',
  objectives: 4,
  objectivesWithActions: 4,
  indicators: 2,
  indicatorsWithRecentReadings: 2,
  ...over,
});
const today = '2026-12-01';

describe('the checklist’s strategy evidence reads the plans', () => {
  it('is green for an agreed current plan with activities and recent readings, linking to it', () => {
    const e = strategyPlanEvidence({ today, plans: [plan()] });
    expect(e.status).toBe('green');
    expect(e.links).toEqual([{ kind: 'route', route: '/plans/3', label: 'Open Strategy 2026-2029' }]);
  });

  it('is amber for a draft or a plan with gaps, naming them', () => {
    const e = strategyPlanEvidence({
      today,
      plans: [plan({ status: 'draft', objectivesWithActions: 3, indicatorsWithRecentReadings: 0 })],
    });
    expect(e.status).toBe('amber');
    expect(e.reason).toBe(
      'Strategy 2026-2029: 4 objectives, 3 with activities; 2 indicators, 0 with a recent reading. Still to do: it is still a draft, not agreed by the members, 1 objective has no activities from the action log and 2 indicators have no reading in the last 12 months.',
    );
  });

  it('is red with no plan covering today, and not tracked only where plans are not in the facts', () => {
    expect(strategyPlanEvidence({ today, plans: [] }).status).toBe('red');
    expect(strategyPlanEvidence({ today, plans: [plan({ endsOn: '2026-03-31', startsOn: '2023-04-01' })] }).reason).toMatch(
      /covers today/,
    );
    expect(strategyPlanEvidence().status).toBe('not_tracked');
  });

  it('the example partnership loads an agreed plan with linked actions and readings', async () => {
    const app = createTestApp();
    try {
      await ok(app, 'examples.loadPartnership', {});
      const plans = await ok<{ id: number; title: string; status: string; objectives: number }[]>(app, 'plans.list', {});
      expect(plans).toMatchObject([{ title: 'Northshire anti-slavery strategy', status: 'agreed', objectives: 5 }]);
      const links = app.db.prepare('SELECT COUNT(*) FROM plan_objective_actions').pluck().get();
      expect(links).toBe(5);
      const readings = app.db.prepare('SELECT COUNT(*) FROM plan_indicator_readings').pluck().get();
      expect(readings).toBe(8);
      // Loading again adds no second plan.
      await ok(app, 'examples.loadPartnership', {});
      expect(await ok<unknown[]>(app, 'plans.list', {})).toHaveLength(1);
    } finally {
      app.cleanup();
    }
  });
});
