import { z } from 'zod';
import { PROTECTIVE_MARKINGS } from './markings';
import { emailOrEmpty, shortText } from './contract/common';

export const partnershipSettingsSchema = z
  .object({
    name: shortText('Partnership name').min(1, 'Enter the partnership name'),
    area: shortText('Area'),
    coordinatorName: shortText('Coordinator name'),
    coordinatorEmail: emailOrEmpty,
    defaultMarking: z.enum(PROTECTIVE_MARKINGS),
  })
  .strict();

export type PartnershipSettings = z.infer<typeof partnershipSettingsSchema>;

export type AppInfo = {
  name: string;
  version: string;
  dataDir: string;
  /** null while the store is locked. */
  schemaVersion: number | null;
  host: 'electron' | 'browser';
};
