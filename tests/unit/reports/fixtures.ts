import type { Database } from 'better-sqlite3';
import { uuidv7 } from '../../../shared/ids';
import { recordMembershipChange } from '../../../main/partners/membership';

/*
 * Records across two years (2025 and 2026) with known dates, inserted directly so the dates are
 * what the test says. Membership history is recorded with its dates through main/partners.
 */
export const PEOPLE = [
  { name: 'Priya Testperson', email: 'priya.testperson@police.example' },
  { name: 'Olu Fixture', email: 'olu.fixture@nhs.example' },
  { name: 'Marek Sample', email: 'marek.sample@ngo.example' },
  { name: 'Dana Example', email: 'dana.example@biz.example' },
] as const;

const at = '2024-01-01T09:00:00.000Z';

function org(db: Database, name: string, sector: string, membership = 'core'): number {
  return Number(
    db
      .prepare('INSERT INTO organisations (name, sector, membership, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(name, sector, membership, at, at).lastInsertRowid,
  );
}

function person(db: Database, name: string, email: string, organisationId: number): number {
  const id = Number(
    db.prepare('INSERT INTO people (name, created_at, updated_at) VALUES (?, ?, ?)').run(name, at, at).lastInsertRowid,
  );
  db.prepare('INSERT INTO posts (person_id, organisation_id, job_title, email, created_at) VALUES (?, ?, ?, ?, ?)').run(
    id,
    organisationId,
    'Officer',
    email,
    at,
  );
  return id;
}

function meeting(db: Database, groupId: number, date: string, status: string, present: [number, number, string][]): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO meetings (group_id, title, type, starts_at, ends_at, start_utc, marking, status, created_at, updated_at)
         VALUES (?, 'Board', 'strategic_board', ?, ?, ?, 'OFFICIAL', ?, ?, ?)`,
      )
      .run(groupId, `${date}T10:00:00+00:00`, `${date}T12:00:00+00:00`, `${date}T10:00:00.000Z`, status, at, at).lastInsertRowid,
  );
  for (const [personId, organisationId, s] of present)
    db.prepare(
      'INSERT INTO attendance (meeting_id, person_id, organisation_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(id, personId, organisationId, s, at, at);
  return id;
}

function action(db: Database, created: string, updated: string, status: string, dueOn: string | null): void {
  db.prepare('INSERT INTO actions (description, status, due_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
    'Do a thing',
    status,
    dueOn,
    `${created}T09:00:00.000Z`,
    `${updated}T09:00:00.000Z`,
  );
}

export type Fixture = { orgs: Record<'police' | 'health' | 'ngo' | 'business' | 'council', number> };

export function seedTwoYears(db: Database): Fixture {
  const orgs = {
    police: org(db, 'Testshire Police', 'police'),
    health: org(db, 'Testshire NHS Trust', 'health'),
    ngo: org(db, 'Safe Haven Testshire', 'ngo-local'),
    business: org(db, 'Testshire Chamber', 'business'),
    council: org(db, 'Testshire Council', 'la-community-safety', 'core'),
  };
  recordMembershipChange(db, orgs.police, null, { membership: 'core', archived: false }, '2024-05-01');
  recordMembershipChange(db, orgs.health, null, { membership: 'core', archived: false }, '2025-03-01');
  recordMembershipChange(db, orgs.business, null, { membership: 'core', archived: false }, '2025-06-01');
  recordMembershipChange(db, orgs.ngo, null, { membership: 'core', archived: false }, '2026-02-01');
  recordMembershipChange(
    db,
    orgs.business,
    { membership: 'core', archived: false },
    { membership: 'core', archived: true },
    '2026-07-01',
  );
  recordMembershipChange(db, orgs.council, null, { membership: 'associate', archived: false }, '2026-04-01');
  recordMembershipChange(
    db,
    orgs.council,
    { membership: 'associate', archived: false },
    { membership: 'core', archived: false },
    '2026-09-01',
  );
  db.prepare('UPDATE organisations SET archived_at = ? WHERE id = ?').run('2026-07-01T09:00:00.000Z', orgs.business);

  const [p1, p2, p3, p4] = PEOPLE.map((p, i) =>
    person(db, p.name, p.email, [orgs.police, orgs.health, orgs.ngo, orgs.business][i]!),
  ) as [number, number, number, number];

  const group = Number(
    db.prepare("INSERT INTO meeting_groups (name, kind, created_at) VALUES ('Board', 'strategic_board', ?)").run(at)
      .lastInsertRowid,
  );
  meeting(db, group, '2025-03-10', 'held', [
    [p1, orgs.police, 'attended'],
    [p2, orgs.health, 'attended'],
    [p4, orgs.business, 'apologies'],
  ]);
  meeting(db, group, '2026-02-05', 'held', [
    [p1, orgs.police, 'attended'],
    [p2, orgs.health, 'attended'],
    [p3, orgs.ngo, 'attended'],
  ]);
  meeting(db, group, '2026-06-10', 'held', [
    [p1, orgs.police, 'attended'],
    [p4, orgs.business, 'deputy'],
    [p2, orgs.health, 'absent'],
  ]);
  meeting(db, group, '2026-08-01', 'cancelled', [[p1, orgs.police, 'attended']]);
  meeting(db, group, '2026-12-20', 'planned', []);

  action(db, '2025-04-01', '2025-09-01', 'done', '2025-08-01');
  action(db, '2025-05-01', '2025-05-01', 'open', '2025-11-01'); // overdue at the end of 2025 and 2026
  action(db, '2026-02-05', '2026-05-01', 'done', '2026-04-01');
  action(db, '2026-02-05', '2026-06-01', 'done', null);
  action(db, '2026-06-10', '2026-06-10', 'in_progress', '2026-10-01'); // overdue at the end of 2026
  action(db, '2026-06-10', '2026-06-10', 'open', '2027-02-01'); // not yet due
  action(db, '2026-06-10', '2026-07-01', 'dropped', '2026-07-01');

  const snap = Number(
    db.prepare("INSERT INTO document_template_snapshots (hash, body) VALUES ('h', '{}')").run().lastInsertRowid,
  );
  const doc = (title: string, marking: string) =>
    Number(
      db
        .prepare(
          `INSERT INTO documents (title, template_key, template_title, template_snapshot_id, status, marking, created_at, updated_at)
           VALUES (?, 'tor', 'Terms of reference', ?, 'agreed', ?, ?, ?)`,
        )
        .run(title, snap, marking, at, at).lastInsertRowid,
    );
  const version = (documentId: number, n: number, date: string) =>
    db
      .prepare(
        `INSERT INTO document_versions (document_id, number, label, agreed_by, agreed_at, values_json, template_snapshot_id, tree_json)
         VALUES (?, ?, ?, 'Board', ?, '{}', ?, '{}')`,
      )
      .run(documentId, n, `${n}.0`, `${date}T10:00:00.000Z`, snap);
  const tor = doc('Terms of reference', 'OFFICIAL');
  const isa = doc('Information sharing agreement', 'OFFICIAL-SENSITIVE');
  version(tor, 1, '2025-03-10');
  version(tor, 2, '2026-06-10');
  version(isa, 1, '2026-02-05');

  const share = (date: string, consent: number) =>
    db
      .prepare(
        `INSERT INTO share_decisions (information, purpose, recipients, shared_on, justification, consent_sought, no_consent_reason, created_at, updated_at)
         VALUES ('Case summary', 'Safeguarding', 'Police', ?, 'Risk of harm', ?, ?, ?, ?)`,
      )
      .run(date, consent, consent ? '' : 'Would alert the suspect', at, at);
  share('2025-10-01', 1);
  share('2026-03-01', 1);
  share('2026-05-01', 0);
  share('2026-11-30', 1);

  const course = (title: string) =>
    Number(
      db
        .prepare('INSERT INTO training_courses (uid, title, created_at, updated_at) VALUES (?, ?, ?, ?)')
        .run(uuidv7(), title, at, at).lastInsertRowid,
    );
  const awareness = course('Awareness');
  const nrm = course('First responders');
  const record = (personId: number, courseId: number, date: string, deleted = false) =>
    db
      .prepare(
        'INSERT INTO training_records (uid, person_id, course_id, trained_on, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(uuidv7(), personId, courseId, date, at, at, deleted ? at : null);
  record(p1, awareness, '2025-06-01');
  record(p1, nrm, '2026-03-03');
  record(p2, nrm, '2026-03-03');
  record(p3, awareness, '2026-09-09');
  record(p4, awareness, '2026-09-09', true);
  const delegates = (organisationId: number, courseId: number, date: string, n: number) =>
    db
      .prepare(
        'INSERT INTO training_delegate_counts (uid, organisation_id, course_id, trained_on, delegates, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(uuidv7(), organisationId, courseId, date, n, at, at);
  delegates(orgs.health, awareness, '2026-09-09', 12);
  delegates(orgs.police, awareness, '2026-10-10', 5);
  delegates(orgs.police, awareness, '2025-10-10', 7);
  return { orgs };
}
