import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestOf } from '../../../shared/contract';
import type { SaveOutcome } from '../../../shared/files';
import { londonToday } from '../../../shared/meetings/time';
import type { PrivacyRequest, RetentionRule } from '../../../shared/privacy/records';
import { call } from '../api/client';
import type { Reactions } from '../api/reactions';
import { privacyKeys } from './queries';

/** A change to a privacy record refreshes every privacy query: the request log, retention and the activity. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: privacyKeys.all });
}

/**
 * Subject access: the report and the data file for one person, with the request optionally
 * logged first so its one-month due date shows in Settings → Privacy requests.
 */
export function useSubjectAccessExport(
  person: { id: number; name: string },
  reactions: Reactions<{ report: SaveOutcome; data: SaveOutcome }, { redactOthers: boolean; logIt: boolean }>,
) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ redactOthers, logIt }: { redactOthers: boolean; logIt: boolean }) => {
      if (logIt)
        await call('privacy.requests.create', {
          kind: 'subject_access',
          subject: person.name,
          personId: person.id,
          receivedOn: londonToday(new Date()),
          note: '',
        });
      return call('privacy.subjectAccess.export', { personId: person.id, redactOthers });
    },
    onSuccess: (out, variables) => {
      refresh();
      reactions.onSuccess?.(out, variables);
    },
    onError: (e, variables) => reactions.onError?.(e, variables),
  });
}

export function useLogRequest(reactions: Reactions<PrivacyRequest, RequestOf<'privacy.requests.create'>>) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (request: RequestOf<'privacy.requests.create'>) => call('privacy.requests.create', request),
    onSuccess: (saved, request) => {
      refresh();
      reactions.onSuccess?.(saved, request);
    },
    onError: (e, request) => reactions.onError?.(e, request),
  });
}

/** Marks a logged request done (today, in main's clock). */
export function useCloseRequest(reactions: Reactions<PrivacyRequest, PrivacyRequest>) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (r: PrivacyRequest) =>
      call('privacy.requests.update', { id: r.id, version: r.version, status: 'done', completedOn: null, note: r.note }),
    onSuccess: (saved, r) => {
      refresh();
      reactions.onSuccess?.(saved, r);
    },
    onError: (e, r) => reactions.onError?.(e, r),
  });
}

export function useSaveRetention(reactions: Reactions<RetentionRule[], RequestOf<'privacy.retention.update'>>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: RequestOf<'privacy.retention.update'>) => call('privacy.retention.update', request),
    onSuccess: (saved, request) => {
      void queryClient.invalidateQueries({ queryKey: privacyKeys.retention });
      reactions.onSuccess?.(saved, request);
    },
    onError: (e, request) => reactions.onError?.(e, request),
  });
}

/** Keeping a record that is due puts it back a full period. */
export function useKeepRecord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (r: RequestOf<'privacy.retention.keep'>) => call('privacy.retention.keep', r),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: privacyKeys.retentionDue }),
  });
}

export function useExportActivity(filter: RequestOf<'privacy.activity.exportCsv'>, reactions: Reactions<SaveOutcome>) {
  return useMutation({ mutationFn: () => call('privacy.activity.exportCsv', filter), ...reactions });
}
