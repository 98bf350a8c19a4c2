import type { Migration } from './types';

export const migration0001: Migration = {
  version: 1,
  name: 'partnership settings and audit log',
  up(db) {
    db.exec(`
      CREATE TABLE partnership_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        area TEXT NOT NULL DEFAULT '',
        coordinator_name TEXT NOT NULL DEFAULT '',
        coordinator_email TEXT NOT NULL DEFAULT '',
        default_marking TEXT NOT NULL DEFAULT 'OFFICIAL'
          CHECK (default_marking IN ('OFFICIAL', 'OFFICIAL-SENSITIVE')),
        updated_at TEXT NOT NULL
      ) STRICT;

      INSERT INTO partnership_settings (id, name, updated_at)
        VALUES (1, 'My anti-slavery partnership', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

      -- What happened to which record, never the content: erased data must leave no trace here.
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        action TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
    `);
  },
};
