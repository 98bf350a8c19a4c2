import type { Database } from 'better-sqlite3';
import Papa from 'papaparse';
import { uuidv7 } from '../../shared/ids';
import { addDaysToDate, londonToday } from '../../shared/meetings/time';
import { AppError } from '../../shared/result';
import type { Course, CourseInput, DelegateCount, TrainingMatrix, TrainingRecord } from '../../shared/toolkit/training';
import { COURSE_AUDIENCES, addMonths, courseCatalogueSchema, courseInput } from '../../shared/toolkit/training';
import { recordAudit } from '../audit/repository';
import coursesJson from '../../resources/toolkit/courses.json';
import {
  mainOrganisationOf,
  namesFor,
  organisationExists,
  organisationNames,
  personExists,
  personNames,
} from '../partners/directory-api';

/** Training counts towards the checklist for three years. */
export const TRAINING_WINDOW_DAYS = 3 * 365;

/** Member organisations with at least one person (or counted delegate) trained within the window. */
export function trainedOrganisationIds(db: Database, now: Date): number[] {
  const since = addDaysToDate(londonToday(now), -TRAINING_WINDOW_DAYS);
  return db
    .prepare(
      `SELECT organisation_id AS id FROM training_records
        WHERE deleted_at IS NULL AND organisation_id IS NOT NULL AND trained_on >= ?
       UNION
       SELECT organisation_id FROM training_delegate_counts WHERE deleted_at IS NULL AND trained_on >= ?`,
    )
    .pluck()
    .all(since, since) as number[];
}

const COURSE_SELECT = `SELECT id, uid, version, title, provider, format, audience, length, cost, url,
  first_responder AS firstResponder, refresher_months AS refresherMonths FROM training_courses`;

type CourseRow = Omit<Course, 'firstResponder' | 'audience'> & { firstResponder: number; audience: string };
const toCourse = (r: CourseRow): Course => ({
  ...r,
  audience: r.audience as Course['audience'],
  firstResponder: r.firstResponder === 1,
});

export function listCourses(db: Database): Course[] {
  seedCourses(db);
  return (db.prepare(`${COURSE_SELECT} WHERE deleted_at IS NULL ORDER BY title COLLATE NOCASE`).all() as CourseRow[]).map(
    toCourse,
  );
}

export function getCourse(db: Database, id: number): Course {
  const r = db.prepare(`${COURSE_SELECT} WHERE id = ? AND deleted_at IS NULL`).get(id) as CourseRow | undefined;
  if (!r) throw new AppError('not_found', 'That course is no longer in the training library.');
  return toCourse(r);
}

