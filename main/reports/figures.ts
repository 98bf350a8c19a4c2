import type { Database } from 'better-sqlite3';
import type { ProtectiveMarking } from '../../shared/markings';
import { sectorLabel } from '../../shared/partners/sectors';
import type { AnnualFigures, Compared, ReportIndicator, SectorCount } from '../../shared/reports/types';
import { yearBounds } from '../../shared/reports/types';
import { membersBySectorOn, membershipChanges, organisationSectors } from '../partners/membership';
import { returnCounts } from './returns';

/**
 * Everyone trained between two dates (bound twice: from, to, from, to): one row per named record
 * and one per delegate count, each with how many people it stands for.
 */
const TRAINED_BETWEEN = `(
  SELECT course_id, trained_on, 1 AS headcount FROM training_records WHERE deleted_at IS NULL AND trained_on BETWEEN ? AND ?
  UNION ALL
  SELECT course_id, trained_on, delegates FROM training_delegate_counts WHERE deleted_at IS NULL AND trained_on BETWEEN ? AND ?)`;

/*
 * The annual report's figures, each counted from the records for a calendar year (1 January to
 * 31 December) and for the year before. Definitions, which the unit tests check by SQL:
 * - meetings held: status "held", starting (local date) in the year;
 * - attendances: people marked attended or deputy at those meetings, grouped by the sector of the
 *   organisation they attended for;
 * - actions raised: created in the year; completed: done, last changed in the year; overdue at the
 *   year end: still open or in progress, due on or before 31 December, raised by then;
 * - documents agreed: first versions agreed in the year; reviewed: later versions agreed in the year;
 * - decisions to share: share log entries dated in the year (counted only, no content);
 * - training: sessions are distinct course and date pairs; people trained are training records
 *   plus delegate counts.
 */

/**
 * A meeting held with its local start date in [from, to] (bound twice: from, to, from, to). The
 * local date is within a day of the UTC start, so the indexed start_utc narrows the search first:
 * ten times faster than reading every attendance row at the default bench scale.
 */
const HELD_IN_YEAR = `m.start_utc >= date(?, '-1 day') AND m.start_utc < date(?, '+2 days')
  AND m.status = 'held' AND substr(m.starts_at, 1, 10) BETWEEN ? AND ?`;

type YearCounts = {
  held: number;
  attendances: number;
  organisations: number;
  bySector: Map<string, number>;
  agreed: number;
  reviewed: number;
  decisions: number;
  consent: number;
  sessions: number;
  people: number;
};

const num = (db: Database, sql: string, ...params: unknown[]): number =>
  Number(
    db
      .prepare(sql)
      .pluck()
      .get(...params) ?? 0,
  );

type ActionCounts = { raised: number; completed: number; overdue: number };

/**
 * The action figures for a year and the year before, in one pass over the action log (the largest
 * table the report reads). Timestamps are ISO, so "the UTC date is in [from, to]" is the same as
 * from <= timestamp < the day after to, without cutting each value.
 */
function actionCounts(db: Database, year: number): { now: ActionCounts; last: ActionCounts } {
  const per = (y: string) => `
    COALESCE(SUM(created_at >= :from${y} AND created_at < :after${y}), 0) AS raised${y},
    COALESCE(SUM(status = 'done' AND updated_at >= :from${y} AND updated_at < :after${y}), 0) AS completed${y},
    COALESCE(SUM(status IN ('open', 'in_progress') AND due_on <= :to${y} AND created_at < :after${y}), 0) AS overdue${y}`;
  const bounds = (y: string, { from, to }: { from: string; to: string }) => ({
    [`from${y}`]: from,
    [`to${y}`]: to,
    [`after${y}`]: dayAfter(to),
  });
  const row = db
    .prepare(`SELECT ${per('Now')}, ${per('Last')} FROM actions`)
    .get({ ...bounds('Now', yearBounds(year)), ...bounds('Last', yearBounds(year - 1)) }) as Record<string, number>;
  const pick = (y: string): ActionCounts => ({
    raised: row[`raised${y}`] ?? 0,
    completed: row[`completed${y}`] ?? 0,
    overdue: row[`overdue${y}`] ?? 0,
  });
  return { now: pick('Now'), last: pick('Last') };
}

