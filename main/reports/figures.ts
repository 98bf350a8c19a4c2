import type { Database } from 'better-sqlite3';
import type { ProtectiveMarking } from '../../shared/markings';
import { sectorLabel } from '../../shared/partners/sectors';
import type { AnnualFigures, Compared, ReportIndicator, SectorCount } from '../../shared/reports/types';
import { yearBounds } from '../../shared/reports/types';
import { membershipChanges, membershipOn, organisationSectors } from '../partners/membership';
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

type YearCounts = {
  held: number;
  attendances: number;
  organisations: number;
  bySector: Map<string, number>;
  raised: number;
  completed: number;
  overdue: number;
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

function yearCounts(db: Database, year: number): YearCounts {
  const { from, to } = yearBounds(year);
  const held = num(
    db,
    "SELECT COUNT(*) FROM meetings WHERE status = 'held' AND substr(starts_at, 1, 10) BETWEEN ? AND ?",
    from,
    to,
  );
  const present = db
    .prepare(
      `SELECT a.organisation_id AS organisationId, COUNT(*) AS n FROM attendance a JOIN meetings m ON m.id = a.meeting_id
        WHERE m.status = 'held' AND substr(m.starts_at, 1, 10) BETWEEN ? AND ? AND a.status IN ('attended', 'deputy')
        GROUP BY a.organisation_id`,
    )
    .all(from, to) as { organisationId: number | null; n: number }[];
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
  const actions = db
    .prepare(
      `SELECT COALESCE(SUM(substr(created_at, 1, 10) BETWEEN ? AND ?), 0) AS raised,
              COALESCE(SUM(status = 'done' AND substr(updated_at, 1, 10) BETWEEN ? AND ?), 0) AS completed,
              COALESCE(SUM(status IN ('open', 'in_progress') AND due_on <= ? AND substr(created_at, 1, 10) <= ?), 0) AS overdue
         FROM actions`,
    )
    .get(from, to, from, to, to, to) as { raised: number; completed: number; overdue: number };
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
    ...actions,
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

function countBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
}

/** Where the indicators come from: the plans area, once it is wired in (main/reports/handlers.ts). */
export type IndicatorSource = (db: Database, range: { from: string; to: string }) => ReportIndicator[];

export function annualFigures(db: Database, year: number, indicators: IndicatorSource = () => []): AnnualFigures {
  const { from, to } = yearBounds(year);
  const before = yearBounds(year - 1);
  const now = yearCounts(db, year);
  const last = yearCounts(db, year - 1);

  const endMembers = membershipOn(db, to);
  const lastEndMembers = membershipOn(db, before.to);
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
      atStart: lastEndMembers.length,
      atEnd: cmp(endMembers.length, lastEndMembers.length),
      joined: cmp(joined(changes), joined(lastChanges)),
      left: cmp(left(changes), left(lastChanges)),
      bySector: sectorCounts(
        countBy(endMembers, (m) => m.sector),
        countBy(lastEndMembers, (m) => m.sector),
      ),
      changes,
    },
    meetings: {
      held: cmp(now.held, last.held),
      attendances: cmp(now.attendances, last.attendances),
      organisationsRepresented: cmp(now.organisations, last.organisations),
      bySector: sectorCounts(now.bySector, last.bySector),
    },
    actions: {
      raised: cmp(now.raised, last.raised),
      completed: cmp(now.completed, last.completed),
      overdueAtYearEnd: cmp(now.overdue, last.overdue),
    },
    documents: { agreed: cmp(now.agreed, last.agreed), reviewed: cmp(now.reviewed, last.reviewed), titles },
    sharing: { decisions: cmp(now.decisions, last.decisions), consentSought: cmp(now.consent, last.consent) },
    training: { sessions: cmp(now.sessions, last.sessions), peopleTrained: cmp(now.people, last.people), byCourse: courses },
    indicators: indicators(db, { from, to }),
    returns: returnCounts(db, year),
  };
}
