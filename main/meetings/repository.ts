import type { Database } from 'better-sqlite3';
import type {
  ActionDetail,
  ActionFilter,
  ActionInput,
  ActionPage,
  MeetingInput,
  ShareInput,
} from '../../shared/contract/meetings';
import type { AttendanceFact, OrganisationAttendance } from '../../shared/meetings/logic';
import { attendanceRates, isOverdue, mattersArising } from '../../shared/meetings/logic';
import type {
  Action,
  AgendaItem,
  AttendanceRecord,
  AttendanceStatus,
  Decision,
  FourP,
  GroupKind,
  Meeting,
  MeetingDetail,
  MeetingGroup,
  MeetingSummary,
  Paper,
  ShareDecision,
} from '../../shared/meetings/model';
import { FOUR_PS, STANDARD_AGENDA } from '../../shared/meetings/model';
import { londonToday, toUtcIso } from '../../shared/meetings/time';
import { AppError } from '../../shared/result';
import { recordAudit } from '../audit/repository';
import { checkVersion } from '../store/versioning';
import {
  currentEmailOf,
  currentPeopleAt,
  mainOrganisationOf,
  organisationExists,
  organisationNames,
  personExists,
  personNames,
} from '../partners/directory-api';

const nowIso = () => new Date().toISOString();

function notFound(what: string): never {
  throw new AppError('not_found', `That ${what} no longer exists. It may have been deleted.`);
}

/** Escape LIKE wildcards so a search for "50%" means the text "50%". */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

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

function checkPeople(db: Database, ...ids: (number | null)[]): void {
  for (const id of ids) {
    if (id !== null && !personExists(db, id)) notFound('person');
  }
}

function checkGroup(db: Database, groupId: number): void {
  if (!db.prepare('SELECT 1 FROM meeting_groups WHERE id = ?').get(groupId)) notFound('group');
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
      .run(
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
        at,
        at,
      );
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
    ).run(
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
      nowIso(),
      id,
    );
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

function touchMeeting(db: Database, meetingId: number): void {
  db.prepare('UPDATE meetings SET updated_at = ? WHERE id = ?').run(nowIso(), meetingId);
}

// ---------- agenda ----------

export function listAgenda(db: Database, meetingId: number): AgendaItem[] {
  const items = db
    .prepare(
      `SELECT a.id, a.meeting_id AS meetingId, a.position, a.kind, a.title, a.lead_person_id AS leadPersonId,
              '' AS leadName, a.minutes_allowed AS minutesAllowed, a.minutes, a.version
         FROM agenda_items a
        WHERE a.meeting_id = ? ORDER BY a.position, a.id`,
    )
    .all(meetingId) as Omit<AgendaItem, 'papers'>[];
  const leads = personNames(
    db,
    items.map((i) => i.leadPersonId),
  );
  const papers = db
    .prepare(
      `SELECT pa.id, pa.agenda_item_id AS itemId, pa.kind, pa.title, pa.url
         FROM agenda_papers pa JOIN agenda_items a ON a.id = pa.agenda_item_id
        WHERE a.meeting_id = ? ORDER BY pa.id`,
    )
    .all(meetingId) as (Paper & { itemId: number })[];
  return items.map((i) => ({
    ...i,
    leadName: i.leadPersonId === null ? '' : (leads.get(i.leadPersonId) ?? ''),
    papers: papers.filter((p) => p.itemId === i.id).map(({ itemId: _itemId, ...p }) => p),
  }));
}

function agendaItem(db: Database, id: number): { id: number; meetingId: number } {
  return (
    (db.prepare('SELECT id, meeting_id AS meetingId FROM agenda_items WHERE id = ?').get(id) as
      { id: number; meetingId: number } | undefined) ?? notFound('agenda item')
  );
}

