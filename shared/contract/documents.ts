import { z } from 'zod';
import type { Template, TemplateCategory } from '../documents/template-schema';
import type { DocumentTree } from '../documents/tree';
import type { SaveOutcome } from '../files';
import { LIMITS } from '../limits';
import { PROTECTIVE_MARKINGS } from '../markings';
import type { ProtectiveMarking } from '../markings';
import { channel, emptyRequest, id, mediumText, shortText } from './common';

export const DOCUMENT_STATUSES = ['draft', 'in_review', 'agreed', 'superseded', 'withdrawn'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const STATUS_LABELS: Record<DocumentStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  agreed: 'Agreed',
  superseded: 'Superseded',
  withdrawn: 'Withdrawn',
};

/** The lifecycle: which status may follow which. Main enforces it; the screens offer only these. */
export const TRANSITIONS: Record<DocumentStatus, readonly DocumentStatus[]> = {
  draft: ['in_review', 'withdrawn'],
  in_review: ['draft', 'agreed', 'withdrawn'],
  agreed: ['draft', 'superseded', 'withdrawn'],
  superseded: [],
  withdrawn: [],
};
/** Values can be edited in these statuses; an agreed document is frozen until a revision starts. */
export const EDITABLE: readonly DocumentStatus[] = ['draft', 'in_review'];

export type TemplateSummary = {
  key: string;
  title: string;
  category: TemplateCategory;
  version: string;
  description: string;
  guidance: string;
  source: 'builtin' | 'custom';
  basedOn: string | null;
  updatedAt: string | null;
};

export type DocumentSummary = {
  id: number;
  title: string;
  templateKey: string;
  templateTitle: string;
  status: DocumentStatus;
  versionLabel: string;
  reviewDate: string | null;
  marking: ProtectiveMarking;
  parties: string[];
  updatedAt: string;
};

export type DocumentDetail = DocumentSummary & {
  template: Template;
  values: Record<string, unknown>;
  revision: number;
  signatories: { contactId: number; signedOn: string | null }[];
  versions: number;
};

export type VersionSummary = { number: number; label: string; agreedBy: string; agreedAt: string; note: string };
export type VersionDetail = VersionSummary & { tree: DocumentTree; values: Record<string, unknown> };
export type DiffPart = { value: string; added?: boolean; removed?: boolean };

export type MatrixCell = 'signed' | 'not_signed' | 'not_party';
export type SignatoryMatrix = {
  documents: { id: number; title: string; versionLabel: string }[];
  organisations: { id: number; name: string; cells: MatrixCell[] }[];
};

const templateKey = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/)
  .max(80);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date like 2026-10-05');
const values = z
  .record(z.string().max(60), z.unknown())
  .refine((v) => JSON.stringify(v).length <= 5_000_000, 'The document is too large to save');

const idReq = z.object({ id }).strict();
const listReq = z
  .object({
    status: z.enum(DOCUMENT_STATUSES).optional(),
    templateKey: templateKey.optional(),
    query: shortText('Search').optional(),
    reviewDue: z.boolean().optional(),
  })
  .strict();
const createReq = z
  .object({
    templateKey,
    title: shortText('Title').min(1, 'Enter a title'),
    marking: z.enum(PROTECTIVE_MARKINGS).optional(),
  })
  .strict();
const updateReq = z
  .object({
    id,
    /** The revision the edit was made on: a stale autosave is refused rather than overwriting newer work. */
    revision: z.number().int().nonnegative(),
    title: shortText('Title').min(1, 'Enter a title').optional(),
    values: values.optional(),
    reviewDate: isoDate.nullable().optional(),
    marking: z.enum(PROTECTIVE_MARKINGS).optional(),
  })
  .strict();
const statusReq = z.object({ id, status: z.enum(['draft', 'in_review', 'superseded', 'withdrawn']) }).strict();
const agreeReq = z
  .object({
    id,
    note: mediumText('Note'),
    agreedBy: shortText('Agreed by').optional(),
    /** The person has seen the document's out-of-date references and agrees it anyway. */
    acknowledgeStale: z.boolean().optional(),
  })
  .strict();
const versionReq = z.object({ id, number: z.number().int().positive() }).strict();
const diffReq = z
  .object({ id, from: z.number().int().positive(), to: z.union([z.number().int().positive(), z.literal('current')]) })
  .strict();
const signReq = z.object({ id, contactId: id, signedOn: isoDate.nullable() }).strict();
const exportReq = z.object({ id, version: z.number().int().positive().optional(), publicSafe: z.boolean() }).strict();
const keyReq = z.object({ key: templateKey }).strict();
const saveTemplateReq = z.object({ key: templateKey, json: z.string().max(LIMITS.longText * 5) }).strict();
const importTemplateReq = z.object({ text: z.string().max(LIMITS.longText * 5) }).strict();
export const documentsChannels = {
  'documents.templates.list': channel<typeof emptyRequest, TemplateSummary[]>(emptyRequest),
  'documents.templates.get': channel<typeof keyReq, { summary: TemplateSummary; template: Template; json: string }>(keyReq),
  'documents.templates.duplicate': channel<typeof keyReq, TemplateSummary>(keyReq),
  'documents.templates.save': channel<typeof saveTemplateReq, TemplateSummary>(saveTemplateReq),
  'documents.templates.import': channel<typeof importTemplateReq, TemplateSummary>(importTemplateReq),
  'documents.templates.export': channel<typeof keyReq, SaveOutcome>(keyReq),
  'documents.templates.delete': channel<typeof keyReq, { deleted: true }>(keyReq),
  'documents.list': channel<typeof listReq, DocumentSummary[]>(listReq),
  'documents.create': channel<typeof createReq, DocumentDetail>(createReq),
  'documents.get': channel<typeof idReq, DocumentDetail>(idReq),
  'documents.update': channel<typeof updateReq, { revision: number; updatedAt: string }>(updateReq),
  'documents.setStatus': channel<typeof statusReq, DocumentDetail>(statusReq),
  'documents.agree': channel<typeof agreeReq, DocumentDetail>(agreeReq),
  'documents.sign': channel<typeof signReq, DocumentDetail>(signReq),
  'documents.versions.list': channel<typeof idReq, VersionSummary[]>(idReq),
  'documents.versions.get': channel<typeof versionReq, VersionDetail>(versionReq),
  'documents.versions.diff': channel<typeof diffReq, DiffPart[]>(diffReq),
  'documents.reviewDue': channel<typeof emptyRequest, (DocumentSummary & { daysUntilReview: number })[]>(emptyRequest),
  'documents.matrix': channel<typeof emptyRequest, SignatoryMatrix>(emptyRequest),
  'documents.export': channel<typeof exportReq, { outcome: SaveOutcome; removedCharacters: number }>(exportReq),
} as const;
