import { z } from 'zod';
import { emailOrEmpty, id, mediumText, shortText } from '../contract/common';
import { normalisePhone } from './phone';
import { MEMBERSHIP_KEYS, SECTOR_KEYS } from './sectors';

export const phoneOrEmpty = z
  .string()
  .trim()
  .max(60, 'A phone number must be at most 60 characters')
  .superRefine((v, ctx) => {
    if (v === '') return;
    const r = normalisePhone(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
  });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date like 2025-03-31');
export const isoDateOrNull = z.union([isoDate, z.null()]);

const requiredName = (label: string) => shortText(label).min(1, `Enter the ${label.toLowerCase()}`);

export const websiteOrEmpty = z
  .string()
  .trim()
  .max(500)
  .refine((v) => v === '' || /^(https?:\/\/)?[^\s/$.?#]+\.[^\s]+$/i.test(v), 'Enter a web address like www.example.org');

export const organisationInput = z
  .object({
    name: requiredName('Organisation name'),
    sector: z.enum(SECTOR_KEYS),
    membership: z.enum(MEMBERSHIP_KEYS),
    pursue: z.boolean(),
    prevent: z.boolean(),
    protect: z.boolean(),
    prepare: z.boolean(),
    address: mediumText('Address'),
    website: websiteOrEmpty,
    email: emailOrEmpty,
    phone: phoneOrEmpty,
    notes: mediumText('Notes'),
  })
  .strict();
export type OrganisationInput = z.infer<typeof organisationInput>;

export const personInput = z
  .object({
    name: requiredName('Name'),
    pronouns: shortText('Pronouns'),
    notes: mediumText('Notes'),
    source: shortText('Source of the record'),
    lawfulBasis: mediumText('Lawful basis'),
    lastVerified: isoDateOrNull,
  })
  .strict();
export type PersonInput = z.infer<typeof personInput>;

export const postInput = z
  .object({
    organisationId: id,
    jobTitle: shortText('Job title'),
    email: emailOrEmpty,
    phone: phoneOrEmpty,
    isSpoc: z.boolean(),
    startedOn: isoDateOrNull,
  })
  .strict();
export type PostInput = z.infer<typeof postInput>;

export type Organisation = OrganisationInput & {
  id: number;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Bumped on every save; an update must carry the version it was based on. */
  version: number;
};

export type Person = PersonInput & {
  id: number;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type Post = {
  id: number;
  personId: number;
  personName: string;
  organisationId: number;
  organisationName: string;
  jobTitle: string;
  email: string;
  phone: string;
  isSpoc: boolean;
  startedOn: string | null;
  endedOn: string | null;
  version: number;
};

export type OrganisationRow = {
  id: number;
  name: string;
  sector: string;
  membership: string;
  email: string;
  phone: string;
  people: number;
  hasSpoc: boolean;
  archived: boolean;
};

export type PersonRow = {
  id: number;
  name: string;
  organisations: string;
  jobTitles: string;
  email: string;
  isSpoc: boolean;
  lastVerified: string | null;
  archived: boolean;
};

export type Page<T> = { rows: T[]; total: number; offset: number };

export type OrganisationDetail = Organisation & { posts: Post[] };
export type PersonDetail = Person & { posts: Post[] };

export type SearchHit = {
  kind: 'organisation' | 'person';
  id: number;
  name: string;
  /** For a person: current job titles and organisations; for an organisation: its sector. */
  detail: string;
  email: string;
  archived: boolean;
};

export type CoverageReport = {
  sectors: { key: string; label: string; members: { id: number; name: string; membership: string }[] }[];
  missingSpoc: { id: number; name: string; sector: string; membership: string }[];
};

export const emptyOrganisation = (): OrganisationInput => ({
  name: '',
  sector: 'other',
  membership: 'core',
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

export const emptyPerson = (): PersonInput => ({
  name: '',
  pronouns: '',
  notes: '',
  source: '',
  lawfulBasis: '',
  lastVerified: null,
});

/** Twelve months before `today` (YYYY-MM-DD): records last verified before this need checking. */
export function verifyCutoff(today: Date = new Date()): string {
  const d = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate()));
  return d.toISOString().slice(0, 10);
}