export function addAgendaItem(
  db: Database,
  r: { meetingId: number; title: string; leadPersonId: number | null; minutesAllowed: number | null },
): AgendaItem[] {
  getMeeting(db, r.meetingId);
  checkPeople(db, r.leadPersonId);
  db.transaction(() => {
    // New items go before "Any other business" and "Date of next meeting" when those are still last.
    const items = listAgenda(db, r.meetingId);
    let index = items.length;
    while (index > 0 && (items[index - 1]!.kind === 'aob' || items[index - 1]!.kind === 'next_meeting')) index--;
    const at = nowIso();
    const res = db
      .prepare(
        `INSERT INTO agenda_items (meeting_id, position, kind, title, lead_person_id, minutes_allowed, created_at, updated_at)
         VALUES (?, ?, 'item', ?, ?, ?, ?, ?)`,
      )
      .run(r.meetingId, index, r.title, r.leadPersonId, r.minutesAllowed, at, at);
    const order = items.map((i) => i.id);
    order.splice(index, 0, Number(res.lastInsertRowid));
    writeOrder(db, order);
    touchMeeting(db, r.meetingId);
    recordAudit(db, 'agenda_item', Number(res.lastInsertRowid), 'create');
  })();
  return listAgenda(db, r.meetingId);
}

function writeOrder(db: Database, ids: number[]): void {
  const stmt = db.prepare('UPDATE agenda_items SET position = ? WHERE id = ?');
  ids.forEach((id, i) => stmt.run(i, id));
}

export function updateAgendaItem(
  db: Database,
  r: {
    id: number;
    title: string;
    leadPersonId: number | null;
    minutesAllowed: number | null;
    minutes: string;
    version?: number | undefined;
  },
): AgendaItem {
  const item = agendaItem(db, r.id);
  checkPeople(db, r.leadPersonId);
  db.transaction(() => {
    checkVersion(db, 'agenda_items', r.id, r.version, 'agenda item');
    db.prepare(
      `UPDATE agenda_items SET title = ?, lead_person_id = ?, minutes_allowed = ?, minutes = ?, updated_at = ?,
              version = version + 1 WHERE id = ?`,
    ).run(r.title, r.leadPersonId, r.minutesAllowed, r.minutes, nowIso(), r.id);
    touchMeeting(db, item.meetingId);
    recordAudit(db, 'agenda_item', r.id, 'update');
    if (r.minutes.trim() !== '') markHeldIfRecorded(db, item.meetingId);
  })();
  return listAgenda(db, item.meetingId).find((i) => i.id === r.id)!;
}

export function removeAgendaItem(db: Database, id: number): AgendaItem[] {
  const item = agendaItem(db, id);
  db.transaction(() => {
    db.prepare('DELETE FROM agenda_items WHERE id = ?').run(id);
    writeOrder(
      db,
      listAgenda(db, item.meetingId).map((i) => i.id),
    );
    recordAudit(db, 'agenda_item', id, 'erase');
  })();
  return listAgenda(db, item.meetingId);
}

export function reorderAgenda(db: Database, meetingId: number, itemIds: number[]): AgendaItem[] {
  const current = listAgenda(db, meetingId).map((i) => i.id);
  const same = current.length === itemIds.length && [...current].sort().join() === [...itemIds].sort().join();
  if (!same) throw new AppError('conflict', 'The agenda changed while you were reordering it. Reload and try again.');
  db.transaction(() => {
    writeOrder(db, itemIds);
    touchMeeting(db, meetingId);
    recordAudit(db, 'meeting', meetingId, 'update');
  })();
  return listAgenda(db, meetingId);
}

