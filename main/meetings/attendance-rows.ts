import type { Database } from 'better-sqlite3';
import type { AttendanceFact, OrganisationAttendance } from '../../shared/meetings/logic';
import { attendanceRates } from '../../shared/meetings/logic';
import type { AttendanceRecord, AttendanceStatus } from '../../shared/meetings/model';
import { recordAudit } from '../audit/repository';
import {
  currentEmailOf,
  currentPeopleAt,
  mainOrganisationOf,
  namesFor,
  organisationExists,
  organisationNames,
} from '../partners/directory-api';
import type { OwnerRef } from './rows';
import { checkPeople, notFound, nowIso } from './rows';
import { getMeeting, markHeldIfRecorded, touchMeeting } from './meeting-rows';

// Who was invited to a meeting and who came, and the attendance rates across meetings.

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
  const { people, orgs } = namesFor(db, rows, { person: (r) => r.personId, organisation: (r) => r.organisationId });
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
