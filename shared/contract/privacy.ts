import { z } from 'zod';
import type { SaveOutcome } from '../files';
import type { ActivityPage, PrivacyRequest, RetentionDue, RetentionRule } from '../privacy/records';
import { REQUEST_KINDS, REQUEST_STATUSES, RETENTION_KINDS } from '../privacy/records';
import { channel, id, mediumText, shortText } from './common';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD');

const subjectAccessReq = z.object({ personId: id, redactOthers: z.boolean().default(false) }).strict();
const requestCreateReq = z
  .object({
    kind: z.enum(REQUEST_KINDS),
    subject: shortText('Who it is about').min(1, 'Say who the request is about'),
    personId: id.nullable().default(null),
    receivedOn: isoDate,
    note: mediumText('Note').default(''),
  })
  .strict();
const requestUpdateReq = z
  .object({
    id,
    version: z.number().int().positive(),
    status: z.enum(REQUEST_STATUSES),
    completedOn: isoDate.nullable(),
    note: mediumText('Note'),
  })
  .strict();
const retentionUpdateReq = z
  .object({
    rules: z
      .array(
        z
          .object({
            kind: z.enum(RETENTION_KINDS),
            months: z.number().int().min(1, 'Keep for at least 1 month').max(1200, 'Keep for at most 1200 months (100 years)'),
            action: z.enum(['review', 'delete']),
          })
          .strict(),
      )
      .min(1)
      .max(RETENTION_KINDS.length),
  })
  .strict();
const retentionKeepReq = z.object({ kind: z.enum(RETENTION_KINDS), recordId: id }).strict();
export const activityFilterReq = z
  .object({
    entity: shortText('What').nullable().default(null),
    action: shortText('Action').nullable().default(null),
    from: isoDate.nullable().default(null),
    to: isoDate.nullable().default(null),
    limit: z.number().int().min(1).max(1000).default(200),
    offset: z.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();
export type ActivityFilter = z.output<typeof activityFilterReq>;
const emptyReq = z.object({}).strict();

export const privacyChannels = {
  'privacy.subjectAccess.export': channel<typeof subjectAccessReq, { report: SaveOutcome; data: SaveOutcome }>(subjectAccessReq),
  'privacy.requests.list': channel<typeof emptyReq, PrivacyRequest[]>(emptyReq),
  'privacy.requests.create': channel<typeof requestCreateReq, PrivacyRequest>(requestCreateReq),
  'privacy.requests.update': channel<typeof requestUpdateReq, PrivacyRequest>(requestUpdateReq),
  'privacy.retention.get': channel<typeof emptyReq, RetentionRule[]>(emptyReq),
  'privacy.retention.update': channel<typeof retentionUpdateReq, RetentionRule[]>(retentionUpdateReq),
  'privacy.retention.due': channel<typeof emptyReq, RetentionDue[]>(emptyReq),
  'privacy.retention.keep': channel<typeof retentionKeepReq, { kept: true }>(retentionKeepReq),
  'privacy.activity.list': channel<typeof activityFilterReq, ActivityPage>(activityFilterReq),
  'privacy.activity.exportCsv': channel<typeof activityFilterReq, SaveOutcome>(activityFilterReq),
} as const;
