import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../main/handlers';
import { erasureHooks } from '../../../main/partners/erasure';
import { ERASURE_EXEMPT_COLUMNS, ERASURE_EXEMPT_TABLES } from '../../../main/privacy/exempt-columns';
import { createTestDb } from '../../helpers/db';

let t: ReturnType<typeof createTestDb>;
beforeEach(() => {
  t = createTestDb();
});
afterEach(() => t.cleanup());

/** Every TEXT (or untyped) column of every table, from the schema itself. */
function textColumns(): string[] {
  const tables = t.db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return tables.flatMap((table) =>
    (t.db.prepare('SELECT name, type FROM pragma_table_info(?)').all(table) as { name: string; type: string }[])
      .filter((c) => c.type === '' || /TEXT|CHAR|CLOB/i.test(c.type))
      .map((c) => `${table}.${c.name}`),
  );
}

describe('erasure covers every text column', () => {
  it('each TEXT column in the schema is scrubbed by a hook or exempted with a reason', () => {
    const scrubbed = new Set(erasureHooks().flatMap((h) => (h.columns ?? []).map((c) => `${c.table}.${c.column}`)));
    const uncovered = textColumns().filter(
      (c) =>
        !scrubbed.has(c) &&
        !(c in ERASURE_EXEMPT_COLUMNS) &&
        !ERASURE_EXEMPT_TABLES.some((x) => x.pattern.test(c.split('.')[0]!)),
    );
    expect(uncovered).toEqual([]);
  });

  it('declares no column that is not in the schema, and exempts nothing it also scrubs', () => {
    const all = new Set(textColumns());
    const declared = erasureHooks().flatMap((h) => (h.columns ?? []).map((c) => `${c.table}.${c.column}`));
    expect(declared.filter((c) => !all.has(c))).toEqual([]);
    expect(Object.keys(ERASURE_EXEMPT_COLUMNS).filter((c) => !all.has(c))).toEqual([]);
    expect(declared.filter((c) => c in ERASURE_EXEMPT_COLUMNS)).toEqual([]);
    for (const reason of Object.values(ERASURE_EXEMPT_COLUMNS)) expect(reason.length).toBeGreaterThan(10);
  });

  it('includes the 14 columns the probe found holding erased details', () => {
    const declared = new Set(erasureHooks().flatMap((h) => (h.columns ?? []).map((c) => `${c.table}.${c.column}`)));
    for (const c of [
      'documents.values_json',
      'document_versions.values_json',
      'document_versions.agreed_by',
      'document_versions.note',
      'document_versions.tree_json',
      'meetings.title',
      'meetings.location',
      'agenda_items.title',
      'agenda_items.minutes',
      'agenda_papers.title',
      'actions.description',
      'action_updates.note',
      'share_decisions.purpose',
      'share_decisions.recipients',
    ])
      expect(declared.has(c), c).toBe(true);
  });
});
