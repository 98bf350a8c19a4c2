import type { Database } from 'better-sqlite3';
import type { ErasureLink } from '../../shared/privacy/model';
import type { ErasureHook } from '../partners/erasure';
import type { ScrubColumn } from '../privacy/scrub';
import { reindexResource } from './resources';

const ASSESSMENT =
  "SELECT 'Checklist assessment of ' || assessed_on AS record, created_at AS createdAt, updated_at AS updatedAt FROM toolkit_assessments WHERE rowid = ?";
const RESOURCE =
  "SELECT 'Library resource: ' || title AS record, created_at AS createdAt, updated_at AS updatedAt FROM toolkit_resources WHERE rowid = ?";
const COURSE =
  "SELECT 'Training course: ' || title AS record, created_at AS createdAt, updated_at AS updatedAt FROM training_courses WHERE rowid = ?";
const RECORD = `SELECT 'Training record: ' || c.title || ' (' || r.trained_on || ')' AS record, r.created_at AS createdAt, r.updated_at AS updatedAt
  FROM training_records r JOIN training_courses c ON c.id = r.course_id WHERE r.rowid = ?`;
const NEWSLETTER =
  "SELECT 'Newsletter: ' || title AS record, created_at AS createdAt, updated_at AS updatedAt FROM toolkit_newsletters WHERE rowid = ?";

/** Every text column of the Toolkit area in which a person's details may have been typed. */
export const toolkitScrubColumns: readonly ScrubColumn[] = [
  { table: 'toolkit_assessments', column: 'answers_json', label: 'Checklist answers and notes', describe: ASSESSMENT },
  { table: 'toolkit_assessments', column: 'evidence_json', label: 'Checklist evidence (names members)', describe: ASSESSMENT },
  { table: 'toolkit_resources', column: 'title', label: 'Resource title', describe: RESOURCE },
  { table: 'toolkit_resources', column: 'publisher', label: 'Author or publisher', describe: RESOURCE },
  { table: 'toolkit_resources', column: 'summary', label: 'Resource summary', describe: RESOURCE },
  { table: 'toolkit_resources', column: 'notes', label: 'Resource notes', describe: RESOURCE },
  { table: 'toolkit_resources', column: 'url', label: 'Resource link', describe: RESOURCE },
  { table: 'toolkit_resources', column: 'file_name', label: 'File name', describe: RESOURCE },
  { table: 'training_courses', column: 'title', label: 'Course title', describe: COURSE },
  { table: 'training_courses', column: 'provider', label: 'Course provider', describe: COURSE },
  { table: 'training_courses', column: 'format', label: 'Course format', describe: COURSE },
  { table: 'training_courses', column: 'length', label: 'Course length', describe: COURSE },
  { table: 'training_courses', column: 'url', label: 'Course link', describe: COURSE },
  { table: 'training_records', column: 'notes', label: 'Training notes', describe: RECORD },
  { table: 'training_records', column: 'certificate_name', label: 'Certificate file name', describe: RECORD },
  { table: 'toolkit_newsletters', column: 'title', label: 'Newsletter title', describe: NEWSLETTER },
  { table: 'toolkit_newsletters', column: 'introduction', label: 'Newsletter introduction', describe: NEWSLETTER },
  { table: 'toolkit_newsletters', column: 'call_for_examples', label: 'Call for examples', describe: NEWSLETTER },
  { table: 'toolkit_newsletters', column: 'items_json', label: 'Newsletter items', describe: NEWSLETTER },
];

/**
 * A person's training records (with their certificates) go with them; subject access lists them.
 * Their details typed into checklist notes, library notes or a newsletter are scrubbed through the
 * columns above, and the library's search index follows the rows that changed.
 */
export const toolkitErasureHook: ErasureHook = {
  area: 'toolkit',
  columns: toolkitScrubColumns,
  links(db: Database, personId: number): ErasureLink[] {
    const rows = db
      .prepare(
        `SELECT c.title AS course, r.trained_on AS trainedOn, r.certificate_name AS certificate, r.created_at AS createdAt,
                r.updated_at AS updatedAt
           FROM training_records r JOIN training_courses c ON c.id = r.course_id
          WHERE r.person_id = ? ORDER BY r.trained_on`,
      )
      .all(personId) as { course: string; trainedOn: string; certificate: string; createdAt: string; updatedAt: string }[];
    return rows.map((r) => ({
      area: 'toolkit',
      kind: r.certificate ? 'Training record, with a certificate' : 'Training record',
      record: `${r.course} (${r.trainedOn})`,
      change: 'Deleted',
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    }));
  },
  erasePerson(db: Database, personId: number) {
    db.prepare('DELETE FROM training_records WHERE person_id = ?').run(personId);
  },
  afterScrub(db, changed) {
    for (const id of changed.get('toolkit_resources') ?? []) reindexResource(db, id);
  },
};
