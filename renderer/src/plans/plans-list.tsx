import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { PLAN_STATUS_LABELS } from '../../../shared/plans/model';
import { periodText } from '../../../shared/plans/papers';
import { call } from '../api/client';
import { DialogActions, ModalDialog } from '../ui/dialog';
import { errorText } from '../ui/errors';
import { FormDate, FormLongText, FormText, useContractForm } from '../ui/form';
import { LoadExampleButton } from '../ui/load-example';
import { EmptyState, Page } from '../ui/page';
import { navigate } from '../ui/router';
import { useShortcut } from '../ui/shortcuts';
import { toast } from '../ui/toasts';
import { planForm } from './forms';
import { planKeys, planQueries } from './queries';

export function PlansList() {
  const plans = useQuery(planQueries.list());
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  useShortcut('n', () => setCreating(true));
  const newButton = (
    <Button className="button primary" onPress={() => setCreating(true)}>
      New plan
    </Button>
  );
  return (
    <Page title="Plans" actions={newButton}>
      {plans.isPending ? <p>Loading plans…</p> : null}
      {plans.error ? <p role="alert">{errorText(plans.error, 'Could not load the plans.')}</p> : null}
      {plans.data && plans.data.length === 0 ? (
        <EmptyState
          title="No plans yet"
          action={
            <>
              {newButton} <LoadExampleButton onLoaded={() => void client.invalidateQueries({ queryKey: planKeys.all })} />
            </>
          }
        >
          <p>
            A plan sets out what the partnership wants to achieve over a few years: a vision, priorities arranged around Pursue,
            Prevent, Protect and Prepare, numbered objectives with activities from the action log, and indicators that show
            whether the response is improving.
          </p>
          <p>
            Start with a title such as “Strategy 2026-2029” and the years it covers, or load the example partnership to see a
            finished plan.
          </p>
        </EmptyState>
      ) : null}
      {plans.data && plans.data.length > 0 ? (
        <table className="data-table">
          <caption className="visually-hidden">Plans</caption>
          <thead>
            <tr>
              <th scope="col">Plan</th>
              <th scope="col">Period</th>
              <th scope="col">Status</th>
              <th scope="col">Priorities</th>
              <th scope="col">Objectives</th>
              <th scope="col">Indicators</th>
            </tr>
          </thead>
          <tbody>
            {plans.data.map((p) => (
              <tr key={p.id}>
                <td>
                  <a href={`#/plans/${p.id}`}>{p.title}</a>
                </td>
                <td>{periodText(p.startsOn, p.endsOn)}</td>
                <td>{PLAN_STATUS_LABELS[p.status]}</td>
                <td>{p.priorities}</td>
                <td>{p.objectives}</td>
                <td>{p.indicators}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {creating ? <NewPlanDialog onClose={() => setCreating(false)} /> : null}
    </Page>
  );
}

function NewPlanDialog({ onClose }: { onClose: () => void }) {
  const client = useQueryClient();
  const year = new Date().getFullYear();
  const form = useContractForm(planForm, {
    title: `Strategy ${year}-${year + 3}`,
    startsOn: `${year}-04-01`,
    endsOn: `${year + 3}-03-31`,
    vision: '',
  });
  const create = useMutation({
    mutationFn: (v: Parameters<typeof call<'plans.create'>>[1]) => call('plans.create', v),
    onSuccess: async (d) => {
      await client.invalidateQueries({ queryKey: planKeys.list() });
      form.reset(form.getValues());
      toast('success', `${d.plan.title} created. Add its priorities next.`);
      onClose();
      navigate(`/plans/${d.plan.id}`, { force: true });
    },
    onError: (e) => toast('error', errorText(e, 'Could not create the plan.')),
  });
  return (
    <ModalDialog title="New plan" isOpen onClose={onClose}>
      <Form className="form" validationBehavior="aria" onSubmit={form.handleSubmit((v) => create.mutate(v))}>
        <FormText control={form.control} name="title" label="Title" isRequired />
        <div className="inline-row">
          <FormDate control={form.control} name="startsOn" label="Starts" isRequired />
          <FormDate control={form.control} name="endsOn" label="Ends" isRequired />
        </div>
        <FormLongText
          control={form.control}
          name="vision"
          label="Vision"
          description="What the area will be like if the plan works. You can write it later."
        />
        <DialogActions>
          <Button type="submit" className="button primary" isDisabled={create.isPending}>
            Create plan
          </Button>
          <Button className="button" onPress={onClose}>
            Cancel
          </Button>
        </DialogActions>
      </Form>
    </ModalDialog>
  );
}
