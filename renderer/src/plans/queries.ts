import { call } from '../api/client';
import type { PickerSource } from '../ui/directory-picker';
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

export type Picked = { id: number; name: string } | null;

/** People who can own an activity; each carries the organisation the form fills in with them. */
export const ownerPeople: PickerSource & { organisationOf: Map<number, Picked> } = {
  noun: 'people',
  key: planKeys.directory('person'),
  organisationOf: new Map(),
  search: async (query) =>
    (await call('directory.people.search', { query })).map((p) => {
      ownerPeople.organisationOf.set(p.id, p.organisationId ? { id: p.organisationId, name: p.organisationName } : null);
      return { id: p.id, name: p.name, detail: [p.jobTitle, p.organisationName].filter(Boolean).join(', ') };
    }),
};

export const ownerOrganisations: PickerSource = {
  noun: 'organisations',
  key: planKeys.directory('organisation'),
  search: async (query) =>
    (await call('directory.organisations.search', { query })).map((o) => ({
      id: o.id,
      name: o.name,
      detail: `${o.currentPeople} ${o.currentPeople === 1 ? 'person' : 'people'}`,
    })),
};
