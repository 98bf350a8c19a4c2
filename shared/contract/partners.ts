import { z } from 'zod';
import type { SaveOutcome } from '../files';
import { LIMITS } from '../limits';
import type { ColumnMapping, BadRow } from '../partners/csv-import';
import { MAX_COLUMNS } from '../partners/csv-file';
import { IMPORT_FIELD_KEYS } from '../partners/csv-import';
import type {
  CoverageReport,
  Organisation,
  OrganisationDetail,
  OrganisationRow,
  Page,
  Person,
  PersonDetail,
  PersonRow,
  Post,
  SearchHit,
} from '../partners/domain';
import { isoDateOrNull, organisationInput, personInput, postInput } from '../partners/domain';
import type { Membership, SectorKey } from '../partners/sectors';
import { MEMBERSHIP_KEYS, SECTOR_KEYS } from '../partners/sectors';
import type { ErasurePreview } from '../privacy/model';
import { channel, hasControlCharacters, id, shortText } from './common';

const paging = {
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};
const archivedFilter = z.enum(['active', 'archived', 'all']).default('active');
const sortDir = z.enum(['asc', 'desc']).default('asc');

export const organisationListRequest = z
  .object({
    sort: z.enum(['name', 'sector', 'membership', 'updated']).default('name'),
    dir: sortDir,
    sector: z.enum(SECTOR_KEYS).nullable().default(null),
    membership: z.enum(MEMBERSHIP_KEYS).nullable().default(null),
    archived: archivedFilter,
    missingSpoc: z.boolean().default(false),
    ...paging,
  })
  .strict();
export type OrganisationListRequest = z.input<typeof organisationListRequest>;

export const personListRequest = z
  .object({
    sort: z.enum(['name', 'lastVerified', 'updated']).default('name'),
    dir: sortDir,
    sector: z.enum(SECTOR_KEYS).nullable().default(null),
    membership: z.enum(MEMBERSHIP_KEYS).nullable().default(null),
    spoc: z.boolean().default(false),
    archived: archivedFilter,
    unverified: z.boolean().default(false),
    ...paging,
  })
  .strict();
export type PersonListRequest = z.input<typeof personListRequest>;

const byId = z.object({ id }).strict();
const archiveRequest = z.object({ id, archived: z.boolean() }).strict();

export const importMappingSchema = z
  .array(z.enum(IMPORT_FIELD_KEYS).nullable())
  .max(MAX_COLUMNS, `A file can have at most ${MAX_COLUMNS} columns`);
const importText = z
  .string()
  .min(1, 'The file is empty.')
  .max(LIMITS.importText, 'The file is too large to import (50 MB at most).');

export type ImportDuplicate = {
  line: number;
  name: string;
  organisation: string;
  email: string;
  match: 'email' | 'name';
  existingId: number;
  existingName: string;
};

export type ImportPreview = {
  delimiter: ',' | ';' | '\t';
  headers: string[];
  mapping: ColumnMapping;
  missingColumn: string | null;
  rowCount: number;
  sample: { line: number; name: string; organisation: string; jobTitle: string; email: string; phone: string }[];
  badRows: BadRow[];
  duplicates: ImportDuplicate[];
  newOrganisations: number;
  /**
   * The organisations the import would create, each with the sector the file gives or that its
   * name or a contact's email suggests (`sectorFrom` says which, null: no guess), for the
   * coordinator to confirm; membership only when the file gives it (the coordinator chooses).
   */
  organisationsToCreate: {
    name: string;
    sector: SectorKey;
    sectorFrom: 'file' | 'name' | 'email' | null;
    membership: Membership | null;
  }[];
  /** About the whole file: repeated column names, control characters removed. */
  warnings: string[];
};

export type ImportSummary = {
  peopleCreated: number;
  peopleMerged: number;
  organisationsCreated: number;
  postsCreated: number;
  skipped: number;
};

const version = z.number().int().min(1);
const organisationUpdate = z.object({ id, version, value: organisationInput }).strict();
const personCreate = z.object({ value: personInput, post: postInput.nullable().default(null) }).strict();
const personUpdate = z.object({ id, version, value: personInput }).strict();
const eraseRequest = z.object({ id, confirmName: shortText('Confirmation') }).strict();
const postAdd = z.object({ personId: id, value: postInput }).strict();
const postUpdate = z.object({ id, version, value: postInput.omit({ organisationId: true }) }).strict();
const postEnd = z.object({ id, endedOn: isoDateOrNull }).strict();
const searchRequest = z.object({ query: shortText('Search'), limit: z.number().int().min(1).max(200).default(30) }).strict();
const emptyObject = z.object({}).strict();
const importPreviewRequest = z.object({ text: importText, mapping: importMappingSchema.nullable().default(null) }).strict();
/** The coordinator's sector and membership for each new organisation, by name in lower case. */
export const importOrganisationChoices = z
  .record(
    z
      .string()
      .max(LIMITS.shortText)
      .refine((v) => !hasControlCharacters(v, false), 'An organisation name contains a control character'),
    z.object({ sector: z.enum(SECTOR_KEYS), membership: z.enum(MEMBERSHIP_KEYS) }).strict(),
  )
  .default({});
const importCommitRequest = z
  .object({
    text: importText,
    mapping: importMappingSchema,
    skipBadRows: z.boolean(),
    duplicates: z.record(z.string().regex(/^\d+$/), z.enum(['skip', 'merge'])).default({}),
    /** The coordinator's sector and membership for each new organisation, by name in lower case. */
    organisations: importOrganisationChoices,
  })
  .strict();
const exportRequest = z.object({ personIds: z.array(id).max(100_000).nullable().default(null) }).strict();

export const partnersChannels = {
  'partners.organisations.list': channel<typeof organisationListRequest, Page<OrganisationRow>>(organisationListRequest),
  'partners.organisations.get': channel<typeof byId, OrganisationDetail>(byId),
  'partners.organisations.create': channel<typeof organisationInput, Organisation>(organisationInput),
  'partners.organisations.update': channel<typeof organisationUpdate, Organisation>(organisationUpdate),
  'partners.organisations.archive': channel<typeof archiveRequest, Organisation>(archiveRequest),
  'partners.people.list': channel<typeof personListRequest, Page<PersonRow>>(personListRequest),
  'partners.people.get': channel<typeof byId, PersonDetail>(byId),
  'partners.people.create': channel<typeof personCreate, Person>(personCreate),
  'partners.people.update': channel<typeof personUpdate, Person>(personUpdate),
  'partners.people.archive': channel<typeof archiveRequest, Person>(archiveRequest),
  'partners.people.erasurePreview': channel<typeof byId, ErasurePreview>(byId),
  'partners.people.erase': channel<typeof eraseRequest, { erased: true }>(eraseRequest),
  'partners.posts.add': channel<typeof postAdd, Post>(postAdd),
  'partners.posts.update': channel<typeof postUpdate, Post>(postUpdate),
  'partners.posts.end': channel<typeof postEnd, Post>(postEnd),
  'partners.search': channel<typeof searchRequest, SearchHit[]>(searchRequest),
  'partners.coverage': channel<typeof emptyObject, CoverageReport>(emptyObject),
  'partners.importPreview': channel<typeof importPreviewRequest, ImportPreview>(importPreviewRequest),
  'partners.importCommit': channel<typeof importCommitRequest, ImportSummary>(importCommitRequest),
  'partners.exportCsv': channel<typeof exportRequest, SaveOutcome>(exportRequest),
  'partners.exportVcard': channel<typeof exportRequest, SaveOutcome>(exportRequest),
} as const;
