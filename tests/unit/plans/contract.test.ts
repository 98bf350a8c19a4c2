import { describe, expect, it } from 'vitest';
import { plansChannels } from '../../../shared/contract/plans';

describe('the plans contract', () => {
  const updates = Object.entries(plansChannels).filter(([name]) => /\.update$|\.setStatus$/.test(name));

  it('has an update channel for each edited record', () => {
    expect(updates.map(([name]) => name).sort()).toEqual([
      'plans.indicators.update',
      'plans.objectives.update',
      'plans.priorities.update',
      'plans.readings.update',
      'plans.setStatus',
      'plans.update',
    ]);
  });

  it('every update needs the version it was based on', () => {
    for (const [name, c] of updates) {
      const r = c.request.safeParse({ id: 1 });
      expect(r.success, name).toBe(false);
      const issues = r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
      expect(issues, name).toContain('version');
    }
  });
});
