import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestOf } from '../../../shared/contract';
import type { StoreStatus } from '../../../shared/store/status';
import { call } from '../api/client';
import type { Reactions } from '../api/reactions';
import { acceptStatus } from './store-status';

/** A call answered with the store's status: the status is kept (it drives the gate), then the screen reacts. */
function useStatusChange<C extends 'store.unlock' | 'store.setPreferences' | 'store.changePassphrase'>(
  channel: C,
  reactions: Reactions<StoreStatus, RequestOf<C>>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: RequestOf<C>) => call(channel, request) as Promise<StoreStatus>,
    onSuccess: (status, request) => {
      acceptStatus(queryClient, status);
      reactions.onSuccess?.(status, request);
    },
    onError: (e, request) => reactions.onError?.(e, request),
  });
}

/**
 * First launch: the passphrase is set and the recovery key comes back this once. The status is
 * not kept yet: the screen keeps it until the coordinator has saved the key.
 */
export function useSetUpStore(reactions: Reactions<{ recoveryKey: string; status: StoreStatus }, RequestOf<'store.setUp'>>) {
  return useMutation({ mutationFn: (request: RequestOf<'store.setUp'>) => call('store.setUp', request), ...reactions });
}

export const useUnlock = (reactions: Reactions<StoreStatus, RequestOf<'store.unlock'>>) =>
  useStatusChange('store.unlock', reactions);

export const useSetStorePreferences = (reactions: Reactions<StoreStatus, RequestOf<'store.setPreferences'>>) =>
  useStatusChange('store.setPreferences', reactions);

export const useChangePassphrase = (reactions: Reactions<StoreStatus, RequestOf<'store.changePassphrase'>>) =>
  useStatusChange('store.changePassphrase', reactions);

/** A new recovery key replaces the old one, which stops working; it is shown this once. */
export function useNewRecoveryKey(reactions: Reactions<{ recoveryKey: string }, RequestOf<'store.newRecoveryKey'>>) {
  return useMutation({
    mutationFn: (request: RequestOf<'store.newRecoveryKey'>) => call('store.newRecoveryKey', request),
    ...reactions,
  });
}
