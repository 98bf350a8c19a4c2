import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadExamplePartnership } from '../../../main/examples/load';
import { annualFigures } from '../../../main/reports/figures';
import { buildReportTree } from '../../../main/reports/handlers';
import { listReturns } from '../../../main/reports/returns';
import { londonToday } from '../../../shared/meetings/time';
import { createTestApp } from '../../helpers/db';

let app: ReturnType<typeof createTestApp>;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.cleanup());

describe('the example partnership’s annual report', () => {
  it('has membership history, returns and figures for this year, and loading twice adds nothing', () => {
    loadExamplePartnership(app.db);
    const year = Number(londonToday(new Date()).slice(0, 4));
    const f = annualFigures(app.db, year);
    expect(f.membership.atEnd.value).toBe(7);
    expect(f.meetings.held.value).toBeGreaterThan(0);
    expect(f.meetings.bySector.length).toBeGreaterThan(1);
    const returns = listReturns(app.db, year);
    expect(returns.filter((r) => r.status === 'returned').map((r) => r.organisationName)).toEqual([
      'Northshire Police',
      'The Salvation Army',
    ]);
    expect(returns.filter((r) => r.status === 'outstanding')).toHaveLength(2);
    const text = JSON.stringify(buildReportTree(app.db, year, false));
    expect(text).toContain('Two joint operations with the GLAA');

    const before = app.db.prepare('SELECT COUNT(*) FROM membership_events').pluck().get();
    loadExamplePartnership(app.db);
    expect(app.db.prepare('SELECT COUNT(*) FROM membership_events').pluck().get()).toBe(before);
    expect(listReturns(app.db, year).filter((r) => r.status === 'returned')).toHaveLength(2);
  });
});
