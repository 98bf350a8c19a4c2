import type { Migration } from './types';

/**
 * Plans: a strategy with priorities (tagged with the 4Ps), numbered objectives, links from objectives
 * to actions in the action log, and indicators with their readings. Depends on 0004 (actions).
 * Numbers come from position until the plan is agreed or exported; then each is stored in
 * frozen_number and kept, however the rows are later reordered.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'plans: strategy, priorities, objectives, linked actions, indicators and readings',
  up(db) {
    db.exec(`
      CREATE TABLE plans (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        starts_on TEXT NOT NULL CHECK (starts_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        ends_on TEXT NOT NULL CHECK (ends_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        vision TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'agreed')),
        agreed_at TEXT,
        numbering_frozen_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT,
        CHECK (ends_on >= starts_on),
        CHECK (status = 'draft' OR agreed_at IS NOT NULL)
      ) STRICT;

      CREATE TABLE plan_priorities (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        plan_id INTEGER NOT NULL REFERENCES plans (id),
        position INTEGER NOT NULL,
        frozen_number TEXT,
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        description TEXT NOT NULL DEFAULT '',
        pursue INTEGER NOT NULL DEFAULT 0 CHECK (pursue IN (0, 1)),
        prevent INTEGER NOT NULL DEFAULT 0 CHECK (prevent IN (0, 1)),
        protect INTEGER NOT NULL DEFAULT 0 CHECK (protect IN (0, 1)),
        prepare INTEGER NOT NULL DEFAULT 0 CHECK (prepare IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX plan_priorities_plan ON plan_priorities (plan_id, position);

      CREATE TABLE plan_objectives (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        priority_id INTEGER NOT NULL REFERENCES plan_priorities (id),
        position INTEGER NOT NULL,
        frozen_number TEXT,
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX plan_objectives_priority ON plan_objectives (priority_id, position);

      -- Activities are actions in the action log; an action deleted there leaves the plan with it.
      CREATE TABLE plan_objective_actions (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        objective_id INTEGER NOT NULL REFERENCES plan_objectives (id),
        action_id INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (objective_id, action_id)
      ) STRICT;
      CREATE INDEX plan_objective_actions_action ON plan_objective_actions (action_id);

      CREATE TABLE plan_indicators (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        priority_id INTEGER NOT NULL REFERENCES plan_priorities (id),
        -- Null: the indicator belongs to the priority as a whole.
        objective_id INTEGER REFERENCES plan_objectives (id),
        position INTEGER NOT NULL,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        unit TEXT NOT NULL DEFAULT '',
        baseline REAL,
        target REAL,
        direction TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),
        frequency TEXT NOT NULL CHECK (frequency IN ('monthly', 'quarterly', 'yearly')),
        source TEXT NOT NULL CHECK (source IN ('manual', 'meetings_held', 'attendance_by_sector', 'isa_signed',
                                                'actions_on_time', 'people_trained', 'resources_shared')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX plan_indicators_priority ON plan_indicators (priority_id, position);

      CREATE TABLE plan_indicator_readings (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        indicator_id INTEGER NOT NULL REFERENCES plan_indicators (id),
        period_label TEXT NOT NULL CHECK (length(trim(period_label)) > 0),
        period_end TEXT NOT NULL CHECK (period_end GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        value REAL NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX plan_indicator_readings_indicator ON plan_indicator_readings (indicator_id, period_end);
    `);
  },
};
