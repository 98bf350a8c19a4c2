import { z } from 'zod';
import type { DocumentDetail } from './documents';
import { channel } from './common';

/**
 * A document keeps the template snapshot it was made from. When the template has a newer version
 * (a built-in updated with the app, or a custom template edited), the editor says so and offers a
 * new draft on the current template with the old values carried over by field key.
 */
export type TemplateStatus = {
  /** The template version in the document's snapshot. */
  madeOn: string;
  /** The version of the template as it is now, or null if the template no longer exists. */
  current: string | null;
  /** True when the current template is a later version than the snapshot. */
  newer: boolean;
};

const idReq = z.object({ id: z.number().int().positive() }).strict();

export const documentRevisionsChannels = {
  'documentRevisions.templateStatus': channel<typeof idReq, TemplateStatus>(idReq),
  /** A new draft on the current template, its values carried over by key; the old document is left as it is. */
  'documentRevisions.reviseOnTemplate': channel<typeof idReq, DocumentDetail & { dropped: string[] }>(idReq),
} as const;
