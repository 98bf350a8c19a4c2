import { z } from 'zod';
import type { SaveOutcome } from '../files';
import type { AgendaItem } from '../meetings/model';
import type { Assessment, AssessmentSummary } from '../toolkit/assessment';
import type { Comparison, EvidenceItem } from '../toolkit/checklist';
import { ANSWERS, EVIDENCE_KEYS, QUESTIONS } from '../toolkit/checklist';
import type { Resource, ResourcePage } from '../toolkit/resources';
import type { LawRoundUp } from '../toolkit/law';
import type { Newsletter, NewsletterSummary } from '../toolkit/newsletter';
import type { Course, DelegateCount, TrainingMatrix, TrainingRecord } from '../toolkit/training';
import { courseInput } from '../toolkit/training';
import { AUDIENCE_KEYS, RESOURCE_FILE_LIMIT_BYTES, RESOURCE_TYPE_KEYS, TOPIC_KEYS, webAddress } from '../toolkit/resources';
import { channel, emptyRequest, hasControlCharacters, id, mediumText, shortText } from './common';

/** A record's uid (UUIDv7) or a catalogue entry's key. */
const recordUid = z
  .string()
  .max(40)
  .regex(/^[\w-]+$/, 'Unknown record');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date like 2026-10-05');
const idReq = z.object({ id }).strict();

const answerEntry = z
  .object({
    answer: z.enum(ANSWERS).nullable(),
    notes: mediumText('Notes').default(''),
    resourceIds: z.array(recordUid).max(20).default([]),
  })
  .strict();
const questionKeys = QUESTIONS.map((q) => q.key) as [string, ...string[]];
const answers = z.partialRecord(z.enum(questionKeys), answerEntry);

const saveReq = z.object({ assessedOn: isoDate.optional(), answers }).strict();
const updateAnswersReq = z.object({ id, answers }).strict();
const createActionsReq = z
  .object({
    id,
    items: z
      .array(
        z
          .object({
            evidenceKey: z.enum(EVIDENCE_KEYS),
            description: mediumText('Action').trim().min(1, 'Describe the action'),
            dueOn: isoDate.nullable().default(null),
            ownerOrganisationId: id.nullable().default(null),
          })
          .strict(),
      )
      .min(1, 'Choose at least one gap')
      .max(20),
  })
  .strict();

export type AssessmentView = {
  assessment: Assessment;
  previous: { id: number; assessedOn: string } | null;
  comparison: Comparison;
};

