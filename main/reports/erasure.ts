import type { ErasureHook } from '../partners/erasure';
import type { ScrubColumn } from '../privacy/scrub';

const RETURN = `SELECT 'Partner agency return ' || year AS record, created_at AS createdAt, updated_at AS updatedAt
  FROM agency_returns WHERE rowid = ?`;
const REPORT =
  "SELECT 'Annual report ' || year AS record, created_at AS createdAt, updated_at AS updatedAt FROM annual_reports WHERE rowid = ?";

/** Every text column of the reports area in which a person's details may have been typed. */
export const reportsScrubColumns: readonly ScrubColumn[] = [
  { table: 'agency_returns', column: 'pursue', label: 'Agency return: Pursue', describe: RETURN },
  { table: 'agency_returns', column: 'prevent', label: 'Agency return: Prevent', describe: RETURN },
  { table: 'agency_returns', column: 'protect', label: 'Agency return: Protect', describe: RETURN },
  { table: 'agency_returns', column: 'prepare', label: 'Agency return: Prepare', describe: RETURN },
  { table: 'agency_returns', column: 'highlights', label: 'Agency return: highlights', describe: RETURN },
  { table: 'agency_returns', column: 'challenges', label: 'Agency return: challenges', describe: RETURN },
  { table: 'annual_reports', column: 'progress', label: 'Annual report: progress', describe: REPORT },
  { table: 'annual_reports', column: 'problems', label: 'Annual report: problems', describe: REPORT },
  { table: 'annual_reports', column: 'priorities', label: 'Annual report: priorities', describe: REPORT },
  { table: 'annual_reports', column: 'points_for_action', label: 'Annual report: points for action', describe: REPORT },
];

/** Reports hold no id links to people; a person's name typed into a return or a section is scrubbed. */
export const reportsErasureHook: ErasureHook = { area: 'reports', columns: reportsScrubColumns };
