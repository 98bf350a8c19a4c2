import type { Database } from 'better-sqlite3';
import { uuidv7 } from '../../shared/ids';
import type { AnnualReport, AnnualReportSummary, ReportSections } from '../../shared/reports/types';
import { REPORT_SECTIONS } from '../../shared/reports/types';
import { AppError } from '../../shared/result';
import { recordAudit } from '../audit/repository';

/** The coordinator's written sections of each year's report, one row per year. */

type Row = {
  uid: string;
  year: number;
  version: number;
  progress: string;
  problems: string;
  priorities: string;
  points_for_action: string;
  updated_at: string;
};

const toReport = (r: Row): AnnualReport => ({
  uid: r.uid,
  year: r.year,
  version: r.version,
  updatedAt: r.updated_at,
  progress: r.progress,
  problems: r.problems,
  priorities: r.priorities,
  pointsForAction: r.points_for_action,
});

const find = (db: Database, year: number) =>
  db.prepare('SELECT * FROM annual_reports WHERE year = ? AND deleted_at IS NULL').get(year) as Row | undefined;

export function listReports(db: Database): AnnualReportSummary[] {
  return (db.prepare('SELECT * FROM annual_reports WHERE deleted_at IS NULL ORDER BY year DESC').all() as Row[]).map((r) => {
    const rep = toReport(r);
    return {
      year: r.year,
      version: r.version,
      updatedAt: r.updated_at,
      written: REPORT_SECTIONS.filter((s) => rep[s.key].trim() !== '').length,
    };
  });
}

/** The year's report, started (blank) the first time it is opened. */
export function openReport(db: Database, year: number): AnnualReport {
  const existing = find(db, year);
  if (existing) return toReport(existing);
  const t = new Date().toISOString();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO annual_reports (uid, year, created_at, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (year) DO UPDATE SET deleted_at = NULL`,
    ).run(uuidv7(), year, t, t);
    recordAudit(db, 'annual_report', year, 'create');
  })();
  return toReport(find(db, year)!);
}

export function getReport(db: Database, year: number): AnnualReport | null {
  const r = find(db, year);
  return r ? toReport(r) : null;
}

export function saveSections(db: Database, year: number, version: number, sections: ReportSections): AnnualReport {
  db.transaction(() => {
    const current = openReport(db, year);
    if (current.version !== version)
      throw new AppError(
        'stale',
        'This report was changed elsewhere after you opened it, so your save was refused rather than overwrite that change. Reload to see the latest version, then make your edit again.',
        [`You edited version ${version}; the saved version is now ${current.version}.`],
      );
    db.prepare(
      `UPDATE annual_reports SET progress = ?, problems = ?, priorities = ?, points_for_action = ?, updated_at = ?,
              version = version + 1 WHERE year = ?`,
    ).run(sections.progress, sections.problems, sections.priorities, sections.pointsForAction, new Date().toISOString(), year);
    recordAudit(db, 'annual_report', year, 'update');
  })();
  return toReport(find(db, year)!);
}
