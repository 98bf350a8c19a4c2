import type { Migration } from './types';

/**
 * Every record a person edits gets a version, bumped on each update, so a save based on an older
 * version is refused instead of overwriting someone else's change. Settings name the coordinator
 * as a directory person.
 */
export const VERSIONED_TABLES = [
  'partnership_settings',
  'organisations',
  'people',
  'posts',
  'meetings',
  'agenda_items',
  'actions',
  'share_decisions',
] as const;

export const migration0011: Migration = {
  version: 11,
  name: 'versions on edited records; the coordinator as a directory person',
  up(db) {
    for (const table of VERSIONED_TABLES) {
      // Some tables already have one (people: the privacy migration, 0005).
      const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
      if (columns.some((c) => c.name === 'version')) continue;
      db.exec(`ALTER TABLE ${table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)`);
    }
    db.exec(`
      ALTER TABLE partnership_settings
        ADD COLUMN coordinator_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL;
    `);
  },
};
