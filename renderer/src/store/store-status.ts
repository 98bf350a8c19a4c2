import type { QueryClient } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import type { StoreStatus } from '../../../shared/store/status';
import { call } from '../api/client';

export const STORE_STATUS_KEY = ['store-status'] as const;
const NOTICES_KEY = ['store-notices'] as const;

/** Keep a status reply: the state drives the gate; its one-time notices wait until dismissed. */
export function acceptStatus(queryClient: QueryClient, status: StoreStatus): void {
  if (status.notices.length > 0)
    queryClient.setQueryData<string[]>(NOTICES_KEY, (old = []) => [...old, ...status.notices.filter((n) => !old.includes(n))]);
  queryClient.setQueryData(STORE_STATUS_KEY, status);
}

export function useStoreStatus(queryClient: QueryClient) {
  return useQuery({
    queryKey: STORE_STATUS_KEY,
    queryFn: async () => {
      const status = await call('store.status', {});
      if (status.notices.length > 0) acceptStatus(queryClient, status);
      return status;
    },
    staleTime: Infinity,
  });
}

export function useStoreNotices() {
  return useQuery<string[]>({ queryKey: NOTICES_KEY, queryFn: () => [], staleTime: Infinity, initialData: [] });
}

export function dismissNotice(queryClient: QueryClient, notice: string): void {
  queryClient.setQueryData<string[]>(NOTICES_KEY, (old = []) => old.filter((n) => n !== notice));
}

/** Drop every cached reply except the store's own state. */
export function forgetRecords(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== STORE_STATUS_KEY[0] && q.queryKey[0] !== NOTICES_KEY[0] });
}

/**
 * Lock the store and forget every cached reply, so no record stays in the page's memory while locked.
 */
export async function lockNow(queryClient: QueryClient): Promise<void> {
  const status = await call('store.lock', {});
  acceptStatus(queryClient, status);
  forgetRecords(queryClient);
}
