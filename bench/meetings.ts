import type { Database } from 'better-sqlite3';
import { buildPackTree } from '../main/meetings/handlers';
import type { HostServices } from '../main/ipc/dispatcher';
import type { Measurement } from './lib';
import { measure } from './lib';
import type { Scale } from './scale';
import type { BenchSuite } from './suites';

const GROUPS: [string, string][] = [
  ['Strategic Board', 'strategic_board'],
  ['Operational Group North', 'operational_group'],
  ['Operational Group South', 'operational_group'],
  ['Labour Exploitation Sub-group', 'sub_group'],
  ['Sexual Exploitation Sub-group', 'sub_group'],
  ['Criminal Exploitation Sub-group', 'sub_group'],
  ['Victim Support Sub-group', 'sub_group'],
  ['Training and Awareness Sub-group', 'sub_group'],
  ['Data and Intelligence Sub-group', 'sub_group'],
  ['Communications Sub-group', 'other'],
];
const VERBS = ['Share', 'Review', 'Map', 'Draft', 'Circulate', 'Arrange', 'Update', 'Chase', 'Confirm', 'Present'];
const THINGS = [
  'the referral pathway',
  'hand car wash visits',
  'the training calendar',
  'the NRM data return',
  'the victim care leaflet',
  'the information-sharing agreement',
  'the annual report',
  'the partnership risk register',
  'the multi-agency visit plan',
  'the awareness campaign',
];

/**
 * Meetings, agendas, attendance and actions at scale. Organisations and people come from the
 * partner directory seeder when it runs first; a minimal set is added only if there is none.
 */
