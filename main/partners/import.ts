import type { Database } from 'better-sqlite3';
import type { ImportDuplicate, ImportPreview, ImportSummary } from '../../shared/contract/partners';
import type { BadRow, ColumnMapping, ImportRecord } from '../../shared/partners/csv-import';
import { CsvFileError, parseCsvText, parseCsvTextAsync } from '../../shared/partners/csv-file';
import {
  describeBadRow,
  missingRequiredColumn,
  newRecordReaderState,
  readRecords,
  recogniseColumns,
} from '../../shared/partners/csv-import';
import { guessSector, inferSector } from '../../shared/partners/infer-sector';
import type { Membership, SectorKey } from '../../shared/partners/sectors';
import { AppError } from '../../shared/result';
import { recordAudit } from '../audit/repository';
import { insertOrganisation } from './organisations';
import { insertPerson, insertPost } from './people';
import { personIndexRow, reindexPerson, writeIndexRow } from './search-index';
import { now, stmt } from './statements';

/** A person in the file: consecutive rows with the same person details are one person's posts. */
export type PersonGroup = { line: number; records: ImportRecord[] };

function read(text: string, mapping: ColumnMapping | null) {
  let parsed;
  try {
    parsed = parseCsvText(text);
  } catch (error) {
    if (error instanceof CsvFileError) throw new AppError('invalid_request', error.message);
    throw error;
  }
  const columns = mapping ?? recogniseColumns(parsed.headers);
  if (columns.length !== parsed.headers.length) {
    throw new AppError('invalid_request', 'The column mapping does not match the columns in the file. Choose the file again.');
  }
  const { records, badRows } = readRecords(parsed, columns);
  return { parsed, columns, records, badRows };
}

const personKey = (r: ImportRecord) =>
  [r.name, r.pronouns, r.notes, r.source, r.lawfulBasis, r.lastVerified ?? ''].join('\u0000').toLowerCase();

function groupPeople(records: ImportRecord[]): { people: PersonGroup[]; organisationsOnly: ImportRecord[] } {
  const people: PersonGroup[] = [];
  const organisationsOnly: ImportRecord[] = [];
  let last: PersonGroup | null = null;
  for (const r of records) {
    if (r.name === '') {
      organisationsOnly.push(r);
      last = null;
      continue;
    }
    if (last && personKey(last.records[0]!) === personKey(r) && r.organisation !== '') {
      last.records.push(r);
      continue;
    }
    last = { line: r.line, records: [r] };
    people.push(last);
  }
  return { people, organisationsOnly };
}

type Existing = { id: number; name: string };

/**
 * Lookups against what the directory already holds. Each is an indexed query, so the cost follows
 * the size of the file, not of the directory; organisation names are remembered for the import.
 */
type Lookup = {
  byEmail: (email: string) => Existing | undefined;
  byNameAtOrg: (name: string, organisation: string) => Existing | undefined;
  organisations: Map<string, number | null>;
  organisationId: (name: string) => number | undefined;
};

function createLookup(db: Database): Lookup {
  const organisations = new Map<string, number | null>();
  return {
    byEmail: (email) =>
      stmt(
        db,
        `SELECT p.id, p.name FROM posts po JOIN people p ON p.id = po.person_id
          WHERE po.email = ? COLLATE NOCASE ORDER BY po.ended_on IS NOT NULL, po.id LIMIT 1`,
      ).get(email) as Existing | undefined,
    byNameAtOrg: (name, organisation) =>
      stmt(
        db,
        `SELECT p.id, p.name FROM people p
           JOIN posts po ON po.person_id = p.id AND po.ended_on IS NULL
           JOIN organisations o ON o.id = po.organisation_id
          WHERE p.name = ? COLLATE NOCASE AND o.name = ? COLLATE NOCASE LIMIT 1`,
      ).get(name, organisation) as Existing | undefined,
    organisations,
    organisationId: (name) => {
      const key = name.toLowerCase();
      if (!organisations.has(key)) {
        const id = stmt(
          db,
          'SELECT id FROM organisations WHERE name = ? COLLATE NOCASE ORDER BY archived_at IS NOT NULL, id LIMIT 1',
        )
          .pluck()
          .get(name) as number | undefined;
        organisations.set(key, id ?? null);
      }
      return organisations.get(key) ?? undefined;
    },
  };
}

