import type { Database } from 'better-sqlite3';
import type { ShareInput } from '../../shared/contract/meetings';
import type { ShareDecision } from '../../shared/meetings/model';
import { recordAudit } from '../audit/repository';
import { checkVersion } from '../store/versioning';
import { notFound, nowIso } from './rows';
import { getMeeting } from './meeting-rows';

// The log of decisions to share information, each with its justification and consent.

const SHARE_SELECT = `
  SELECT s.id, s.meeting_id AS meetingId, COALESCE(m.title, '') AS meetingTitle, s.information, s.purpose, s.recipients,
         s.shared_on AS sharedOn, s.justification, s.consent_sought AS consentSought, s.no_consent_reason AS noConsentReason,
         s.decided_by AS decidedBy, s.created_at AS createdAt, s.updated_at AS updatedAt, s.version
    FROM share_decisions s LEFT JOIN meetings m ON m.id = s.meeting_id`;

type ShareRow = Omit<ShareDecision, 'consentSought'> & { consentSought: number };
const toShare = (r: ShareRow): ShareDecision => ({ ...r, consentSought: r.consentSought === 1 });

export function listShareDecisions(db: Database): ShareDecision[] {
  return (db.prepare(`${SHARE_SELECT} ORDER BY s.shared_on DESC, s.id DESC`).all() as ShareRow[]).map(toShare);
}

function getShare(db: Database, id: number): ShareDecision {
  const row = db.prepare(`${SHARE_SELECT} WHERE s.id = ?`).get(id) as ShareRow | undefined;
  return row ? toShare(row) : notFound('decision to share');
}

function shareValues(r: ShareInput): unknown[] {
  return [
    r.meetingId,
    r.information,
    r.purpose,
    r.recipients,
    r.sharedOn,
    r.justification,
    r.consentSought ? 1 : 0,
    r.consentSought ? '' : r.noConsentReason,
    r.decidedBy,
  ];
}

export function createShareDecision(db: Database, r: ShareInput): ShareDecision {
  if (r.meetingId !== null) getMeeting(db, r.meetingId);
  const id = db.transaction(() => {
    const at = nowIso();
    const res = db
      .prepare(
        `INSERT INTO share_decisions (meeting_id, information, purpose, recipients, shared_on, justification, consent_sought,
                                      no_consent_reason, decided_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...shareValues(r), at, at);
    recordAudit(db, 'share_decision', Number(res.lastInsertRowid), 'create');
    return Number(res.lastInsertRowid);
  })();
  return getShare(db, id);
}

export function updateShareDecision(db: Database, id: number, r: ShareInput, expectedVersion?: number): ShareDecision {
  getShare(db, id);
  if (r.meetingId !== null) getMeeting(db, r.meetingId);
  db.transaction(() => {
    checkVersion(db, 'share_decisions', id, expectedVersion, 'decision to share');
    db.prepare(
      `UPDATE share_decisions SET meeting_id = ?, information = ?, purpose = ?, recipients = ?, shared_on = ?, justification = ?,
              consent_sought = ?, no_consent_reason = ?, decided_by = ?, updated_at = ?, version = version + 1
        WHERE id = ?`,
    ).run(...shareValues(r), nowIso(), id);
    recordAudit(db, 'share_decision', id, 'update');
  })();
  return getShare(db, id);
}

export function deleteShareDecision(db: Database, id: number): void {
  getShare(db, id);
  db.transaction(() => {
    db.prepare('DELETE FROM share_decisions WHERE id = ?').run(id);
    recordAudit(db, 'share_decision', id, 'erase');
  })();
}