export function addPaper(
  db: Database,
  r: { agendaItemId: number; kind: 'link' | 'file'; title: string; url: string },
): AgendaItem {
  const item = agendaItem(db, r.agendaItemId);
  db.transaction(() => {
    const res = db
      .prepare('INSERT INTO agenda_papers (agenda_item_id, kind, title, url, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(r.agendaItemId, r.kind, r.title, r.kind === 'link' ? r.url : '', nowIso());
    recordAudit(db, 'agenda_paper', Number(res.lastInsertRowid), 'create');
  })();
  return listAgenda(db, item.meetingId).find((i) => i.id === item.id)!;
}

export function removePaper(db: Database, id: number): AgendaItem {
  const row = db.prepare('SELECT agenda_item_id AS itemId FROM agenda_papers WHERE id = ?').get(id) as
    { itemId: number } | undefined;
  if (!row) notFound('paper');
  const item = agendaItem(db, row.itemId);
  db.transaction(() => {
    db.prepare('DELETE FROM agenda_papers WHERE id = ?').run(id);
    recordAudit(db, 'agenda_paper', id, 'erase');
  })();
  return listAgenda(db, item.meetingId).find((i) => i.id === item.id)!;
}

// ---------- attendance ----------

const byNameNoCase = (a: string, b: string) => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

export function listAttendance(db: Database, meetingId: number): AttendanceRecord[] {
  const rows = db
    .prepare(
      `SELECT at.id, at.meeting_id AS meetingId, at.person_id AS personId, '' AS personName,
              at.organisation_id AS organisationId, '' AS organisationName, '' AS email,
              at.status, at.deputy_person_id AS deputyPersonId, at.deputy_name AS deputyName
         FROM attendance at
        WHERE at.meeting_id = ?`,
    )
    .all(meetingId) as AttendanceRecord[];
  const people = personNames(
    db,
    rows.map((r) => r.personId),
  );
  const orgs = organisationNames(
    db,
    rows.map((r) => r.organisationId),
  );
  return rows
    .filter((r) => people.has(r.personId))
    .map((r) => ({
      ...r,
      personName: people.get(r.personId)!,
      organisationName: r.organisationId === null ? '' : (orgs.get(r.organisationId) ?? ''),
      email: currentEmailOf(db, r.personId, r.organisationId),
    }))
    .sort(
      (a, b) =>
        (a.organisationId === null ? -1 : 0) - (b.organisationId === null ? -1 : 0) ||
        byNameNoCase(a.organisationName, b.organisationName) ||
        byNameNoCase(a.personName, b.personName),
    );
}

export function invite(db: Database, meetingId: number, personIds: number[], organisationId: number | null): AttendanceRecord[] {
  getMeeting(db, meetingId);
  checkPeople(db, ...personIds);
  if (organisationId !== null && !organisationExists(db, organisationId)) notFound('organisation');
  db.transaction(() => {
    const at = nowIso();
    const insert = db.prepare(
      `INSERT INTO attendance (meeting_id, person_id, organisation_id, status, created_at, updated_at)
       VALUES (?, ?, ?, 'invited', ?, ?) ON CONFLICT (meeting_id, person_id) DO NOTHING`,
    );
    for (const personId of personIds) insert.run(meetingId, personId, mainOrganisationOf(db, personId), at, at);
    if (organisationId !== null) {
      for (const personId of currentPeopleAt(db, organisationId)) insert.run(meetingId, personId, organisationId, at, at);
    }
    touchMeeting(db, meetingId);
    recordAudit(db, 'meeting', meetingId, 'update');
  })();
  return listAttendance(db, meetingId);
}

export function markAttendance(
  db: Database,
  r: { id: number; status: AttendanceStatus; deputyPersonId: number | null; deputyName: string },
): AttendanceRecord {
  const row = db.prepare('SELECT meeting_id AS meetingId FROM attendance WHERE id = ?').get(r.id) as
    { meetingId: number } | undefined;
  if (!row) notFound('invitation');
  checkPeople(db, r.deputyPersonId);
  const isDeputy = r.status === 'deputy';
  db.transaction(() => {
    db.prepare('UPDATE attendance SET status = ?, deputy_person_id = ?, deputy_name = ?, updated_at = ? WHERE id = ?').run(
      r.status,
      isDeputy ? r.deputyPersonId : null,
      isDeputy ? r.deputyName : '',
      nowIso(),
      r.id,
    );
    recordAudit(db, 'attendance', r.id, 'update');
    if (r.status !== 'invited') markHeldIfRecorded(db, row.meetingId);
  })();
  return listAttendance(db, row.meetingId).find((a) => a.id === r.id)!;
}

export function removeAttendance(db: Database, id: number): AttendanceRecord[] {
  const row = db.prepare('SELECT meeting_id AS meetingId FROM attendance WHERE id = ?').get(id) as
    { meetingId: number } | undefined;
  if (!row) notFound('invitation');
  db.transaction(() => {
    db.prepare('DELETE FROM attendance WHERE id = ?').run(id);
    recordAudit(db, 'attendance', id, 'erase');
  })();
  return listAttendance(db, row.meetingId);
}

export function organisationAttendance(db: Database, now: Date): OrganisationAttendance[] {
  const since = new Date(now.getTime() - 400 * 86_400_000).toISOString();
  const facts = db
    .prepare(
      `SELECT at.meeting_id AS meetingId, m.starts_at AS meetingStartsAt, m.status AS meetingStatus,
              at.organisation_id AS organisationId, '' AS organisationName, at.status
         FROM attendance at JOIN meetings m ON m.id = at.meeting_id
        WHERE m.start_utc >= ? AND at.organisation_id IS NOT NULL`,
    )
    .all(since) as AttendanceFact[];
  const names = organisationNames(
    db,
    facts.map((f) => f.organisationId),
  );
  return attendanceRates(
    facts.map((f) => ({ ...f, organisationName: names.get(f.organisationId!) ?? '' })),
    now,
  );
}

// ---------- actions ----------

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
  const orgs = organisationNames(
    db,
    rows.map((r) => r.ownerOrganisationId),
  );
  const people = personNames(
    db,
    rows.map((r) => r.ownerPersonId),
  );
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

const flag = (r: ActionInput, p: FourP) => (r.fourPs.includes(p) ? 1 : 0);

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
      .run(
        r.meetingId,
        r.agendaItemId,
        r.description,
        r.ownerOrganisationId,
        r.ownerPersonId,
        r.dueOn,
        r.status,
        flag(r, 'pursue'),
        flag(r, 'prevent'),
        flag(r, 'protect'),
        flag(r, 'prepare'),
        at,
        at,
      );
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
    ).run(
      r.meetingId,
      r.agendaItemId,
      r.description,
      r.ownerOrganisationId,
      r.ownerPersonId,
      r.dueOn,
      r.status,
      flag(r, 'pursue'),
      flag(r, 'prevent'),
      flag(r, 'protect'),
      flag(r, 'prepare'),
      nowIso(),
      id,
    );
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

