import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import type { Action, ActionStatus, AgendaItem, FourP } from '../../../shared/meetings/model';
import { ACTION_STATUS_LABELS, ACTION_STATUSES, FOUR_P_LABELS, FOUR_PS } from '../../../shared/meetings/model';
import { call } from '../api/client';
import { DateField } from '../ui/date-field';
import { Notice, useMessage } from '../ui/notice';
import type { Picked } from './queries';
import { DirectoryPicker } from '../ui/directory-picker';
import { SelectField } from '../ui/fields';
import { errorText, isStale } from '../ui/errors';
import { StaleWriteNotice, useStaleWrite } from '../ui/stale-write';
import { useRefresh, organisationSource, peopleSource } from './queries';

type Draft = {
  description: string;
  agendaItemId: string;
  organisation: Picked;
  person: Picked;
  dueOn: string;
  status: ActionStatus;
  fourPs: FourP[];
};

const LABELS: Record<keyof Draft, string> = {
  description: 'the action',
  agendaItemId: 'agenda item',
  organisation: 'owner organisation',
  person: 'owner',
  dueOn: 'due date',
  status: 'status',
  fourPs: 'the 4 Ps',
};

const toDraft = (a: Action | null): Draft => ({
  description: a?.description ?? '',
  agendaItemId: a?.agendaItemId ? String(a.agendaItemId) : '',
  organisation: a?.ownerOrganisationId ? { id: a.ownerOrganisationId, name: a.ownerOrganisationName } : null,
  person: a?.ownerPersonId ? { id: a.ownerPersonId, name: a.ownerPersonName } : null,
  dueOn: a?.dueOn ?? '',
  status: a?.status ?? 'open',
  fourPs: a?.fourPs ?? [],
});

/** Add or edit an action: from a meeting (with its agenda item) or on its own. */
export function ActionForm({
  action,
  meetingId,
  agenda,
  onSaved,
  onCancel,
}: {
  action: Action | null;
  meetingId: number | null;
  agenda?: AgendaItem[];
  onSaved?: (a: Action) => void;
  onCancel?: () => void;
}) {
  const refresh = useRefresh();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => toDraft(action));
  const stale = useStaleWrite(toDraft(action), action?.version ?? 1);
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useMessage(action?.id ?? null);
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  const save = useMutation({
    mutationFn: () => {
      const payload = {
        meetingId: action ? action.meetingId : meetingId,
        agendaItemId: draft.agendaItemId === '' ? null : Number(draft.agendaItemId),
        description: draft.description.trim(),
        ownerOrganisationId: draft.organisation?.id ?? null,
        ownerPersonId: draft.person?.id ?? null,
        dueOn: draft.dueOn === '' ? null : draft.dueOn,
        status: draft.status,
        fourPs: draft.fourPs,
      };
      return action
        ? call('meetings.actions.update', { id: action.id, version: stale.version, ...payload })
        : call('meetings.actions.create', payload);
    },
    onSuccess: async (saved) => {
      await refresh();
      setMessage({ tone: 'success', text: action ? 'Action saved.' : `Action A${saved.id} added.` });
      if (!action) setDraft(toDraft(null));
      onSaved?.(saved);
    },
    onError: async (e) => {
      if (action && isStale(e)) {
        try {
          const theirs = (await call('meetings.actions.get', { id: action.id })).action;
          setMessage(null);
          stale.refused(draft, toDraft(theirs), theirs.version);
          return;
        } catch {
          // Fall through to the plain message.
        }
      }
      setMessage({ tone: 'error', text: errorText(e, 'Could not save the action.') });
    },
  });

  return (
    <form
      className="form action-form"
      aria-label={action ? `Edit action A${action.id}` : 'New action'}
      onSubmit={(e) => {
        e.preventDefault();
        if (draft.description.trim() === '') {
          setError('Describe the action');
          return;
        }
        setError(undefined);
        save.mutate();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-desc`}>
          Action<span aria-hidden="true"> *</span>
        </label>
        <textarea
          id={`${id}-desc`}
          rows={3}
          value={draft.description}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-desc-error` : undefined}
          onChange={(e) => set('description')(e.target.value)}
        />
        {error ? (
          <span id={`${id}-desc-error`} className="field-error">
            {error}
          </span>
        ) : null}
      </div>
      {agenda && agenda.length > 0 ? (
        <SelectField
          label="Agenda item"
          value={draft.agendaItemId}
          onChange={set('agendaItemId')}
          options={[
            { value: '', label: 'Not linked to an item' },
            ...agenda.map((i, n) => ({ value: String(i.id), label: `${n + 1}. ${i.title}` })),
          ]}
        />
      ) : null}
      <div className="inline-row">
        <DirectoryPicker
          source={organisationSource}
          label="Owner organisation"
          value={draft.organisation}
          onPick={set('organisation')}
        />
        <DirectoryPicker
          source={peopleSource}
          label="Owner"
          value={draft.person}
          onPick={(person) =>
            // Picking an owner fills in their organisation unless one was chosen already.
            setDraft((d) => ({
              ...d,
              person,
              organisation: d.organisation ?? (person ? (peopleSource.organisationOf.get(person.id) ?? null) : null),
            }))
          }
        />
      </div>
      <div className="inline-row">
        <DateField label="Due date" value={draft.dueOn} onChange={set('dueOn')} />
        <SelectField
          label="Status"
          value={draft.status}
          onChange={set('status')}
          options={ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))}
        />
      </div>
      <fieldset className="checks">
        <legend>Which of the 4 Ps</legend>
        {FOUR_PS.map((p) => (
          <label key={p} className="check">
            <input
              type="checkbox"
              checked={draft.fourPs.includes(p)}
              onChange={(e) => set('fourPs')(e.target.checked ? [...draft.fourPs, p] : draft.fourPs.filter((x) => x !== p))}
            />
            {FOUR_P_LABELS[p]}
          </label>
        ))}
      </fieldset>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {stale.stale ? (
        <StaleWriteNotice
          what={`Action A${action?.id ?? ''}`}
          conflicts={stale.stale.conflicts.map((k) => LABELS[k])}
          onMerge={() => setDraft(stale.keepMine(draft))}
          onReload={() => setDraft(stale.takeTheirs(draft))}
        />
      ) : null}
      <div className="form-actions">
        <Button type="submit" className="button primary" isDisabled={save.isPending}>
          {action ? 'Save action' : 'Add action'}
        </Button>
        {onCancel ? (
          <Button className="button" onPress={onCancel}>
            Close
          </Button>
        ) : null}
      </div>
    </form>
  );
}
