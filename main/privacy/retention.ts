import type { Database } from 'better-sqlite3';
import { uuidv7 } from '../../shared/ids';
import { londonToday } from '../../shared/meetings/time';
import { monthsBefore } from '../../shared/privacy/dates';
import type { RetentionDue, RetentionKind, RetentionRule } from '../../shared/privacy/records';
import { RETENTION_KINDS } from '../../shared/privacy/records';
import { recordAudit } from '../audit/repository';
import { archivedPeopleSince } from '../partners/directory-api';

export function getRetentionRules(db: Database): RetentionRule[] {
  const rows = db.prepare('SELECT kind, months, action, version FROM retention_rules').all() as RetentionRule[];
  return RETENTION_KINDS.map((k) => rows.find((r) => r.kind === k)).filter((r): r is RetentionRule => r !== undefined);
}

export function updateRetentionRules(
  db: Database,
  rules: readonly { kind: RetentionKind; months: number; action: 'review' | 'delete' }[],
): RetentionRule[] {
  const t = new Date().toISOString();
  db.transaction(() => {
    const upsert = db.prepare(
      `INSERT INTO retention_rules (uid, kind, months, action, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (kind) DO UPDATE SET months = excluded.months, action = excluded.action, version = version + 1,
         updated_at = excluded.updated_at
       WHERE months <> excluded.months OR action <> excluded.action`,
    );
    for (const r of rules) upsert.run(uuidv7(), r.kind, r.months, r.action, t);
    recordAudit(db, 'retention', 'rules', 'update');
  })();
  return getRetentionRules(db);
}

type Candidate = { recordId: number; title: string; since: string };

/**
 * The records each rule reaches. Read-only queries over the partners and meetings tables: those
 * areas have no "older than" listing of their own yet.
 */
const CANDIDATES: Record<
  RetentionKind,
  { sql?: string; read?: (db: Database, cutoff: string) => Candidate[]; route: (id: number) => string }
> = {
  archived_people: {
    // People belong to the partner directory: read through its API.
    read: (db, cutoff) => archivedPeopleSince(db, cutoff),
    route: (id) => `/partners/people/${id}`,
  },
  minutes: {
    sql: `SELECT m.id AS recordId, m.title || ' (' || substr(m.starts_at, 1, 10) || ')' AS title, substr(m.starts_at, 1, 10) AS since
            FROM meetings m WHERE substr(m.starts_at, 1, 10) <= ?
             AND EXISTS (SELECT 1 FROM agenda_items a WHERE a.meeting_id = m.id AND a.minutes <> '')`,
    route: (id) => `/meetings/${id}`,
  },
  share_records: {
    sql: `SELECT id AS recordId, 'Shared ' || shared_on || ': ' || substr(information, 1, 80) AS title, shared_on AS since
            FROM share_decisions WHERE shared_on <= ?`,
    route: () => '/meetings/share',
  },
};

/** Records due for review or deletion, oldest first. A record kept at review is due again a full period later. */
export function retentionDue(db: Database, now = new Date()): RetentionDue[] {
  const today = londonToday(now);
  const reviewed = new Map(
    (
      db.prepare('SELECT kind, record_id AS recordId, reviewed_on AS reviewedOn FROM retention_reviews').all() as {
        kind: string;
        recordId: number;
        reviewedOn: string;
      }[]
    ).map((r) => [`${r.kind}:${r.recordId}`, r.reviewedOn]),
  );
  const out: RetentionDue[] = [];
  for (const rule of getRetentionRules(db)) {
    const cutoff = monthsBefore(today, rule.months);
    const spec = CANDIDATES[rule.kind];
    const candidates = spec.read ? spec.read(db, cutoff) : (db.prepare(spec.sql!).all(cutoff) as Candidate[]);
    for (const c of candidates) {
      const last = reviewed.get(`${rule.kind}:${c.recordId}`);
      if (last && last > cutoff) continue;
      const from = last && last > c.since ? last : c.since;
      out.push({
        kind: rule.kind,
        recordId: c.recordId,
        title: c.title,
        since: c.since,
        dueOn: monthsBefore(from, -rule.months),
        action: rule.action,
        route: spec.route(c.recordId),
      });
    }
  }
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/** The coordinator looked at the record and keeps it: it comes back a full period from today. */
export function keepRecord(db: Database, kind: RetentionKind, recordId: number, now = new Date()): void {
  const t = now.toISOString();
  db.prepare(
    `INSERT INTO retention_reviews (uid, kind, record_id, reviewed_on, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kind, record_id) DO UPDATE SET reviewed_on = excluded.reviewed_on, version = version + 1,
       updated_at = excluded.updated_at`,
  ).run(uuidv7(), kind, recordId, londonToday(now), t);
  recordAudit(db, 'retention', `${kind}:${recordId}`, 'update');
}
