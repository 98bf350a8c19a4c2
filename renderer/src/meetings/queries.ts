import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call } from '../api/client';
import type { PickerSource } from '../ui/directory-picker';

/** Every meetings query key starts with 'meetings', so one invalidation refreshes the area and its badge. */
export const meetingKeys = {
  all: ['meetings'] as const,
  directory: (kind: 'person' | 'organisation') => ['meetings', 'directory', kind] as const,
  overdueCount: () => ['meetings', 'overdue-count'] as const,
  share: () => ['meetings', 'share'] as const,
  detail: (id: number | null) => ['meetings', 'detail', id] as const,
  groups: () => ['meetings', 'groups'] as const,
  /** Upcoming or past meetings, of one group or all (null); `for` names a list kept apart (the toolkit's picker). */
  list: (when: 'upcoming' | 'past', groupId: number | null | 'toolkit') => ['meetings', 'list', when, groupId] as const,
  rates: () => ['meetings', 'rates'] as const,
  actions: (filter: object) => ['meetings', 'actions', filter] as const,
  action: (id: number) => ['meetings', 'action', id] as const,
};

export function useRefresh(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: meetingKeys.all }), [client]);
}

export type Picked = { id: number; name: string } | null;

/** People for an owner or attendee; each result carries the organisation a form can fill in. */
export const peopleSource: PickerSource & { organisationOf: Map<number, Picked> } = {
  noun: 'people',
  key: meetingKeys.directory('person'),
  organisationOf: new Map(),
  search: async (query) =>
    (await call('directory.people.search', { query })).map((p) => {
      peopleSource.organisationOf.set(p.id, p.organisationId ? { id: p.organisationId, name: p.organisationName } : null);
      return { id: p.id, name: p.name, detail: [p.jobTitle, p.organisationName].filter(Boolean).join(', ') };
    }),
};

export const organisationSource: PickerSource = {
  noun: 'organisations',
  key: meetingKeys.directory('organisation'),
  search: async (query) =>
    (await call('directory.organisations.search', { query })).map((o) => ({
      id: o.id,
      name: o.name,
      detail: `${o.currentPeople} ${o.currentPeople === 1 ? 'person' : 'people'}`,
    })),
};
