import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { partnerKeys } from '../partners/queries';
import { settingsKeys } from '../settings/queries';
import { useDeferredValue, useState } from 'react';
import { Button } from 'react-aria-components';
import type { DirectoryPerson } from '../../../shared/directory/types';
import { ApiError, call } from '../api/client';
import { TextInput } from '../ui/fields';
import { Notice } from '../ui/notice';

type Chosen = { id: number; name: string; email: string };

/**
 * The coordinator as a person in the partner directory, so document owner, author and signatory
 * pickers can offer them. Find them, or add them with their organisation and post in one step.
 */
export function CoordinatorInDirectory({
  personId,
  typedName,
  typedEmail,
  onChoose,
}: {
  personId: number | null;
  typedName: string;
  typedEmail: string;
  onChoose: (p: Chosen | null) => void;
}) {
  const queryClient = useQueryClient();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const [adding, setAdding] = useState(false);
  const [form, setForm] = useState({ organisationName: '', jobTitle: '', phone: '' });
  const current = useQuery({
    queryKey: settingsKeys.coordinator(personId),
    queryFn: () => call('directory.people.get', { id: personId! }),
    enabled: personId !== null,
  });
  const results = useQuery({
    queryKey: settingsKeys.coordinatorSearch(deferred),
    queryFn: () => call('directory.people.search', { query: deferred, limit: 8 }),
    enabled: deferred.trim() !== '',
  });
  const create = useMutation({
    mutationFn: () =>
      call('directory.people.createWithPost', {
        name: typedName.trim(),
        email: typedEmail.trim(),
        organisationName: form.organisationName.trim(),
        jobTitle: form.jobTitle.trim(),
        phone: form.phone.trim(),
      }),
    onSuccess: (made) => {
      void queryClient.invalidateQueries({ queryKey: partnerKeys.all });
      void queryClient.invalidateQueries({ queryKey: settingsKeys.directoryAll });
      setAdding(false);
      onChoose({ id: made.person.id, name: made.person.name, email: made.post?.email ?? typedEmail });
    },
  });
  const pick = (p: DirectoryPerson) => {
    setQuery('');
    onChoose({ id: p.id, name: p.name, email: p.email });
  };

  return (
    <div className="coordinator-directory" role="group" aria-label="Coordinator in the partner directory">
      {personId !== null ? (
        <p>
          In the directory as <strong>{current.data?.name ?? typedName}</strong>
          {current.data?.organisationName ? `, ${current.data.jobTitle || 'no job title'}, ${current.data.organisationName}` : ''}
          .{' '}
          <Button className="button" onPress={() => onChoose(null)}>
            Unlink
          </Button>
        </p>
      ) : (
        <>
          <TextInput
            label="Find the coordinator in the directory"
            value={query}
            onChange={setQuery}
            description="So pickers for document owner, author and signatories can offer them."
          />
          {results.data && results.data.length > 0 ? (
            <ul className="picker-results" aria-label="Matching people">
              {results.data.map((p) => (
                <li key={p.id}>
                  <Button className="button" onPress={() => pick(p)}>
                    {p.name}
                    {p.organisationName ? `, ${p.organisationName}` : ''}
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
          {adding ? (
            <div className="add-coordinator">
              <TextInput
                label="Coordinator's organisation"
                value={form.organisationName}
                onChange={(v) => setForm({ ...form, organisationName: v })}
                description="An organisation already in the directory is used; otherwise it is added."
                isRequired
              />
              <TextInput
                label="Coordinator's job title"
                value={form.jobTitle}
                onChange={(v) => setForm({ ...form, jobTitle: v })}
              />
              <TextInput label="Coordinator's phone" value={form.phone} onChange={(v) => setForm({ ...form, phone: v })} />
              {create.isError ? (
                <Notice tone="error">
                  {create.error instanceof ApiError ? create.error.message : 'Could not add the coordinator.'}
                </Notice>
              ) : null}
              <Button
                className="button primary"
                isDisabled={create.isPending || typedName.trim() === '' || form.organisationName.trim() === ''}
                onPress={() => create.mutate()}
              >
                Add {typedName.trim() || 'the coordinator'} to the directory
              </Button>
            </div>
          ) : (
            <Button className="button" isDisabled={typedName.trim() === ''} onPress={() => setAdding(true)}>
              Not in the directory? Add them
            </Button>
          )}
        </>
      )}
    </div>
  );
}
