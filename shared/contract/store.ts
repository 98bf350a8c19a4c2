import { z } from 'zod';
import type { StoreStatus } from '../store/status';
import { idleLockSchema, passphraseSchema, secretSchema } from '../store/status';
import { channel, emptyRequest } from './common';

const setUpRequest = z.object({ passphrase: passphraseSchema, remember: z.boolean().optional() }).strict();
const unlockRequest = z.object({ secret: secretSchema, remember: z.boolean().optional() }).strict();
const changePassphraseRequest = z.object({ current: secretSchema, next: passphraseSchema }).strict();
const newRecoveryKeyRequest = z.object({ current: secretSchema }).strict();
const preferencesRequest = z.object({ idleLockMinutes: idleLockSchema.optional(), remember: z.boolean().optional() }).strict();

/**
 * The encrypted store's lock. store.status, store.setUp, store.unlock and store.lock (with app.info)
 * are the only channels the dispatcher serves while the store is locked.
 */
export const storeChannels = {
  'store.status': channel<typeof emptyRequest, StoreStatus>(emptyRequest),
  /** First launch: choose the passphrase. The recovery key is returned this once and never again. */
  'store.setUp': channel<typeof setUpRequest, { recoveryKey: string; status: StoreStatus }>(setUpRequest),
  'store.unlock': channel<typeof unlockRequest, StoreStatus>(unlockRequest),
  'store.lock': channel<typeof emptyRequest, StoreStatus>(emptyRequest),
  'store.changePassphrase': channel<typeof changePassphraseRequest, StoreStatus>(changePassphraseRequest),
  /** A new recovery key replaces the old one, which stops working. Returned this once. */
  'store.newRecoveryKey': channel<typeof newRecoveryKeyRequest, { recoveryKey: string }>(newRecoveryKeyRequest),
  'store.setPreferences': channel<typeof preferencesRequest, StoreStatus>(preferencesRequest),
} as const;

export const CHANNELS_WHILE_LOCKED = ['app.info', 'store.status', 'store.setUp', 'store.unlock', 'store.lock'] as const;