function findDuplicate(
  lookup: Lookup,
  group: PersonGroup,
): Omit<ImportDuplicate, 'line' | 'name' | 'organisation' | 'email'> | null {
  for (const r of group.records) {
    const hit = r.email ? lookup.byEmail(r.email) : undefined;
    if (hit) return { match: 'email', existingId: hit.id, existingName: hit.name };
  }
  for (const r of group.records) {
    const hit = r.organisation ? lookup.byNameAtOrg(r.name, r.organisation) : undefined;
    if (hit) return { match: 'name', existingId: hit.id, existingName: hit.name };
  }
  return null;
}

export function previewImport(db: Database, text: string, mapping: ColumnMapping | null): ImportPreview {
  const { parsed, columns, records, badRows } = read(text, mapping);
  const { people } = groupPeople(records);
  const lookup = createLookup(db);
  const duplicates: ImportDuplicate[] = [];
  for (const g of people) {
    const d = findDuplicate(lookup, g);
    const first = g.records[0]!;
    if (d) duplicates.push({ line: g.line, name: first.name, organisation: first.organisation, email: first.email, ...d });
  }
  const newOrgs = new Map<string, ImportPreview['organisationsToCreate'][number]>();
  for (const r of records) {
    if (!r.organisation || lookup.organisationId(r.organisation) !== undefined) continue;
    const key = r.organisation.toLowerCase();
    const seen = newOrgs.get(key);
    // The file's own sector wins; else the first row whose name or email suggests one.
    if (seen && (seen.sectorFrom !== null || !r.email)) continue;
    const guess = r.sector ? null : guessSector(r.organisation, r.email);
    newOrgs.set(key, {
      name: seen?.name ?? r.organisation,
      sector: r.sector ?? guess?.sector ?? 'other',
      sectorFrom: r.sector ? 'file' : (guess?.from ?? null),
      membership: seen?.membership ?? r.membership,
    });
  }
  return {
    delimiter: parsed.delimiter,
    headers: parsed.headers,
    mapping: columns,
    missingColumn: missingRequiredColumn(columns),
    rowCount: parsed.rows.length,
    sample: records.slice(0, 50).map((r) => ({
      line: r.line,
      name: r.name,
      organisation: r.organisation,
      jobTitle: r.jobTitle,
      email: r.email,
      phone: r.phone,
    })),
    badRows,
    duplicates,
    newOrganisations: newOrgs.size,
    organisationsToCreate: [...newOrgs.values()].slice(0, 5_000),
    warnings: parsed.warnings,
  };
}

export type CommitOptions = {
  mapping: ColumnMapping;
  skipBadRows: boolean;
  duplicates: Record<string, 'skip' | 'merge'>;
  /** Sector and membership chosen in the preview for new organisations, by lower-case name. */
  organisations?: Record<string, { sector: SectorKey; membership: Membership }>;
};

export type ImportPlan = { people: PersonGroup[]; organisationsOnly: ImportRecord[]; skippedBadRows: number };

/** Read and check the whole file; refuse it (nothing written) if it cannot be imported as asked. */
export function planImport(text: string, options: CommitOptions): ImportPlan {
  const { columns, records, badRows } = read(text, options.mapping);
  return checkPlan(columns, records, badRows, options);
}

/**
 * The same reading and checks, a slice at a time with the event loop free in between: a
 * 100,000-row file takes a second or more to read, and other calls are answered meanwhile.
 */
