import { Form } from 'react-aria-components';
import { z } from 'zod';
import { actionCreateReq } from '../../../shared/contract/meetings';
import type { Action, AgendaItem } from '../../../shared/meetings/model';
import { ACTION_STATUS_LABELS, ACTION_STATUSES, FOUR_P_LABELS, FOUR_PS } from '../../../shared/meetings/model';
import { call } from '../api/client';
import { dateProblem } from '../ui/date-field';
import {
  FormActions,
  FormCheckboxGroup,
  FormDate,
  FormLongText,
  FormPicker,
  FormSelect,
  pickedField,
  useContractForm,
} from '../ui/form';
import { FormStaleNotice, refusedAsStale } from '../ui/stale-write';
import { Notice, useMessage } from '../ui/notice';
import { errorText } from '../ui/errors';
import { useStaleWrite } from '../ui/stale-write';
import { organisationSource, peopleSource } from './queries';
import { useSaveAction } from './mutations';

/** The action form's fields: the contract's own rules for the action, its status and the 4 Ps; owners as picked. */
const actionForm = z.object({
  description: actionCreateReq.shape.description,
  agendaItemId: z.string(),
  organisation: pickedField(),
  person: pickedField(),
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
      const reload = action
        ? async () => {
            const theirs = (await call('meetings.actions.get', { id: action.id })).action;
            return { version: theirs.version, value: toDraft(theirs) };
          }
        : null;
      if (await refusedAsStale(e, stale, reload)) setMessage(null);
      else setMessage({ tone: 'error', text: errorText(e, 'Could not save the action.') });
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
        <FormPicker control={control} name="organisation" label="Owner organisation" source={organisationSource} />
        <FormPicker
          control={control}
          name="person"
          label="Owner"
          source={peopleSource}
          onPicked={(person) => {
            // Picking an owner fills in their organisation unless one was chosen already.
            if (!form.getValues('organisation') && person) {
              const organisation = peopleSource.organisationOf.get(person.id) ?? null;
              if (organisation) form.setValue('organisation', organisation, { shouldDirty: true });
            }
          }}
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
      <FormStaleNotice what={`Action A${action?.id ?? ''}`} form={form} stale={stale} />
      <FormActions submit={action ? 'Save action' : 'Add action'} busy={save.isPending} onCancel={onCancel} cancelLabel="Close" />
    </Form>
  );
}
