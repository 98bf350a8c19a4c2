import { z } from 'zod';

/** The kinds of material the library holds. Keys are stored; labels may change. */
export const RESOURCE_TYPES = [
  { key: 'report', label: 'Report' },
  { key: 'guidance', label: 'Guidance' },
  { key: 'briefing', label: 'Briefing' },
  { key: 'toolkit', label: 'Toolkit' },
  { key: 'recording', label: 'Recording' },
  { key: 'slides', label: 'Slides' },
  { key: 'leaflet', label: 'Leaflet or poster' },
  { key: 'case-study', label: 'Case study' },
  { key: 'legislation', label: 'Legislation' },
  { key: 'website', label: 'Website' },
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number]['key'];
export const RESOURCE_TYPE_KEYS = RESOURCE_TYPES.map((t) => t.key) as [ResourceType, ...ResourceType[]];
export const resourceTypeLabel = (key: string) => RESOURCE_TYPES.find((t) => t.key === key)?.label ?? key;

export const TOPICS = [
  { key: 'labour', label: 'Labour exploitation' },
  { key: 'sexual-criminal', label: 'Sexual and criminal exploitation' },
  { key: 'county-lines', label: 'County lines' },
  { key: 'children', label: 'Children' },
  { key: 'survivors', label: 'Survivors and support' },
  { key: 'business', label: 'Business and supply chains' },
  { key: 'law-enforcement', label: 'Law enforcement' },
  { key: 'health', label: 'Health' },
  { key: 'housing', label: 'Housing and homelessness' },
  { key: 'international', label: 'International' },
  { key: 'partnership', label: 'Partnership working' },
] as const;
export type Topic = (typeof TOPICS)[number]['key'];
export const TOPIC_KEYS = TOPICS.map((t) => t.key) as [Topic, ...Topic[]];
export const topicLabel = (key: string) => TOPICS.find((t) => t.key === key)?.label ?? key;

export const AUDIENCES = [
  { key: 'partnership', label: 'Partnership coordinators and boards' },
  { key: 'local-authority', label: 'Local authorities' },
  { key: 'police', label: 'Police and enforcement' },
  { key: 'health', label: 'Health professionals' },
  { key: 'frontline', label: 'Frontline staff and first responders' },
  { key: 'support', label: 'Support services' },
  { key: 'business', label: 'Business' },
  { key: 'policy', label: 'Policy makers and researchers' },
  { key: 'public', label: 'The public' },
] as const;
export type Audience = (typeof AUDIENCES)[number]['key'];
export const AUDIENCE_KEYS = AUDIENCES.map((a) => a.key) as [Audience, ...Audience[]];
export const audienceLabel = (key: string) => AUDIENCES.find((a) => a.key === key)?.label ?? key;

/** Only http(s) addresses are kept or opened. */
export const webAddress = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v), 'Enter a web address starting with https://');

/** One entry of the catalogue shipped in resources/toolkit/catalogue.json. */
export const catalogueEntrySchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .max(80),
    title: z.string().trim().min(1).max(400),
    publisher: z.string().trim().max(200),
    type: z.enum(RESOURCE_TYPE_KEYS),
    year: z.number().int().min(1900).max(2100).nullable(),
    topics: z.array(z.enum(TOPIC_KEYS)).max(6),
    audience: z.array(z.enum(AUDIENCE_KEYS)).max(4),
    /** One sentence, in Concordat's own words. Left empty for legislation listed as a link only. */
    summary: z.string().trim().max(400),
    /** Only where a source gives one; never invented. */
    url: z.union([webAddress, z.literal('')]),
    /** The public toolkit's catalogue marks some links as dead. */
    mayBeBroken: z.boolean(),
    /** Where the entry came from, for provenance. */
    source: z.enum(['iasc-resources', 'toolkit-catalogue', 'newsletter']),
  })
  .strict()
  .refine((e) => !/[.!?].+[.!?]$/.test(e.summary.replace(/\b(e\.g|i\.e|etc|St|Dr)\./g, '')), {
    message: 'A summary is one sentence',
    path: ['summary'],
  });
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;

export const catalogueSchema = z
  .object({ version: z.number().int().positive(), entries: z.array(catalogueEntrySchema).min(1) })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.entries.forEach((e, i) => {
      if (seen.has(e.key)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'key'], message: `Duplicate key ${e.key}` });
      seen.add(e.key);
    });
  });
export type Catalogue = z.infer<typeof catalogueSchema>;

export type LinkStatus = 'unchecked' | 'ok' | 'may_be_broken';

export type Resource = {
  id: number;
  uid: string;
  source: 'catalogue' | 'user';
  title: string;
  publisher: string;
  type: ResourceType;
  year: number | null;
  topics: Topic[];
  audience: Audience[];
  summary: string;
  notes: string;
  url: string;
  linkStatus: LinkStatus;
  linkCheckedOn: string | null;
  file: { name: string; mime: string; size: number } | null;
  addedOn: string;
  version: number;
  updatedAt: string;
};

export type ResourcePage = { items: Resource[]; total: number };

/** Local files kept inside the store are capped so the database and its backups stay manageable. */
export const RESOURCE_FILE_LIMIT_BYTES = 20 * 1024 * 1024;
export const RESOURCE_FILE_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain',
  png: 'image/png',
  jpg: 'image/jpeg',
};

export const describeSize = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