const searchReq = z
  .object({
    text: shortText('Search').default(''),
    type: z.enum(RESOURCE_TYPE_KEYS).nullable().default(null),
    topic: z.enum(TOPIC_KEYS).nullable().default(null),
    audience: z.enum(AUDIENCE_KEYS).nullable().default(null),
    year: z.number().int().min(1900).max(2100).nullable().default(null),
    addedSince: isoDate.nullable().default(null),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

const resourceFields = {
  title: shortText('Title').min(1, 'Give the resource a title'),
  publisher: shortText('Author or publisher').default(''),
  type: z.enum(RESOURCE_TYPE_KEYS),
  year: z.number().int().min(1900).max(2100).nullable().default(null),
  topics: z.array(z.enum(TOPIC_KEYS)).max(11).default([]),
  audience: z.array(z.enum(AUDIENCE_KEYS)).max(9).default([]),
  summary: mediumText('Summary').trim().default(''),
  notes: mediumText('Notes').trim().default(''),
};
const addLinkReq = z.object({ ...resourceFields, url: webAddress }).strict();
/** Base64 of the chosen file; a little over the limit is let through so main can say exactly how large it is. */
const MAX_BASE64 = Math.ceil(((RESOURCE_FILE_LIMIT_BYTES * 3) / 2) * (4 / 3));
const addFileReq = z
  .object({
    ...resourceFields,
    fileName: shortText('File name').min(1),
    base64: z
      .string()
      .max(MAX_BASE64, 'That file is far too large to keep in Concordat (the limit is 20 MB). Add a link to it instead.')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file did not arrive whole. Choose it again.'),
  })
  .strict();
const notesReq = z.object({ id, notes: mediumText('Notes').trim() }).strict();
const checkLinksReq = z.object({ ids: z.array(id).max(2000).nullable().default(null) }).strict();
export const attachReq = z.object({ resourceId: id, agendaItemId: id }).strict();
const byUidsReq = z.object({ uids: z.array(recordUid).max(200) }).strict();

const courseImportReq = z
  .object({
    text: z
      .string()
      .max(5_000_000, 'The file is too large to import')
      .refine((v) => !hasControlCharacters(v, true), 'The file contains control characters: save it again as CSV and retry'),
  })
  .strict();
const recordsListReq = z.object({ personId: id.nullable().default(null) }).strict();
export const recordAddReq = z
  .object({
    personId: id,
    courseId: id,
    trainedOn: isoDate,
    refresherDue: isoDate.nullable().default(null),
    notes: mediumText('Notes').trim().default(''),
  })
  .strict();
const certificateFileReq = z
  .object({
    id,
    fileName: shortText('File name').min(1),
    base64: z
      .string()
      .max(MAX_BASE64)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file did not arrive whole. Choose it again.'),
  })
  .strict();
export const delegatesAddReq = z
  .object({ organisationId: id, courseId: id, trainedOn: isoDate, delegates: z.number().int().min(1).max(100000) })
  .strict();

const newsletterItem = z
  .object({
    resourceUid: recordUid,
    title: shortText('Title').min(1),
    publisher: shortText('Publisher').default(''),
    url: z.union([webAddress, z.literal('')]).default(''),
    paragraph: mediumText('Paragraph').trim().default(''),
  })
  .strict();
export const newsletterSaveReq = z
  .object({
    id: id.nullable().default(null),
    title: shortText('Title').min(1, 'Give the issue a title'),
    introduction: mediumText('Introduction').default(''),
    callForExamples: mediumText('Call for examples').default(''),
    items: z.array(newsletterItem).max(50, 'An issue can carry up to 50 resources'),
  })
  .strict();
const sentReq = z.object({ id, sentOn: isoDate }).strict();

export const toolkitChannels = {
  /** The checklist's evidence computed from the records now (not saved). */
  'toolkit.checklist.evidence': channel<typeof emptyRequest, EvidenceItem[]>(emptyRequest),
  'toolkit.assessments.list': channel<typeof emptyRequest, AssessmentSummary[]>(emptyRequest),
  'toolkit.assessments.get': channel<typeof idReq, AssessmentView>(idReq),
  /** Save the answers with the evidence computed now, frozen into the assessment. */
  'toolkit.assessments.save': channel<typeof saveReq, AssessmentView>(saveReq),
  'toolkit.assessments.updateAnswers': channel<typeof updateAnswersReq, AssessmentView>(updateAnswersReq),
  'toolkit.assessments.delete': channel<typeof idReq, { deleted: true }>(idReq),
  'toolkit.assessments.export': channel<typeof idReq, SaveOutcome>(idReq),
  /** Turn chosen gaps into actions in the action log. */
  'toolkit.assessments.createActions': channel<typeof createActionsReq, { created: number[] }>(createActionsReq),
  'toolkit.resources.search': channel<typeof searchReq, ResourcePage>(searchReq),
  'toolkit.resources.get': channel<typeof idReq, Resource>(idReq),
  'toolkit.resources.addLink': channel<typeof addLinkReq, Resource>(addLinkReq),
  'toolkit.resources.addFile': channel<typeof addFileReq, Resource>(addFileReq),
  'toolkit.resources.download': channel<typeof idReq, SaveOutcome>(idReq),
  'toolkit.resources.updateNotes': channel<typeof notesReq, Resource>(notesReq),
  'toolkit.resources.delete': channel<typeof idReq, { deleted: true }>(idReq),
  /** Check links (all, or the given ones) from main with a short timeout each. */
  'toolkit.resources.checkLinks': channel<typeof checkLinksReq, { checked: number; broken: number }>(checkLinksReq),
  /** Resources by their stable ids (those attached to checklist answers, for example); missing ones are left out. */
  'toolkit.resources.byUids': channel<typeof byUidsReq, Resource[]>(byUidsReq),
  /** Attach a resource to a meeting's agenda item as a paper. */
  'toolkit.resources.attachToAgenda': channel<typeof attachReq, AgendaItem>(attachReq),
  'toolkit.newsletters.list': channel<typeof emptyRequest, NewsletterSummary[]>(emptyRequest),
  'toolkit.newsletters.get': channel<typeof idReq, Newsletter>(idReq),
  /** Resources for the next issue: added since the last issue went out and not carried before. */
  'toolkit.newsletters.suggest': channel<typeof emptyRequest, Resource[]>(emptyRequest),
  'toolkit.newsletters.save': channel<typeof newsletterSaveReq, Newsletter>(newsletterSaveReq),
  /** Record that an issue went out; it is then kept as sent and its items are not offered again. */
  'toolkit.newsletters.markSent': channel<typeof sentReq, Newsletter>(sentReq),
  'toolkit.newsletters.exportDocx': channel<typeof idReq, SaveOutcome>(idReq),
  'toolkit.newsletters.exportHtml': channel<typeof idReq, SaveOutcome>(idReq),
  /** The legislation and guidance round-up: the citable-law list with the templates that cite each entry. */
  'toolkit.law.list': channel<typeof emptyRequest, LawRoundUp>(emptyRequest),
  'toolkit.training.courses.list': channel<typeof emptyRequest, Course[]>(emptyRequest),
  'toolkit.training.courses.add': channel<typeof courseInput, Course>(courseInput),
  /** Import courses from CSV: title, provider, format, audience, length, cost, link. */
  'toolkit.training.courses.import': channel<typeof courseImportReq, { added: number }>(courseImportReq),
  'toolkit.training.records.list': channel<typeof recordsListReq, TrainingRecord[]>(recordsListReq),
  'toolkit.training.records.add': channel<typeof recordAddReq, TrainingRecord>(recordAddReq),
  'toolkit.training.records.delete': channel<typeof idReq, { deleted: true }>(idReq),
  /** Keep the certificate a person was given (a file the user chose) with their record. */
  'toolkit.training.records.attachCertificate': channel<typeof certificateFileReq, TrainingRecord>(certificateFileReq),
  /** A certificate of achievement for a record, as .docx. */
  'toolkit.training.records.certificate': channel<typeof idReq, SaveOutcome>(idReq),
  'toolkit.training.records.exportCsv': channel<typeof emptyRequest, SaveOutcome>(emptyRequest),
  'toolkit.training.delegates.list': channel<typeof emptyRequest, DelegateCount[]>(emptyRequest),
  'toolkit.training.delegates.add': channel<typeof delegatesAddReq, DelegateCount>(delegatesAddReq),
  'toolkit.training.matrix': channel<typeof emptyRequest, TrainingMatrix>(emptyRequest),
} as const;
