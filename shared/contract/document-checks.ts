import { z } from 'zod';
import type { DocumentStatus } from './documents';
import type { StaleFinding } from '../documents/stale-references';
import { channel, emptyRequest, shortText } from './common';

/** A stored document that still holds out-of-date references (the agreed text for an agreed document). */
export type StaleDocument = {
  id: number;
  title: string;
  status: DocumentStatus;
  versionLabel: string;
  findings: StaleFinding[];
};

/** A Word file is sent as base64; about 30 MB of .docx at most. Nothing is stored. */
export const WORD_CHECK_MAX_BASE64 = 40_000_000;

const templateKeyReq = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/)
      .max(80),
  })
  .strict();
const wordReq = z
  .object({
    name: shortText('File name'),
    base64: z
      .string()
      .max(WORD_CHECK_MAX_BASE64, 'That file is too large to check (about 30 MB at most)')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'That file could not be read'),
  })
  .strict();

export const documentChecksChannels = {
  /** Every stored document (not withdrawn or superseded) whose text still has stale references. */
  'documents.checks.stored': channel<typeof emptyRequest, StaleDocument[]>(emptyRequest),
  /** Stale references in a template's text, labels, help and examples (shown after import). */
  'documents.checks.template': channel<typeof templateKeyReq, StaleFinding[]>(templateKeyReq),
  /** Read a Word document's text in main and return its stale references; the file is not kept. */
  'documents.checks.word': channel<typeof wordReq, { name: string; paragraphs: number; findings: StaleFinding[] }>(wordReq),
} as const;
