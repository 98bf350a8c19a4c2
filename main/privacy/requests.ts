import type { Database } from 'better-sqlite3';
import { uuidv7 } from '../../shared/ids';
import { londonToday } from '../../shared/meetings/time';
import { oneCalendarMonthAfter } from '../../shared/privacy/dates';
import type { PrivacyRequest, RequestKind, RequestStatus } from '../../shared/privacy/records';
import { AppError } from '../../shared/result';
import { recordAudit } from '../audit/repository';
import { personUid } from '../partners/erasure';

type Row = Omit<PrivacyRequest, 'overdue'>;
const SELECT = `SELECT id, uid, kind, person_uid AS personUid, subject, received_on AS receivedOn, due_on AS dueOn, status,
  completed_on AS completedOn, note, version, created_at AS createdAt, updated_at AS updatedAt FROM privacy_requests`;

const withOverdue = (r: Row, today: string): PrivacyRequest => ({ ...r, overdue: r.status === 'open' && r.dueOn < today });

/** The log of subject access and erasure requests: open ones first, soonest due first. */
export function listRequests(db: Database, now = new Date()): PrivacyRequest[] {
  const today = londonToday(now);
  return (db.prepare(`${SELECT} ORDER BY status <> 'open', due_on, id`).all() as Row[]).map((r) => withOverdue(r, today));
}

function getRequest(db: Database, id: number, now = new Date()): PrivacyRequest {
  const r = db.prepare(`${SELECT} WHERE id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('not_found', 'That request is no longer in the log.');
  return withOverdue(r, londonToday(now));
}

export function createRequest(
  db: Database,
  v: { kind: RequestKind; subject: string; personId: number | null; receivedOn: string; note: string },
): PrivacyRequest {
  const t = new Date().toISOString();
  const id = db.transaction(() => {
    const personUidValue = v.personId === null ? null : personUid(db, v.personId);
    const rowId = Number(
      db
        .prepare(
          `INSERT INTO privacy_requests (uid, kind, person_uid, subject, received_on, due_on, note, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(uuidv7(), v.kind, personUidValue, v.subject, v.receivedOn, oneCalendarMonthAfter(v.receivedOn), v.note, t, t)
        .lastInsertRowid,
    );
    recordAudit(db, 'privacy_request', rowId, 'create');
    return rowId;
  })();
  return getRequest(db, id);
}

export function updateRequest(
  db: Database,
  v: { id: number; version: number; status: RequestStatus; completedOn: string | null; note: string },
): PrivacyRequest {
  db.transaction(() => {
    const current = getRequest(db, v.id);
    if (current.version !== v.version)
      throw new AppError('conflict', 'This request was changed elsewhere. Reload it and make your change again.');
    const completedOn = v.status === 'open' ? null : (v.completedOn ?? londonToday(new Date()));
    db.prepare(
      'UPDATE privacy_requests SET status = ?, completed_on = ?, note = ?, version = version + 1, updated_at = ? WHERE id = ?',
    ).run(v.status, completedOn, v.note, new Date().toISOString(), v.id);
    recordAudit(db, 'privacy_request', v.id, v.status === current.status ? 'update' : 'status');
  })();
  return getRequest(db, v.id);
}
