import type { Database } from 'better-sqlite3';
import type { Matcher, MatchTerms } from '../../shared/privacy/matcher';
import { buildMatcher } from '../../shared/privacy/matcher';
import type { ErasureLink, ErasurePreview } from '../../shared/privacy/model';
import { AppError } from '../../shared/result';
import { recordAudit } from '../audit/repository';
import { findInColumns, scrubColumns } from '../privacy/scrub';
import type { ScrubColumn } from '../privacy/scrub';
import { getPerson } from './people';
import { reindexOrganisation, reindexPerson, removePersonFromIndex } from './search-index';
import { stmt } from './statements';

/**
 * Erasing a person removes them from every table. Each area that keeps its own references to people
 * registers a hook here: it clears its id links (attendance, signatories…) and declares the text
 * columns in which their name, emails or phones may have been typed, which are then scrubbed with
 * one matcher (shared/privacy/matcher.ts). Every hook runs inside the same transaction as the
 * directory's own deletes, so an erasure happens completely or not at all.
 */
export type ErasureHook = {
  area: string;
  /** Text columns this area owns and scrubs. */
  columns?: readonly ScrubColumn[];
  /** For the preview and subject access: records linked to the person by id. Reads only. */
  links?: (db: Database, personId: number) => ErasureLink[];
  /** Clear id links to the person. Runs before the person's rows are deleted. */
  erasePerson?: (db: Database, personId: number) => void;
  /** After the text is scrubbed: rebuild what is derived from the changed rows (indexes, hashes). */
  afterScrub?: (db: Database, changed: Map<string, Set<number>>) => void;
};

const hooks: ErasureHook[] = [];

export function registerErasureHook(hook: ErasureHook): void {
  if (!hooks.some((h) => h.area === hook.area)) hooks.push(hook);
}

export const erasureHooks = (): readonly ErasureHook[] => hooks;

const PEOPLE_DESCRIBE =
  "SELECT 'Directory: ' || name AS record, created_at AS createdAt, updated_at AS updatedAt FROM people WHERE rowid = ?";
const ORG_DESCRIBE =
  "SELECT 'Organisation: ' || name AS record, created_at AS createdAt, updated_at AS updatedAt FROM organisations WHERE rowid = ?";
const POST_DESCRIBE = `SELECT 'Post of ' || p.name || ' at ' || o.name AS record, po.created_at AS createdAt, NULL AS updatedAt
  FROM posts po JOIN people p ON p.id = po.person_id JOIN organisations o ON o.id = po.organisation_id WHERE po.rowid = ?`;

/** The directory's own text: other people's notes, organisations' details, the search index rebuilt. */
export const partnersErasureHook: ErasureHook = {
  area: 'partners',
  columns: [
    { table: 'people', column: 'pronouns', label: 'Pronouns', describe: PEOPLE_DESCRIBE },
    { table: 'people', column: 'notes', label: 'Notes', describe: PEOPLE_DESCRIBE },
    { table: 'people', column: 'source', label: 'Source', describe: PEOPLE_DESCRIBE },
    { table: 'people', column: 'lawful_basis', label: 'Lawful basis', describe: PEOPLE_DESCRIBE },
    { table: 'posts', column: 'job_title', label: 'Job title', describe: POST_DESCRIBE },
    { table: 'posts', column: 'email', label: 'Email', describe: POST_DESCRIBE },
    { table: 'posts', column: 'phone', label: 'Phone', describe: POST_DESCRIBE },
    { table: 'organisations', column: 'name', label: 'Name', describe: ORG_DESCRIBE },
    { table: 'organisations', column: 'address', label: 'Address', describe: ORG_DESCRIBE },
    { table: 'organisations', column: 'website', label: 'Website', describe: ORG_DESCRIBE },
    { table: 'organisations', column: 'email', label: 'Email', describe: ORG_DESCRIBE },
    { table: 'organisations', column: 'phone', label: 'Phone', describe: ORG_DESCRIBE },
    { table: 'organisations', column: 'notes', label: 'Notes', describe: ORG_DESCRIBE },
  ],
  links(db, personId) {
    const person = stmt(db, 'SELECT name, created_at, updated_at FROM people WHERE id = ?').get(personId) as
      { name: string; created_at: string; updated_at: string } | undefined;
    if (!person) return [];
    const posts = stmt(
      db,
      `SELECT po.job_title AS jobTitle, o.name AS organisation, po.created_at AS createdAt FROM posts po
         JOIN organisations o ON o.id = po.organisation_id WHERE po.person_id = ? ORDER BY po.id`,
    ).all(personId) as { jobTitle: string; organisation: string; createdAt: string }[];
    return [
      {
        area: 'partners',
        kind: 'Directory record',
        record: person.name,
        change: 'Deleted',
        createdAt: person.created_at,
        updatedAt: person.updated_at,
      },
      ...posts.map((p) => ({
        area: 'partners',
        kind: 'Post',
        record: p.jobTitle ? `${p.jobTitle}, ${p.organisation}` : p.organisation,
        change: 'Deleted',
        createdAt: p.createdAt,
        updatedAt: null,
      })),
    ];
  },
  afterScrub(db, changed) {
    for (const id of changed.get('people') ?? []) reindexPerson(db, id);
    for (const id of changed.get('organisations') ?? []) reindexOrganisation(db, id, { withPeople: true });
    const postPeople = [...(changed.get('posts') ?? [])].map(
      (postId) => stmt(db, 'SELECT person_id FROM posts WHERE id = ?').pluck().get(postId) as number,
    );
    for (const id of new Set(postPeople)) reindexPerson(db, id);
  },
};

