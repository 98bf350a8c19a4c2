import type { Database } from 'better-sqlite3';
import type { ActionDetail, ActionFilter, ActionInput, ActionPage } from '../../shared/contract/meetings';
import { isOverdue, mattersArising } from '../../shared/meetings/logic';
import type { Action, FourP, Meeting } from '../../shared/meetings/model';
import { FOUR_PS } from '../../shared/meetings/model';
import { londonToday, toUtcIso } from '../../shared/meetings/time';
import { AppError } from '../../shared/result';
import { recordAudit } from '../audit/repository';
import { checkVersion } from '../store/versioning';
import { namesFor, organisationExists } from '../partners/directory-api';
import type { OwnerRef } from './rows';
import { checkPeople, likePattern, notFound, nowIso } from './rows';
import { getMeeting } from './meeting-rows';
import { agendaItem } from './agenda-rows';

// The action log: actions raised at meetings (or anywhere), their updates, and matters arising.

const ACTION_FROM = `
    FROM actions a
    LEFT JOIN meetings m ON m.id = a.meeting_id
    LEFT JOIN meeting_groups g ON g.id = m.group_id`;
const ACTION_COLUMNS = `
  SELECT a.id, a.meeting_id AS meetingId, COALESCE(m.title, '') AS meetingTitle, m.starts_at AS meetingStartsAt,
         m.group_id AS groupId, COALESCE(g.name, '') AS groupName, a.agenda_item_id AS agendaItemId, a.description,
         a.owner_organisation_id AS ownerOrganisationId, '' AS ownerOrganisationName,
         a.owner_person_id AS ownerPersonId, '' AS ownerPersonName, a.due_on AS dueOn, a.status,
         a.pursue, a.prevent, a.protect, a.prepare, a.created_at AS createdAt, a.updated_at AS updatedAt, a.version`;

type ActionRow = Omit<Action, 'fourPs' | 'overdue'> & Record<FourP, number>;

function toAction(row: ActionRow, now: Date): Action {
  const { pursue, prevent, protect, prepare, ...rest } = row;
  const flags: Record<FourP, number> = { pursue, prevent, protect, prepare };
  return { ...rest, fourPs: FOUR_PS.filter((p) => flags[p] === 1), overdue: isOverdue(row, now) };
}

/** Actions with their owners' names, read from the partner directory. */
function toActions(db: Database, rows: readonly ActionRow[], now: Date): Action[] {
  const { people, orgs } = namesFor(db, rows, { person: (r) => r.ownerPersonId, organisation: (r) => r.ownerOrganisationId });
  return rows.map((r) =>
    toAction(
      {
        ...r,
        ownerOrganisationName: r.ownerOrganisationId === null ? '' : (orgs.get(r.ownerOrganisationId) ?? ''),
        ownerPersonName: r.ownerPersonId === null ? '' : (people.get(r.ownerPersonId) ?? ''),
      },
      now,
    ),
  );
}

export function getAction(db: Database, id: number, now: Date): Action {
  const row = db.prepare(`${ACTION_COLUMNS} ${ACTION_FROM} WHERE a.id = ?`).get(id) as ActionRow | undefined;
  return row ? toActions(db, [row], now)[0]! : notFound('action');
}

