import { uuidv7 } from '../../../shared/ids';
import type { Migration } from './types';

/**
 * The annual report's records: dated membership history (organisations only had created and
 * archived dates), partner agency returns per organisation per year, and the coordinator's written
 * sections of each year's report. Depends on 0002 (organisations).
 *
 * Membership history is backfilled from what is known: each organisation joined on the day it was
 * created (in its current tier), and left on the day it was archived. An organisation recorded as
 * a former member was never a member in the known history: it gets one "left" row on its created
 * date, so the year it was entered counts no joiner or leaver.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'reports: membership history, agency returns, annual reports',
  up(db) {
    db.exec(`
      -- One row per change in an organisation's membership, from the date it took effect.
      -- kind: joined (became a member), left (stopped: archived or made a former member),
      -- tier_changed (core, associate or observer). membership is the tier from that date.
      CREATE TABLE membership_events (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        effective_on TEXT NOT NULL CHECK (effective_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        kind TEXT NOT NULL CHECK (kind IN ('joined', 'left', 'tier_changed')),
        membership TEXT NOT NULL CHECK (membership IN ('core', 'associate', 'observer', 'former')),
        previous_membership TEXT CHECK (previous_membership IS NULL OR previous_membership IN ('core', 'associate', 'observer', 'former')),
        recorded_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX membership_events_org ON membership_events (organisation_id, effective_on, id);
      CREATE INDEX membership_events_date ON membership_events (effective_on);

      -- What a partner agency did in a year under each of the 4Ps, as typed in by the coordinator.
      CREATE TABLE agency_returns (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        requested_on TEXT,
        returned_on TEXT,
        pursue TEXT NOT NULL DEFAULT '',
        prevent TEXT NOT NULL DEFAULT '',
        protect TEXT NOT NULL DEFAULT '',
        prepare TEXT NOT NULL DEFAULT '',
        highlights TEXT NOT NULL DEFAULT '',
        challenges TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT,
        UNIQUE (organisation_id, year)
      ) STRICT;
      CREATE INDEX agency_returns_year ON agency_returns (year, returned_on);

      -- The coordinator's sections of a year's report (progress, problems, priorities, points for action).
      CREATE TABLE annual_reports (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        year INTEGER NOT NULL UNIQUE CHECK (year BETWEEN 1990 AND 2100),
        progress TEXT NOT NULL DEFAULT '',
        problems TEXT NOT NULL DEFAULT '',
        priorities TEXT NOT NULL DEFAULT '',
        points_for_action TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
    `);

    const orgs = db.prepare('SELECT id, membership, created_at, archived_at FROM organisations ORDER BY id').all() as {
      id: number;
      membership: string;
      created_at: string;
      archived_at: string | null;
    }[];
    const insert = db.prepare(
      `INSERT INTO membership_events (uid, organisation_id, effective_on, kind, membership, previous_membership, recorded_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const now = new Date().toISOString();
    for (const o of orgs) {
      const created = o.created_at.slice(0, 10);
      if (o.membership === 'former') {
        insert.run(uuidv7(), o.id, created, 'left', 'former', null, now, now);
        continue;
      }
      insert.run(uuidv7(), o.id, created, 'joined', o.membership, null, now, now);
      if (o.archived_at) insert.run(uuidv7(), o.id, o.archived_at.slice(0, 10), 'left', o.membership, o.membership, now, now);
    }
  },
};
