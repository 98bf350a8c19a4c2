import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BackupsOverview, RestoreReply } from '../../../shared/backups';
import type { RequestOf, ResponseOf } from '../../../shared/contract';
import type { PartnershipSettings } from '../../../shared/settings';
import { call } from '../api/client';
import type { Reactions } from '../api/reactions';
import { partnerKeys } from '../partners/queries';
import { isStale } from '../ui/errors';
import { settingsKeys } from './queries';

/**
 * Saving the partnership's settings: the saved settings replace the cached ones. A save based on
 * an older version is refused; the stored settings are fetched again for the merge (`onStale`).
 */
export function useSaveSettings(reactions: Reactions<PartnershipSettings, PartnershipSettings> & { onStale?: () => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (value: PartnershipSettings) => call('settings.update', value),
    onSuccess: (saved, value) => {
      queryClient.setQueryData(settingsKeys.settings, saved);
      reactions.onSuccess?.(saved, value);
    },
    onError: (error, value) => {
      if (isStale(error)) {
        reactions.onStale?.();
        void queryClient.invalidateQueries({ queryKey: settingsKeys.settings });
        return;
      }
      reactions.onError?.(error, value);
    },
  });
}

/** The coordinator as a person in the directory, with their organisation and post, in one step. */
export function useAddCoordinator(
  reactions: Reactions<ResponseOf<'directory.people.createWithPost'>, RequestOf<'directory.people.createWithPost'>>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: RequestOf<'directory.people.createWithPost'>) => call('directory.people.createWithPost', request),
    onSuccess: (made, request) => {
      void queryClient.invalidateQueries({ queryKey: partnerKeys.all });
      void queryClient.invalidateQueries({ queryKey: settingsKeys.directoryAll });
      reactions.onSuccess?.(made, request);
    },
    onError: (e, request) => reactions.onError?.(e, request),
  });
}

export function useBackUpNow(reactions: Reactions<ResponseOf<'backups.create'>>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call('backups.create', {}),
    onSuccess: async (r) => {
      reactions.onSuccess?.(r);
      await queryClient.invalidateQueries({ queryKey: settingsKeys.backups });
    },
    onError: (e) => reactions.onError?.(e),
  });
}

/**
 * Restoring a backup the screen names (`toRequest` builds the request, reading a chosen file).
 * Every cached reply is then refreshed, so every screen shows the restored data.
 */
export function useRestoreBackup<P>(
  toRequest: (p: P) => Promise<RequestOf<'backups.restore'>>,
  reactions: Reactions<RestoreReply, P>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (p: P): Promise<RestoreReply> => call('backups.restore', await toRequest(p)),
    onSuccess: async (r, p) => {
      reactions.onSuccess?.(r, p);
      if (!r.canceled) await queryClient.invalidateQueries();
    },
    onError: (e, p) => reactions.onError?.(e, p),
  });
}

export type BackupSettingsChange =
  { kind: 'cap'; capBytes: number } | { kind: 'choose' } | { kind: 'clear' } | { kind: 'dismiss'; id: string };

/** The backups' space limit, folder and notices: each answers with the whole overview, which replaces the cached one. */
export function useChangeBackupSettings(reactions: Reactions<BackupsOverview, BackupSettingsChange>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (req: BackupSettingsChange) =>
      req.kind === 'cap'
        ? call('backups.updateSettings', { capBytes: req.capBytes })
        : req.kind === 'choose'
          ? call('backups.chooseFolder', {})
          : req.kind === 'clear'
            ? call('backups.clearFolder', {})
            : call('backups.dismissNotice', { id: req.id }),
    onSuccess: (o, req) => {
      queryClient.setQueryData(settingsKeys.backups, o);
      reactions.onSuccess?.(o, req);
    },
    onError: (e, req) => reactions.onError?.(e, req),
  });
}