function actionWhere(f: ActionFilter, now: Date): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.overdueOnly) {
    where.push("a.status IN ('open', 'in_progress') AND a.due_on < ?");
    params.push(londonToday(now));
  }
  if (f.organisationId !== null) {
    where.push('a.owner_organisation_id = ?');
    params.push(f.organisationId);
  }
  if (f.ownerPersonId !== null) {
    where.push('a.owner_person_id = ?');
    params.push(f.ownerPersonId);
  }
  if (f.groupId !== null) {
    where.push('m.group_id = ?');
    params.push(f.groupId);
  }
  if (f.meetingId !== null) {
    where.push('a.meeting_id = ?');
    params.push(f.meetingId);
  }
  if (f.statuses.length > 0) {
    where.push(`a.status IN (${f.statuses.map(() => '?').join(', ')})`);
    params.push(...f.statuses);
  }
  if (f.search !== '') {
    where.push("a.description LIKE ? ESCAPE '\\'");
    params.push(likePattern(f.search));
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export function listActions(db: Database, f: ActionFilter, now: Date): ActionPage {
  const { sql, params } = actionWhere(f, now);
  const today = londonToday(now);
  const counts = db
    .prepare(
      `SELECT COUNT(*) AS total,
              COALESCE(SUM(CASE WHEN a.status IN ('open', 'in_progress') AND a.due_on < ? THEN 1 ELSE 0 END), 0) AS overdue
         ${ACTION_FROM} ${sql}`,
    )
    .get(today, ...params) as { total: number; overdue: number };
  // Open work first, soonest due first; finished actions after, newest first.
  const rows = db
    .prepare(
      `${ACTION_COLUMNS} ${ACTION_FROM} ${sql}
        ORDER BY CASE WHEN a.status IN ('open', 'in_progress') THEN 0 ELSE 1 END,
                 a.due_on IS NULL, a.due_on, a.id DESC
        LIMIT ? OFFSET ?`,
    )
    .all(...params, f.limit, f.offset) as ActionRow[];
  return { items: toActions(db, rows, now), total: counts.total, overdue: counts.overdue };
}

export function overdueCount(db: Database, now: Date): number {
  return (
    db
      .prepare("SELECT COUNT(*) AS n FROM actions WHERE status IN ('open', 'in_progress') AND due_on < ?")
      .get(londonToday(now)) as { n: number }
  ).n;
}

function checkActionRefs(db: Database, r: ActionInput): void {
  if (r.meetingId !== null) getMeeting(db, r.meetingId);
  if (r.agendaItemId !== null) {
    const item = agendaItem(db, r.agendaItemId);
    if (item.meetingId !== r.meetingId) throw new AppError('invalid_request', 'That agenda item belongs to another meeting.');
  }
  if (r.ownerOrganisationId !== null && !organisationExists(db, r.ownerOrganisationId)) notFound('organisation');
  checkPeople(db, r.ownerPersonId);
}

/** The action's columns in the order both the insert and the update name them, the 4Ps last. */
function actionValues(r: ActionInput): unknown[] {
  return [
    r.meetingId,
    r.agendaItemId,
    r.description,
    r.ownerOrganisationId,
    r.ownerPersonId,
    r.dueOn,
    r.status,
    ...FOUR_PS.map((p) => (r.fourPs.includes(p) ? 1 : 0)),
  ];
}

export function createAction(db: Database, r: ActionInput, now: Date): Action {
  checkActionRefs(db, r);
  const id = db.transaction(() => {
    const at = nowIso();
    const res = db
      .prepare(
        `INSERT INTO actions (meeting_id, agenda_item_id, description, owner_organisation_id, owner_person_id, due_on, status,
                              pursue, prevent, protect, prepare, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...actionValues(r), at, at);
    recordAudit(db, 'action', Number(res.lastInsertRowid), 'create');
    return Number(res.lastInsertRowid);
  })();
  return getAction(db, id, now);
}

export function updateAction(db: Database, id: number, r: ActionInput, now: Date, expectedVersion?: number): Action {
  const before = getAction(db, id, now);
  checkActionRefs(db, r);
  db.transaction(() => {
    checkVersion(db, 'actions', id, expectedVersion, 'action');
    db.prepare(
      `UPDATE actions SET meeting_id = ?, agenda_item_id = ?, description = ?, owner_organisation_id = ?, owner_person_id = ?,
              due_on = ?, status = ?, pursue = ?, prevent = ?, protect = ?, prepare = ?, updated_at = ?, version = version + 1
        WHERE id = ?`,
    ).run(...actionValues(r), nowIso(), id);
    recordAudit(db, 'action', id, before.status === r.status ? 'update' : 'status');
  })();
  return getAction(db, id, now);
}

export function deleteAction(db: Database, id: number, now: Date): void {
  getAction(db, id, now);
  db.transaction(() => {
    db.prepare('DELETE FROM actions WHERE id = ?').run(id);
    recordAudit(db, 'action', id, 'erase');
  })();
}

export function actionDetail(db: Database, id: number, now: Date): ActionDetail {
  return {
    action: getAction(db, id, now),
    updates: db
      .prepare(
        `SELECT id, action_id AS actionId, noted_on AS notedOn, note, created_at AS createdAt
           FROM action_updates WHERE action_id = ? ORDER BY noted_on DESC, id DESC`,
      )
      .all(id) as ActionDetail['updates'],
  };
}

export function addActionUpdate(db: Database, r: { actionId: number; notedOn: string; note: string }, now: Date): ActionDetail {
  getAction(db, r.actionId, now);
  db.transaction(() => {
    const at = nowIso();
    const res = db
      .prepare('INSERT INTO action_updates (action_id, noted_on, note, created_at) VALUES (?, ?, ?, ?)')
      .run(r.actionId, r.notedOn, r.note, at);
    db.prepare('UPDATE actions SET updated_at = ? WHERE id = ?').run(at, r.actionId);
    recordAudit(db, 'action_update', Number(res.lastInsertRowid), 'create');
  })();
  return actionDetail(db, r.actionId, now);
}

/** Open actions raised at earlier meetings of the meeting's group. */
export function mattersArisingFor(db: Database, meeting: Meeting, now: Date): Action[] {
  const rows = db
    .prepare(
      `${ACTION_COLUMNS} ${ACTION_FROM}
        WHERE m.group_id = ? AND m.start_utc < ? AND a.status IN ('open', 'in_progress')
        ORDER BY m.start_utc, a.id`,
    )
    .all(meeting.groupId, toUtcIso(meeting.startsAt)) as ActionRow[];
  const actions = toActions(db, rows, now);
  const meetings = new Map<number, { id: number; groupId: number; startsAt: string }>();
  for (const a of actions) {
    if (a.meetingId !== null && a.groupId !== null && a.meetingStartsAt !== null) {
      meetings.set(a.meetingId, { id: a.meetingId, groupId: a.groupId, startsAt: a.meetingStartsAt });
    }
  }
  return mattersArising(meeting, [...meetings.values()], actions);
}

/** Open and in-progress actions owned by a person or organisation (for the warning before removing them). */
export function openActionsOwnedBy(db: Database, owner: OwnerRef): { id: number; description: string; dueOn: string | null }[] {
  const [column, value] =
    'personId' in owner ? ['owner_person_id', owner.personId] : ['owner_organisation_id', owner.organisationId];
  return db
    .prepare(
      `SELECT id, description, due_on AS dueOn FROM actions
        WHERE ${column} = ? AND status IN ('open', 'in_progress') ORDER BY due_on IS NULL, due_on, id`,
    )
    .all(value) as { id: number; description: string; dueOn: string | null }[];
}
