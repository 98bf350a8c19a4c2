import JSZip from 'jszip';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { annualFigures } from '../../../main/reports/figures';
import { buildReportTree } from '../../../main/reports/handlers';
import type { Dispatch } from '../../../main/ipc/dispatcher';
import { createTestApp } from '../../helpers/db';
import { PEOPLE, seedTwoYears } from './fixtures';
import type { Fixture } from './fixtures';
import type { AgencyReturn, AnnualReport } from '../../../shared/reports/types';
import { annualReportTree, redactText } from '../../../shared/reports/annual-report';

let app: ReturnType<typeof createTestApp>;
let db: Database;
let dispatch: Dispatch;
let fx: Fixture;

async function ok<T>(channel: string, payload: unknown): Promise<T> {
  const r = await dispatch(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}
const count = (sql: string, ...p: unknown[]) =>
  Number(
    db
      .prepare(sql)
      .pluck()
      .get(...p),
  );

async function docxText(bytes: Uint8Array): Promise<{ all: string; body: string; media: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((n) => n.endsWith('.xml'));
  const texts = await Promise.all(parts.map((n) => zip.file(n)!.async('string')));
  const body = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  return { all: texts.join('\n'), body, media: Object.keys(zip.files).filter((n) => n.startsWith('word/media/')) };
}

beforeEach(() => {
  app = createTestApp();
  db = app.db;
  dispatch = app.dispatch;
  fx = seedTwoYears(db);
});
afterEach(() => app.cleanup());

describe('annual report figures', () => {
  it('equal the records they come from, for the year and the year before', () => {
    const f = annualFigures(db, 2026);
    // Membership: from the dated history.
    expect(f.membership.atEnd).toEqual({ value: 4, previous: 3 });
    expect(f.membership.atStart).toBe(3);
    expect(f.membership.joined).toEqual({ value: 2, previous: 2 });
    expect(f.membership.left).toEqual({ value: 1, previous: 0 });
    expect(f.membership.changes.map((c) => [c.name, c.kind])).toEqual([
      ['Safe Haven Testshire', 'joined'],
      ['Testshire Council', 'joined'],
      ['Testshire Chamber', 'left'],
      ['Testshire Council', 'tier_changed'],
    ]);
    expect(
      count(
        "SELECT COUNT(*) FROM membership_events WHERE kind = 'joined' AND effective_on BETWEEN '2026-01-01' AND '2026-12-31'",
      ),
    ).toBe(f.membership.joined.value);
    expect(Object.fromEntries(f.membership.bySector.map((s) => [s.sector, [s.value, s.previous]]))).toEqual({
      police: [1, 1],
      health: [1, 1],
      'ngo-local': [1, 0],
      'la-community-safety': [1, 0],
      business: [0, 1],
    });

    // Meetings and attendance, checked by SQL over the same definition.
    const heldSql = "SELECT COUNT(*) FROM meetings WHERE status = 'held' AND starts_at LIKE ?";
    expect(f.meetings.held).toEqual({ value: count(heldSql, '2026-%'), previous: count(heldSql, '2025-%') });
    expect(f.meetings.held).toEqual({ value: 2, previous: 1 });
    const presentSql = `SELECT COUNT(*) FROM attendance a JOIN meetings m ON m.id = a.meeting_id
      WHERE m.status = 'held' AND m.starts_at LIKE ? AND a.status IN ('attended', 'deputy')`;
    expect(f.meetings.attendances).toEqual({ value: count(presentSql, '2026-%'), previous: count(presentSql, '2025-%') });
    expect(f.meetings.attendances).toEqual({ value: 5, previous: 2 });
    expect(f.meetings.organisationsRepresented).toEqual({ value: 4, previous: 2 });
    const bySector = `SELECT o.sector, COUNT(*) AS n FROM attendance a JOIN meetings m ON m.id = a.meeting_id
      JOIN organisations o ON o.id = a.organisation_id
      WHERE m.status = 'held' AND m.starts_at LIKE '2026-%' AND a.status IN ('attended', 'deputy') GROUP BY o.sector`;
    const expected = Object.fromEntries(
      (db.prepare(bySector).all() as { sector: string; n: number }[]).map((r) => [r.sector, r.n]),
    );
    expect(Object.fromEntries(f.meetings.bySector.filter((s) => s.value > 0).map((s) => [s.sector, s.value]))).toEqual(expected);
    expect(expected).toEqual({ police: 2, health: 1, 'ngo-local': 1, business: 1 });

    // Actions.
    expect(f.actions.raised).toEqual({
      value: count("SELECT COUNT(*) FROM actions WHERE created_at LIKE '2026-%'"),
      previous: 2,
    });
    expect(f.actions.completed).toEqual({
      value: count("SELECT COUNT(*) FROM actions WHERE status = 'done' AND updated_at LIKE '2026-%'"),
      previous: 1,
    });
    expect(f.actions.completed.value).toBe(2);
    expect(f.actions.overdueAtYearEnd).toEqual({ value: 2, previous: 1 });

    // Documents agreed (first versions) and reviewed (later versions).
    expect(f.documents.agreed).toEqual({ value: 1, previous: 1 });
    expect(f.documents.reviewed).toEqual({ value: 1, previous: 0 });
    expect(f.documents.agreed.value + f.documents.reviewed.value).toBe(
      count("SELECT COUNT(*) FROM document_versions WHERE agreed_at LIKE '2026-%'"),
    );

    // Decisions to share: counted only.
    expect(f.sharing.decisions).toEqual({
      value: count("SELECT COUNT(*) FROM share_decisions WHERE shared_on LIKE '2026-%'"),
      previous: count("SELECT COUNT(*) FROM share_decisions WHERE shared_on LIKE '2025-%'"),
    });
    expect(f.sharing.decisions).toEqual({ value: 3, previous: 1 });
    expect(f.sharing.consentSought.value).toBe(2);

    // Training: records (not deleted) plus delegate counts; sessions are course-and-date pairs.
    const people2026 =
      count("SELECT COUNT(*) FROM training_records WHERE deleted_at IS NULL AND trained_on LIKE '2026-%'") +
      count("SELECT COALESCE(SUM(delegates), 0) FROM training_delegate_counts WHERE trained_on LIKE '2026-%'");
    expect(f.training.peopleTrained).toEqual({ value: people2026, previous: 8 });
    expect(people2026).toBe(20);
    expect(f.training.sessions).toEqual({ value: 3, previous: 2 });
    expect(f.training.byCourse).toEqual([
      { title: 'Awareness', sessions: 2, people: 18 },
      { title: 'First responders', sessions: 1, people: 2 },
    ]);
  });

  it('carry the plan’s indicators against their targets, each with a line chart', () => {
    const indicator = {
      uid: 'ind-1',
      planUid: 'plan-1',
      planTitle: 'Strategy 2026-2029',
      priorityTitle: 'Protect',
      objectiveNumber: '1.2',
      priorityNumber: '1',
      name: 'NRM referrals',
      unit: 'referrals',
      source: 'manual',
      baseline: 4,
      target: 10,
      direction: 'higher' as const,
      frequency: 'quarterly' as const,
      readings: [
        { period: '2026 Q1', value: 5 },
        { period: '2026 Q2', value: 8 },
      ],
      latest: { period: '2026 Q2', value: 8 },
      rag: 'amber' as const,
    };
    const seen: { from: string; to: string }[] = [];
    const f = annualFigures(db, 2026, (_db, range) => {
      seen.push(range);
      return [indicator];
    });
    expect(seen).toEqual([{ from: '2026-01-01', to: '2026-12-31' }]);
    const tree = annualReportTree(
      { figures: f, sections: { progress: '', problems: '', priorities: '', pointsForAction: '' }, returns: [] },
      { partnershipName: 'P', coordinatorName: '', marking: 'OFFICIAL', today: '2026-12-31', publicSafe: false, redact: [] },
    );
    const table = tree.blocks.find((b) => b.kind === 'table' && b.caption === 'Indicators against their targets');
    expect(table && table.kind === 'table' ? table.rows[0]!.map((c) => c[0]!.text) : []).toEqual([
      '1.2 NRM referrals (referrals)',
      '4',
      '10',
      '8',
      'Some way off',
    ]);
    const chart = tree.blocks.find(
      (b) => b.kind === 'image' && b.caption === '1.2 NRM referrals: latest 8, target 10 (some way off)',
    );
    expect(chart && chart.kind === 'image' ? chart.alt : '').toContain('Target 10');
  });

  it('take a year with no records as zeros, not errors', () => {
    const f = annualFigures(db, 2030);
    expect(f.meetings.held).toEqual({ value: 0, previous: 0 });
    expect(f.membership.atEnd.value).toBe(4);
    expect(f.membership.joined.value).toBe(0);
  });
});

describe('the annual report', () => {
  it('saves sections with a stale-write version and lists drafts', async () => {
    const { report } = await ok<{ report: AnnualReport }>('reports.open', { year: 2026 });
    const saved = await ok<AnnualReport>('reports.save', { year: 2026, version: report.version, progress: 'We met twice.' });
    expect(saved.version).toBe(report.version + 1);
    const stale = await dispatch('reports.save', { year: 2026, version: report.version, progress: 'Older text' });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe('stale');
    expect(await ok('reports.list', {})).toEqual([expect.objectContaining({ year: 2026, written: 1 })]);
    expect(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'annual_report' AND action = 'update'")).toBe(1);
  });

  it('exports the full report as .docx with its figures and sections', async () => {
    const { report } = await ok<{ report: AnnualReport }>('reports.open', { year: 2026 });
    await ok('reports.save', { year: 2026, version: report.version, progress: 'Priya Testperson led the training.' });
    await ok('reports.export', { year: 2026, publicSafe: false });
    const { body, media } = await docxText(app.saved.at(-1)!.bytes);
    expect(media.filter((m) => m.endsWith('.png')).length).toBe(3);
    // Charts: membership by sector, attendance by sector, actions done and overdue.
    const images = buildReportTree(db, 2026, false).blocks.filter((b) => b.kind === 'image');
    expect(images.map((b) => (b.kind === 'image' ? b.caption : ''))).toEqual([
      'Member organisations by sector at the end of 2026 and 2025',
      'Attendance at meetings by sector, 2026 and 2025',
      'Actions completed and overdue, 2026 and 2025',
    ]);
    for (const b of images.slice(0, 2)) if (b.kind === 'image') expect(b.alt).toMatch(/Police/);
    expect(body).toContain('annual report 2026');
    expect(body).toContain('1. The year in figures');
    expect(body).toContain('Meetings held');
    expect(body).toContain('Priya Testperson led the training.');
    expect(body).toContain('Information sharing agreement');
  });

  it('public-safe version holds no personal name or email from the records, and is marked OFFICIAL', async () => {
    const { report } = await ok<{ report: AnnualReport }>('reports.open', { year: 2026 });
    await ok('reports.save', {
      year: 2026,
      version: report.version,
      progress: 'Priya Testperson and olu fixture ran the sessions; write to dana.example@biz.example.',
      problems: 'Marek Sample moved on.',
    });
    await ok('reports.returns.save', {
      organisationId: fx.orgs.police,
      year: 2026,
      version: 0,
      requestedOn: '2026-11-01',
      returnedOn: '2026-11-20',
      pursue: 'Priya Testperson led two operations.',
    });
    await ok('reports.export', { year: 2026, publicSafe: true });
    const { all, body } = await docxText(app.saved.at(-1)!.bytes);
    for (const p of PEOPLE) {
      expect(all.toLowerCase()).not.toContain(p.name.toLowerCase());
      expect(all.toLowerCase()).not.toContain(p.email.toLowerCase());
    }
    expect(body).toContain('[name removed]');
    expect(body).toContain('OFFICIAL');
    expect(body).not.toContain('OFFICIAL-SENSITIVE');
    expect(body).not.toContain('Information sharing agreement');
    const tree = buildReportTree(db, 2026, true);
    expect(tree.meta.marking).toBe('OFFICIAL');
    expect(tree.meta.publicSafe).toBe(true);
    // The full version keeps the partners' own words.
    const full = JSON.stringify(buildReportTree(db, 2026, false));
    expect(full).toContain('Priya Testperson led two operations.');
  });

  it('redacts whole names in any case and email addresses', () => {
    expect(redactText('Ask ANN LEE or ann.lee@x.example; Annabel stays.', ['Ann Lee', 'Ann'])).toBe(
      'Ask [name removed] or [email removed]; Annabel stays.',
    );
  });
});

describe('partner agency returns', () => {
  it('lists members for the year with their status, exports a form and records the answers', async () => {
    const list = await ok<AgencyReturn[]>('reports.returns.list', { year: 2026 });
    expect(list.map((r) => r.organisationName)).toEqual([
      'Safe Haven Testshire',
      'Testshire Council',
      'Testshire NHS Trust',
      'Testshire Police',
    ]);
    expect(list.every((r) => r.status === 'not_requested')).toBe(true);

    await ok('reports.returns.export', { organisationId: fx.orgs.ngo, year: 2026, filled: false, dueOn: '2027-01-15' });
    const { body } = await docxText(app.saved.at(-1)!.bytes);
    expect(body).toContain('Partner agency return 2026');
    expect(body).toContain('Safe Haven Testshire');
    for (const h of ['1. Pursue', '2. Prevent', '3. Protect', '4. Prepare', '5. Highlights', '6. Challenges'])
      expect(body).toContain(h);
    expect(body).toContain('Type your answer here.');
    expect(body).toContain('15 January 2027');

    const requested = (await ok<AgencyReturn[]>('reports.returns.list', { year: 2026 })).find(
      (r) => r.organisationId === fx.orgs.ngo,
    )!;
    expect(requested.status).toBe('outstanding');
    expect(requested.requestedOn).not.toBeNull();

    const saved = await ok<AgencyReturn>('reports.returns.save', {
      organisationId: fx.orgs.ngo,
      year: 2026,
      version: requested.version,
      requestedOn: requested.requestedOn,
      returnedOn: '2026-12-01',
      protect: 'Supported 14 survivors into safe housing.',
    });
    expect(saved.status).toBe('returned');
    const stale = await dispatch('reports.returns.save', { organisationId: fx.orgs.ngo, year: 2026, version: requested.version });
    expect(stale.ok).toBe(false);

    await ok('reports.returns.export', { organisationId: fx.orgs.ngo, year: 2026, filled: true });
    expect((await docxText(app.saved.at(-1)!.bytes)).body).toContain('Supported 14 survivors into safe housing.');
    expect(annualFigures(db, 2026).returns).toEqual({ requested: 1, returned: 1, outstanding: 0 });
    expect(JSON.stringify(buildReportTree(db, 2026, false))).toContain('Supported 14 survivors into safe housing.');
  });
});
