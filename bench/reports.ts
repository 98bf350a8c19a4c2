import type { Database } from 'better-sqlite3';
import { buildReportTree, figuresFor } from '../main/reports/handlers';
import { uuidv7 } from '../shared/ids';
import type { Measurement } from './lib';
import { measure } from './lib';
import { seedPlan } from './plans';
import { forgetRasterised, rasteriseAll } from '../main/documents/rasterise';
import { pictures } from '../main/documents/docx-pictures';
import type { Scale } from './scale';
import type { BenchSuite } from './suites';

const YEAR = 2026;

/**
 * The annual report's own records at scale: dated membership for every organisation (joined over
 * eight years, one in ten left), decisions to share, training records and delegate counts, and
 * partner returns for the year. Meetings, actions and documents come from their own seeders.
 */
export function seedReports(db: Database, scale: Scale, random: () => number): void {
  const at = '2026-01-01T00:00:00.000Z';
  const day = 86_400_000;
  const start = Date.parse('2019-01-01T00:00:00Z');
  const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const orgs = db.prepare('SELECT id, membership FROM organisations ORDER BY id').all() as { id: number; membership: string }[];
  db.prepare('DELETE FROM membership_events').run();
  const event = db.prepare(
    `INSERT INTO membership_events (uid, organisation_id, effective_on, kind, membership, previous_membership, recorded_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const o of orgs) {
    const tier = o.membership === 'former' ? 'core' : o.membership;
    const joined = start + Math.floor(random() * 8 * 365) * day;
    event.run(uuidv7(), o.id, date(joined), 'joined', tier, null, at, at);
    if (random() < 0.1 || o.membership === 'former') {
      const left = joined + Math.floor(random() * 700) * day;
      event.run(uuidv7(), o.id, date(left), 'left', 'former', tier, at, at);
    }
  }
  const share = db.prepare(
    `INSERT INTO share_decisions (information, purpose, recipients, shared_on, justification, consent_sought, no_consent_reason, created_at, updated_at)
     VALUES ('Referral details', 'Safeguarding', 'Police', ?, 'Risk of harm', ?, ?, ?, ?)`,
  );
  for (let i = 0; i < 1000; i++) {
    const consent = random() < 0.7 ? 1 : 0;
    share.run(
      date(Date.parse('2025-01-01T00:00:00Z') + Math.floor(random() * 700) * day),
      consent,
      consent ? '' : 'Would put someone at risk',
      at,
      at,
    );
  }
  const course = db.prepare('INSERT INTO training_courses (uid, title, created_at, updated_at) VALUES (?, ?, ?, ?)');
  const courses = Array.from({ length: 12 }, (_, i) =>
    Number(course.run(uuidv7(), `Bench course ${i + 1}`, at, at).lastInsertRowid),
  );
  const people = db.prepare('SELECT person_id AS p, organisation_id AS o FROM posts WHERE ended_on IS NULL LIMIT 5000').all() as {
    p: number;
    o: number;
  }[];
  const record = db.prepare(
    'INSERT INTO training_records (uid, person_id, organisation_id, course_id, trained_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const sessionDate = () => date(Date.parse('2025-01-01T00:00:00Z') + Math.floor(random() * 40) * 17 * day);
  for (const x of people) record.run(uuidv7(), x.p, x.o, courses[Math.floor(random() * courses.length)]!, sessionDate(), at, at);
  const delegates = db.prepare(
    'INSERT INTO training_delegate_counts (uid, organisation_id, course_id, trained_on, delegates, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (let i = 0; i < 2000; i++)
    delegates.run(
      uuidv7(),
      orgs[Math.floor(random() * orgs.length)]!.id,
      courses[i % courses.length]!,
      sessionDate(),
      1 + Math.floor(random() * 20),
      at,
      at,
    );
  const ret = db.prepare(
    `INSERT OR IGNORE INTO agency_returns (uid, organisation_id, year, requested_on, returned_on, pursue, prevent, protect, prepare, highlights, challenges, created_at, updated_at)
     VALUES (?, ?, ?, '2026-11-01', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const o of orgs.slice(0, 300)) {
    const back = random() < 0.6;
    const words = back ? 'Joint visits, awareness sessions and support for survivors referred through the partnership.' : '';
    ret.run(uuidv7(), o.id, YEAR, back ? '2026-11-20' : null, words, words, words, words, words, words, at, at);
  }
}

export const reportsBench: BenchSuite = {
  name: 'reports',
  run: async ({ db, dispatch }) => {
    const results: Measurement[] = [];
    const exportAfterPreview: number[] = [];
    // The figures include every indicator against its target: time them with a plan in place even
    // when this suite runs alone (npm run bench -- --only=reports).
    if ((db.prepare('SELECT COUNT(*) FROM plans WHERE deleted_at IS NULL').pluck().get() as number) === 0) seedPlan(db);
    const f = figuresFor(db, YEAR);
    const charts = pictures(buildReportTree(db, YEAR, false).blocks);
    const note = `${f.indicators.length} indicators, ${f.membership.atEnd.value} members, ${f.meetings.held.value} meetings held, ${f.meetings.attendances.value} attendances, ${f.training.peopleTrained.value} trained, ${f.returns.returned} returns back`;
    results.push(
      await measure(`reports: annual report figures (${YEAR} and ${YEAR - 1})`, () => figuresFor(db, YEAR), {
        runs: 15,
        warmup: 2,
        goalMs: 300,
        note,
      }),
      await measure('reports: annual report tree (figures, charts, returns)', () => buildReportTree(db, YEAR, false), {
        runs: 15,
        warmup: 2,
      }),
      await measure(
        'reports: export annual report .docx (handler, charts as PNG)',
        async () => {
          const r = await dispatch('reports.export', { year: YEAR, publicSafe: false });
          if (!r.ok) throw new Error(r.error.message);
        },
        { runs: 10, warmup: 2, goalMs: 500, note: 'charts already drawn once (kept in memory)' },
      ),
      await measure(
        `reports: draw the report's ${charts.length} charts as PNG, first time`,
        async () => {
          forgetRasterised();
          await rasteriseAll(charts);
        },
        { runs: 5, warmup: 1 },
      ),
      await measure(
        'reports: export annual report .docx, first time (every chart drawn afresh)',
        async () => {
          forgetRasterised();
          const r = await dispatch('reports.export', { year: YEAR, publicSafe: false });
          if (!r.ok) throw new Error(r.error.message);
        },
        { runs: 10, warmup: 1, goalMs: 500 },
      ),
      await measure(
        'reports: export annual report .docx after its preview (the usual route)',
        async () => {
          forgetRasterised();
          const preview = await dispatch('reports.preview', { year: YEAR, publicSafe: false });
          if (!preview.ok) throw new Error(preview.error.message);
          await rasteriseAll(charts); // what the preview started, as the coordinator reads it
          const t0 = performance.now();
          const r = await dispatch('reports.export', { year: YEAR, publicSafe: false });
          if (!r.ok) throw new Error(r.error.message);
          exportAfterPreview.push(performance.now() - t0);
        },
        { runs: 5, warmup: 1, note: 'whole loop: preview, its charts, then the export; the export alone is printed below' },
      ),
    );
    exportAfterPreview.sort((a, b) => a - b);
    console.log(
      `reports: export after preview, the export alone: median ${exportAfterPreview[Math.floor(exportAfterPreview.length / 2)]!.toFixed(1)} ms`,
    );
    return results;
  },
};
