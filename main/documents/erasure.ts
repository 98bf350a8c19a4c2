import type { Database } from 'better-sqlite3';
import { templateSchema } from '../../shared/documents/template-schema';
import type { Template, TemplateField } from '../../shared/documents/template-schema';
import { createHash } from 'node:crypto';
import type { ErasureLink } from '../../shared/privacy/model';
import { personTraces } from '../partners/directory-api';
import type { ErasureHook } from '../partners/erasure';
import type { ScrubColumn } from '../privacy/scrub';

/** Remove the given contact (post) ids from every contact field, including inside groups. */
export function withoutContacts(
  template: Template,
  values: Record<string, unknown>,
  postIds: ReadonlySet<number>,
): Record<string, unknown> {
  const visit = (fields: readonly TemplateField[], vals: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...vals };
    for (const f of fields) {
      const v = out[f.key];
      if (v === undefined || v === null) continue;
      if (f.type === 'contact' && typeof v === 'number' && postIds.has(v)) out[f.key] = null;
      else if (f.type === 'contacts' && Array.isArray(v))
        out[f.key] = v.filter((x) => !(typeof x === 'number' && postIds.has(x)));
      else if (f.type === 'group' && Array.isArray(v))
        out[f.key] = v.map((item) =>
          item && typeof item === 'object' ? visit(f.fields ?? [], item as Record<string, unknown>) : item,
        );
    }
    return out;
  };
  return visit(template.fields, values);
}

const DOC =
  "SELECT 'Document: ' || title AS record, created_at AS createdAt, updated_at AS updatedAt FROM documents WHERE rowid = ?";
const VERSION = `SELECT 'Document: ' || d.title || ', version ' || v.label || ' (agreed ' || substr(v.agreed_at, 1, 10) || ')' AS record,
  v.agreed_at AS createdAt, NULL AS updatedAt FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE v.rowid = ?`;
const TEMPLATE =
  "SELECT 'Template: ' || title AS record, created_at AS createdAt, updated_at AS updatedAt FROM document_templates WHERE rowid = ?";
const SNAPSHOT = "SELECT 'Template as used by a document' AS record FROM document_template_snapshots WHERE rowid = ?";

export const documentsScrubColumns: readonly ScrubColumn[] = [
  { table: 'documents', column: 'title', label: 'Title', describe: DOC },
  { table: 'documents', column: 'template_title', label: 'Template title', describe: DOC },
  { table: 'documents', column: 'values_json', label: 'Form values', describe: DOC },
  { table: 'documents', column: 'version_label', label: 'Version label', describe: DOC },
  { table: 'document_versions', column: 'label', label: 'Version label', describe: VERSION },
  { table: 'document_versions', column: 'agreed_by', label: 'Agreed by', describe: VERSION },
  { table: 'document_versions', column: 'note', label: 'Version note', describe: VERSION },
  { table: 'document_versions', column: 'values_json', label: 'Form values as agreed', describe: VERSION },
  { table: 'document_versions', column: 'tree_json', label: 'Text as agreed', describe: VERSION },
  { table: 'document_templates', column: 'title', label: 'Title', describe: TEMPLATE },
  { table: 'document_templates', column: 'category', label: 'Category', describe: TEMPLATE },
  { table: 'document_templates', column: 'body', label: 'Template text', describe: TEMPLATE },
  { table: 'document_template_snapshots', column: 'body', label: 'Template text', describe: SNAPSHOT },
];

/** A template snapshot is stored once per text (content-addressed): a scrubbed text gets its new hash. */
function rehashSnapshots(db: Database, ids: ReadonlySet<number>): void {
  for (const id of ids) {
    const body = db.prepare('SELECT body FROM document_template_snapshots WHERE id = ?').pluck().get(id) as string;
    const hash = createHash('sha256').update(body).digest('hex');
    const same = db.prepare('SELECT id FROM document_template_snapshots WHERE hash = ? AND id <> ?').pluck().get(hash, id) as
      number | undefined;
    if (same === undefined) {
      db.prepare('UPDATE document_template_snapshots SET hash = ? WHERE id = ?').run(hash, id);
      continue;
    }
    db.prepare('UPDATE documents SET template_snapshot_id = ? WHERE template_snapshot_id = ?').run(same, id);
    db.prepare('UPDATE document_versions SET template_snapshot_id = ? WHERE template_snapshot_id = ?').run(same, id);
    db.prepare('DELETE FROM document_template_snapshots WHERE id = ?').run(id);
  }
}