function insertCourse(db: Database, c: CourseInput, key: string | null): number {
  const at = new Date().toISOString();
  const r = db
    .prepare(
      `INSERT INTO training_courses (uid, catalogue_key, title, provider, format, audience, length, cost, url, first_responder,
                                     refresher_months, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      uuidv7(),
      key,
      c.title,
      c.provider,
      c.format,
      c.audience,
      c.length,
      c.cost,
      c.url,
      c.firstResponder ? 1 : 0,
      c.refresherMonths,
      at,
      at,
    );
  return Number(r.lastInsertRowid);
}

const seededDbs = new WeakSet<object>();
/** The shipped courses, added once per catalogue key. */
export function seedCourses(db: Database): void {
  if (seededDbs.has(db)) return;
  const catalogue = courseCatalogueSchema.parse(coursesJson);
  const have = new Set(db.prepare('SELECT catalogue_key FROM training_courses WHERE catalogue_key IS NOT NULL').pluck().all());
  const fresh = catalogue.courses.filter((c) => !have.has(c.key));
  if (fresh.length > 0)
    db.transaction(() => {
      for (const { key, ...c } of fresh) insertCourse(db, c, key);
      recordAudit(db, 'training_course', 'catalogue', 'import');
    })();
  seededDbs.add(db);
}

export function courseKeyId(db: Database, key: string): number | null {
  seedCourses(db);
  return (db.prepare('SELECT id FROM training_courses WHERE catalogue_key = ?').pluck().get(key) as number | undefined) ?? null;
}

export function addCourse(db: Database, c: CourseInput): Course {
  const id = db.transaction(() => {
    const id = insertCourse(db, c, null);
    recordAudit(db, 'training_course', id, 'create');
    return id;
  })();
  return getCourse(db, id);
}

/** Import courses from CSV (title, provider, format, audience, length, cost, link); every row is checked before any is saved. */
export function importCourses(db: Database, text: string): { added: number } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  if (!parsed.meta.fields?.includes('title'))
    throw new AppError('invalid_request', 'The file needs a "title" column. Nothing was imported.');
  const problems: string[] = [];
  const rows: CourseInput[] = [];
  parsed.data.forEach((row, i) => {
    const audienceText = (row['audience'] ?? '').trim().toLowerCase();
    const audience =
      COURSE_AUDIENCES.find((a) => a.key === audienceText || a.label.toLowerCase() === audienceText)?.key ?? 'frontline';
    const costText = (row['cost'] ?? '').trim().toLowerCase();
    const r = courseInput.safeParse({
      title: row['title'] ?? '',
      provider: row['provider'] ?? '',
      format: row['format'] ?? '',
      audience,
      length: row['length'] ?? '',
      cost: costText === 'free' || costText === 'paid' ? costText : 'unknown',
      url: (row['link'] ?? row['url'] ?? '').trim(),
    });
    if (r.success) rows.push(r.data);
    else problems.push(`Row ${i + 2}: ${r.error.issues[0]?.message ?? 'not valid'}`);
  });
  if (problems.length > 0)
    throw new AppError('invalid_request', 'Some rows could not be read. Nothing was imported.', problems.slice(0, 20));
  db.transaction(() => {
    for (const c of rows) insertCourse(db, c, null);
    recordAudit(db, 'training_course', 'csv', 'import');
  })();
  return { added: rows.length };
}

// The directory's names come through its read API (main/partners/directory-api.ts), not joins.
const RECORD_SELECT = `
  SELECT r.id, r.uid, r.person_id AS personId, r.organisation_id AS organisationId, r.course_id AS courseId,
         c.title AS courseTitle, r.trained_on AS trainedOn, r.refresher_due AS refresherDue, r.notes,
         r.certificate_name AS certificateName
    FROM training_records r
    JOIN training_courses c ON c.id = r.course_id`;
type RecordRow = Omit<TrainingRecord, 'certificate' | 'personName' | 'organisationName'> & { certificateName: string };

/** Records with their person's and organisation's names; a record whose person is not in the directory is left out. */
function withNames(db: Database, rows: readonly RecordRow[]): TrainingRecord[] {
  const { people, orgs } = namesFor(db, rows, { person: (r) => r.personId, organisation: (r) => r.organisationId });
  return rows.flatMap(({ certificateName, ...r }) => {
    const personName = people.get(r.personId);
    if (personName === undefined) return [];
    return [
      {
        ...r,
        personName,
        organisationName: (r.organisationId !== null && orgs.get(r.organisationId)) || '',
        certificate: certificateName ? { name: certificateName } : null,
      },
    ];
  });
}

export function getRecord(db: Database, id: number): TrainingRecord {
  const r = db.prepare(`${RECORD_SELECT} WHERE r.id = ? AND r.deleted_at IS NULL`).get(id) as RecordRow | undefined;
  const found = r ? withNames(db, [r])[0] : undefined;
  if (!found) throw new AppError('not_found', 'That training record no longer exists.');
  return found;
}

export function listRecords(db: Database, f: { personId?: number | null; courseId?: number | null } = {}): TrainingRecord[] {
  const where = ['r.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (f.personId) {
    where.push('r.person_id = ?');
    params.push(f.personId);
  }
  if (f.courseId) {
    where.push('r.course_id = ?');
    params.push(f.courseId);
  }
  return withNames(
    db,
    db
      .prepare(`${RECORD_SELECT} WHERE ${where.join(' AND ')} ORDER BY r.trained_on DESC, r.id DESC LIMIT 5000`)
      .all(...params) as RecordRow[],
  );
}

export function addRecord(
  db: Database,
  v: { personId: number; courseId: number; trainedOn: string; refresherDue?: string | null; notes?: string },
): TrainingRecord {
  const course = getCourse(db, v.courseId);
  if (!personExists(db, v.personId)) throw new AppError('not_found', 'That person is no longer in the directory.');
  // The organisation the person was with when trained: their current post (the single point of contact first).
  const org = mainOrganisationOf(db, v.personId) ?? undefined;
  const refresher =
    v.refresherDue !== undefined && v.refresherDue !== null
      ? v.refresherDue
      : course.refresherMonths
        ? addMonths(v.trainedOn, course.refresherMonths)
        : null;
  const id = db.transaction(() => {
    const at = new Date().toISOString();
    const r = db
      .prepare(
        `INSERT INTO training_records (uid, person_id, organisation_id, course_id, trained_on, refresher_due, notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(uuidv7(), v.personId, org ?? null, v.courseId, v.trainedOn, refresher, v.notes ?? '', at, at);
    recordAudit(db, 'training_record', Number(r.lastInsertRowid), 'create');
    return Number(r.lastInsertRowid);
  })();
  return getRecord(db, id);
}