export function seedMeetings(db: Database, scale: Scale, random: () => number): void {
  const at = '2026-01-01T00:00:00.000Z';
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  if ((db.prepare('SELECT COUNT(*) AS n FROM organisations').get() as { n: number }).n === 0) {
    const org = db.prepare('INSERT INTO organisations (name, created_at, updated_at) VALUES (?, ?, ?)');
    const person = db.prepare('INSERT INTO people (name, created_at, updated_at) VALUES (?, ?, ?)');
    const post = db.prepare(
      'INSERT INTO posts (person_id, organisation_id, job_title, email, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (let o = 1; o <= 200; o++) {
      const orgId = Number(org.run(`Bench Organisation ${o}`, at, at).lastInsertRowid);
      for (let p = 1; p <= 4; p++) {
        const personId = Number(person.run(`Bench Person ${o}-${p}`, at, at).lastInsertRowid);
        post.run(personId, orgId, 'Officer', `person${o}.${p}@bench.example`, at);
      }
    }
  }
  const orgIds = (db.prepare('SELECT id FROM organisations LIMIT 500').all() as { id: number }[]).map((r) => r.id);
  const posts = db
    .prepare('SELECT person_id AS personId, organisation_id AS organisationId FROM posts WHERE ended_on IS NULL LIMIT 3000')
    .all() as { personId: number; organisationId: number }[];

  const group = db.prepare('INSERT INTO meeting_groups (name, kind, created_at) VALUES (?, ?, ?)');
  const groupIds = GROUPS.map(([name, kind]) => Number(group.run(name, kind, at).lastInsertRowid));
  const meeting = db.prepare(
    `INSERT INTO meetings (group_id, title, type, starts_at, ends_at, start_utc, location, marking, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'Town Hall', ?, ?, ?, ?)`,
  );
  const item = db.prepare(
    `INSERT INTO agenda_items (meeting_id, position, kind, title, minutes_allowed, minutes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const attend = db.prepare(
    `INSERT OR IGNORE INTO attendance (meeting_id, person_id, organisation_id, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const action = db.prepare(
    `INSERT INTO actions (meeting_id, description, owner_organisation_id, owner_person_id, due_on, status, pursue, prevent,
                          protect, prepare, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const decision = db.prepare('INSERT INTO decisions (meeting_id, text, created_at, updated_at) VALUES (?, ?, ?, ?)');
  const now = Date.parse('2026-11-01T00:00:00Z');
  const span = 8 * 365 * 86_400_000;
  const perMeeting = Math.max(1, Math.round(scale.actions / scale.meetings));
  for (let i = 0; i < scale.meetings; i++) {
    const g = i % groupIds.length;
    // Spread over eight years up to a few months ahead; whole hours in UTC keep it simple.
    const start = new Date(now - span + Math.floor((i / scale.meetings) * (span + 120 * 86_400_000)));
    start.setUTCHours(9 + (i % 5), 0, 0, 0);
    const end = new Date(start.getTime() + 2 * 3_600_000);
    const future = start.getTime() > Date.parse('2026-11-25T00:00:00Z');
    const id = Number(
      meeting.run(
        groupIds[g]!,
        GROUPS[g]![0],
        GROUPS[g]![1],
        start.toISOString(),
        end.toISOString(),
        start.toISOString(),
        random() < 0.2 ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL',
        future ? 'planned' : random() < 0.05 ? 'cancelled' : 'held',
        at,
        at,
      ).lastInsertRowid,
    );
    const titles = [
      'Welcome and apologies',
      'Minutes of the last meeting',
      'Matters arising',
      pick(THINGS),
      'Any other business',
    ];
    const kinds = ['welcome', 'previous_minutes', 'matters_arising', 'item', 'aob'];
    titles.forEach((t, n) => item.run(id, n, kinds[n], t, 10, future ? '' : `Discussion of ${t}.`, at, at));
    for (let a = 0; a < 8; a++) {
      const p = pick(posts);
      const r = random();
      attend.run(
        id,
        p.personId,
        p.organisationId,
        future ? 'invited' : r < 0.7 ? 'attended' : r < 0.85 ? 'apologies' : r < 0.95 ? 'deputy' : 'absent',
        at,
        at,
      );
    }
    if (!future) decision.run(id, `Agreed to ${pick(VERBS).toLowerCase()} ${pick(THINGS)}.`, at, at);
    for (let a = 0; a < perMeeting; a++) {
      const p = pick(posts);
      const due = new Date(start.getTime() + (14 + Math.floor(random() * 120)) * 86_400_000).toISOString().slice(0, 10);
      // Actions from the last year are often still open; older ones are nearly all closed.
      const recent = now - start.getTime() < 365 * 86_400_000;
      const r = random();
      const openShare = recent ? 0.35 : 0.015;
      const status = r < openShare * 0.7 ? 'open' : r < openShare ? 'in_progress' : r < openShare + 0.08 ? 'dropped' : 'done';
      action.run(
        id,
        `${pick(VERBS)} ${pick(THINGS)}`,
        random() < 0.9 ? p.organisationId : pick(orgIds),
        random() < 0.8 ? p.personId : null,
        due,
        status,
        random() < 0.3 ? 1 : 0,
        random() < 0.3 ? 1 : 0,
        random() < 0.3 ? 1 : 0,
        random() < 0.3 ? 1 : 0,
        at,
        at,
      );
    }
  }
}

export const meetingsBench: BenchSuite = {
  name: 'meetings',
  run: async ({ db, dispatch, dataDir }) => {
    const results: Measurement[] = [];
    const call = async (channel: string, payload: unknown) => {
      const r = await dispatch(channel, payload);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value;
    };
    const counts = db.prepare("SELECT COUNT(*) AS actions, SUM(status IN ('open','in_progress')) AS open FROM actions").get() as {
      actions: number;
      open: number;
    };
    const org = db
      .prepare('SELECT owner_organisation_id AS id FROM actions GROUP BY owner_organisation_id ORDER BY COUNT(*) DESC LIMIT 1')
      .get() as { id: number };
    const person = db
      .prepare(
        'SELECT owner_person_id AS id FROM actions WHERE owner_person_id IS NOT NULL GROUP BY owner_person_id ORDER BY COUNT(*) DESC LIMIT 1',
      )
      .get() as { id: number };
    const group = db.prepare("SELECT id FROM meeting_groups WHERE name = 'Strategic Board'").get() as { id: number };
    const note = `${counts.actions} actions, ${counts.open} open`;
    results.push(
      await measure(
        'meetings: action log, default view (open, first 200)',
        () => call('meetings.actions.list', { statuses: ['open', 'in_progress'] }),
        {
          runs: 30,
          warmup: 3,
          goalMs: 50,
          note,
        },
      ),
      await measure('meetings: action log, overdue only', () => call('meetings.actions.list', { overdueOnly: true }), {
        runs: 30,
        warmup: 3,
        goalMs: 50,
      }),
      await measure('meetings: action log, by organisation', () => call('meetings.actions.list', { organisationId: org.id }), {
        runs: 30,
        warmup: 3,
        goalMs: 50,
      }),
      await measure('meetings: action log, by owner', () => call('meetings.actions.list', { ownerPersonId: person.id }), {
        runs: 30,
        warmup: 3,
        goalMs: 50,
      }),
      await measure(
        'meetings: action log, by group, any status, search',
        () => call('meetings.actions.list', { groupId: group.id, search: 'referral' }),
        { runs: 30, warmup: 3, goalMs: 50 },
      ),
      await measure('meetings: overdue count (sidebar badge)', () => call('meetings.actions.overdueCount', {}), {
        runs: 50,
        warmup: 5,
        goalMs: 50,
      }),
    );
    // The pack for the Strategic Board's latest meeting: agenda, previous minutes and all its open actions.
    const next = db.prepare('SELECT id FROM meetings WHERE group_id = ? ORDER BY start_utc DESC LIMIT 1').get(group.id) as {
      id: number;
    };
    const open = db
      .prepare(
        "SELECT COUNT(*) AS n FROM actions a JOIN meetings m ON m.id = a.meeting_id WHERE m.group_id = ? AND a.status IN ('open','in_progress')",
      )
      .get(group.id) as { n: number };
    const host = { db, host: { kind: 'browser', appVersion: 'bench', dataDir } as HostServices };
    results.push(
      await measure('meetings: meeting pack tree (no file)', () => buildPackTree(host, next.id, new Date()), {
        runs: 10,
        warmup: 2,
        note: `${open.n} open actions in the group`,
      }),
      await measure(
        'meetings: meeting pack export (.docx via writeDocx)',
        () => call('meetings.export.pack', { meetingId: next.id }),
        {
          runs: 10,
          warmup: 2,
          goalMs: 300,
        },
      ),
      await measure('meetings: minutes export (.docx)', () => call('meetings.export.minutes', { meetingId: next.id - 10 }), {
        runs: 10,
        warmup: 2,
      }),
    );
    return results;
  },
};
