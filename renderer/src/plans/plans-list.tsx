import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { PLAN_STATUS_LABELS } from '../../../shared/plans/model';
import { periodText } from '../../../shared/plans/papers';
import { RecordTable } from '../ui/data-table';
import { FormDialog } from '../ui/dialog';
import { errorText } from '../ui/errors';
import { useContractForm } from '../ui/form';
import { LoadExampleButton } from '../ui/load-example';
import { EmptyState, Page } from '../ui/page';
import { navigate } from '../ui/router';
import { useShortcut } from '../ui/shortcuts';
import { toast } from '../ui/toasts';
import { planForm } from './forms';
import { useCreatePlan } from './mutations';
import { PlanFields } from './plan-fields';
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
        <RecordTable
          label="Plans"
          rows={plans.data}
          rowKey={(p) => p.id}
          columns={[
            { key: 'plan', label: 'Plan', render: (p) => <a href={`#/plans/${p.id}`}>{p.title}</a> },
            { key: 'period', label: 'Period', render: (p) => periodText(p.startsOn, p.endsOn) },
            { key: 'status', label: 'Status', render: (p) => PLAN_STATUS_LABELS[p.status] },
            { key: 'priorities', label: 'Priorities', render: (p) => p.priorities },
            { key: 'objectives', label: 'Objectives', render: (p) => p.objectives },
            { key: 'indicators', label: 'Indicators', render: (p) => p.indicators },
          ]}
        />
      ) : null}
      {creating ? <NewPlanDialog onClose={() => setCreating(false)} /> : null}
    </Page>
  );
}

function NewPlanDialog({ onClose }: { onClose: () => void }) {
  const year = new Date().getFullYear();
  const form = useContractForm(planForm, {
    title: `Strategy ${year}-${year + 3}`,
    startsOn: `${year}-04-01`,
    endsOn: `${year + 3}-03-31`,
    vision: '',
  });
  const create = useCreatePlan({
    onSuccess: (d) => {
      form.reset(form.getValues());
      toast('success', `${d.plan.title} created. Add its priorities next.`);
      onClose();
      navigate(`/plans/${d.plan.id}`, { force: true });
    },
    onError: (e) => toast('error', errorText(e, 'Could not create the plan.')),
  });
  return (
    <FormDialog
      title="New plan"
      onClose={onClose}
      onSubmit={form.handleSubmit((v) => create.mutate(v))}
      submitLabel="Create plan"
      isPending={create.isPending}
    >
      <PlanFields control={form.control} visionHint="What the area will be like if the plan works. You can write it later." />
    </FormDialog>
  );
}
