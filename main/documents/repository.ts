import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { organisationExists, organisationNames, postExists } from '../partners/directory-api';
import type { DocumentDetail, DocumentStatus, DocumentSummary, VersionSummary } from '../../shared/contract/documents';
import type { Template } from '../../shared/documents/template-schema';
import { templateSchema } from '../../shared/documents/template-schema';
import type { DocumentTree } from '../../shared/documents/tree';
import type { ProtectiveMarking } from '../../shared/markings';
import { AppError } from '../../shared/result';

type Row = {
  id: number;
  title: string;
  templateKey: string;
  templateTitle: string;
  status: DocumentStatus;
  versionLabel: string;
  reviewDate: string | null;
  marking: ProtectiveMarking;
  revision: number;
  updatedAt: string;
  parties: string | null;
};

const SELECT = `
  SELECT d.id, d.title, d.template_key AS templateKey, d.template_title AS templateTitle, d.status, d.version_label AS versionLabel, d.review_date AS reviewDate,
         d.marking, d.revision, d.updated_at AS updatedAt,
         (SELECT group_concat(p.organisation_id) FROM document_parties p WHERE p.document_id = d.id) AS parties
    FROM documents d`;

const partyIds = (r: Row): number[] => (r.parties ? r.parties.split(',').map(Number) : []);

/** Party names come from the partner directory (it owns organisations), sorted ignoring case. */
function partyNames(db: Database, rows: readonly Row[]): (r: Row) => string[] {
  const names = organisationNames(db, rows.flatMap(partyIds));
  return (r) =>
    partyIds(r)
      .flatMap((i) => (names.has(i) ? [names.get(i)!] : []))
      .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
}

const summary = (r: Row, parties: string[]): DocumentSummary => ({
  id: r.id,
  title: r.title,
  templateKey: r.templateKey,
  templateTitle: r.templateTitle,
  status: r.status,
  versionLabel: r.versionLabel,
  reviewDate: r.reviewDate,
  marking: r.marking,
  parties,
  updatedAt: r.updatedAt,
});

export type ListFilter = { status?: DocumentStatus | undefined; templateKey?: string | undefined; query?: string | undefined };

export function listDocuments(db: Database, f: ListFilter = {}): DocumentSummary[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.status) {
    where.push('d.status = ?');
    args.push(f.status);
  }
  if (f.templateKey) {
    where.push('d.template_key = ?');
    args.push(f.templateKey);
  }
  if (f.query?.trim()) {
    where.push("d.title LIKE ? ESCAPE '\\'");
    args.push(`%${f.query.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  const rows = db
    .prepare(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.updated_at DESC LIMIT 5000`)
    .all(...args) as Row[];
  const names = partyNames(db, rows);
  return rows.map((r) => summary(r, names(r)));
}

function row(db: Database, id: number): Row & { templateJson: string; valuesJson: string } {
  const r = db
    .prepare(
      `SELECT s.*, d.values_json AS valuesJson, t.body AS templateJson
         FROM (${SELECT} WHERE d.id = ?) AS s
         JOIN documents d ON d.id = s.id
         JOIN document_template_snapshots t ON t.id = d.template_snapshot_id`,
    )
    .get(id) as (Row & { templateJson: string; valuesJson: string }) | undefined;
  if (!r) throw new AppError('not_found', 'That document no longer exists.');
  return r;
}

export type StoredDocument = DocumentSummary & { template: Template; values: Record<string, unknown>; revision: number };

export function getStored(db: Database, id: number): StoredDocument {
  const r = row(db, id);
  return {
    ...summary(r, partyNames(db, [r])(r)),
    template: templateSchema.parse(JSON.parse(r.templateJson)),
    values: JSON.parse(r.valuesJson) as Record<string, unknown>,
    revision: r.revision,
  };
}

export function signatoryRows(db: Database, id: number): { contactId: number; signedOn: string | null }[] {
  return db
    .prepare('SELECT post_id AS contactId, signed_on AS signedOn FROM document_signatories WHERE document_id = ? ORDER BY rowid')
    .all(id) as { contactId: number; signedOn: string | null }[];
}

