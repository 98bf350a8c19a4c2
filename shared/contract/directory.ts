import { z } from 'zod';
import type {
  DirectoryContact,
  DirectoryMemberOrganisation,
  DirectoryOrganisation,
  DirectoryPerson,
  RemovalImpact,
} from '../directory/types';
import type { Person, Post } from '../partners/domain';
import { MEMBERSHIP_KEYS } from '../partners/sectors';
import { phoneOrEmpty } from '../partners/domain';
import { channel, emailOrEmpty, id, shortText } from './common';

/*
 * The partner directory as other areas read it: one search for people, one for contacts (a person
 * in a current post), one for organisations, each with one ordering, and lookups by id. Handlers
 * live in main/partners/directory-handlers.ts over main/partners/directory-api.ts, the only code
 * that reads the organisations, people and posts tables for documents, meetings and settings.
 */

const query = shortText('Search').default('');
const limit = (max: number, dflt: number) => z.number().int().min(1).max(max).default(dflt);
const ids = z.array(id).max(10_000);

const peopleSearch = z.object({ query, limit: limit(200, 50) }).strict();
const contactsSearch = z.object({ query, organisationId: id.nullable().default(null), limit: limit(200, 30) }).strict();
const organisationsSearch = z
  .object({
    query,
    limit: limit(200, 50),
    /** Leave out these membership tiers (for example former members). */
    excludeMembership: z.array(z.enum(MEMBERSHIP_KEYS)).max(4).default([]),
  })
  .strict();
const byId = z.object({ id }).strict();
const byIds = z.object({ ids }).strict();
const contactsById = z.object({ organisationIds: ids.default([]), contactIds: ids.default([]) }).strict();
const byName = z
  .object({
    organisations: z.array(shortText('Organisation')).max(500).default([]),
    contacts: z.array(shortText('Contact')).max(500).default([]),
  })
  .strict();
const membersRequest = z
  .object({
    /** Only these tiers; null means every current member (core and associate). Observers and former members are never included. */
    membership: z
      .array(z.enum(['core', 'associate']))
      .max(2)
      .nullable()
      .default(null),
    /** One organisation only (its SPOC and senior contact); null for all members. */
    organisationId: id.nullable().default(null),
  })
  .strict();
/** Make a person and their post at an organisation in one step (Settings: the coordinator). */
const createWithPost = z
  .object({
    name: shortText('Name').min(1, 'Enter the name'),
    organisationId: id.nullable().default(null),
    /** Or make a new organisation with this name (sector other, membership chosen later). */
    organisationName: shortText('Organisation name').default(''),
    jobTitle: shortText('Job title').default(''),
    email: emailOrEmpty.default(''),
    phone: phoneOrEmpty.default(''),
    isSpoc: z.boolean().default(false),
  })
  .strict();

/** What a removal would affect: archiving an organisation, or erasing a person. */
const impactRequest = z.object({ kind: z.enum(['organisation', 'person']), id }).strict();

export type DirectoryCreateWithPost = z.input<typeof createWithPost>;

export const directoryChannels = {
  'directory.people.search': channel<typeof peopleSearch, DirectoryPerson[]>(peopleSearch),
  'directory.people.get': channel<typeof byId, DirectoryPerson>(byId),
  'directory.people.getMany': channel<typeof byIds, DirectoryPerson[]>(byIds),
  'directory.people.createWithPost': channel<
    typeof createWithPost,
    { person: Person; post: Post | null; contact: DirectoryContact | null }
  >(createWithPost),
  'directory.contacts.search': channel<typeof contactsSearch, DirectoryContact[]>(contactsSearch),
  /** Organisations and contacts by id. Archived ones and ended posts still resolve (agreed documents keep naming who they named). */
  'directory.resolve': channel<typeof contactsById, { organisations: DirectoryOrganisation[]; contacts: DirectoryContact[] }>(
    contactsById,
  ),
  /** Directory ids for names (example values name records). Unknown names are left out. */
  'directory.findByName': channel<
    typeof byName,
    { organisations: { name: string; id: number }[]; contacts: { name: string; id: number }[] }
  >(byName),
  'directory.organisations.search': channel<typeof organisationsSearch, DirectoryOrganisation[]>(organisationsSearch),
  'directory.organisations.get': channel<typeof byId, DirectoryOrganisation>(byId),
  'directory.organisations.getMany': channel<typeof byIds, DirectoryOrganisation[]>(byIds),
  /** Member organisations (not observers or former members) with their SPOC and senior contact. */
  'directory.organisations.members': channel<typeof membersRequest, DirectoryMemberOrganisation[]>(membersRequest),
  /** Before archiving an organisation or erasing a person: the documents, actions and meetings it would affect. */
  'directory.impact': channel<typeof impactRequest, RemovalImpact>(impactRequest),
} as const;
