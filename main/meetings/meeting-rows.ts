import type { Database } from 'better-sqlite3';
import type { MeetingInput } from '../../shared/contract/meetings';
import type { GroupKind, Meeting, MeetingGroup, MeetingSummary } from '../../shared/meetings/model';
import { STANDARD_AGENDA } from '../../shared/meetings/model';
import { toUtcIso } from '../../shared/meetings/time';
import { AppError } from '../../shared/result';
import { recordAudit } from '../audit/repository';
import { checkVersion } from '../store/versioning';
import { personNames } from '../partners/directory-api';
import { checkPeople, notFound, nowIso } from './rows';

// Meeting groups and meetings: their details, status and the Held rule.

// ---------- groups ----------

export function listGroups(db: Database): MeetingGroup[] {
  return db
    .prepare(
      `SELECT g.id, g.name, g.kind, (SELECT COUNT(*) FROM meetings m WHERE m.group_id = g.id) AS meetingCount
         FROM meeting_groups g WHERE g.archived_at IS NULL ORDER BY g.name COLLATE NOCASE`,
    )
    .all() as MeetingGroup[];
}

export function createGroup(db: Database, name: string, kind: GroupKind): MeetingGroup {
  const existing = db.prepare('SELECT id FROM meeting_groups WHERE name = ? COLLATE NOCASE').get(name) as
    { id: number } | undefined;
  if (existing) throw new AppError('conflict', `There is already a group called "${name}".`);
  const id = db.transaction(() => {
    const r = db.prepare('INSERT INTO meeting_groups (name, kind, created_at) VALUES (?, ?, ?)').run(name, kind, nowIso());
    recordAudit(db, 'meeting_group', Number(r.lastInsertRowid), 'create');
    return Number(r.lastInsertRowid);
  })();
  return listGroups(db).find((g) => g.id === id)!;
}

// ---------- meetings ----------

const MEETING_SELECT = `
  SELECT m.id, m.title, m.group_id AS groupId, g.name AS groupName, m.type, m.starts_at AS startsAt, m.ends_at AS endsAt,
         m.status, m.location, m.marking, m.time_zone AS timeZone, m.online_link AS onlineLink,
         m.chair_person_id AS chairPersonId, '' AS chairName,
         m.minute_taker_person_id AS minuteTakerPersonId, '' AS minuteTakerName,
         m.sequence, m.created_at AS createdAt, m.updated_at AS updatedAt, m.version
    FROM meetings m
    JOIN meeting_groups g ON g.id = m.group_id`;

export function getMeeting(db: Database, id: number): Meeting {
  const m = (db.prepare(`${MEETING_SELECT} WHERE m.id = ?`).get(id) as Meeting | undefined) ?? notFound('meeting');
  // Names come from the partner directory, which owns people.
  const names = personNames(db, [m.chairPersonId, m.minuteTakerPersonId]);
  return {
    ...m,
    chairName: m.chairPersonId === null ? '' : (names.get(m.chairPersonId) ?? ''),
    minuteTakerName: m.minuteTakerPersonId === null ? '' : (names.get(m.minuteTakerPersonId) ?? ''),
  };
}

export function listMeetings(
  db: Database,
  req: { when: 'upcoming' | 'past' | 'all'; groupId?: number | null | undefined; limit: number },
  now: Date,
): MeetingSummary[] {
  const where: string[] = [];
  const params: unknown[] = [];
  // A meeting counts as upcoming until it has ended.
  if (req.when === 'upcoming') {
    where.push('julianday(m.ends_at) >= julianday(?)');
    params.push(now.toISOString());
  } else if (req.when === 'past') {
    where.push('julianday(m.ends_at) < julianday(?)');
    params.push(now.toISOString());
  }
  if (req.groupId) {
    where.push('m.group_id = ?');
    params.push(req.groupId);
  }
  const order = req.when === 'upcoming' ? 'ASC' : 'DESC';
  return db
    .prepare(
      `SELECT m.id, m.title, m.group_id AS groupId, g.name AS groupName, m.type, m.starts_at AS startsAt, m.ends_at AS endsAt,
              m.status, m.location, m.marking
         FROM meetings m JOIN meeting_groups g ON g.id = m.group_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY m.start_utc ${order}, m.id ${order} LIMIT ?`,
    )
    .all(...params, req.limit) as MeetingSummary[];
}

