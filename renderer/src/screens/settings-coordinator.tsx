import { useQuery } from '@tanstack/react-query';
import { useAddCoordinator } from '../settings/mutations';
import { settingsKeys, useCoordinatorRecord } from '../settings/queries';
import { useDeferredValue, useState } from 'react';
import { Button } from 'react-aria-components';
import { contract } from '../../../shared/contract';
import type { DirectoryPerson } from '../../../shared/directory/types';
import { call } from '../api/client';
import { errorText } from '../ui/errors';
import { TextInput } from '../ui/fields';
import { FormText, useContractForm } from '../ui/form';
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
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const [adding, setAdding] = useState(false);
  const current = useCoordinatorRecord(personId);
  const results = useQuery({
    queryKey: settingsKeys.coordinatorSearch(deferred),
    queryFn: () => call('directory.people.search', { query: deferred, limit: 8 }),
    enabled: deferred.trim() !== '',
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
            <AddCoordinator
              typedName={typedName}
              typedEmail={typedEmail}
              onAdded={(chosen) => {
                setAdding(false);
                onChoose(chosen);
              }}
            />
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

const createRequest = contract['directory.people.createWithPost'].request;
/** The post's part of the contract's request; the name and email are the settings form's own fields. */
const addCoordinatorForm = createRequest.pick({ organisationName: true, jobTitle: true, phone: true }).extend({
  organisationName: createRequest.shape.organisationName.unwrap().min(1, 'Enter the coordinator’s organisation'),
});
const noPost = { organisationName: '', jobTitle: '', phone: '' };

/**
 * Adds the coordinator, as typed in the settings form, to the directory with their post. It sits
 * inside the settings form, so it saves on its button rather than as a form of its own.
 */
function AddCoordinator({
  typedName,
  typedEmail,
  onAdded,
}: {
  typedName: string;
  typedEmail: string;
  onAdded: (p: Chosen) => void;
}) {
  const form = useContractForm(addCoordinatorForm, noPost, {
    guardMessage: 'The coordinator’s directory details are not added yet. Leave and lose them?',
  });
  const { control } = form;
  const create = useAddCoordinator({
    onSuccess: (made) => {
      form.reset(noPost);
      onAdded({ id: made.person.id, name: made.person.name, email: made.post?.email ?? typedEmail });
    },
  });
  return (
    <div className="add-coordinator" role="group" aria-label="Add the coordinator to the directory">
      <FormText
        control={control}
        name="organisationName"
        label="Coordinator's organisation"
        description="An organisation already in the directory is used; otherwise it is added."
        isRequired
      />
      <FormText control={control} name="jobTitle" label="Coordinator's job title" />
      <FormText control={control} name="phone" label="Coordinator's phone" type="tel" />
      {create.isError ? <Notice tone="error">{errorText(create.error, 'Could not add the coordinator.')}</Notice> : null}
      <Button
        className="button primary"
        isDisabled={create.isPending || typedName.trim() === ''}
        onPress={() =>
          void form.handleSubmit((post) => create.mutate({ name: typedName.trim(), email: typedEmail.trim(), ...post }))()
        }
      >
        Add {typedName.trim() || 'the coordinator'} to the directory
      </Button>
    </div>
  );
}