const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function yearCounts(db: Database, year: number): YearCounts {
  const { from, to } = yearBounds(year);
  const held = num(db, `SELECT COUNT(*) FROM meetings m WHERE ${HELD_IN_YEAR}`, from, to, from, to);
  const present = db
    .prepare(
      `SELECT a.organisation_id AS organisationId, COUNT(*) AS n FROM meetings m JOIN attendance a ON a.meeting_id = m.id
        WHERE ${HELD_IN_YEAR} AND a.status IN ('attended', 'deputy')
        GROUP BY a.organisation_id`,
    )
    .all(from, to, from, to) as { organisationId: number | null; n: number }[];
  const sectors = organisationSectors(
    db,
    present.map((p) => p.organisationId),
  );
  const bySector = new Map<string, number>();
  for (const p of present) {
    const s = p.organisationId === null ? 'other' : (sectors.get(p.organisationId) ?? 'other');
    bySector.set(s, (bySector.get(s) ?? 0) + p.n);
  }
  const training = db
    .prepare(
      `SELECT COUNT(DISTINCT course_id || ':' || trained_on) AS sessions, SUM(headcount) AS headcount FROM ${TRAINED_BETWEEN}`,
    )
    .get(from, to, from, to) as { sessions: number; headcount: number | null };
  const versions = db
    .prepare(
      `SELECT COALESCE(SUM(number = 1), 0) AS agreed, COALESCE(SUM(number > 1), 0) AS reviewed
         FROM document_versions WHERE substr(agreed_at, 1, 10) BETWEEN ? AND ?`,
    )
    .get(from, to) as { agreed: number; reviewed: number };
  const shares = db
    .prepare(
      `SELECT COUNT(*) AS decisions, COALESCE(SUM(consent_sought = 1), 0) AS consent
         FROM share_decisions WHERE shared_on BETWEEN ? AND ?`,
    )
    .get(from, to) as { decisions: number; consent: number };
  return {
    held,
    attendances: present.reduce((n, p) => n + p.n, 0),
    organisations: present.filter((p) => p.organisationId !== null).length,
    bySector,
    ...versions,
    ...shares,
    sessions: training.sessions,
    people: training.headcount ?? 0,
  };
}

const cmp = (value: number, previous: number): Compared => ({ value, previous });

function sectorCounts(current: Map<string, number>, previous: Map<string, number>): SectorCount[] {
  const keys = [...new Set([...current.keys(), ...previous.keys()])];
  return keys
    .map((sector) => ({
      sector,
      label: sectorLabel(sector),
      value: current.get(sector) ?? 0,
      previous: previous.get(sector) ?? 0,
    }))
    .sort((a, b) => b.value - a.value || b.previous - a.previous || a.label.localeCompare(b.label));
}

/** Where the indicators come from: the plans area, once it is wired in (main/reports/handlers.ts). */
export type IndicatorSource = (db: Database, range: { from: string; to: string }) => ReportIndicator[];

export function annualFigures(db: Database, year: number, indicators: IndicatorSource = () => []): AnnualFigures {
  const { from, to } = yearBounds(year);
  const before = yearBounds(year - 1);
  const now = yearCounts(db, year);
  const last = yearCounts(db, year - 1);
  const actions = actionCounts(db, year);

  const endMembers = membersBySectorOn(db, to);
  const lastEndMembers = membersBySectorOn(db, before.to);
  const total = (bySector: Map<string, number>) => [...bySector.values()].reduce((n, x) => n + x, 0);
  const changes = membershipChanges(db, from, to);
  const lastChanges = membershipChanges(db, before.from, before.to);
  const joined = (cs: typeof changes) => cs.filter((c) => c.kind === 'joined').length;
  const left = (cs: typeof changes) => cs.filter((c) => c.kind === 'left').length;

  const courses = db
    .prepare(
      `SELECT c.title, COUNT(DISTINCT t.trained_on) AS sessions, SUM(t.headcount) AS headcount FROM ${TRAINED_BETWEEN} t
       JOIN training_courses c ON c.id = t.course_id GROUP BY c.id ORDER BY headcount DESC, c.title`,
    )
    .all(from, to, from, to)
    .map((r) => {
      const { title, sessions, headcount } = r as { title: string; sessions: number; headcount: number };
      return { title, sessions, people: headcount };
    });

  const titles = (
    db
      .prepare(
        `SELECT d.title, d.marking, substr(v.agreed_at, 1, 10) AS agreedOn, v.number > 1 AS reviewed
           FROM document_versions v JOIN documents d ON d.id = v.document_id
          WHERE substr(v.agreed_at, 1, 10) BETWEEN ? AND ? ORDER BY v.agreed_at, v.id`,
      )
      .all(from, to) as { title: string; marking: ProtectiveMarking; agreedOn: string; reviewed: number }[]
  ).map((r) => ({ ...r, reviewed: r.reviewed === 1 }));

  return {
    year,
    from,
    to,
    membership: {
      atStart: total(lastEndMembers),
      atEnd: cmp(total(endMembers), total(lastEndMembers)),
      joined: cmp(joined(changes), joined(lastChanges)),
      left: cmp(left(changes), left(lastChanges)),
      bySector: sectorCounts(endMembers, lastEndMembers),
      changes,
    },
    meetings: {
      held: cmp(now.held, last.held),
      attendances: cmp(now.attendances, last.attendances),
      organisationsRepresented: cmp(now.organisations, last.organisations),
      bySector: sectorCounts(now.bySector, last.bySector),
    },
    actions: {
      raised: cmp(actions.now.raised, actions.last.raised),
      completed: cmp(actions.now.completed, actions.last.completed),
      overdueAtYearEnd: cmp(actions.now.overdue, actions.last.overdue),
    },
    documents: { agreed: cmp(now.agreed, last.agreed), reviewed: cmp(now.reviewed, last.reviewed), titles },
    sharing: { decisions: cmp(now.decisions, last.decisions), consentSought: cmp(now.consent, last.consent) },
    training: { sessions: cmp(now.sessions, last.sessions), peopleTrained: cmp(now.people, last.people), byCourse: courses },
    indicators: indicators(db, { from, to }),
    returns: returnCounts(db, year),
  };
}