// ---------- decisions ----------

export function listDecisions(db: Database, meetingId: number): Decision[] {
  return db
    .prepare(
      `SELECT id, meeting_id AS meetingId, agenda_item_id AS agendaItemId, text, created_at AS createdAt
         FROM decisions WHERE meeting_id = ? ORDER BY id`,
    )
    .all(meetingId) as Decision[];
}

export function createDecision(db: Database, r: { meetingId: number; agendaItemId: number | null; text: string }): Decision {
  getMeeting(db, r.meetingId);
  if (r.agendaItemId !== null && agendaItem(db, r.agendaItemId).meetingId !== r.meetingId) {
    throw new AppError('invalid_request', 'That agenda item belongs to another meeting.');
  }
  const id = db.transaction(() => {
    const at = nowIso();
    const res = db
      .prepare('INSERT INTO decisions (meeting_id, agenda_item_id, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(r.meetingId, r.agendaItemId, r.text, at, at);
    recordAudit(db, 'decision', Number(res.lastInsertRowid), 'create');
    return Number(res.lastInsertRowid);
  })();
  return listDecisions(db, r.meetingId).find((d) => d.id === id)!;
}

export function deleteDecision(db: Database, id: number): void {
  if (!db.prepare('SELECT 1 FROM decisions WHERE id = ?').get(id)) notFound('decision');
  db.transaction(() => {
    db.prepare('DELETE FROM decisions WHERE id = ?').run(id);
    recordAudit(db, 'decision', id, 'erase');
  })();
}

// ---------- the whole meeting ----------

export function meetingDetail(db: Database, id: number, now: Date): MeetingDetail {
  const meeting = getMeeting(db, id);
  const previous = db
    .prepare(
      `SELECT id FROM meetings WHERE group_id = ? AND start_utc < ? AND status <> 'cancelled'
        ORDER BY start_utc DESC, id DESC LIMIT 1`,
    )
    .get(meeting.groupId, toUtcIso(meeting.startsAt)) as { id: number } | undefined;
  return {
    meeting,
    agenda: listAgenda(db, id),
    attendance: listAttendance(db, id),
    decisions: listDecisions(db, id),
    actions: listActions(
      db,
      {
        overdueOnly: false,
        organisationId: null,
        ownerPersonId: null,
        groupId: null,
        meetingId: id,
        statuses: [],
        search: '',
        limit: 1000,
        offset: 0,
      },
      now,
    ).items.sort((a, b) => a.id - b.id),
    mattersArising: mattersArisingFor(db, meeting, now),
    previousMeetingId: previous?.id ?? null,
    statusNote: plannedReason(db, meeting, now),
  };
}

// ---------- decision-to-share records ----------

const SHARE_SELECT = `
  SELECT s.id, s.meeting_id AS meetingId, COALESCE(m.title, '') AS meetingTitle, s.information, s.purpose, s.recipients,
         s.shared_on AS sharedOn, s.justification, s.consent_sought AS consentSought, s.no_consent_reason AS noConsentReason,
         s.decided_by AS decidedBy, s.created_at AS createdAt, s.updated_at AS updatedAt, s.version
    FROM share_decisions s LEFT JOIN meetings m ON m.id = s.meeting_id`;

type ShareRow = Omit<ShareDecision, 'consentSought'> & { consentSought: number };
const toShare = (r: ShareRow): ShareDecision => ({ ...r, consentSought: r.consentSought === 1 });

export function listShareDecisions(db: Database): ShareDecision[] {
  return (db.prepare(`${SHARE_SELECT} ORDER BY s.shared_on DESC, s.id DESC`).all() as ShareRow[]).map(toShare);
}

function getShare(db: Database, id: number): ShareDecision {
  const row = db.prepare(`${SHARE_SELECT} WHERE s.id = ?`).get(id) as ShareRow | undefined;
  return row ? toShare(row) : notFound('decision to share');
}

function shareValues(r: ShareInput): unknown[] {
  return [
    r.meetingId,
    r.information,
    r.purpose,
    r.recipients,
    r.sharedOn,
    r.justification,
    r.consentSought ? 1 : 0,
    r.consentSought ? '' : r.noConsentReason,
    r.decidedBy,
  ];
}

export function createShareDecision(db: Database, r: ShareInput): ShareDecision {
  if (r.meetingId !== null) getMeeting(db, r.meetingId);
  const id = db.transaction(() => {
    const at = nowIso();
    const res = db
      .prepare(
        `INSERT INTO share_decisions (meeting_id, information, purpose, recipients, shared_on, justification, consent_sought,
                                      no_consent_reason, decided_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...shareValues(r), at, at);
    recordAudit(db, 'share_decision', Number(res.lastInsertRowid), 'create');
    return Number(res.lastInsertRowid);
  })();
  return getShare(db, id);
}

export function updateShareDecision(db: Database, id: number, r: ShareInput, expectedVersion?: number): ShareDecision {
  getShare(db, id);
  if (r.meetingId !== null) getMeeting(db, r.meetingId);
  db.transaction(() => {
    checkVersion(db, 'share_decisions', id, expectedVersion, 'decision to share');
    db.prepare(
      `UPDATE share_decisions SET meeting_id = ?, information = ?, purpose = ?, recipients = ?, shared_on = ?, justification = ?,
              consent_sought = ?, no_consent_reason = ?, decided_by = ?, updated_at = ?, version = version + 1
        WHERE id = ?`,
    ).run(...shareValues(r), nowIso(), id);
    recordAudit(db, 'share_decision', id, 'update');
  })();
  return getShare(db, id);
}

export function deleteShareDecision(db: Database, id: number): void {
  getShare(db, id);
  db.transaction(() => {
    db.prepare('DELETE FROM share_decisions WHERE id = ?').run(id);
    recordAudit(db, 'share_decision', id, 'erase');
  })();
}

export type OwnerRef = { personId: number } | { organisationId: number };

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

/** Planned meetings from now on that list a person, or someone from an organisation, as invited or attending. */
export function upcomingMeetingsFor(
  db: Database,
  who: OwnerRef,
  now = new Date(),
): { id: number; title: string; startsAt: string }[] {
  const [column, value] = 'personId' in who ? ['at.person_id', who.personId] : ['at.organisation_id', who.organisationId];
  return db
    .prepare(
      `SELECT DISTINCT m.id, m.title, m.starts_at AS startsAt, m.start_utc FROM attendance at JOIN meetings m ON m.id = at.meeting_id
        WHERE ${column} = ? AND m.status = 'planned' AND julianday(m.ends_at) >= julianday(?) ORDER BY m.start_utc, m.id`,
    )
    .all(value, now.toISOString())
    .map((r) => {
      const { id, title, startsAt } = r as { id: number; title: string; startsAt: string };
      return { id, title, startsAt };
    });
}
