import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeContext, computeFigure } from '../../../main/plans/computed';
import { listIndicatorReports } from '../../../main/plans/indicators';
import { londonToday } from '../../../shared/meetings/time';
import type { ComputedSource, PlanDetail } from '../../../shared/plans/model';
import { periodsIn, ragFor } from '../../../shared/plans/model';
import { createTestApp } from '../../helpers/db';
import type { App } from './helpers';
import { fails, ok, twoPriorityPlan } from './helpers';

let app: App;
beforeEach(async () => {
  app = createTestApp();
  await ok(app, 'examples.loadPartnership', {});
});
afterEach(() => app.cleanup());

const now = new Date();
const today = londonToday(now);
const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
const one = (sql: string, ...params: unknown[]) =>
  app.db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

describe('computed indicators read the records', () => {
  const figure = (source: ComputedSource, from = yearAgo, to = today) =>
    computeFigure(computeContext(app.db, now), source, from, to);

  it('meetings held: not cancelled, ended, in the period', () => {
    const expected = one(
      `SELECT COUNT(*) FROM meetings WHERE status <> 'cancelled' AND substr(starts_at, 1, 10) BETWEEN ? AND ?
         AND julianday(ends_at) < julianday(?)`,
      yearAgo,
      today,
      now.toISOString(),
    );
    expect(expected).toBeGreaterThan(0);
    expect(figure('meetings_held')).toBe(expected);
    // A cancelled meeting in the period does not count.
    app.db
      .prepare("UPDATE meetings SET status = 'cancelled' WHERE id = (SELECT MIN(id) FROM meetings WHERE status = 'held')")
      .run();
    expect(figure('meetings_held')).toBe(expected - 1);
  });

  it('attendance by sector: the share of member sectors with a member organisation present', () => {
    const memberSectors = app.db
      .prepare("SELECT DISTINCT sector FROM organisations WHERE archived_at IS NULL AND membership IN ('core', 'associate')")
      .pluck()
      .all() as string[];
    const present = app.db
      .prepare(
        `SELECT DISTINCT o.sector FROM attendance a JOIN meetings m ON m.id = a.meeting_id JOIN organisations o ON o.id = a.organisation_id
          WHERE m.status <> 'cancelled' AND substr(m.starts_at, 1, 10) BETWEEN ? AND ? AND a.status IN ('attended', 'deputy')
            AND o.archived_at IS NULL AND o.membership IN ('core', 'associate')`,
      )
      .pluck()
      .all(yearAgo, today) as string[];
    const share = memberSectors.filter((s) => present.includes(s)).length / memberSectors.length;
    expect(share).toBeGreaterThan(0);
    expect(figure('attendance_by_sector')).toBeCloseTo(Math.round(share * 1000) / 10, 5);
  });

  it('members who signed the agreed ISA, as a share of current members', () => {
    const members = one("SELECT COUNT(*) FROM organisations WHERE archived_at IS NULL AND membership IN ('core', 'associate')");
    const signed = one(
      `SELECT COUNT(DISTINCT p.organisation_id) FROM document_signatories s JOIN documents d ON d.id = s.document_id
         JOIN posts p ON p.id = s.post_id JOIN organisations o ON o.id = p.organisation_id
        WHERE d.template_key = 'information-sharing-agreement' AND d.status = 'agreed' AND s.signed_on IS NOT NULL
          AND o.membership IN ('core', 'associate') AND o.archived_at IS NULL`,
    );
    expect(signed).toBe(3);
    expect(figure('isa_signed')).toBeCloseTo(Math.round((1000 * signed) / members) / 10, 5);
    // A snapshot: a period that has ended has no figure.
    expect(figure('isa_signed', '2020-01-01', '2020-12-31')).toBeNull();
  });

  it('actions done on time: done by the due date, of those due in the period (dropped aside)', () => {
    const due = one("SELECT COUNT(*) FROM actions WHERE status <> 'dropped' AND due_on BETWEEN ? AND ?", yearAgo, today);
    const onTime = one(
      "SELECT COUNT(*) FROM actions WHERE status = 'done' AND substr(updated_at, 1, 10) <= due_on AND due_on BETWEEN ? AND ?",
      yearAgo,
      today,
    );
    expect(due).toBeGreaterThan(0);
    expect(figure('actions_on_time')).toBeCloseTo(Math.round((1000 * onTime) / due) / 10, 5);
    expect(figure('actions_on_time', '2001-01-01', '2001-12-31')).toBeNull();
  });

  it('people trained: distinct people with a record plus counted delegates', () => {
    const people = one(
      'SELECT COUNT(DISTINCT person_id) FROM training_records WHERE deleted_at IS NULL AND trained_on BETWEEN ? AND ?',
      '2000-01-01',
      today,
    );
    const delegates = one(
      'SELECT COALESCE(SUM(delegates), 0) FROM training_delegate_counts WHERE deleted_at IS NULL AND trained_on BETWEEN ? AND ?',
      '2000-01-01',
      today,
    );
    expect(people + delegates).toBeGreaterThan(0);
    expect(figure('people_trained', '2000-01-01')).toBe(people + delegates);
  });

  it('resources shared: resources the partnership added plus newsletters sent', () => {
    const added = one(
      "SELECT COUNT(*) FROM toolkit_resources WHERE source = 'user' AND deleted_at IS NULL AND substr(added_on, 1, 10) <= ?",
      today,
    );
    const sent = one('SELECT COUNT(*) FROM toolkit_newsletters WHERE deleted_at IS NULL AND sent_on IS NOT NULL');
    expect(figure('resources_shared', '2000-01-01')).toBe(added + sent);
  });
});

