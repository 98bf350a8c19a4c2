import type { Database } from 'better-sqlite3';
import type { ErasureLink } from '../../shared/privacy/model';
import type { ErasureHook } from '../partners/erasure';
import type { ScrubColumn } from '../privacy/scrub';

const MEETING = `SELECT 'Meeting: ' || title || ' (' || substr(starts_at, 1, 10) || ')' AS record, created_at AS createdAt,
  updated_at AS updatedAt FROM meetings WHERE rowid = ?`;
const GROUP = "SELECT 'Meeting group: ' || name AS record, created_at AS createdAt FROM meeting_groups WHERE rowid = ?";
const ITEM = `SELECT 'Meeting: ' || m.title || ' (' || substr(m.starts_at, 1, 10) || '), item ' || a.position AS record,
  a.created_at AS createdAt, a.updated_at AS updatedAt FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.rowid = ?`;
const PAPER = `SELECT 'Meeting: ' || m.title || ' (' || substr(m.starts_at, 1, 10) || '), paper' AS record, p.created_at AS createdAt
  FROM agenda_papers p JOIN agenda_items a ON a.id = p.agenda_item_id JOIN meetings m ON m.id = a.meeting_id WHERE p.rowid = ?`;
const ATTENDANCE = `SELECT 'Meeting: ' || m.title || ' (' || substr(m.starts_at, 1, 10) || '), attendance' AS record,
  t.created_at AS createdAt, t.updated_at AS updatedAt FROM attendance t JOIN meetings m ON m.id = t.meeting_id WHERE t.rowid = ?`;
const ACTION = "SELECT 'Action ' || id AS record, created_at AS createdAt, updated_at AS updatedAt FROM actions WHERE rowid = ?";
const UPDATE = `SELECT 'Action ' || action_id || ', update of ' || noted_on AS record, created_at AS createdAt
  FROM action_updates WHERE rowid = ?`;
const DECISION =
  "SELECT 'Decision ' || id AS record, created_at AS createdAt, updated_at AS updatedAt FROM decisions WHERE rowid = ?";
const SHARE = `SELECT 'Decision to share of ' || shared_on AS record, created_at AS createdAt, updated_at AS updatedAt
  FROM share_decisions WHERE rowid = ?`;

/** Every text column of the meetings area in which a person's details may have been typed. */
export const meetingsScrubColumns: readonly ScrubColumn[] = [
  { table: 'meeting_groups', column: 'name', label: 'Group name', describe: GROUP },
  { table: 'meetings', column: 'title', label: 'Meeting title', describe: MEETING },
  { table: 'meetings', column: 'location', label: 'Location', describe: MEETING },
  { table: 'meetings', column: 'online_link', label: 'Online link', describe: MEETING },
  { table: 'agenda_items', column: 'title', label: 'Agenda item', describe: ITEM },
  { table: 'agenda_items', column: 'minutes', label: 'Minutes', describe: ITEM },
  { table: 'agenda_papers', column: 'title', label: 'Paper title', describe: PAPER },
  { table: 'agenda_papers', column: 'url', label: 'Paper link', describe: PAPER },
  { table: 'attendance', column: 'deputy_name', label: 'Deputy', describe: ATTENDANCE },
  { table: 'actions', column: 'description', label: 'Action', describe: ACTION },
  { table: 'action_updates', column: 'note', label: 'Action update', describe: UPDATE },
  { table: 'decisions', column: 'text', label: 'Decision', describe: DECISION },
  { table: 'share_decisions', column: 'information', label: 'Information shared', describe: SHARE },
  { table: 'share_decisions', column: 'purpose', label: 'Purpose', describe: SHARE },
  { table: 'share_decisions', column: 'recipients', label: 'Recipients', describe: SHARE },
  { table: 'share_decisions', column: 'justification', label: 'Justification', describe: SHARE },
  { table: 'share_decisions', column: 'no_consent_reason', label: 'Reason consent was not sought', describe: SHARE },
  { table: 'share_decisions', column: 'decided_by', label: 'Decided by', describe: SHARE },
];

type LinkRow = { record: string; detail: string; createdAt: string | null; updatedAt: string | null };

/**
 * Attendance and roles go by foreign key: attendance rows cascade, chair, minute-taker, lead,
 * deputy and owner links are cleared by the schema (ON DELETE SET NULL). What a foreign key cannot
 * reach is the person's details typed as text, which the columns above scrub.
 */
export const meetingsErasureHook: ErasureHook = {
  area: 'meetings',
  columns: meetingsScrubColumns,
  links(db: Database, personId: number): ErasureLink[] {
    const meeting = "m.title || ' (' || substr(m.starts_at, 1, 10) || ')'";
    const q = (sql: string) => db.prepare(sql).all(personId) as LinkRow[];
    const link = (kind: string, change: string, rows: LinkRow[]): ErasureLink[] =>
      rows.map((r) => ({
        area: 'meetings',
        kind: r.detail ? `${kind}: ${r.detail}` : kind,
        record: r.record,
        change,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
      }));
    return [
      ...link(
        'Attendance',
        'Removed from the attendance list',
        q(`SELECT ${meeting} AS record, t.status AS detail, t.created_at AS createdAt, t.updated_at AS updatedAt
             FROM attendance t JOIN meetings m ON m.id = t.meeting_id WHERE t.person_id = ? ORDER BY m.start_utc`),
      ),
      ...link(
        'Deputy',
        'Deputy link cleared',
        q(`SELECT ${meeting} AS record, '' AS detail, t.created_at AS createdAt, t.updated_at AS updatedAt
             FROM attendance t JOIN meetings m ON m.id = t.meeting_id WHERE t.deputy_person_id = ? ORDER BY m.start_utc`),
      ),
      ...link(
        'Chair',
        'Chair cleared',
        q(`SELECT ${meeting} AS record, '' AS detail, m.created_at AS createdAt, m.updated_at AS updatedAt
             FROM meetings m WHERE m.chair_person_id = ? ORDER BY m.start_utc`),
      ),
      ...link(
        'Minute taker',
        'Minute taker cleared',
        q(`SELECT ${meeting} AS record, '' AS detail, m.created_at AS createdAt, m.updated_at AS updatedAt
             FROM meetings m WHERE m.minute_taker_person_id = ? ORDER BY m.start_utc`),
      ),
      ...link(
        'Leads agenda item',
        'Lead cleared',
        q(`SELECT ${meeting} AS record, a.title AS detail, a.created_at AS createdAt, a.updated_at AS updatedAt
             FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.lead_person_id = ? ORDER BY m.start_utc`),
      ),
      ...link(
        'Owns action',
        'Owner cleared (the organisation stays)',
        q(`SELECT 'Action ' || a.id || ': ' || a.description AS record, '' AS detail, a.created_at AS createdAt, a.updated_at AS updatedAt
             FROM actions a WHERE a.owner_person_id = ? ORDER BY a.id`),
      ),
    ];
  },
};