function checkGroup(db: Database, groupId: number): void {
  if (!db.prepare('SELECT 1 FROM meeting_groups WHERE id = ?').get(groupId)) notFound('group');
}

/** The meeting's columns in the order both the insert and the update name them. */
function meetingValues(input: MeetingInput): unknown[] {
  return [
    input.groupId,
    input.title,
    input.type,
    input.startsAt,
    input.endsAt,
    toUtcIso(input.startsAt),
    input.location,
    input.onlineLink,
    input.chairPersonId,
    input.minuteTakerPersonId,
    input.marking,
    input.status,
  ];
}

export function createMeeting(db: Database, input: MeetingInput): number {
  checkGroup(db, input.groupId);
  checkPeople(db, input.chairPersonId, input.minuteTakerPersonId);
  return db.transaction(() => {
    const at = nowIso();
    const r = db
      .prepare(
        `INSERT INTO meetings (group_id, title, type, starts_at, ends_at, start_utc, location, online_link,
                               chair_person_id, minute_taker_person_id, marking, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...meetingValues(input), at, at);
    const id = Number(r.lastInsertRowid);
    const insert = db.prepare(
      `INSERT INTO agenda_items (meeting_id, position, kind, title, minutes_allowed, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    STANDARD_AGENDA.forEach((item, i) => insert.run(id, i, item.kind, item.title, item.minutes, at, at));
    recordAudit(db, 'meeting', id, 'create');
    return id;
  })();
}

export function updateMeeting(db: Database, id: number, input: MeetingInput, expectedVersion?: number): void {
  getMeeting(db, id);
  checkGroup(db, input.groupId);
  checkPeople(db, input.chairPersonId, input.minuteTakerPersonId);
  db.transaction(() => {
    checkVersion(db, 'meetings', id, expectedVersion, 'meeting');
    db.prepare(
      `UPDATE meetings SET group_id = ?, title = ?, type = ?, starts_at = ?, ends_at = ?, start_utc = ?, location = ?,
              online_link = ?, chair_person_id = ?, minute_taker_person_id = ?, marking = ?, status = ?,
              sequence = sequence + 1, updated_at = ?, version = version + 1
        WHERE id = ?`,
    ).run(...meetingValues(input), nowIso(), id);
    recordAudit(db, 'meeting', id, 'update');
  })();
}

export function deleteMeeting(db: Database, id: number): void {
  getMeeting(db, id);
  db.transaction(() => {
    db.prepare('DELETE FROM meetings WHERE id = ?').run(id);
    recordAudit(db, 'meeting', id, 'erase');
  })();
}

/**
 * A planned meeting that has started and has attendance or minutes recorded was held: its status
 * moves to Held (a cancelled one is left alone).
 */
export function markHeldIfRecorded(db: Database, meetingId: number, now = new Date()): void {
  const m = db.prepare('SELECT status, start_utc AS startUtc FROM meetings WHERE id = ?').get(meetingId) as
    { status: string; startUtc: string } | undefined;
  if (!m || m.status !== 'planned' || m.startUtc > now.toISOString()) return;
  if (!hasRecord(db, meetingId)) return;
  db.prepare("UPDATE meetings SET status = 'held', updated_at = ?, version = version + 1 WHERE id = ?").run(nowIso(), meetingId);
  recordAudit(db, 'meeting', meetingId, 'status');
}

const hasRecord = (db: Database, meetingId: number): boolean =>
  db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM attendance WHERE meeting_id = ? AND status <> 'invited')
           OR EXISTS (SELECT 1 FROM agenda_items WHERE meeting_id = ? AND minutes <> '')`,
    )
    .pluck()
    .get(meetingId, meetingId) === 1;

/** Why a meeting with a record still shows Planned (it has not started yet), or null. */
export function plannedReason(db: Database, meeting: Meeting, now: Date): string | null {
  if (meeting.status !== 'planned' || !hasRecord(db, meeting.id)) return null;
  if (toUtcIso(meeting.startsAt) > now.toISOString()) {
    return 'Attendance or minutes are recorded, but the meeting has not started yet, so it still shows as Planned. It becomes Held once it has started and something more is recorded, or change the status yourself.';
  }
  return null;
}

export function touchMeeting(db: Database, meetingId: number): void {
  db.prepare('UPDATE meetings SET updated_at = ? WHERE id = ?').run(nowIso(), meetingId);
}
