import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { Button } from 'react-aria-components';
import type { Action, ActionStatus } from '../../../shared/meetings/model';
import { ACTION_STATUS_LABELS, ACTION_STATUSES } from '../../../shared/meetings/model';
import type { Objective } from '../../../shared/plans/model';
import { actionStatusText, ownerText } from '../../../shared/plans/papers';
import { call } from '../api/client';
import { RecordTable } from '../ui/data-table';
import { DialogActions, FormDialog, ModalDialog } from '../ui/dialog';
import { DirectoryPicker } from '../ui/directory-picker';
import { SelectField, TextInput } from '../ui/fields';
import { FormDate, FormLongText, useContractForm } from '../ui/form';
import { ukDate } from '../ui/format';
import { activityForm } from './forms';
import { usePlanChange } from './mutations';
import type { Picked } from '../ui/form';
import { ownerOrganisations, ownerPeople, planQueries } from './queries';

/** An objective's activities: actions in the action log, made here or linked from there. */
export function Activities({ planId, objective: o }: { planId: number; objective: Objective }) {
  const [adding, setAdding] = useState(false);
  const [linking, setLinking] = useState(false);
  const unlink = usePlanChange(planId, (actionId: number) => call('plans.activities.unlink', { objectiveId: o.id, actionId }), {
    success: 'Activity unlinked. The action stays in the action log.',
    failure: 'Could not unlink the action.',
  });
  return (
    <div className="activities">
      {o.actions.length > 0 ? (
        <RecordTable
          className="data-table compact"
          label={`Activities for objective ${o.number}`}
          caption={`Activities for objective ${o.number}`}
          rows={o.actions}
          rowKey={(a) => a.id}
          columns={[
            { key: 'ref', label: 'Ref', render: (a) => <a href={`#/meetings/actions/${a.id}`}>A{a.id}</a> },
            { key: 'activity', label: 'Activity', render: (a) => a.description },
            { key: 'owner', label: 'Owner', render: (a) => ownerText(a) },
            { key: 'due', label: 'Due', render: (a) => (a.dueOn ? ukDate(a.dueOn) : 'No date') },
            {
              key: 'status',
              label: 'Status',
              render: (a) => actionStatusText(a),
              cellClassName: (a) => (a.overdue ? 'overdue' : undefined),
            },
            {
              key: 'unlink',
              label: 'Unlink',
              hideLabel: true,
              render: (a) => (
                <Button className="button small" aria-label={`Unlink action A${a.id}`} onPress={() => unlink.mutate(a.id)}>
                  Unlink
                </Button>
              ),
            },
          ]}
        />
      ) : (
        <p className="muted">No activities yet.</p>
      )}
      <div className="row-actions">
        <Button className="button small" onPress={() => setAdding(true)} aria-label={`Add an activity to objective ${o.number}`}>
          Add activity
        </Button>
        <Button
          className="button small"
          onPress={() => setLinking(true)}
          aria-label={`Link an existing action to objective ${o.number}`}
        >
          Link an existing action
        </Button>
      </div>
      {adding ? <ActivityDialog planId={planId} objective={o} onClose={() => setAdding(false)} /> : null}
      {linking ? <LinkDialog planId={planId} objective={o} onClose={() => setLinking(false)} /> : null}
    </div>
  );
}

function ActivityDialog({ planId, objective: o, onClose }: { planId: number; objective: Objective; onClose: () => void }) {
  const form = useContractForm(activityForm, { description: '', dueOn: '' });
  const [organisation, setOrganisation] = useState<Picked>(null);
  const [person, setPerson] = useState<Picked>(null);
  const [status, setStatus] = useState<ActionStatus>('open');
  const create = usePlanChange(
    planId,
    (v: { description: string; dueOn: string }) =>
      call('plans.activities.create', {
        objectiveId: o.id,
        description: v.description,
        dueOn: v.dueOn === '' ? null : v.dueOn,
        ownerOrganisationId: organisation?.id ?? null,
        ownerPersonId: person?.id ?? null,
        status,
      }),
    {
      success: 'Activity added to the plan and the action log.',
      failure: 'Could not add the activity.',
      onDone: () => {
        form.reset({ description: '', dueOn: '' });
        onClose();
      },
    },
  );
  return (
    <FormDialog
      title={`New activity for objective ${o.number}`}
      onClose={onClose}
      onSubmit={form.handleSubmit((v) => create.mutate(v))}
      submitLabel="Add activity"
      isPending={create.isPending}
      wide
    >
      <FormLongText control={form.control} name="description" label="Activity" isRequired rows={2} />
      <div className="inline-row">
        <DirectoryPicker source={ownerOrganisations} label="Owner organisation" value={organisation} onPick={setOrganisation} />
        <DirectoryPicker
          source={ownerPeople}
          label="Owner"
          value={person}
          onPick={(p) => {
            setPerson(p);
            if (p && !organisation) setOrganisation(ownerPeople.organisationOf.get(p.id) ?? null);
          }}
        />
      </div>
      <div className="inline-row">
        <FormDate control={form.control} name="dueOn" label="Due date" />
        <SelectField
          label="Status"
          value={status}
          onChange={setStatus}
          options={ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))}
        />
      </div>
      <p className="muted">The activity becomes an action in the action log, where it is followed up like any other.</p>
    </FormDialog>
  );
}

function LinkDialog({ planId, objective: o, onClose }: { planId: number; objective: Objective; onClose: () => void }) {
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim());
  const actions = useQuery(planQueries.actions(query));
  const linked = new Set(o.actions.map((a) => a.id));
  const link = usePlanChange(planId, (actionId: number) => call('plans.activities.link', { objectiveId: o.id, actionId }), {
    success: 'Action linked.',
    failure: 'Could not link the action.',
  });
  const rows: Action[] = actions.data?.items ?? [];
  return (
    <ModalDialog title={`Link an action to objective ${o.number}`} isOpen onClose={onClose} wide>
      <TextInput label="Find an action" type="search" value={search} onChange={setSearch} autoFocus />
      <ul className="link-results" aria-label="Actions">
        {rows.map((a) => (
          <li key={a.id}>
            <span>
              <strong>A{a.id}</strong> {a.description}{' '}
              <span className="muted">
                ({ownerText(a)}, {actionStatusText(a)})
              </span>
            </span>
            <Button
              className="button small"
              isDisabled={linked.has(a.id) || link.isPending}
              aria-label={linked.has(a.id) ? `A${a.id} is linked` : `Link A${a.id}`}
              onPress={() => link.mutate(a.id)}
            >
              {linked.has(a.id) ? 'Linked' : 'Link'}
            </Button>
          </li>
        ))}
      </ul>
      {actions.data && rows.length === 0 ? <p>No action matches.</p> : null}
      <DialogActions>
        <Button className="button" onPress={onClose}>
          Done
        </Button>
      </DialogActions>
    </ModalDialog>
  );
}