/**
 * What identifies the person in free text: their name, and the emails and phones of their posts.
 * An address or number someone else in the directory also uses (a team inbox, a switchboard) is
 * not theirs alone, so it is left: erasing it would wipe other people's contact details.
 */
export function matchTermsFor(db: Database, personId: number): MatchTerms {
  const person = getPerson(db, personId);
  const posts = stmt(db, 'SELECT email, phone FROM posts WHERE person_id = ?').all(personId) as {
    email: string;
    phone: string;
  }[];
  const uniq = (xs: string[]) => [...new Set(xs.map((s) => s.trim()).filter((s) => s !== ''))];
  const sharedEmail = (e: string) =>
    (stmt(
      db,
      `SELECT (SELECT count(*) FROM posts WHERE person_id <> ? AND email = ? COLLATE NOCASE)
            + (SELECT count(*) FROM organisations WHERE email = ? COLLATE NOCASE)`,
    )
      .pluck()
      .get(personId, e, e) as number) > 0;
  const digits = (p: string) => p.replace(/\D/g, '');
  const otherPhones = new Set(
    (
      stmt(
        db,
        "SELECT phone FROM posts WHERE person_id <> ? AND phone <> '' UNION SELECT phone FROM organisations WHERE phone <> ''",
      )
        .pluck()
        .all(personId) as string[]
    ).map(digits),
  );
  return {
    names: uniq([person.name]),
    emails: uniq(posts.map((p) => p.email)).filter((e) => !sharedEmail(e)),
    phones: uniq(posts.map((p) => p.phone)).filter((p) => !otherPhones.has(digits(p))),
  };
}

export function personUid(db: Database, personId: number): string {
  const uid = stmt(db, 'SELECT uid FROM people WHERE id = ?').pluck().get(personId) as string | undefined;
  if (!uid) throw new AppError('not_found', 'That person is no longer in the directory.');
  return uid;
}

/** Where the person appears and what erasing them will change. Reads only. */
export function previewErasure(db: Database, personId: number, { fullText = false } = {}): ErasurePreview {
  const person = getPerson(db, personId);
  const terms = matchTermsFor(db, personId);
  const matcher = buildMatcher(terms);
  const own = new Set(
    (stmt(db, 'SELECT id FROM posts WHERE person_id = ?').pluck().all(personId) as number[]).map((id) => `posts:${id}`),
  );
  own.add(`people:${personId}`);
  const links = hooks.flatMap((h) => h.links?.(db, personId) ?? []);
  // The person's own record and posts are deleted whole, so they are listed as links, not matches.
  const matches = hooks
    .flatMap((h) => findInColumns(db, h.area, h.columns ?? [], matcher, { fullText }))
    .filter((m) => !own.has(`${m.table}:${m.rowId}`));
  return {
    person: { id: person.id, uid: personUid(db, personId), name: person.name },
    terms: { names: [...terms.names], emails: [...terms.emails], phones: [...terms.phones] },
    links,
    matches,
    occurrences: matches.reduce((n, m) => n + m.count, 0),
  };
}

/** Replace the terms in every declared column of every area. Call inside a transaction. */
export function scrubEverywhere(db: Database, matcher: Matcher): number {
  let rows = 0;
  for (const h of hooks) {
    const changed = scrubColumns(db, h.columns ?? [], matcher);
    for (const set of changed.values()) rows += set.size;
    h.afterScrub?.(db, changed);
  }
  return rows;
}

/** Remove the person's rows and links and scrub their details everywhere. Call inside a transaction. */
export function erasePersonRows(db: Database, personId: number, terms: MatchTerms): void {
  for (const hook of hooks) hook.erasePerson?.(db, personId);
  removePersonFromIndex(db, personId);
  stmt(db, 'DELETE FROM posts WHERE person_id = ?').run(personId);
  stmt(db, 'DELETE FROM people WHERE id = ?').run(personId);
  scrubEverywhere(db, buildMatcher(terms));
  // Only that an erasure happened: no name, no content.
  recordAudit(db, 'person', personId, 'erase');
}

/**
 * Clear what deleted and rewritten rows leave in the file: free pages (VACUUM rewrites the file
 * without them) and old page copies in the write-ahead log (checkpointed and truncated).
 */
export function compactAfterErasure(db: Database): void {
  db.pragma('secure_delete = ON');
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** Called with the erasure about to be made, before the database changes; returns its undo if that fails. */
export type ErasureRecorder = (entry: { uid: string; terms: MatchTerms }) => () => void;

/**
 * Erase a person. record (the privacy area's erasure ledger) keeps the erasure where restoring an
 * older backup cannot lose it, so it can be applied again (main/privacy/ledger.ts).
 */
export function erasePerson(db: Database, personId: number, confirmName: string, record?: ErasureRecorder): void {
  const person = getPerson(db, personId);
  if (confirmName.trim().toLowerCase() !== person.name.trim().toLowerCase()) {
    throw new AppError('invalid_request', 'The name typed to confirm does not match. Nothing was erased.');
  }
  const terms = matchTermsFor(db, personId);
  const uid = personUid(db, personId);
  // Freed pages are overwritten with zeros, so the erased values do not linger in the file.
  db.pragma('secure_delete = ON');
  const undo = record?.({ uid, terms });
  try {
    db.transaction(() => erasePersonRows(db, personId, terms))();
  } catch (error) {
    undo?.();
    throw error;
  }
  compactAfterErasure(db);
}
