import type { Migration } from './types';

export const migration0002: Migration = {
  version: 2,
  name: 'partner directory: organisations, people, posts, search index',
  up(db) {
    db.exec(`
      CREATE TABLE organisations (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        sector TEXT NOT NULL DEFAULT 'other',
        membership TEXT NOT NULL DEFAULT 'core' CHECK (membership IN ('core', 'associate', 'observer', 'former')),
        pursue INTEGER NOT NULL DEFAULT 0 CHECK (pursue IN (0, 1)),
        prevent INTEGER NOT NULL DEFAULT 0 CHECK (prevent IN (0, 1)),
        protect INTEGER NOT NULL DEFAULT 0 CHECK (protect IN (0, 1)),
        prepare INTEGER NOT NULL DEFAULT 0 CHECK (prepare IN (0, 1)),
        address TEXT NOT NULL DEFAULT '',
        website TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        archived_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX organisations_name ON organisations (name COLLATE NOCASE);
      CREATE INDEX organisations_sector ON organisations (sector, membership);

      CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        pronouns TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        lawful_basis TEXT NOT NULL DEFAULT '',
        last_verified TEXT,
        archived_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX people_name ON people (name COLLATE NOCASE);

      -- A person's job at an organisation. Ending a post keeps it as history.
      CREATE TABLE posts (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        organisation_id INTEGER NOT NULL REFERENCES organisations (id),
        job_title TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        is_spoc INTEGER NOT NULL DEFAULT 0 CHECK (is_spoc IN (0, 1)),
        started_on TEXT,
        ended_on TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX posts_person ON posts (person_id);
      CREATE INDEX posts_organisation ON posts (organisation_id, ended_on);
      CREATE INDEX posts_email ON posts (email COLLATE NOCASE);
      CREATE INDEX posts_spoc ON posts (organisation_id, is_spoc, ended_on);
      CREATE INDEX people_verified ON people (last_verified);
      -- Covers the people list's usual order and filters, so a filtered page reads the index only.
      CREATE INDEX people_list ON people (name COLLATE NOCASE, archived_at, last_verified);

      -- One search index over organisations and people, kept in step by main/partners/search-index.ts.
      -- rowid = organisation id negated, or person id. Searched columns: name; current job titles;
      -- organisation names; email addresses. The UNINDEXED columns hold what a result shows, so a
      -- search is one query with no lookups. A regular (not contentless) table on purpose: with secure-delete, a
      -- deletion rewrites the index pages at once, whereas a contentless table only records a
      -- tombstone and keeps the tokens until the next merge (erasure must leave no trace).
      CREATE VIRTUAL TABLE directory_search USING fts5(
        name, titles, organisations, emails,
        detail UNINDEXED, email UNINDEXED, archived UNINDEXED,
        prefix = '1 2 3',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO directory_search (directory_search, rank) VALUES ('secure-delete', 1);
      INSERT INTO directory_search (directory_search, rank) VALUES ('rank', 'bm25(10.0, 4.0, 2.0, 3.0)');
    `);
  },
};
