import type { VersionSummary } from '../contract/documents';

/** One row of a document's version history table (the template's versionHistory group: version, date, author, changes). */
export type VersionHistoryRow = { version: string; date: string; author: string; changes: string };

/**
 * The version history the app keeps from the lifecycle, so nobody types it: one row per agreed
 * version, oldest first, and a row for the draft being worked on when it is not yet agreed.
 * `today` and dates are YYYY-MM-DD (UK); `author` is who the partnership's documents come from.
 */
export function versionHistoryRows(
  versions: readonly VersionSummary[],
  current: { status: string; versionLabel: string },
  author: string,
  today: string,
): VersionHistoryRow[] {
  const agreed = [...versions].sort((a, b) => a.number - b.number);
  const rows: VersionHistoryRow[] = agreed.map((v, i) => ({
    version: v.label,
    date: v.agreedAt.slice(0, 10),
    author: v.agreedBy.trim() || author,
    changes: v.note.trim() || (i === 0 ? 'First agreed version' : 'Revised and agreed'),
  }));
  const inProgress = ['draft', 'in_review'].includes(current.status);
  if (inProgress && !agreed.some((v) => v.label === current.versionLabel)) {
    rows.push({
      version: current.versionLabel,
      date: today,
      author,
      changes: agreed.length === 0 ? 'First draft' : 'Revision in progress',
    });
  }
  return rows;
}