export function getDetail(db: Database, id: number): DocumentDetail {
  const d = getStored(db, id);
  const versions = (db.prepare('SELECT count(*) AS n FROM document_versions WHERE document_id = ?').get(id) as { n: number }).n;
  return { ...d, signatories: signatoryRows(db, id), versions };
}

/** Store a template text once, however many documents and versions use it. */
export function templateSnapshot(db: Database, json: string): number {
  const hash = createHash('sha256').update(json).digest('hex');
  db.prepare('INSERT OR IGNORE INTO document_template_snapshots (hash, body) VALUES (?, ?)').run(hash, json);
  return (db.prepare('SELECT id FROM document_template_snapshots WHERE hash = ?').get(hash) as { id: number }).id;
}

export function insertDocument(
  db: Database,
  d: { title: string; template: Template; templateJson: string; marking: ProtectiveMarking; values: Record<string, unknown> },
): number {
  const now = new Date().toISOString();
  const r = db
    .prepare(
      `INSERT INTO documents (title, template_key, template_title, template_snapshot_id, values_json, marking, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      d.title,
      d.template.key,
      d.template.title,
      templateSnapshot(db, d.templateJson),
      JSON.stringify(d.values),
      d.marking,
      now,
      now,
    );
  return Number(r.lastInsertRowid);
}

/** Keep the party and signatory tables in step with the form's values (they feed the list and the matrix). */
export function syncPeople(db: Database, id: number, partyIds: readonly number[], signatoryIds: readonly number[]): void {
  db.prepare('DELETE FROM document_parties WHERE document_id = ?').run(id);
  const addParty = db.prepare('INSERT OR IGNORE INTO document_parties (document_id, organisation_id) VALUES (?, ?)');
  for (const p of partyIds) if (organisationExists(db, p)) addParty.run(id, p);
  const keep = signatoryIds.filter((s) => postExists(db, s));
  if (keep.length === 0) db.prepare('DELETE FROM document_signatories WHERE document_id = ?').run(id);
  else
    db.prepare(
      `DELETE FROM document_signatories WHERE document_id = ? AND post_id NOT IN (${keep.map(() => '?').join(',')})`,
    ).run(id, ...keep);
  const addSig = db.prepare('INSERT OR IGNORE INTO document_signatories (document_id, post_id) VALUES (?, ?)');
  for (const s of keep) addSig.run(id, s);
}

export function updateDocumentRow(
  db: Database,
  id: number,
  fields: { title: string; valuesJson: string; reviewDate: string | null; marking: ProtectiveMarking },
): { revision: number; updatedAt: string } {
  const now = new Date().toISOString();
  db.prepare(
    'UPDATE documents SET title = ?, values_json = ?, review_date = ?, marking = ?, revision = revision + 1, updated_at = ? WHERE id = ?',
  ).run(fields.title, fields.valuesJson, fields.reviewDate, fields.marking, now, id);
  const r = db.prepare('SELECT revision FROM documents WHERE id = ?').get(id) as { revision: number };
  return { revision: r.revision, updatedAt: now };
}

/** The review date an agreed document carries (it follows from the review cycle). */
export function setReviewDate(db: Database, id: number, reviewDate: string | null): void {
  db.prepare('UPDATE documents SET review_date = ? WHERE id = ?').run(reviewDate, id);
}

export function setStatusRow(db: Database, id: number, status: DocumentStatus, versionLabel: string): void {
  db.prepare('UPDATE documents SET status = ?, version_label = ?, revision = revision + 1, updated_at = ? WHERE id = ?').run(
    status,
    versionLabel,
    new Date().toISOString(),
    id,
  );
}

export function listVersions(db: Database, id: number): VersionSummary[] {
  return db
    .prepare(
      `SELECT number, label, agreed_by AS agreedBy, agreed_at AS agreedAt, note FROM document_versions
        WHERE document_id = ? ORDER BY number DESC`,
    )
    .all(id) as VersionSummary[];
}

export function lastVersionNumber(db: Database, id: number): number {
  return (
    db.prepare('SELECT coalesce(max(number), 0) AS n FROM document_versions WHERE document_id = ?').get(id) as { n: number }
  ).n;
}

export function insertVersion(
  db: Database,
  v: {
    documentId: number;
    number: number;
    label: string;
    agreedBy: string;
    note: string;
    values: Record<string, unknown>;
    templateJson: string;
    tree: DocumentTree;
  },
): void {
  db.prepare(
    `INSERT INTO document_versions (document_id, number, label, agreed_by, agreed_at, note, values_json, template_snapshot_id, tree_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    v.documentId,
    v.number,
    v.label,
    v.agreedBy,
    new Date().toISOString(),
    v.note,
    JSON.stringify(v.values),
    templateSnapshot(db, v.templateJson),
    JSON.stringify(v.tree),
  );
}

export function getVersion(
  db: Database,
  id: number,
  number: number,
): VersionSummary & { tree: DocumentTree; values: Record<string, unknown> } {
  const r = db
    .prepare(
      `SELECT number, label, agreed_by AS agreedBy, agreed_at AS agreedAt, note, values_json AS valuesJson, tree_json AS treeJson
         FROM document_versions WHERE document_id = ? AND number = ?`,
    )
    .get(id, number) as (VersionSummary & { valuesJson: string; treeJson: string }) | undefined;
  if (!r) throw new AppError('not_found', `Version ${number} of that document does not exist.`);
  const { valuesJson, treeJson, ...rest } = r;
  return { ...rest, values: JSON.parse(valuesJson) as Record<string, unknown>, tree: JSON.parse(treeJson) as DocumentTree };
}

export type DocumentMention = { id: number; title: string; status: DocumentStatus; fields: string[] };

/** Documents in these statuses that have this organisation as a party (for the warning before archiving it). */
export function documentsWithParty(db: Database, organisationId: number, statuses: readonly DocumentStatus[]): DocumentMention[] {
  if (statuses.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT d.id, d.title, d.status FROM document_parties p JOIN documents d ON d.id = p.document_id
        WHERE p.organisation_id = ? AND d.status IN (${statuses.map(() => '?').join(',')}) ORDER BY d.title COLLATE NOCASE, d.id`,
    )
    .all(organisationId, ...statuses) as { id: number; title: string; status: DocumentStatus }[];
  return rows.map((r) => ({ ...r, fields: ['Parties'] }));
}

/**
 * Documents in these statuses whose form names any of these contacts (post ids), with the labels of
 * the fields that name them (Author, Document owner, a party's SPOC, Signatories…), for the warning
 * before erasing a person.
 */
export function documentsNamingContacts(
  db: Database,
  postIds: readonly number[],
  statuses: readonly DocumentStatus[],
): DocumentMention[] {
  if (postIds.length === 0 || statuses.length === 0) return [];
  const ids = new Set(postIds);
  const rows = db
    .prepare(
      `SELECT id, title, status, template_snapshot_id AS snapshotId, values_json AS valuesJson FROM documents
        WHERE status IN (${statuses.map(() => '?').join(',')}) ORDER BY title COLLATE NOCASE, id`,
    )
    .all(...statuses) as { id: number; title: string; status: DocumentStatus; snapshotId: number; valuesJson: string }[];
  const templates = new Map<number, Template>();
  const out: DocumentMention[] = [];
  for (const r of rows) {
    let template = templates.get(r.snapshotId);
    if (!template) {
      const body = db.prepare('SELECT body FROM document_template_snapshots WHERE id = ?').pluck().get(r.snapshotId) as string;
      template = templateSchema.parse(JSON.parse(body));
      templates.set(r.snapshotId, template);
    }
    const fields = new Set<string>();
    const visit = (defs: Template['fields'], vals: Record<string, unknown>, within: string | null) => {
      for (const f of defs) {
        const v = vals[f.key];
        const label = within ? `${within}: ${f.label}` : f.label;
        if (f.type === 'contact' && typeof v === 'number' && ids.has(v)) fields.add(label);
        else if (f.type === 'contacts' && Array.isArray(v) && v.some((x) => typeof x === 'number' && ids.has(x)))
          fields.add(label);
        else if (f.type === 'group' && Array.isArray(v))
          for (const item of v)
            if (item && typeof item === 'object') visit(f.fields ?? [], item as Record<string, unknown>, f.label);
      }
    };
    visit(template.fields, JSON.parse(r.valuesJson) as Record<string, unknown>, null);
    if (fields.size > 0) out.push({ id: r.id, title: r.title, status: r.status, fields: [...fields] });
  }
  return out;
}
