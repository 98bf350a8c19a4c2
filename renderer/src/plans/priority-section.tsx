import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import type { FourP } from '../../../shared/meetings/model';
import { FOUR_P_LABELS, FOUR_PS } from '../../../shared/meetings/model';
import type { Objective, Priority } from '../../../shared/plans/model';
import { call } from '../api/client';
import { ConfirmButton } from '../ui/dialog';
import { FormActions, FormCheckboxGroup, FormLongText, FormText, useContractForm } from '../ui/form';
import { Activities } from './activities';
import { objectiveForm, priorityForm } from './forms';
import { IndicatorList } from './indicators';
import { usePlanChange } from './mutations';

type PriorityValues = { title: string; description: string; fourPs: FourP[] };

function PriorityForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  busy,
}: {
  initial: PriorityValues;
  submitLabel: string;
  onSubmit: (v: PriorityValues, reset: () => void) => void;
  onCancel?: () => void;
  busy: boolean;
}) {
  const form = useContractForm(priorityForm, initial);
  return (
    <Form
      className="form priority-form"
      aria-label={submitLabel}
      validationBehavior="aria"
      onSubmit={form.handleSubmit((v) => onSubmit({ ...v, fourPs: [...v.fourPs] }, () => form.reset(initial)))}
    >
      <FormText control={form.control} name="title" label="Priority" isRequired />
      <FormLongText control={form.control} name="description" label="Description" rows={2} />
      <FormCheckboxGroup
        control={form.control}
        name="fourPs"
        label="Which of the 4 Ps"
        options={FOUR_PS.map((p) => ({ value: p, label: FOUR_P_LABELS[p] }))}
      />
      <FormActions submit={submitLabel} busy={busy} onCancel={onCancel} />
    </Form>
  );
}

export function AddPriority({ planId }: { planId: number }) {
  const [open, setOpen] = useState(false);
  const add = usePlanChange(planId, (v: PriorityValues) => call('plans.priorities.add', { planId, ...v }), {
    success: 'Priority added.',
    failure: 'Could not add the priority.',
    onDone: () => setOpen(false),
  });
  return (
    <div className="add-panel">
      {open ? (
        <PriorityForm
          initial={{ title: '', description: '', fourPs: [] }}
          submitLabel="Add priority"
          busy={add.isPending}
          onSubmit={(v) => add.mutate(v)}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <Button className="button" onPress={() => setOpen(true)}>
          Add a priority
        </Button>
      )}
    </div>
  );
}

/** Alt+Up and Alt+Down move the focused item; the buttons do the same for a pointer. */
function moveKeys(move: (direction: 'up' | 'down') => void) {
  return (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(e.key === 'ArrowUp' ? 'up' : 'down');
  };
}

function MoveButtons({
  what,
  first,
  last,
  onMove,
}: {
  what: string;
  first: boolean;
  last: boolean;
  onMove: (direction: 'up' | 'down') => void;
}) {
  return (
    <span className="move-buttons">
      <Button className="button small" aria-label={`Move ${what} up`} isDisabled={first} onPress={() => onMove('up')}>
        ↑
      </Button>
      <Button className="button small" aria-label={`Move ${what} down`} isDisabled={last} onPress={() => onMove('down')}>
        ↓
      </Button>
    </span>
  );
}

/** Remove a priority or an objective, once confirmed: what goes with it, and that linked actions stay. */
function RemoveButton({
  what,
  number,
  removes,
  onRemove,
}: {
  what: 'priority' | 'objective';
  number: string;
  removes: string;
  onRemove: () => void;
}) {
  return (
    <ConfirmButton
      label="Remove"
      className="button small danger"
      confirmLabel={`Remove ${what}`}
      question={`Remove ${what} ${number}?`}
      details={<p>{removes} removed from the plan. Linked actions stay in the action log.</p>}
      onConfirm={onRemove}
    />
  );
}

