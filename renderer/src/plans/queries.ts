import { call } from '../api/client';
import { directorySources } from '../ui/directory-sources';
import { settingsKeys } from '../settings/queries';

/** Every plans query key starts with 'plans', so one invalidation refreshes the area. */
export const planKeys = {
  all: ['plans'] as const,
  list: () => ['plans', 'list'] as const,
  detail: (id: number) => ['plans', 'detail', id] as const,
  actions: (search: string) => ['plans', 'actions', search] as const,
  directory: (kind: 'person' | 'organisation') => ['plans', 'directory', kind] as const,
  settings: () => settingsKeys.settings,
};

export const planQueries = {
  list: () => ({ queryKey: planKeys.list(), queryFn: () => call('plans.list', {}) }),
  detail: (id: number) => ({ queryKey: planKeys.detail(id), queryFn: () => call('plans.get', { id }) }),
  actions: (search: string) => ({
    queryKey: planKeys.actions(search),
    queryFn: () => call('meetings.actions.list', { search, limit: 20 }),
  }),
};

/** People who can own an activity (each carries the organisation the form fills in with them), and organisations. */
export const { people: ownerPeople, organisations: ownerOrganisations } = directorySources(planKeys.directory);
