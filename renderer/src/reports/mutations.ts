import { useMutation } from '@tanstack/react-query';
import type { RequestOf } from '../../../shared/contract';
import { call } from '../api/client';
import { useRefreshDerived } from './queries';

export function useSaveSections() {
  const refresh = useRefreshDerived();
  return useMutation({
    mutationFn: (req: RequestOf<'reports.save'>) => call('reports.save', req),
    onSuccess: () => refresh(),
  });
}

export function useSaveReturn() {
  const refresh = useRefreshDerived();
  return useMutation({
    mutationFn: (req: RequestOf<'reports.returns.save'>) => call('reports.returns.save', req),
    onSuccess: () => refresh(),
  });
}

export function useExportReport() {
  return useMutation({ mutationFn: (req: RequestOf<'reports.export'>) => call('reports.export', req) });
}

export function useExportReturn() {
  const refresh = useRefreshDerived();
  return useMutation({
    mutationFn: (req: RequestOf<'reports.returns.export'>) => call('reports.returns.export', req),
    onSuccess: () => refresh(),
  });
}