function postIdsOf(db: Database, personId: number): Set<number> {
  return new Set(personTraces(db, personId).posts.map((p) => p.id));
}

/**
 * Documents refer to contacts by post id, and agreed versions keep a frozen copy of the values and
 * resolved text. When a person is erased, their post ids leave every document's values and versions
 * (an id could later be reused by someone else); their signatures go with their posts (cascade); and
 * their name, emails and phones are replaced in every text column above, frozen versions included.
 */
export const documentsErasureHook: ErasureHook = {
  area: 'documents',
  columns: documentsScrubColumns,
  links(db, personId) {
    const postIds = postIdsOf(db, personId);
    if (postIds.size === 0) return [];
    const marks = [...postIds].map(() => '?').join(',');
    const signed = db
      .prepare(
        `SELECT d.title, s.signed_on AS signedOn, d.created_at AS createdAt, d.updated_at AS updatedAt
           FROM document_signatories s JOIN documents d ON d.id = s.document_id WHERE s.post_id IN (${marks}) ORDER BY d.id`,
      )
      .all(...postIds) as { title: string; signedOn: string | null; createdAt: string; updatedAt: string }[];
    const links: ErasureLink[] = signed.map((s) => ({
      area: 'documents',
      kind: s.signedOn ? `Signatory (signed ${s.signedOn})` : 'Signatory',
      record: s.title,
      change: 'Removed as signatory',
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
    }));
    const templates = new Map<number, Template>();
    const rows = [
      ...(db
        .prepare(
          'SELECT title, template_snapshot_id AS snapshotId, values_json AS valuesJson, created_at AS createdAt, updated_at AS updatedAt FROM documents',
        )
        .all() as { title: string; snapshotId: number; valuesJson: string; createdAt: string; updatedAt: string | null }[]),
      ...(db
        .prepare(
          `SELECT d.title || ', version ' || v.label AS title, v.template_snapshot_id AS snapshotId, v.values_json AS valuesJson,
                  v.agreed_at AS createdAt, NULL AS updatedAt FROM document_versions v JOIN documents d ON d.id = v.document_id`,
        )
        .all() as { title: string; snapshotId: number; valuesJson: string; createdAt: string; updatedAt: string | null }[]),
    ];
    for (const r of rows) {
      const values = JSON.parse(r.valuesJson) as Record<string, unknown>;
      const next = withoutContacts(templateFor(db, templates, r.snapshotId), values, postIds);
      if (JSON.stringify(next) !== JSON.stringify(values))
        links.push({
          area: 'documents',
          kind: 'Named as a contact',
          record: r.title,
          change: 'Contact removed from the form',
          createdAt: r.createdAt,
          updatedAt: r.updatedAt,
        });
    }
    return links;
  },
  erasePerson(db: Database, personId: number) {
    const postIds = postIdsOf(db, personId);
    if (postIds.size === 0) return;
    const templates = new Map<number, Template>();
    for (const table of ['documents', 'document_versions'] as const) {
      const rows = db.prepare(`SELECT id, template_snapshot_id AS snapshotId, values_json AS valuesJson FROM ${table}`).all() as {
        id: number;
        snapshotId: number;
        valuesJson: string;
      }[];
      const update = db.prepare(`UPDATE ${table} SET values_json = ? WHERE id = ?`);
      for (const r of rows) {
        const next = JSON.stringify(withoutContacts(templateFor(db, templates, r.snapshotId), JSON.parse(r.valuesJson), postIds));
        if (next !== r.valuesJson) update.run(next, r.id);
      }
    }
  },
  afterScrub(db, changed) {
    const snapshots = changed.get('document_template_snapshots');
    if (snapshots) rehashSnapshots(db, snapshots);
  },
};

function templateFor(db: Database, cache: Map<number, Template>, snapshotId: number): Template {
  let t = cache.get(snapshotId);
  if (!t) {
    const body = db.prepare('SELECT body FROM document_template_snapshots WHERE id = ?').pluck().get(snapshotId) as string;
    t = templateSchema.parse(JSON.parse(body));
    cache.set(snapshotId, t);
  }
  return t;
}
