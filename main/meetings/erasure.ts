import type { Database } from 'better-sqlite3';
import { personTraces } from '../partners/directory-api';
import type { ErasureHook } from '../partners/erasure';

/** Free-text columns in which a coordinator may have typed a person's name. */
const TEXT_COLUMNS: readonly [table: string, column: string][] = [
  ['agenda_items', 'minutes'],
  ['actions', 'description'],
  ['action_updates', 'note'],
  ['decisions', 'text'],
  ['share_decisions', 'information'],
  ['share_decisions', 'recipients'],
  ['share_decisions', 'justification'],
  ['share_decisions', 'decided_by'],
];

/**
 * Attendance and roles go by foreign key (rows cascade, chair and owner links are cleared). What a
 * foreign key cannot reach is the person's name typed as text: a deputy's name, or the name written
 * into minutes, actions and decisions. Those occurrences become "[erased]".
 */
export const meetingsErasureHook: ErasureHook = {
  area: 'meetings',
  erasePerson(db: Database, personId: number) {
    const name = personTraces(db, personId).name.trim();
    if (!name || name.length < 3) return;
    db.prepare("UPDATE attendance SET deputy_name = '[erased]' WHERE deputy_name = ?").run(name);
    for (const [table, column] of TEXT_COLUMNS) {
      db.prepare(`UPDATE ${table} SET ${column} = replace(${column}, ?, '[erased]') WHERE instr(${column}, ?) > 0`).run(
        name,
        name,
      );
    }
  },
};
