import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { errorText } from './errors';
import { Notice } from './notice';

/** What a query has loaded, drawn by `children`; until then "Loading…", and if it failed, why (`failed` when main gave no reason). */
export function Loaded<T>({
  query,
  failed,
  children,
}: {
  query: Pick<UseQueryResult<T>, 'data' | 'error' | 'isError'>;
  failed: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isError) return <Notice tone="error">{errorText(query.error, failed)}</Notice>;
  if (query.data === undefined) return <p>Loading…</p>;
  return <>{children(query.data)}</>;
}
