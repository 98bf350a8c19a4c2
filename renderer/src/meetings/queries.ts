import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { directorySources } from '../ui/directory-sources';

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

/** People for an owner or attendee, and owner organisations; a person's result carries the organisation a form can fill in. */
export const { people: peopleSource, organisations: organisationSource } = directorySources(meetingKeys.directory);
