import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Action } from '../../../shared/meetings/model';
import type { PlanDetail } from '../../../shared/plans/model';
import { createTestApp } from '../../helpers/db';
import type { App } from './helpers';
import { ok, twoPriorityPlan } from './helpers';

let app: App;
beforeEach(async () => {
  app = createTestApp();
  await ok(app, 'examples.loadPartnership', {});
});
afterEach(() => app.cleanup());

const orgId = (name: string) => app.db.prepare('SELECT id FROM organisations WHERE name = ?').pluck().get(name) as number;

async function readBack(): Promise<{ html: string; text: string }> {
  const buffer = Buffer.from(app.saved.at(-1)!.bytes);
  return {
    html: (await mammoth.convertToHtml({ buffer })).value,
    text: (await mammoth.extractRawText({ buffer })).value,
  };
}

describe('plan exports', () => {
  it('write the strategy and the action plan as .docx with numbers, owners, dates and statuses', async () => {
    let d = await twoPriorityPlan(app);
    const o11 = d.priorities[0]!.objectives[0]!;
    const police = orgId('Northshire Police');
    const made = await ok<PlanDetail & { action: Action }>(app, 'plans.activities.create', {
      objectiveId: o11.id,
      description: 'Plan a week of action on car washes',
      ownerOrganisationId: police,
      ownerPersonId: null,
      dueOn: '2026-09-30',
      status: 'in_progress',
    });
    // The activity is an action in the action log.
    expect(app.db.prepare('SELECT description FROM actions WHERE id = ?').pluck().get(made.action.id)).toBe(
      'Plan a week of action on car washes',
    );
    const existing = app.db
      .prepare('SELECT id FROM actions WHERE id <> ? ORDER BY id LIMIT 1')
      .pluck()
      .get(made.action.id) as number;
    d = await ok<PlanDetail>(app, 'plans.activities.link', {
      objectiveId: d.priorities[1]!.objectives[0]!.id,
      actionId: existing,
    });
    d = await ok<PlanDetail>(app, 'plans.indicators.add', {
      priorityId: d.priorities[0]!.id,
      objectiveId: null,
      name: 'Duty to Notify returns',
      unit: 'returns',
      baseline: 10,
      target: 20,
      direction: 'higher',
      frequency: 'quarterly',
      source: 'manual',
    });
    d = await ok<PlanDetail>(app, 'plans.readings.add', {
      indicatorId: d.priorities[0]!.indicators[0]!.id,
      periodLabel: 'Apr–Jun 2026',
      periodEnd: '2026-06-30',
      value: 21,
    });

    await ok(app, 'plans.export.strategy', { planId: d.plan.id });
    expect(app.saved.at(-1)!.name).toBe('Strategy 2026-2029 strategy.docx');
    const strategy = await readBack();
    expect(strategy.html).toContain('<h1>Strategy 2026-2029</h1>');
    expect(strategy.html).toContain('Priority 1: Find and disrupt exploitation');
    expect(strategy.html).toContain('Priority 2: Support survivors');
    expect(strategy.text).toContain('Pursue, Prepare');
    expect(strategy.text).toMatch(/1\.1\s+Run joint operations with partners/);
    expect(strategy.text).toMatch(/2\.1\s+Agree a referral pathway/);
    expect(strategy.text).toContain('Duty to Notify returns');
    expect(strategy.text).toContain('21 returns (Apr–Jun 2026)');
    expect(strategy.text).toContain('Green');
    expect(strategy.text).toContain('A county where exploitation is spotted early');
    // A chart of the indicator's readings, embedded as a picture with its alt text.
    const zip = await JSZip.loadAsync(app.saved.at(-1)!.bytes);
    expect(Object.keys(zip.files).some((f) => /^word\/media\/.+\.png$/.test(f))).toBe(true);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:drawing>');
    expect(xml).toMatch(/descr="Duty to Notify returns: Apr–Jun 2026 21/);

    await ok(app, 'plans.export.actionPlan', { planId: d.plan.id });
    const plan = await readBack();
    expect(plan.html).toContain('Strategy 2026-2029: action plan');
    expect(plan.text).toContain(`A${made.action.id} Plan a week of action on car washes`);
    expect(plan.text).toContain('Northshire Police');
    expect(plan.text).toContain('30 September 2026');
    expect(plan.text).toContain('In progress');
    expect(plan.text).toMatch(/1\.2\s+Share intelligence within a week/);
    expect(plan.text).toContain('No activities linked yet');
    const audit = app.db.prepare("SELECT COUNT(*) FROM audit_log WHERE entity = 'plan' AND action = 'export'").pluck().get();
    expect(audit).toBe(2);
  });

  it('an action deleted from the action log leaves the plan with it', async () => {
    const d = await twoPriorityPlan(app);
    const made = await ok<PlanDetail & { action: Action }>(app, 'plans.activities.create', {
      objectiveId: d.priorities[0]!.objectives[0]!.id,
      description: 'Short-lived',
      ownerOrganisationId: null,
      ownerPersonId: null,
      dueOn: null,
    });
    expect(made.priorities[0]!.objectives[0]!.actions.map((a) => a.id)).toEqual([made.action.id]);
    await ok(app, 'meetings.actions.delete', { id: made.action.id });
    const after = await ok<PlanDetail>(app, 'plans.get', { id: d.plan.id });
    expect(after.priorities[0]!.objectives[0]!.actions).toEqual([]);
    expect(app.db.prepare('SELECT COUNT(*) FROM plan_objective_actions WHERE action_id = ?').pluck().get(made.action.id)).toBe(0);
  });
});
