import { useQuery } from '@tanstack/react-query';
import { call } from '../api/client';

/** Query keys for the Settings screen's own records (privacy keys live in privacy/queries.ts). */
export const settingsKeys = {
  settings: ['settings'] as const,
  appInfo: ['app-info'] as const,
  backups: ['backups'] as const,
  /** The coordinator's directory record and the search for them (under 'directory', refreshed with it). */
  directoryAll: ['directory'] as const,
  coordinator: (personId: number | null) => ['directory', 'person', personId] as const,
  coordinatorSearch: (query: string) => ['directory', 'people', query] as const,
};

/** The coordinator's directory record, for Settings and for the defaults documents take from it; none while unlinked. */
export function useCoordinatorRecord(personId: number | null) {
  return useQuery({
    queryKey: settingsKeys.coordinator(personId),
    queryFn: () => call('directory.people.get', { id: personId! }),
    enabled: personId !== null,
  });
}
