import type { Database } from 'better-sqlite3';
import type { Assessment, AssessmentSummary } from '../../shared/toolkit/assessment';
import type { AnswerEntry, EvidenceItem } from '../../shared/toolkit/checklist';
import { uuidv7 } from '../../shared/ids';
import { AppError } from '../../shared/result';
import { recordAudit } from '../audit/repository';

type Row = {
  id: number;
  uid: string;
  version: number;
  assessedOn: string;
  answersJson: string;
  evidenceJson: string;
  createdAt: string;
  updatedAt: string;
};

const SELECT = `SELECT id, uid, version, assessed_on AS assessedOn, answers_json AS answersJson, evidence_json AS evidenceJson,
                       created_at AS createdAt, updated_at AS updatedAt
                  FROM toolkit_assessments`;

const toAssessment = (r: Row): Assessment => ({
  id: r.id,
  uid: r.uid,
  version: r.version,
  assessedOn: r.assessedOn,
  answers: JSON.parse(r.answersJson) as Record<string, AnswerEntry>,
  evidence: JSON.parse(r.evidenceJson) as EvidenceItem[],
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export function getAssessment(db: Database, id: number): Assessment {
  const row = db.prepare(`${SELECT} WHERE id = ? AND deleted_at IS NULL`).get(id) as Row | undefined;
  if (!row) throw new AppError('not_found', 'That assessment no longer exists.');
  return toAssessment(row);
}

export function listAssessments(db: Database): AssessmentSummary[] {
  const rows = db.prepare(`${SELECT} WHERE deleted_at IS NULL ORDER BY assessed_on DESC, id DESC LIMIT 500`).all() as Row[];
  return rows.map((r) => {
    const a = toAssessment(r);
    const counts = { green: 0, amber: 0, red: 0 };
    for (const e of a.evidence) if (e.status !== 'not_tracked') counts[e.status]++;
    return {
      id: a.id,
      uid: a.uid,
      assessedOn: a.assessedOn,
      answered: Object.values(a.answers).filter((x) => x.answer !== null).length,
      counts,
    };
  });
}

/** The assessment saved before this one (by date, then by order of saving), or null. */
export function previousAssessment(db: Database, a: { id: number; assessedOn: string }): Assessment | null {
  const row = db
    .prepare(
      `${SELECT} WHERE deleted_at IS NULL AND (assessed_on < ? OR (assessed_on = ? AND id < ?))
        ORDER BY assessed_on DESC, id DESC LIMIT 1`,
    )
    .get(a.assessedOn, a.assessedOn, a.id) as Row | undefined;
  return row ? toAssessment(row) : null;
}

export function insertAssessment(
  db: Database,
  v: { assessedOn: string; answers: Record<string, AnswerEntry>; evidence: EvidenceItem[] },
): Assessment {
  const at = new Date().toISOString();
  const id = db.transaction(() => {
    const r = db
      .prepare(
        `INSERT INTO toolkit_assessments (uid, assessed_on, answers_json, evidence_json, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(uuidv7(), v.assessedOn, JSON.stringify(v.answers), JSON.stringify(v.evidence), at, at);
    recordAudit(db, 'toolkit_assessment', Number(r.lastInsertRowid), 'create');
    return Number(r.lastInsertRowid);
  })();
  return getAssessment(db, id);
}

/** Answers and notes may be corrected later; the frozen evidence never changes. */
export function updateAnswers(db: Database, id: number, answers: Record<string, AnswerEntry>): Assessment {
  getAssessment(db, id);
  db.transaction(() => {
    db.prepare('UPDATE toolkit_assessments SET answers_json = ?, version = version + 1, updated_at = ? WHERE id = ?').run(
      JSON.stringify(answers),
      new Date().toISOString(),
      id,
    );
    recordAudit(db, 'toolkit_assessment', id, 'update');
  })();
  return getAssessment(db, id);
}

export function deleteAssessment(db: Database, id: number): void {
  getAssessment(db, id);
  db.transaction(() => {
    db.prepare(
      "UPDATE toolkit_assessments SET deleted_at = ?, answers_json = '{}', evidence_json = '[]', version = version + 1, updated_at = ? WHERE id = ?",
    ).run(new Date().toISOString(), new Date().toISOString(), id);
    recordAudit(db, 'toolkit_assessment', id, 'erase');
  })();
}
