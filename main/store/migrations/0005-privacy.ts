import { uuidv7 } from '../../../shared/ids';
import type { Migration } from './types';

/**
 * An SQL expression making a UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, version 7, variant
 * 10, random bits. Used by the trigger below for rows inserted without a uid (older code paths,
 * fixtures); the app itself inserts uuidv7() from shared/ids.ts.
 */
const SQL_UUID_V7 = `lower(
  substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 1, 8) || '-' ||
  substr(printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)), 9, 4) || '-7' ||
  substr(hex(randomblob(2)), 2, 3) || '-' ||
  substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2, 3) || '-' ||
  hex(randomblob(6)))`;

/**
 * Privacy: people get a stable uid (integer ids can be reused after an erasure, so a record of
 * erasures made by id could hit the wrong person after a restore) and a version; a log of subject
 * access and erasure requests; retention settings and the reviews made against them.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'privacy: person uid, request log, retention',
  up(db) {
    db.exec(`
      ALTER TABLE people ADD COLUMN uid TEXT;
      ALTER TABLE people ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    `);
    const ids = db.prepare('SELECT id FROM people WHERE uid IS NULL ORDER BY id').pluck().all() as number[];
    const setUid = db.prepare('UPDATE people SET uid = ? WHERE id = ?');
    for (const id of ids) setUid.run(uuidv7(), id);
    db.exec(`
      CREATE UNIQUE INDEX people_uid ON people (uid);
      CREATE TRIGGER people_uid_default AFTER INSERT ON people WHEN NEW.uid IS NULL
      BEGIN
        UPDATE people SET uid = ${SQL_UUID_V7} WHERE id = NEW.id;
      END;
      CREATE TRIGGER people_version_bump AFTER UPDATE ON people
        WHEN NEW.version = OLD.version AND NEW.uid IS OLD.uid
      BEGIN
        UPDATE people SET version = OLD.version + 1 WHERE id = NEW.id;
      END;

      -- Subject access and erasure requests, each due one calendar month after it was received.
      -- subject is who it is about, as written; an erasure replaces it like any other text.
      CREATE TABLE privacy_requests (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('subject_access', 'erasure')),
        person_uid TEXT,
        subject TEXT NOT NULL CHECK (length(trim(subject)) > 0),
        received_on TEXT NOT NULL CHECK (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        due_on TEXT NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'withdrawn')),
        completed_on TEXT CHECK (completed_on IS NULL OR completed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        note TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX privacy_requests_due ON privacy_requests (status, due_on);

      -- How long each kind of record is kept before it is due for review or deletion.
      CREATE TABLE retention_rules (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL UNIQUE CHECK (kind IN ('archived_people', 'minutes', 'share_records')),
        months INTEGER NOT NULL CHECK (months BETWEEN 1 AND 1200),
        action TEXT NOT NULL CHECK (action IN ('review', 'delete')),
        version INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- A record the coordinator looked at and decided to keep: it is due again a full period later.
      CREATE TABLE retention_reviews (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('archived_people', 'minutes', 'share_records')),
        record_id INTEGER NOT NULL,
        reviewed_on TEXT NOT NULL CHECK (reviewed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        version INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL,
        UNIQUE (kind, record_id)
      ) STRICT;
    `);
    const now = new Date().toISOString();
    const rule = db.prepare('INSERT INTO retention_rules (uid, kind, months, action, updated_at) VALUES (?, ?, ?, ?, ?)');
    rule.run(uuidv7(), 'archived_people', 24, 'review', now);
    rule.run(uuidv7(), 'minutes', 72, 'review', now);
    rule.run(uuidv7(), 'share_records', 72, 'review', now);
  },
};
