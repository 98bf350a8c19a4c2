import { z } from 'zod';
import { ACTION_STATUSES, ATTENDANCE_STATUSES } from '../meetings/model';
import { RESOURCE_TYPE_KEYS, TOPIC_KEYS } from '../toolkit/resources';

/**
 * The example partnership's working records: a board that has met, with attendance, actions and a
 * decision to share, agreed terms of reference and an information sharing agreement, and training.
 * Dates are days relative to the day it is loaded, so the checklist always finds recent evidence.
 */
const name = z.string().trim().min(1).max(200);
export const exampleRecordsSchema = z
  .object({
    group: z.object({ name, kind: z.enum(['strategic_board', 'operational_group', 'sub_group', 'other']) }).strict(),
    meetings: z
      .array(
        z
          .object({
            title: name,
            daysAgo: z.number().int().min(-400).max(400),
            location: z.string().max(200),
            chair: name,
            /** Person name → attendance. */
            attendance: z.record(name, z.enum(ATTENDANCE_STATUSES)),
          })
          .strict(),
      )
      .max(20),
    actions: z
      .array(
        z
          .object({
            description: name,
            meeting: z.number().int().min(0),
            owner: name,
            /** Negative: overdue by that many days. */
            dueInDays: z.number().int(),
            status: z.enum(ACTION_STATUSES),
          })
          .strict(),
      )
      .max(50),
    shareDecisions: z
      .array(
        z
          .object({
            information: name,
            purpose: name,
            recipients: name,
            daysAgo: z.number().int().min(0),
            justification: name,
          })
          .strict(),
      )
      .max(10),
    documents: z
      .array(
        z
          .object({
            templateKey: z.string().max(80),
            title: name,
            reviewInDays: z.number().int(),
            /** Contacts whose signature is recorded (for a template with signatories). */
            signedBy: z.array(name).max(50),
          })
          .strict(),
      )
      .max(5),
    training: z.array(z.object({ person: name, course: z.string().max(80), daysAgo: z.number().int().min(0) }).strict()).max(50),
    delegateCounts: z
      .array(
        z
          .object({
            organisation: name,
            course: z.string().max(80),
            daysAgo: z.number().int().min(0),
            delegates: z.number().int().min(1),
          })
          .strict(),
      )
      .max(50),
    /** The partnership's own (invented) resources, with .example addresses. */
    resources: z
      .array(
        z
          .object({
            title: name,
            publisher: z.string().max(200),
            type: z.enum(RESOURCE_TYPE_KEYS),
            topics: z.array(z.enum(TOPIC_KEYS)).max(6),
            summary: z.string().max(400),
            url: z.string().regex(/^https:\/\/[a-z0-9.-]+\.example\//),
          })
          .strict(),
      )
      .max(10),
    /** Notes added to catalogue entries, by catalogue key, to show the library carrying local knowledge. */
    resourceNotes: z.array(z.object({ key: z.string().max(80), notes: z.string().max(2000) }).strict()).max(20),
  })
  .strict();
export type ExampleRecords = z.infer<typeof exampleRecordsSchema>;