export function deleteRecord(db: Database, id: number): void {
  getRecord(db, id);
  db.transaction(() => {
    db.prepare('DELETE FROM training_records WHERE id = ?').run(id);
    recordAudit(db, 'training_record', id, 'erase');
  })();
}

export function setCertificate(db: Database, id: number, file: { name: string; bytes: Buffer }): TrainingRecord {
  getRecord(db, id);
  db.transaction(() => {
    db.prepare(
      'UPDATE training_records SET certificate_name = ?, certificate_mime = ?, certificate_bytes = ?, version = version + 1, updated_at = ? WHERE id = ?',
    ).run(file.name, 'application/octet-stream', file.bytes, new Date().toISOString(), id);
    recordAudit(db, 'training_record', id, 'update');
  })();
  return getRecord(db, id);
}

export function addDelegateCount(
  db: Database,
  v: { organisationId: number; courseId: number; trainedOn: string; delegates: number },
): DelegateCount {
  getCourse(db, v.courseId);
  if (!organisationExists(db, v.organisationId))
    throw new AppError('not_found', 'That organisation is no longer in the directory.');
  const id = db.transaction(() => {
    const at = new Date().toISOString();
    const r = db
      .prepare(
        `INSERT INTO training_delegate_counts (uid, organisation_id, course_id, trained_on, delegates, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(uuidv7(), v.organisationId, v.courseId, v.trainedOn, v.delegates, at, at);
    recordAudit(db, 'training_delegate_count', Number(r.lastInsertRowid), 'create');
    return Number(r.lastInsertRowid);
  })();
  return listDelegateCounts(db).find((d) => d.id === id)!;
}

export function listDelegateCounts(db: Database): DelegateCount[] {
  const rows = db
    .prepare(
      `SELECT d.id, d.organisation_id AS organisationId, d.course_id AS courseId, c.title AS courseTitle,
              d.trained_on AS trainedOn, d.delegates
         FROM training_delegate_counts d JOIN training_courses c ON c.id = d.course_id
        WHERE d.deleted_at IS NULL ORDER BY d.trained_on DESC, d.id DESC LIMIT 5000`,
    )
    .all() as Omit<DelegateCount, 'organisationName'>[];
  const names = organisationNames(
    db,
    rows.map((r) => r.organisationId),
  );
  // As before the directory's read API: a count for an organisation no longer in the directory is left out.
  return rows.flatMap((r) => {
    const organisationName = names.get(r.organisationId);
    return organisationName === undefined ? [] : [{ ...r, organisationName }];
  });
}

/** Refreshers due within this many days are listed as due. */
export const REFRESHER_NOTICE_DAYS = 60;

/**
 * Organisations by course: people trained (each person once per course) plus delegates counted,
 * within the training window; people whose refresher is due; first responders per organisation,
 * counting only those whose refresher has not lapsed.
 */
export function trainingMatrix(db: Database, now: Date): TrainingMatrix {
  const today = londonToday(now);
  const since = addDaysToDate(today, -TRAINING_WINDOW_DAYS);
  const courses = listCourses(db);
  const column = new Map(courses.map((c, i) => [c.id, i]));
  const people = db
    .prepare(
      `SELECT r.organisation_id AS orgId, r.course_id AS courseId, count(DISTINCT r.person_id) AS n
         FROM training_records r
        WHERE r.deleted_at IS NULL AND r.organisation_id IS NOT NULL AND r.trained_on >= ? GROUP BY r.organisation_id, r.course_id`,
    )
    .all(since) as { orgId: number; courseId: number; n: number }[];
  const counted = db
    .prepare(
      `SELECT d.organisation_id AS orgId, d.course_id AS courseId, sum(d.delegates) AS n
         FROM training_delegate_counts d
        WHERE d.deleted_at IS NULL AND d.trained_on >= ? GROUP BY d.organisation_id, d.course_id`,
    )
    .all(since) as { orgId: number; courseId: number; n: number }[];
  const responders = db
    .prepare(
      `SELECT r.organisation_id AS orgId, count(DISTINCT r.person_id) AS n
         FROM training_records r JOIN training_courses c ON c.id = r.course_id
        WHERE r.deleted_at IS NULL AND r.organisation_id IS NOT NULL AND c.first_responder = 1
          AND (r.refresher_due IS NULL OR r.refresher_due >= ?)
        GROUP BY r.organisation_id`,
    )
    .all(today) as { orgId: number; n: number }[];
  // Names from the directory's read API; an organisation no longer in it has no row.
  const names = organisationNames(
    db,
    [...people, ...counted, ...responders].map((r) => r.orgId),
  );
  const orgs = new Map<number, TrainingMatrix['organisations'][number]>();
  const orgRow = (id: number) => {
    let o = orgs.get(id);
    const name = names.get(id);
    if (!o && name !== undefined) {
      o = { id, name, cells: courses.map(() => 0), firstResponders: 0 };
      orgs.set(id, o);
    }
    return o;
  };
  for (const p of [...people, ...counted]) {
    const i = column.get(p.courseId);
    const row = orgRow(p.orgId);
    if (i !== undefined && row) row.cells[i]! += p.n;
  }
  for (const r of responders) {
    const row = orgRow(r.orgId);
    if (row) row.firstResponders = r.n;
  }
  const horizon = addDaysToDate(today, REFRESHER_NOTICE_DAYS);
  const due = db
    .prepare(
      `SELECT r.id AS recordId, r.person_id AS personId, r.organisation_id AS organisationId, c.title AS courseTitle,
              r.refresher_due AS refresherDue
         FROM training_records r JOIN training_courses c ON c.id = r.course_id
        WHERE r.deleted_at IS NULL AND r.refresher_due IS NOT NULL AND r.refresher_due <= ?
          AND NOT EXISTS (SELECT 1 FROM training_records later WHERE later.person_id = r.person_id AND later.course_id = r.course_id
                           AND later.deleted_at IS NULL AND later.trained_on > r.trained_on)`,
    )
    .all(horizon) as {
    recordId: number;
    personId: number;
    organisationId: number | null;
    courseTitle: string;
    refresherDue: string;
  }[];
  const dueNames = personNames(
    db,
    due.map((d) => d.personId),
  );
  const dueOrgs = organisationNames(
    db,
    due.map((d) => d.organisationId),
  );
  const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const refreshersDue: TrainingMatrix['refreshersDue'] = due
    .flatMap(({ personId, organisationId, ...d }) => {
      const personName = dueNames.get(personId);
      if (personName === undefined) return [];
      const organisationName = (organisationId !== null && dueOrgs.get(organisationId)) || '';
      return [{ ...d, personName, organisationName }];
    })
    .sort((a, b) => binary(a.refresherDue, b.refresherDue) || binary(a.personName, b.personName));
  return {
    courses: courses.map((c) => ({ id: c.id, title: c.title, firstResponder: c.firstResponder })),
    organisations: [...orgs.values()].sort((a, b) => a.name.localeCompare(b.name)),
    refreshersDue,
  };
}

const csvCell = (v: string) =>
  /[",\n\r]/.test(v) || /^[=+\-@]/.test(v) ? `"${(/^[=+\-@]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"` : v;

/** Training records as CSV (one row per person and course). */
export function recordsCsv(db: Database): string {
  const header = ['Person', 'Organisation', 'Course', 'Date trained', 'Refresher due', 'Certificate kept'];
  const rows = listRecords(db).map((r) => [
    r.personName,
    r.organisationName,
    r.courseTitle,
    r.trainedOn,
    r.refresherDue ?? '',
    r.certificate ? 'Yes' : 'No',
  ]);
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
