import type { Migration } from './types';

/**
 * The Toolkit area: checklist assessments, the resource library (with its own full-text index and
 * local files kept as BLOBs so they are encrypted and backed up with the rest), training courses and
 * records, and newsletters. Depends on 0002 (organisations, people).
 */
export const migration0006: Migration = {
  version: 6,
  name: 'toolkit: assessments, resources, training, newsletters',
  up(db) {
    db.exec(`
      -- A saved checklist run. Evidence is frozen as it was computed on the day, so comparisons mean something.
      CREATE TABLE toolkit_assessments (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL DEFAULT 1,
        assessed_on TEXT NOT NULL,
        answers_json TEXT NOT NULL,
        evidence_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX toolkit_assessments_date ON toolkit_assessments (assessed_on, id);

      CREATE TABLE toolkit_resources (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL DEFAULT 1,
        -- Set for entries seeded from the shipped catalogue; never seeded twice.
        catalogue_key TEXT UNIQUE,
        source TEXT NOT NULL CHECK (source IN ('catalogue', 'user')),
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        publisher TEXT NOT NULL DEFAULT '',
        type TEXT NOT NULL,
        year INTEGER,
        topics TEXT NOT NULL DEFAULT '',
        audience TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        link_status TEXT NOT NULL DEFAULT 'unchecked' CHECK (link_status IN ('unchecked', 'ok', 'may_be_broken')),
        link_checked_on TEXT,
        file_name TEXT NOT NULL DEFAULT '',
        file_mime TEXT NOT NULL DEFAULT '',
        file_size INTEGER NOT NULL DEFAULT 0,
        file_bytes BLOB,
        added_on TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX toolkit_resources_added ON toolkit_resources (added_on);
      CREATE VIRTUAL TABLE toolkit_resource_search USING fts5 (
        title, summary, publisher, topics, notes, tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TABLE training_courses (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL DEFAULT 1,
        catalogue_key TEXT UNIQUE,
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        provider TEXT NOT NULL DEFAULT '',
        format TEXT NOT NULL DEFAULT '',
        audience TEXT NOT NULL DEFAULT '',
        length TEXT NOT NULL DEFAULT '',
        cost TEXT NOT NULL DEFAULT 'unknown' CHECK (cost IN ('free', 'paid', 'unknown')),
        url TEXT NOT NULL DEFAULT '',
        first_responder INTEGER NOT NULL DEFAULT 0 CHECK (first_responder IN (0, 1)),
        refresher_months INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;

      -- One row per trained person. Erasure of the person removes the row.
      CREATE TABLE training_records (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL DEFAULT 1,
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        organisation_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
        course_id INTEGER NOT NULL REFERENCES training_courses (id),
        trained_on TEXT NOT NULL,
        refresher_due TEXT,
        notes TEXT NOT NULL DEFAULT '',
        certificate_name TEXT NOT NULL DEFAULT '',
        certificate_mime TEXT NOT NULL DEFAULT '',
        certificate_bytes BLOB,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX training_records_person ON training_records (person_id);
      CREATE INDEX training_records_course ON training_records (course_id, organisation_id);

      -- Data minimisation: how many came from an organisation, without a record per trainee.
      CREATE TABLE training_delegate_counts (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL DEFAULT 1,
        organisation_id INTEGER NOT NULL REFERENCES organisations (id),
        course_id INTEGER NOT NULL REFERENCES training_courses (id),
        trained_on TEXT NOT NULL,
        delegates INTEGER NOT NULL CHECK (delegates BETWEEN 1 AND 100000),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;

      CREATE TABLE toolkit_newsletters (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL DEFAULT 1,
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        introduction TEXT NOT NULL DEFAULT '',
        call_for_examples TEXT NOT NULL DEFAULT '',
        items_json TEXT NOT NULL DEFAULT '[]',
        sent_on TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
    `);
  },
};
