import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call } from '../api/client';

/** Every reports query key starts with 'reports', so one invalidation refreshes the area. */
export const reportKeys = {
  all: ['reports'] as const,
  list: () => ['reports', 'list'] as const,
  report: (year: number) => ['reports', 'report', year] as const,
  preview: (year: number, publicSafe: boolean) => ['reports', 'preview', year, publicSafe] as const,
  returns: (year: number) => ['reports', 'returns', year] as const,
};

export const useReportList = () => useQuery({ queryKey: reportKeys.list(), queryFn: () => call('reports.list', {}) });

export const useReport = (year: number) =>
  useQuery({ queryKey: reportKeys.report(year), queryFn: () => call('reports.open', { year }), staleTime: Infinity });

export const usePreview = (year: number, publicSafe: boolean, enabled: boolean) =>
  useQuery({
    queryKey: reportKeys.preview(year, publicSafe),
    queryFn: () => call('reports.preview', { year, publicSafe }),
    enabled,
  });

export const useReturns = (year: number) =>
  useQuery({ queryKey: reportKeys.returns(year), queryFn: () => call('reports.returns.list', { year }) });

/** Refresh what depends on the written sections or the returns, but not the open report itself. */
export function useRefreshDerived(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: ['reports', 'preview'] }),
      client.invalidateQueries({ queryKey: reportKeys.list() }),
      client.invalidateQueries({ queryKey: ['reports', 'returns'] }),
    ]);
  }, [client]);
}