export function PrioritySection({
  planId,
  priority: p,
  first,
  last,
}: {
  planId: number;
  priority: Priority;
  first: boolean;
  last: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [announce, setAnnounce] = useState('');
  const update = usePlanChange(
    planId,
    (v: PriorityValues) => call('plans.priorities.update', { id: p.id, version: p.version, ...v }),
    { success: 'Priority saved.', failure: 'Could not save the priority.', onDone: () => setEditing(false) },
  );
  const move = usePlanChange(planId, (direction: 'up' | 'down') => call('plans.priorities.move', { id: p.id, direction }), {
    failure: 'Could not move the priority.',
    onDone: (d) => {
      const now = d.priorities.find((x) => x.id === p.id);
      if (now) setAnnounce(`${p.title} is now priority ${now.number}.`);
    },
  });
  const remove = usePlanChange(planId, () => call('plans.priorities.remove', { id: p.id }), {
    success: 'Priority removed.',
    failure: 'Could not remove the priority.',
  });
  const addObjective = usePlanChange(planId, (text: string) => call('plans.objectives.add', { priorityId: p.id, text }), {
    failure: 'Could not add the objective.',
  });
  const heading = `Priority ${p.number}: ${p.title}`;
  return (
    <section
      className="editor priority"
      aria-labelledby={`priority-${p.id}`}
      onKeyDown={(e) => e.target === e.currentTarget && moveKeys((d) => move.mutate(d))(e)}
    >
      <header className="priority-header">
        <h3 id={`priority-${p.id}`}>{heading}</h3>
        <span className="four-ps">
          {p.fourPs.map((x) => (
            <span key={x} className={`tag four-p four-p-${x}`}>
              {FOUR_P_LABELS[x]}
            </span>
          ))}
        </span>
        <span className="priority-tools">
          <MoveButtons what={`priority ${p.number}`} first={first} last={last} onMove={(d) => move.mutate(d)} />
          <Button className="button small" onPress={() => setEditing((x) => !x)} aria-expanded={editing}>
            Edit priority
          </Button>
          <RemoveButton
            what="priority"
            number={p.number}
            removes="Its objectives and indicators are"
            onRemove={() => remove.mutate(undefined)}
          />
        </span>
      </header>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      {editing ? (
        <PriorityForm
          initial={{ title: p.title, description: p.description, fourPs: p.fourPs }}
          submitLabel="Save priority"
          busy={update.isPending}
          onSubmit={(v) => update.mutate(v)}
          onCancel={() => setEditing(false)}
        />
      ) : p.description ? (
        <p className="priority-description">{p.description}</p>
      ) : null}
      <h4>Objectives</h4>
      {p.objectives.length === 0 ? <p className="muted">No objectives yet.</p> : null}
      <ol className="objectives" aria-label={`Objectives of priority ${p.number}`}>
        {p.objectives.map((o, i) => (
          <ObjectiveItem
            key={o.id}
            planId={planId}
            objective={o}
            first={i === 0}
            last={i === p.objectives.length - 1}
            onMoved={setAnnounce}
          />
        ))}
      </ol>
      <AddObjective
        busy={addObjective.isPending}
        priorityNumber={p.number}
        onAdd={(text, reset) => addObjective.mutate(text, { onSuccess: reset })}
      />
      <IndicatorList planId={planId} priority={p} objective={null} indicators={p.indicators} label={`priority ${p.number}`} />
    </section>
  );
}

function AddObjective({
  priorityNumber,
  onAdd,
  busy,
}: {
  priorityNumber: string;
  onAdd: (text: string, reset: () => void) => void;
  busy: boolean;
}) {
  const form = useContractForm(objectiveForm, { text: '' });
  return (
    <Form
      className="form add-objective"
      aria-label={`Add an objective to priority ${priorityNumber}`}
      validationBehavior="aria"
      onSubmit={form.handleSubmit((v) => onAdd(v.text, () => form.reset({ text: '' })))}
    >
      <FormText control={form.control} name="text" label={`New objective for priority ${priorityNumber}`} />
      <Button type="submit" className="button" isDisabled={busy}>
        Add objective
      </Button>
    </Form>
  );
}

function ObjectiveItem({
  planId,
  objective: o,
  first,
  last,
  onMoved,
}: {
  planId: number;
  objective: Objective;
  first: boolean;
  last: boolean;
  onMoved: (text: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const move = usePlanChange(planId, (direction: 'up' | 'down') => call('plans.objectives.move', { id: o.id, direction }), {
    failure: 'Could not move the objective.',
    onDone: (d) => {
      const now = d.priorities.flatMap((p) => p.objectives).find((x) => x.id === o.id);
      if (now) onMoved(`Objective “${o.text}” is now ${now.number}.`);
    },
  });
  const update = usePlanChange(
    planId,
    (text: string) => call('plans.objectives.update', { id: o.id, version: o.version, text }),
    {
      success: 'Objective saved.',
      failure: 'Could not save the objective.',
      onDone: () => setEditing(false),
    },
  );
  const remove = usePlanChange(planId, () => call('plans.objectives.remove', { id: o.id }), {
    success: 'Objective removed.',
    failure: 'Could not remove the objective.',
  });
  return (
    <li className="objective" onKeyDown={moveKeys((d) => move.mutate(d))}>
      <div className="objective-head">
        <span className="objective-number" aria-hidden="true">
          {o.number}
        </span>
        {editing ? (
          <EditObjective
            text={o.text}
            number={o.number}
            busy={update.isPending}
            onSave={(t) => update.mutate(t)}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <span className="objective-text">
            <span className="visually-hidden">{o.number} </span>
            {o.text}
          </span>
        )}
        <span className="objective-tools">
          <MoveButtons what={`objective ${o.number}`} first={first} last={last} onMove={(d) => move.mutate(d)} />
          {editing ? null : (
            <Button className="button small" onPress={() => setEditing(true)} aria-label={`Edit objective ${o.number}`}>
              Edit
            </Button>
          )}
          <RemoveButton
            what="objective"
            number={o.number}
            removes="Its indicators are"
            onRemove={() => remove.mutate(undefined)}
          />
        </span>
      </div>
      <Activities planId={planId} objective={o} />
      <IndicatorList planId={planId} priority={null} objective={o} indicators={o.indicators} label={`objective ${o.number}`} />
    </li>
  );
}

function EditObjective({
  text,
  number,
  onSave,
  onCancel,
  busy,
}: {
  text: string;
  number: string;
  onSave: (text: string) => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const form = useContractForm(objectiveForm, { text });
  return (
    <Form
      className="form inline-form"
      aria-label={`Edit objective ${number}`}
      validationBehavior="aria"
      onSubmit={form.handleSubmit((v) => onSave(v.text))}
    >
      <FormText control={form.control} name="text" label={`Objective ${number}`} autoFocus />
      <Button type="submit" className="button primary small" isDisabled={busy}>
        Save
      </Button>
      <Button className="button small" onPress={onCancel}>
        Cancel
      </Button>
    </Form>
  );
}
