import { Controller } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import { z } from 'zod';
import { actionCreateReq } from '../../../shared/contract/meetings';
import type { Action, AgendaItem } from '../../../shared/meetings/model';
import { ACTION_STATUS_LABELS, ACTION_STATUSES, FOUR_P_LABELS, FOUR_PS } from '../../../shared/meetings/model';
import { call } from '../api/client';
import { dateProblem } from '../ui/date-field';
import { FormCheckboxGroup, FormDate, FormLongText, FormSelect, useContractForm } from '../ui/form';
import { Notice, useMessage } from '../ui/notice';
import type { Picked } from './queries';
import { DirectoryPicker } from '../ui/directory-picker';
import { errorText, isStale } from '../ui/errors';
import { StaleWriteNotice, useStaleWrite } from '../ui/stale-write';
import { organisationSource, peopleSource } from './queries';
import { useSaveAction } from './mutations';

const picked = z.custom<Picked>((v) => v === null || (typeof v === 'object' && typeof (v as { id?: unknown }).id === 'number'));

/** The action form's fields: the contract's own rules for the action, its status and the 4 Ps; owners as picked. */
const actionForm = z.object({
  description: actionCreateReq.shape.description,
  agendaItemId: z.string(),
  organisation: picked,
  person: picked,
  dueOn: z.string().superRefine((v, ctx) => {
    const problem = dateProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  status: actionCreateReq.shape.status,
  fourPs: actionCreateReq.shape.fourPs,
});
type Draft = z.input<typeof actionForm>;

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
  const form = useContractForm(actionForm, toDraft(action));
  const { control } = form;
  const stale = useStaleWrite({ version: action?.version ?? 1, value: toDraft(action) }, { labels: LABELS });
  const [message, setMessage] = useMessage(action?.id ?? null);

  const save = useSaveAction({
    onSuccess: (saved) => {
      // What was saved is the form's new starting point (a new action's form empties for the next one).
      form.reset(action ? toDraft(saved) : toDraft(null));
      if (action) stale.rebase({ version: saved.version, value: toDraft(saved) });
      setMessage({ tone: 'success', text: action ? 'Action saved.' : `Action A${saved.id} added.` });
      onSaved?.(saved);
    },
    onError: async (e) => {
      if (action && isStale(e)) {
        try {
          const theirs = (await call('meetings.actions.get', { id: action.id })).action;
          setMessage(null);
          stale.refused({ version: theirs.version, value: toDraft(theirs) });
          return;
        } catch {
          // Fall through to the plain message.
        }
      }
      setMessage({ tone: 'error', text: errorText(e, 'Could not save the action.') });
    },
  });

  const toRequest = (draft: z.output<typeof actionForm>) => ({
    id: action?.id ?? null,
    version: stale.version,
    value: {
      meetingId: action ? action.meetingId : meetingId,
      agendaItemId: draft.agendaItemId === '' ? null : Number(draft.agendaItemId),
      description: draft.description,
      ownerOrganisationId: draft.organisation?.id ?? null,
      ownerPersonId: draft.person?.id ?? null,
      dueOn: draft.dueOn === '' ? null : draft.dueOn,
      status: draft.status,
      fourPs: draft.fourPs,
    },
  });

  // Keep mine: the merged values, still unsaved until the person saves them.
  const showDraft = (next: Draft) => {
    for (const key of Object.keys(next) as (keyof Draft)[]) {
      form.setValue(key, next[key] as never, { shouldDirty: true });
    }
  };

  return (
    <Form
      className="form action-form"
      aria-label={action ? `Edit action A${action.id}` : 'New action'}
      validationBehavior="aria"
      onSubmit={(e) => void form.handleSubmit((draft) => save.mutate(toRequest(draft)))(e)}
    >
      <FormLongText control={control} name="description" label="Action" isRequired rows={3} />
      {agenda && agenda.length > 0 ? (
        <FormSelect
          control={control}
          name="agendaItemId"
          label="Agenda item"
          options={[
            { value: '', label: 'Not linked to an item' },
            ...agenda.map((i, n) => ({ value: String(i.id), label: `${n + 1}. ${i.title}` })),
          ]}
        />
      ) : null}
      <div className="inline-row">
        <Controller
          control={control}
          name="organisation"
          render={({ field }) => (
            <DirectoryPicker
              source={organisationSource}
              label="Owner organisation"
              value={field.value as Picked}
              onPick={(v) => field.onChange(v)}
            />
          )}
        />
        <Controller
          control={control}
          name="person"
          render={({ field }) => (
            <DirectoryPicker
              source={peopleSource}
              label="Owner"
              value={field.value as Picked}
              onPick={(person) => {
                field.onChange(person);
                // Picking an owner fills in their organisation unless one was chosen already.
                if (!form.getValues('organisation') && person) {
                  const organisation = peopleSource.organisationOf.get(person.id) ?? null;
                  if (organisation) form.setValue('organisation', organisation, { shouldDirty: true });
                }
              }}
            />
          )}
        />
      </div>
      <div className="inline-row">
        <FormDate control={control} name="dueOn" label="Due date" />
        <FormSelect
          control={control}
          name="status"
          label="Status"
          options={ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))}
        />
      </div>
      <FormCheckboxGroup
        control={control}
        name="fourPs"
        label="Which of the 4 Ps"
        options={FOUR_PS.map((p) => ({ value: p, label: FOUR_P_LABELS[p] }))}
      />
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {stale.theirs ? (
        <StaleWriteNotice
          what={`Action A${action?.id ?? ''}`}
          changed={stale.changed}
          conflicts={stale.conflicts(form.getValues())}
          onMerge={() => {
            const next = stale.keepMine(form.getValues());
            if (next) showDraft(next.value);
          }}
          onReload={() => {
            const theirs = stale.takeTheirs();
            if (theirs) form.reset(theirs);
          }}
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
    </Form>
  );
}
