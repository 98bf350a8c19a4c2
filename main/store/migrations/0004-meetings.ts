import type { Migration } from './types';

/**
 * Meetings, agendas, attendance, actions, decisions and decision-to-share records.
 * Depends only on 0002 (organisations, people, posts).
 */
export const migration0004: Migration = {
  version: 4,
  name: 'meetings: groups, meetings, agenda, attendance, actions, decisions',
  up(db) {
    db.exec(`
      -- A group is what "the same group" means for matters arising: the board, a sub-group…
      CREATE TABLE meeting_groups (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        kind TEXT NOT NULL CHECK (kind IN ('strategic_board', 'operational_group', 'sub_group', 'other')),
        archived_at TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX meeting_groups_name ON meeting_groups (name COLLATE NOCASE);

      -- starts_at/ends_at keep the offset the meeting was arranged in; start_utc orders them.
      CREATE TABLE meetings (
        id INTEGER PRIMARY KEY,
        group_id INTEGER NOT NULL REFERENCES meeting_groups (id),
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        type TEXT NOT NULL CHECK (type IN ('strategic_board', 'operational_group', 'sub_group', 'other')),
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        start_utc TEXT NOT NULL,
        time_zone TEXT NOT NULL DEFAULT 'Europe/London',
        location TEXT NOT NULL DEFAULT '',
        online_link TEXT NOT NULL DEFAULT '',
        chair_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
        minute_taker_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
        marking TEXT NOT NULL CHECK (marking IN ('OFFICIAL', 'OFFICIAL-SENSITIVE')),
        status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
        sequence INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (julianday(ends_at) > julianday(starts_at))
      ) STRICT;
      CREATE INDEX meetings_group_start ON meetings (group_id, start_utc);
      CREATE INDEX meetings_start ON meetings (start_utc);

      CREATE TABLE agenda_items (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL DEFAULT 'item'
          CHECK (kind IN ('item', 'welcome', 'previous_minutes', 'matters_arising', 'aob', 'next_meeting')),
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        lead_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
        minutes_allowed INTEGER CHECK (minutes_allowed IS NULL OR minutes_allowed BETWEEN 0 AND 1440),
        minutes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);

      -- A paper is a link or the NAME of a local file; no path from the renderer is ever stored.
      CREATE TABLE agenda_papers (
        id INTEGER PRIMARY KEY,
        agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('link', 'file')),
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        url TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX agenda_papers_item ON agenda_papers (agenda_item_id);

      CREATE TABLE attendance (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        organisation_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
        status TEXT NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'attended', 'apologies', 'absent', 'deputy')),
        deputy_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
        deputy_name TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (meeting_id, person_id)
      ) STRICT;
      CREATE INDEX attendance_organisation ON attendance (organisation_id);

      CREATE TABLE actions (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
        agenda_item_id INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
        description TEXT NOT NULL CHECK (length(trim(description)) > 0),
        owner_organisation_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
        owner_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
        due_on TEXT CHECK (due_on IS NULL OR due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
        pursue INTEGER NOT NULL DEFAULT 0 CHECK (pursue IN (0, 1)),
        prevent INTEGER NOT NULL DEFAULT 0 CHECK (prevent IN (0, 1)),
        protect INTEGER NOT NULL DEFAULT 0 CHECK (protect IN (0, 1)),
        prepare INTEGER NOT NULL DEFAULT 0 CHECK (prepare IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX actions_status_due ON actions (status, due_on);
      CREATE INDEX actions_meeting ON actions (meeting_id);
      CREATE INDEX actions_owner_org ON actions (owner_organisation_id, status);
      CREATE INDEX actions_owner_person ON actions (owner_person_id, status);

      CREATE TABLE action_updates (
        id INTEGER PRIMARY KEY,
        action_id INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
        noted_on TEXT NOT NULL,
        note TEXT NOT NULL CHECK (length(trim(note)) > 0),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX action_updates_action ON action_updates (action_id, noted_on);

      CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        agenda_item_id INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX decisions_meeting ON decisions (meeting_id);

      -- A record of a decision to share information: consent not sought needs its reason.
      CREATE TABLE share_decisions (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
        information TEXT NOT NULL CHECK (length(trim(information)) > 0),
        purpose TEXT NOT NULL CHECK (length(trim(purpose)) > 0),
        recipients TEXT NOT NULL CHECK (length(trim(recipients)) > 0),
        shared_on TEXT NOT NULL,
        justification TEXT NOT NULL CHECK (length(trim(justification)) > 0),
        consent_sought INTEGER NOT NULL CHECK (consent_sought IN (0, 1)),
        no_consent_reason TEXT NOT NULL DEFAULT '',
        decided_by TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (consent_sought = 1 OR length(trim(no_consent_reason)) > 0)
      ) STRICT;
      CREATE INDEX share_decisions_date ON share_decisions (shared_on);
    `);
  },
};
