import { useQuery } from '@tanstack/react-query';
import { call } from '../api/client';
import { meetingKeys } from './queries';

/** The sidebar badge: how many actions are overdue. Shares the 'meetings' key so edits refresh it. */
export function useOverdueBadge(): { count: number; label: string } | null {
  const q = useQuery({
    queryKey: meetingKeys.overdueCount(),
    queryFn: () => call('meetings.actions.overdueCount', {}),
    refetchInterval: 5 * 60_000,
  });
  const count = q.data?.count ?? 0;
  return count > 0 ? { count, label: `${count} overdue action${count === 1 ? '' : 's'}` } : null;
}
