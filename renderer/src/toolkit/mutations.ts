import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Channel, RequestOf } from '../../../shared/contract';
import { call } from '../api/client';
import { meetingKeys } from '../meetings/queries';
import { toolkitKeys } from './queries';

/** After any toolkit change: every toolkit query key starts with 'toolkit', so one call refreshes them all. */
export function useToolkitRefresh(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: toolkitKeys.all }), [client]);
}

/** A change through one channel; the toolkit's queries are refreshed before the screen hears of it. */
function useToolkitChange<C extends Channel>(channel: C) {
  const refresh = useToolkitRefresh();
  return useMutation({
    mutationFn: (req: RequestOf<C>) => call(channel, req),
    onSuccess: () => refresh(),
  });
}

export const useAddTrainingRecord = () => useToolkitChange('toolkit.training.records.add');
export const useDeleteTrainingRecord = () => useToolkitChange('toolkit.training.records.delete');
export const useCountDelegates = () => useToolkitChange('toolkit.training.delegates.add');
export const useImportCourses = () => useToolkitChange('toolkit.training.courses.import');
export const useSaveNewsletter = () => useToolkitChange('toolkit.newsletters.save');
export const useMarkNewsletterSent = () => useToolkitChange('toolkit.newsletters.markSent');
export const useSaveAssessment = () => useToolkitChange('toolkit.assessments.save');
export const useUpdateAnswers = () => useToolkitChange('toolkit.assessments.updateAnswers');
export const useCheckLinks = () => useToolkitChange('toolkit.resources.checkLinks');

/** Gaps turned into actions: they land in the meetings area's action log. */
export function useCreateGapActions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (req: RequestOf<'toolkit.assessments.createActions'>) => call('toolkit.assessments.createActions', req),
    onSuccess: () => client.invalidateQueries({ queryKey: meetingKeys.all }),
  });
}

/** A library resource put on a meeting's agenda as a paper: the meeting's papers change. */
export function useAttachToAgenda() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (req: RequestOf<'toolkit.resources.attachToAgenda'>) => call('toolkit.resources.attachToAgenda', req),
    onSuccess: () => client.invalidateQueries({ queryKey: meetingKeys.all }),
  });
}

/** Word or HTML for an issue already saved (nothing changes, so nothing to refresh). */
export function useExportNewsletter() {
  return useMutation({
    mutationFn: ({ id, kind }: { id: number; kind: 'docx' | 'html' }) =>
      call(kind === 'docx' ? 'toolkit.newsletters.exportDocx' : 'toolkit.newsletters.exportHtml', { id }),
  });
}

export function useExportAssessment() {
  return useMutation({ mutationFn: (id: number) => call('toolkit.assessments.export', { id }) });
}
