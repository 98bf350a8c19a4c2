import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestOf } from '../../../shared/contract';
import { call } from '../api/client';
import { documentKeys } from './queries';

/** A new draft from a template. The list refreshes behind the editor it opens in, not before it. */
export function useCreateDocument() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (req: RequestOf<'documents.create'>) => call('documents.create', req),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: documentKeys.list() });
    },
  });
}