export async function planImportAsync(text: string, options: CommitOptions, slice = 2_000): Promise<ImportPlan> {
  let parsed;
  try {
    parsed = await parseCsvTextAsync(text, slice);
  } catch (error) {
    if (error instanceof CsvFileError) throw new AppError('invalid_request', error.message);
    throw error;
  }
  const columns = options.mapping;
  if (columns.length !== parsed.headers.length) {
    throw new AppError('invalid_request', 'The column mapping does not match the columns in the file. Choose the file again.');
  }
  const state = newRecordReaderState();
  const records: ImportRecord[] = [];
  const badRows: BadRow[] = [];
  for (let i = 0; i < parsed.rows.length; i += slice) {
    const part = readRecords({ ...parsed, rows: parsed.rows.slice(i, i + slice) }, columns, state);
    records.push(...part.records);
    badRows.push(...part.badRows);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return checkPlan(columns, records, badRows, options);
}

function checkPlan(columns: ColumnMapping, records: ImportRecord[], badRows: BadRow[], options: CommitOptions): ImportPlan {
  const missing = missingRequiredColumn(columns);
  if (missing) throw new AppError('invalid_request', missing);
  if (badRows.length > 0 && !options.skipBadRows) {
    throw new AppError(
      'invalid_request',
      `${badRows.length} ${badRows.length === 1 ? 'row has a problem' : 'rows have problems'}, so nothing was imported. Fix the file, or choose to skip the rows with problems.`,
      badRows.slice(0, 50).map(describeBadRow),
    );
  }
  const { people, organisationsOnly } = groupPeople(records);
  if (people.length === 0 && organisationsOnly.length === 0) {
    throw new AppError('invalid_request', 'There are no rows to import.');
  }
  return { people, organisationsOnly, skippedBadRows: badRows.length };
}

/** The ids an import created, so a cancelled import can remove exactly them. */
export type ImportLedger = { people: number[]; organisations: number[]; posts: number[] };

export type ImportWriter = {
  summary: ImportSummary;
  writeOrganisationOnly: (r: ImportRecord) => void;
  /** Write one person group; a duplicate to merge is handed to `onMerge` instead when given. */
  writeGroup: (g: PersonGroup, onMerge?: (existingId: number, g: PersonGroup) => void) => void;
  merge: (existingId: number, g: PersonGroup) => void;
};

/** The writes of an import, shared by the one-transaction commit and the chunked job. */
export function createImportWriter(db: Database, options: CommitOptions, skipped: number, ledger?: ImportLedger): ImportWriter {
  const summary: ImportSummary = {
    peopleCreated: 0,
    peopleMerged: 0,
    organisationsCreated: 0,
    postsCreated: 0,
    skipped,
  };

  const lookup = createLookup(db);
  const organisationFor = (r: ImportRecord): number => {
    const key = r.organisation.toLowerCase();
    const existing = lookup.organisationId(r.organisation);
    if (existing !== undefined) return existing;
    summary.organisationsCreated++;
    const id = insertOrganisation(db, {
      name: r.organisation,
      sector: options.organisations?.[key]?.sector ?? r.sector ?? inferSector(r.organisation, r.email) ?? 'other',
      membership: options.organisations?.[key]?.membership ?? r.membership ?? 'core',
      pursue: false,
      prevent: false,
      protect: false,
      prepare: false,
      address: '',
      website: '',
      email: '',
      phone: '',
      notes: '',
    });
    ledger?.organisations.push(id);
    lookup.organisations.set(key, id);
    return id;
  };
  // The stored spelling of an organisation's name, for the search index.
  const names = new Map<number, string>();
  const organisationName = (r: ImportRecord): string => {
    const orgId = organisationFor(r);
    let name = names.get(orgId);
    if (name === undefined) {
      name = stmt(db, 'SELECT name FROM organisations WHERE id = ?').pluck().get(orgId) as string;
      names.set(orgId, name);
    }
    return name;
  };
  const addPostFor = (personId: number, r: ImportRecord) => {
    if (!r.organisation) return;
    const postId = insertPost(db, personId, {
      organisationId: organisationFor(r),
      jobTitle: r.jobTitle,
      email: r.email,
      phone: r.phone,
      isSpoc: r.isSpoc,
      startedOn: null,
    });
    ledger?.posts.push(postId);
    summary.postsCreated++;
  };
  const merge = (existingId: number, g: PersonGroup) => {
    mergeInto(db, existingId, g, addPostFor);
    summary.peopleMerged++;
  };

  return {
    summary,
    merge,
    writeOrganisationOnly: (r) => {
      organisationFor(r);
    },
    writeGroup: (g, onMerge) => {
      const first = g.records[0]!;
      const dup = findDuplicate(lookup, g);
      if (dup) {
        if ((options.duplicates[String(g.line)] ?? 'skip') === 'skip') {
          summary.skipped += g.records.length;
          return;
        }
        if (onMerge) onMerge(dup.existingId, g);
        else merge(dup.existingId, g);
        return;
      }
      const personId = insertPerson(db, {
        name: first.name,
        pronouns: first.pronouns,
        notes: first.notes,
        source: first.source || 'CSV import',
        lawfulBasis: first.lawfulBasis,
        lastVerified: first.lastVerified,
      });
      ledger?.people.push(personId);
      for (const r of g.records) addPostFor(personId, r);
      writeIndexRow(
        db,
        personId,
        personIndexRow(
          first.name,
          false,
          g.records
            .filter((r) => r.organisation !== '')
            .map((r) => ({ jobTitle: r.jobTitle, organisation: organisationName(r), email: r.email })),
        ),
        { isNew: true },
      );
      summary.peopleCreated++;
    },
  };
}

/** Write the whole import in one transaction: every row is written, or none is. Long files use an import job. */
export function commitImport(db: Database, text: string, options: CommitOptions): ImportSummary {
  const plan = planImport(text, options);
  const writer = createImportWriter(db, options, plan.skippedBadRows);
  db.transaction(() => {
    for (const r of plan.organisationsOnly) writer.writeOrganisationOnly(r);
    for (const g of plan.people) writer.writeGroup(g);
    recordAudit(db, 'directory', 'csv', 'import');
  })();
  return writer.summary;
}

/** Merge: keep what is stored, fill its blanks from the file, add posts at organisations not yet held. */
function mergeInto(db: Database, personId: number, g: PersonGroup, addPostFor: (personId: number, r: ImportRecord) => void) {
  const first = g.records[0]!;
  stmt(
    db,
    `UPDATE people SET pronouns = CASE WHEN pronouns = '' THEN ? ELSE pronouns END,
            notes = CASE WHEN notes = '' THEN ? ELSE notes END,
            source = CASE WHEN source = '' THEN ? ELSE source END,
            lawful_basis = CASE WHEN lawful_basis = '' THEN ? ELSE lawful_basis END,
            last_verified = CASE WHEN last_verified IS NULL OR last_verified < ? THEN coalesce(?, last_verified) ELSE last_verified END,
            updated_at = ?
      WHERE id = ?`,
  ).run(first.pronouns, first.notes, first.source, first.lawfulBasis, first.lastVerified, first.lastVerified, now(), personId);
  for (const r of g.records) {
    if (!r.organisation) continue;
    const post = stmt(
      db,
      `SELECT po.id FROM posts po JOIN organisations o ON o.id = po.organisation_id
        WHERE po.person_id = ? AND po.ended_on IS NULL AND o.name = ? COLLATE NOCASE LIMIT 1`,
    )
      .pluck()
      .get(personId, r.organisation) as number | undefined;
    if (post === undefined) {
      addPostFor(personId, r);
      continue;
    }
    stmt(
      db,
      `UPDATE posts SET job_title = CASE WHEN job_title = '' THEN ? ELSE job_title END,
              email = CASE WHEN email = '' THEN ? ELSE email END,
              phone = CASE WHEN phone = '' THEN ? ELSE phone END,
              is_spoc = max(is_spoc, ?) WHERE id = ?`,
    ).run(r.jobTitle, r.email, r.phone, r.isSpoc ? 1 : 0, post);
  }
  reindexPerson(db, personId);
  recordAudit(db, 'person', personId, 'update');
}
