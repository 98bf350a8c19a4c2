import { z } from 'zod';
import type { VersionHistoryRow } from '../documents/version-history';
import { channel, id } from './common';

const idReq = z.object({ id }).strict();

export const documentHistoryChannels = {
  /** The document's version history kept from its lifecycle, ready for the form's version history rows. */
  'documentHistory.rows': channel<typeof idReq, VersionHistoryRow[]>(idReq),
} as const;
