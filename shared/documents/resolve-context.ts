import type { DirectoryContact as Contact } from '../directory/types';
import type { ProtectiveMarking } from '../markings';
import type { ContextDefaults } from './defaults';

/*
 * What resolve() is given besides the template and values: the partnership, the document, the
 * directory, and how its gaps and context values are named. resolve.ts re-exports the public part.
 */

/** An organisation from the directory, as templates see it. */
export type DirectoryOrganisation = { id: number; name: string; sector: string };
/** A contact is a person in a current post: the post id identifies them. The directory's contact without its person id and SPOC flag. */
export type DirectoryContact = Pick<Contact, 'id' | 'name' | 'jobTitle' | 'organisation' | 'organisationId' | 'email' | 'phone'>;

export type ResolveContext = {
  partnership: { name: string; area: string; coordinatorName: string; coordinatorEmail: string };
  document: {
    title: string;
    version: string;
    /** ISO date the document is dated. */
    date: string;
    marking: ProtectiveMarking;
    reviewDate?: string | null;
    status?: string;
  };
  directory?: {
    organisations: ReadonlyMap<number, DirectoryOrganisation>;
    contacts: ReadonlyMap<number, DirectoryContact>;
  };
  /** Contact (post) id → ISO date they signed. */
  signed?: ReadonlyMap<number, string>;
  /** Replace contacts' names, emails and phones with their role and organisation. */
  publicSafe?: boolean;
  /** Keep guidance blocks in the tree (the preview shows them; the writer never exports them). Default true. */
  includeGuidance?: boolean;
  /** What the app offers as defaults (the coordinator, the version history); see defaults.ts. */
  defaults?: ContextDefaults;
};

/** The defaults directory resolve() fills empty fields from: the context's directory and the app's own defaults. */
export function defaultsFor(
  context: Pick<ResolveContext, 'directory' | 'defaults'> & { document: Pick<ResolveContext['document'], 'date'> },
) {
  return {
    organisations: context.directory?.organisations ?? new Map<number, DirectoryOrganisation>(),
    contacts: context.directory?.contacts ?? new Map<number, DirectoryContact>(),
    context: { date: context.document.date, ...context.defaults },
  };
}

export type Values = Record<string, unknown>;

/**
 * Missing values. A placeholder whose value is not given yet prints as a visible gap,
 * "[not yet given: Purpose]" (the field's label), in the preview AND in an export: a draft sent for
 * comment should show its holes, not hide them. `| default("…")` in the template prints that text instead.
 */
export const gapText = (label: string) => `[not yet given: ${label}]`;

/** How the context's own values are named in a gap: the reader sees "Review date", never "document reviewDate". */
export const CONTEXT_LABELS: Record<string, Record<string, string>> = {
  partnership: {
    name: 'Partnership name',
    area: 'Partnership area',
    coordinatorName: "Coordinator's name",
    coordinatorEmail: "Coordinator's email address",
  },
  document: {
    title: 'Document title',
    version: 'Version',
    date: 'Document date',
    marking: 'Protective marking',
    reviewDate: 'Review date',
    status: 'Status',
  },
};
/** Properties of directory records, as words. */
export const PROPERTY_LABELS: Record<string, string> = {
  name: 'name',
  jobTitle: 'job title',
  organisation: 'organisation',
  email: 'email address',
  phone: 'phone number',
  sector: 'sector',
  role: 'role',
};
/** A key as words ("dpoConsulted" → "dpo consulted"), for a path no label describes. */
export const keyToWords = (k: string) =>
  k
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_.]+/g, ' ')
    .toLowerCase();
