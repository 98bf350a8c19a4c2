import { z } from 'zod';
import { LIMITS } from '../limits';
import type { ImportSummary } from './partners';
import { importMappingSchema, importOrganisationChoices } from './partners';
import { channel } from './common';

/**
 * Long imports run as a job: main writes the file in short chunks, so every other call is answered
 * meanwhile, and the page polls for progress (main cannot push to the page). A cancelled job
 * leaves nothing of the file in the directory.
 */
export type ImportJobState = 'running' | 'done' | 'cancelled' | 'failed';
export type ImportJobProgress = {
  jobId: string;
  state: ImportJobState;
  /** Reading and checking the whole file first (nothing written yet), then writing it. */
  phase: 'checking' | 'writing';
  /** Rows written so far, of `total` (0 while checking). */
  done: number;
  total: number;
  summary: ImportSummary | null;
  /** Why a failed import stopped, as the one-transaction commit would have refused it. */
  error: { code: 'invalid_request' | 'internal'; message: string; details: string[] } | null;
};

const importStartRequest = z
  .object({
    text: z.string().min(1, 'The file is empty.').max(LIMITS.importText, 'The file is too large to import (50 MB at most).'),
    mapping: importMappingSchema,
    skipBadRows: z.boolean(),
    duplicates: z.record(z.string().regex(/^\d+$/), z.enum(['skip', 'merge'])).default({}),
    organisations: importOrganisationChoices,
  })
  .strict();
const jobRequest = z.object({ jobId: z.uuid() }).strict();

export const partnersImportChannels = {
  'partners.import.start': channel<typeof importStartRequest, ImportJobProgress>(importStartRequest),
  'partners.import.progress': channel<typeof jobRequest, ImportJobProgress>(jobRequest),
  'partners.import.cancel': channel<typeof jobRequest, ImportJobProgress>(jobRequest),
} as const;
