import { z } from 'zod';
import { PROTECTIVE_MARKINGS } from './markings';
import { emailOrEmpty, id, shortText } from './contract/common';

export const partnershipSettingsSchema = z
  .object({
    name: shortText('Partnership name').min(1, 'Enter the partnership name'),
    area: shortText('Area'),
    coordinatorName: shortText('Coordinator name'),
    coordinatorEmail: emailOrEmpty,
    defaultMarking: z.enum(PROTECTIVE_MARKINGS),
    /** The coordinator as a person in the partner directory, so pickers can offer them. */
    coordinatorPersonId: id.nullable().default(null),
    /** The stored version this edit is based on; a save based on an older one is refused. */
    version: z.number().int().min(1),
  })
  .strict();

export type PartnershipSettings = z.output<typeof partnershipSettingsSchema>;
export type PartnershipSettingsInput = z.input<typeof partnershipSettingsSchema>;

export type AppInfo = {
  name: string;
  version: string;
  dataDir: string;
  /** null while the store is locked. */
  schemaVersion: number | null;
  host: 'electron' | 'browser';
};
