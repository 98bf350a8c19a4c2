import type { Database } from 'better-sqlite3';
import { templateSchema } from '../../shared/documents/template-schema';
import type { Template, TemplateField } from '../../shared/documents/template-schema';
import { personTraces } from '../partners/directory-api';
import type { ErasureHook } from '../partners/erasure';

const ERASED = '[erased]';

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

/** Replace every occurrence of the given strings in every string of a JSON value. */
export function scrubStrings(value: unknown, needles: readonly string[]): unknown {
  if (typeof value === 'string') return needles.reduce((s, n) => s.split(n).join(ERASED), value);
  if (Array.isArray(value)) return value.map((v) => scrubStrings(v, needles));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubStrings(v, needles)]));
  }
  return value;
}

/**
 * Documents refer to contacts by post id, and agreed versions keep a frozen copy of the resolved
 * text. When a person is erased, their post ids leave every document's values (an id could later be
 * reused by someone else) and their name, emails and phones are replaced in frozen versions.
 */
export const documentsErasureHook: ErasureHook = {
  area: 'documents',
  erasePerson(db: Database, personId: number) {
    const { name, posts } = personTraces(db, personId);
    const postIds = new Set(posts.map((p) => p.id));
    const needles = [name, ...posts.flatMap((p) => [p.email, p.phone])]
      .map((s) => s.trim())
      .filter((s) => s.length >= 3)
      .sort((a, b) => b.length - a.length);
    if (postIds.size === 0 && needles.length === 0) return;

    const templates = new Map<number, Template>();
    const templateFor = (snapshotId: number): Template => {
      let t = templates.get(snapshotId);
      if (!t) {
        const body = db.prepare('SELECT body FROM document_template_snapshots WHERE id = ?').pluck().get(snapshotId) as string;
        t = templateSchema.parse(JSON.parse(body));
        templates.set(snapshotId, t);
      }
      return t;
    };

    const docs = db.prepare('SELECT id, template_snapshot_id AS snapshotId, values_json AS valuesJson FROM documents').all() as {
      id: number;
      snapshotId: number;
      valuesJson: string;
    }[];
    const updateDoc = db.prepare('UPDATE documents SET values_json = ? WHERE id = ?');
    for (const d of docs) {
      const next = JSON.stringify(withoutContacts(templateFor(d.snapshotId), JSON.parse(d.valuesJson), postIds));
      if (next !== d.valuesJson) updateDoc.run(next, d.id);
    }

    const versions = db
      .prepare(
        'SELECT id, template_snapshot_id AS snapshotId, values_json AS valuesJson, tree_json AS treeJson FROM document_versions',
      )
      .all() as { id: number; snapshotId: number; valuesJson: string; treeJson: string }[];
    const updateVersion = db.prepare('UPDATE document_versions SET values_json = ?, tree_json = ? WHERE id = ?');
    for (const v of versions) {
      const values = JSON.stringify(withoutContacts(templateFor(v.snapshotId), JSON.parse(v.valuesJson), postIds));
      const tree = needles.length > 0 ? JSON.stringify(scrubStrings(JSON.parse(v.treeJson), needles)) : v.treeJson;
      if (values !== v.valuesJson || tree !== v.treeJson) updateVersion.run(values, tree, v.id);
    }
  },
};
