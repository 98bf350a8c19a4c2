import { useQuery } from '@tanstack/react-query';
import { call } from '../api/client';
import { SelectField } from '../ui/fields';
import { meetingKeys } from './queries';

/** Choose one group (its id as text) or all groups (''), for a list of meetings or actions. */
export function GroupFilter({ value, onChange }: { value: string; onChange: (groupId: string) => void }) {
  const groups = useQuery({ queryKey: meetingKeys.groups(), queryFn: () => call('meetings.groups.list', {}) });
  return (
    <SelectField
      label="Group"
      value={value}
      onChange={onChange}
      options={[{ value: '', label: 'All groups' }, ...(groups.data ?? []).map((g) => ({ value: String(g.id), label: g.name }))]}
    />
  );
}
