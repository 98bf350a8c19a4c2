import { z } from 'zod';
import type { DocumentTree } from '../documents/tree';
import type { SaveOutcome } from '../files';
import type { AgencyReturn, AnnualFigures, AnnualReport, AnnualReportSummary } from '../reports/types';
import { channel, emptyRequest, id, longText } from './common';

const year = z.number().int().min(1990, 'Choose a year from 1990').max(2100, 'Choose a year up to 2100');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date like 2026-10-05');
const yearReq = z.object({ year }).strict();

export const reportSectionsSchema = z
  .object({
    progress: longText('Progress').default(''),
    problems: longText('Problems').default(''),
    priorities: longText('Priorities').default(''),
    pointsForAction: longText('Points for action').default(''),
  })
  .strict();

const saveReq = z.object({ year, version: z.number().int().min(1), ...reportSectionsSchema.shape }).strict();
const exportReq = z.object({ year, publicSafe: z.boolean().default(false) }).strict();

export const agencyReturnSchema = z
  .object({
    organisationId: id,
    year,
    /** The version the edit is based on; 0 when no return had been started. */
    version: z.number().int().min(0),
    requestedOn: isoDate.nullable().default(null),
    returnedOn: isoDate.nullable().default(null),
    pursue: longText('Pursue').default(''),
    prevent: longText('Prevent').default(''),
    protect: longText('Protect').default(''),
    prepare: longText('Prepare').default(''),
    highlights: longText('Highlights').default(''),
    challenges: longText('Challenges').default(''),
  })
  .strict();
const returnRef = z.object({ organisationId: id, year }).strict();
const returnExportReq = z
  .object({ organisationId: id, year, filled: z.boolean().default(false), dueOn: isoDate.nullable().default(null) })
  .strict();

export type ReportView = { report: AnnualReport; figures: AnnualFigures };

/** The annual report, its figures and the partner agency returns (main/reports/handlers.ts). */
export const reportsChannels = {
  'reports.list': channel<typeof emptyRequest, AnnualReportSummary[]>(emptyRequest),
  'reports.open': channel<typeof yearReq, ReportView>(yearReq),
  'reports.save': channel<typeof saveReq, AnnualReport>(saveReq),
  'reports.preview': channel<typeof exportReq, DocumentTree>(exportReq),
  'reports.export': channel<typeof exportReq, SaveOutcome>(exportReq),
  'reports.returns.list': channel<typeof yearReq, AgencyReturn[]>(yearReq),
  'reports.returns.save': channel<typeof agencyReturnSchema, AgencyReturn>(agencyReturnSchema),
  'reports.returns.request': channel<typeof returnRef, AgencyReturn>(returnRef),
  'reports.returns.export': channel<typeof returnExportReq, SaveOutcome>(returnExportReq),
} as const;
