import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { toolkitKeys } from './queries';

/** After any toolkit change: every toolkit query key starts with 'toolkit', so one call refreshes them all. */
export function useToolkitRefresh(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: toolkitKeys.all }), [client]);
}
