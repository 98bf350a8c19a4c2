import type { z } from 'zod';
import type { AppInfo, PartnershipSettings } from '../settings';
import { partnershipSettingsSchema } from '../settings';
import { backupsChannels } from './backups';
import { channel, emptyRequest } from './common';
import { documentHistoryChannels } from './document-history';
import { documentRevisionsChannels } from './document-revisions';
import { documentChecksChannels } from './document-checks';
import { directoryChannels } from './directory';
import { documentsChannels } from './documents';
import { examplesChannels } from './examples';
import { partnersChannels } from './partners';
import { partnersImportChannels } from './partners-import';
import { meetingsChannels } from './meetings';
import { plansChannels } from './plans';
import { toolkitChannels } from './toolkit';
import { privacyChannels } from './privacy';
import { reportsChannels } from './reports';
import { storeChannels } from './store';

/**
 * The one contract between renderer and main. Every channel is named here once, with the zod
 * schema that main checks before any handler runs and the type of its reply.
 * Feature areas add their channels by spreading their own group below.
 */
export const contract = {
  'app.info': channel<typeof emptyRequest, AppInfo>(emptyRequest),
  'settings.get': channel<typeof emptyRequest, PartnershipSettings>(emptyRequest),
  'settings.update': channel<typeof partnershipSettingsSchema, PartnershipSettings>(partnershipSettingsSchema),
  ...documentsChannels,
  ...documentRevisionsChannels,
  ...documentHistoryChannels,
  ...documentChecksChannels,
  ...partnersChannels,
  ...directoryChannels,
  ...partnersImportChannels,
  ...meetingsChannels,
  ...plansChannels,
  ...examplesChannels,
  ...toolkitChannels,
  ...privacyChannels,
  ...reportsChannels,
  ...backupsChannels,
  ...storeChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = NonNullable<Contract[C]['response']>;

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

/** The single IPC channel the preload uses; the contract channel travels inside it. */
export const IPC_INVOKE = 'concordat:invoke';
/** The browser host's one endpoint and the header that carries its session token. */
export const HTTP_INVOKE_PATH = '/api/invoke';
export const HTTP_TOKEN_HEADER = 'x-concordat-token';
