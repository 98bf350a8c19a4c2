import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ExampleLoadResult } from '../../../shared/examples/example-partnership';
import { call } from '../api/client';
import type { Reactions } from '../api/reactions';

/**
 * Loading the invented example partnership touches the directory and, if unnamed, the settings,
 * so every cached reply is refreshed: `onSuccess` runs once it is loaded, `onRefreshed` once every
 * list shows the new records. It lives in the kit because the button that loads it is the kit's,
 * offered from several areas' empty states.
 */
export function useLoadExample(reactions: Reactions<ExampleLoadResult> & { onRefreshed?: () => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call('examples.loadPartnership', {}),
    onSuccess: async (result) => {
      reactions.onSuccess?.(result);
      await queryClient.invalidateQueries();
      reactions.onRefreshed?.();
    },
    onError: (e) => reactions.onError?.(e),
  });
}
