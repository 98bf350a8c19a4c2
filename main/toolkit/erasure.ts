import type { Database } from 'better-sqlite3';
import type { ErasureHook } from '../partners/erasure';

/** Free-text columns in the Toolkit area where a coordinator may have typed a person's name. */
export const TOOLKIT_TEXT_COLUMNS: readonly [table: string, column: string][] = [
  ['toolkit_assessments', 'answers_json'],
  ['toolkit_resources', 'notes'],
  ['training_records', 'notes'],
  ['toolkit_newsletters', 'introduction'],
  ['toolkit_newsletters', 'call_for_examples'],
  ['toolkit_newsletters', 'items_json'],
];

/**
 * A person's training records (and their certificates) go with them. Their name typed into notes,
 * checklist answers or a newsletter becomes "[erased]"; the resource search index follows its notes.
 * `columns` declares the text columns scrubbed, for the privacy checks that list them.
 */
export const toolkitErasureHook: ErasureHook & { columns: readonly [string, string][] } = {
  area: 'toolkit',
  columns: TOOLKIT_TEXT_COLUMNS,
  erasePerson(db: Database, personId: number) {
    db.prepare('DELETE FROM training_records WHERE person_id = ?').run(personId);
    const name = (db.prepare('SELECT name FROM people WHERE id = ?').pluck().get(personId) as string | undefined)?.trim();
    if (!name || name.length < 3) return;
    const touched = db.prepare('SELECT id FROM toolkit_resources WHERE instr(notes, ?) > 0').pluck().all(name) as number[];
    for (const [table, column] of TOOLKIT_TEXT_COLUMNS) {
      // JSON text is scrubbed with the name as JSON would spell it, so the document stays valid.
      const needle = column.endsWith('_json') ? JSON.stringify(name).slice(1, -1) : name;
      db.prepare(`UPDATE ${table} SET ${column} = replace(${column}, ?, '[erased]') WHERE instr(${column}, ?) > 0`).run(
        needle,
        needle,
      );
    }
    const reindex = db.prepare(
      'UPDATE toolkit_resource_search SET notes = (SELECT notes FROM toolkit_resources WHERE id = ?) WHERE rowid = ?',
    );
    for (const id of touched) reindex.run(id, id);
  },
};