describe('status against the target', () => {
  it('green when met, amber within 10%, red beyond, in the right direction', () => {
    expect(ragFor(12, 12, 'higher')).toBe('green');
    expect(ragFor(11, 12, 'higher')).toBe('amber');
    expect(ragFor(10, 12, 'higher')).toBe('red');
    expect(ragFor(8, 10, 'lower')).toBe('green');
    expect(ragFor(11, 10, 'lower')).toBe('amber');
    expect(ragFor(12, 10, 'lower')).toBe('red');
    expect(ragFor(null, 10, 'higher')).toBe('no_data');
    expect(ragFor(5, null, 'higher')).toBe('no_data');
    // A target of zero takes its margin from the baseline.
    expect(ragFor(1, 0, 'lower', 20)).toBe('amber');
    expect(ragFor(3, 0, 'lower', 20)).toBe('red');
  });

  it('periods are calendar periods clipped to the range', () => {
    expect(periodsIn('quarterly', '2026-04-15', '2026-12-01').map((p) => `${p.label} ${p.from}..${p.to}`)).toEqual([
      'Apr–Jun 2026 2026-04-15..2026-06-30',
      'Jul–Sep 2026 2026-07-01..2026-09-30',
      'Oct–Dec 2026 2026-10-01..2026-12-01',
    ]);
    expect(periodsIn('yearly', '2026-04-01', '2028-03-31').map((p) => p.label)).toEqual(['2026', '2027', '2028']);
    expect(periodsIn('monthly', '2026-12-01', '2027-01-31').map((p) => p.label)).toEqual(['Dec 2026', 'Jan 2027']);
  });
});

describe('manual indicators, readings and the report API', () => {
  it('takes readings, shows the latest with its status, and lists reports for a range', async () => {
    let d = await twoPriorityPlan(app);
    const p2 = d.priorities[1]!;
    d = await ok<PlanDetail>(app, 'plans.indicators.add', {
      priorityId: p2.id,
      objectiveId: null,
      name: 'NRM referrals',
      unit: 'referrals',
      baseline: 40,
      target: 60,
      direction: 'higher',
      frequency: 'quarterly',
      source: 'manual',
    });
    const ind = d.priorities[1]!.indicators[0]!;
    expect(ind.rag).toBe('no_data');
    d = await ok<PlanDetail>(app, 'plans.readings.add', {
      indicatorId: ind.id,
      periodLabel: 'Apr–Jun 2026',
      periodEnd: '2026-06-30',
      value: 45,
    });
    d = await ok<PlanDetail>(app, 'plans.readings.add', {
      indicatorId: ind.id,
      periodLabel: 'Jul–Sep 2026',
      periodEnd: '2026-09-30',
      value: 55,
      note: 'Two new first responders trained',
    });
    const after = d.priorities[1]!.indicators[0]!;
    expect(after.latest).toEqual({ period: 'Jul–Sep 2026', value: 55 });
    expect(after.rag).toBe('amber');
    d = await ok<PlanDetail>(app, 'plans.indicators.add', {
      priorityId: null,
      objectiveId: d.priorities[0]!.objectives[1]!.id,
      name: 'Board meetings held',
      unit: 'meetings',
      baseline: 2,
      target: 4,
      direction: 'higher',
      frequency: 'yearly',
      source: 'meetings_held',
    });
    // A computed indicator refuses typed readings.
    const computed = d.priorities[0]!.objectives[1]!.indicators[0]!;
    expect(
      (await fails(app, 'plans.readings.add', { indicatorId: computed.id, periodLabel: 'x', periodEnd: '2026-06-30', value: 1 }))
        .code,
    ).toBe('invalid_request');

    const reports = listIndicatorReports(app.db, { from: '2026-01-01', to: '2026-08-31' });
    const nrm = reports.find((r) => r.name === 'NRM referrals')!;
    expect(nrm).toMatchObject({
      planTitle: 'Strategy 2026-2029',
      priorityTitle: 'Support survivors',
      objectiveNumber: null,
      readings: [{ period: 'Apr–Jun 2026', value: 45 }],
      latest: { period: 'Apr–Jun 2026', value: 45 },
      rag: 'red',
    });
    const meetings = reports.find((r) => r.name === 'Board meetings held')!;
    expect(meetings.objectiveNumber).toBe('1.2');
    expect(meetings.source).toBe('meetings_held');
  });
});

describe('the contract refuses bad input', () => {
  it('refuses a plan ending before it starts, an indicator with two owners, a bad direction and control characters', async () => {
    expect(
      (await fails(app, 'plans.create', { title: 'S', startsOn: '2026-04-01', endsOn: '2025-03-31', vision: '' })).code,
    ).toBe('invalid_request');
    expect((await fails(app, 'plans.create', { title: 'S\u0007', startsOn: '2026-04-01', endsOn: '2027-03-31' })).code).toBe(
      'invalid_request',
    );
    const d = await twoPriorityPlan(app);
    const base = {
      name: 'x',
      unit: '',
      baseline: null,
      target: 1,
      direction: 'higher',
      frequency: 'yearly',
      source: 'manual',
    };
    const p = d.priorities[0]!;
    expect((await fails(app, 'plans.indicators.add', { ...base, priorityId: p.id, objectiveId: p.objectives[0]!.id })).code).toBe(
      'invalid_request',
    );
    expect(
      (await fails(app, 'plans.indicators.add', { ...base, priorityId: p.id, objectiveId: null, direction: 'up' })).code,
    ).toBe('invalid_request');
    expect((await fails(app, 'plans.priorities.update', { id: p.id, title: 'No version' })).code).toBe('invalid_request');
    expect(
      (await fails(app, 'plans.readings.add', { indicatorId: 1, periodLabel: 'Q1', periodEnd: '2026-02-30', value: 1 })).code,
    ).toBe('invalid_request');
  });
});
