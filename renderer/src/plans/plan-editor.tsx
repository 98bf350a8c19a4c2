import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import type { PlanDetail } from '../../../shared/plans/model';
import { PLAN_STATUS_LABELS, RAG_RULE_TEXT } from '../../../shared/plans/model';
import { indicatorPicture } from '../../../shared/plans/charts';
import { strategyTree, actionPlanTree, periodText } from '../../../shared/plans/papers';
import { call } from '../api/client';
import { DocumentPreview } from '../documents/preview';
import { ConfirmDialog } from '../ui/dialog';
import { errorText } from '../ui/errors';
import { FormActions, useContractForm } from '../ui/form';
import { Notice } from '../ui/notice';
import type { Message } from '../ui/notice';
import { Page } from '../ui/page';
import { navigate } from '../ui/router';
import { useExport } from '../ui/use-export';
import { planForm } from './forms';
import { usePlanChange } from './mutations';
import { PlanFields } from './plan-fields';
import { AddPriority, PrioritySection } from './priority-section';
import { planKeys, planQueries } from './queries';

export function PlanEditor({ planId }: { planId: number }) {
  const detail = useQuery(planQueries.detail(planId));
  if (detail.isPending) return <Page title="Plan">Loading the plan…</Page>;
  if (detail.error || !detail.data) {
    return (
      <Page title="Plan">
        <p role="alert">{errorText(detail.error, 'Could not open the plan.')}</p>
        <a href="#/plans">Back to plans</a>
      </Page>
    );
  }
  return <PlanView detail={detail.data} />;
}

type View = 'edit' | 'strategy' | 'actionPlan';

function PlanView({ detail }: { detail: PlanDetail }) {
  const { plan } = detail;
  const [view, setView] = useState<View>('edit');
  const [message, setMessage] = useState<Message>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const exporter = useExport(setMessage);
  const client = useQueryClient();
  // An export fixes the plan's numbers (main freezes them), so the plan is read again after it.
  const exportPaper = (what: string, job: () => ReturnType<typeof call<'plans.export.strategy'>>) =>
    void exporter.run(what, job).then(() => client.invalidateQueries({ queryKey: planKeys.detail(plan.id) }));
  const settings = useQuery({ queryKey: planKeys.settings(), queryFn: () => call('settings.get', {}) });
  const status = usePlanChange(
    plan.id,
    (s: 'draft' | 'agreed') => call('plans.setStatus', { id: plan.id, version: plan.version, status: s }),
    {
      failure: 'Could not change the plan’s status.',
      onDone: (d) =>
        setMessage({
          tone: 'success',
          text: d.plan.status === 'agreed' ? 'Plan agreed. Its numbers are now fixed.' : 'The plan is a draft again.',
        }),
    },
  );
  const tree = useMemo(() => {
    if (view === 'edit') return null;
    const ctx = {
      partnershipName: settings.data?.name ?? '',
      coordinatorName: settings.data?.coordinatorName ?? '',
      marking: settings.data?.defaultMarking ?? 'OFFICIAL',
      now: new Date(),
    };
    return view === 'strategy' ? strategyTree(detail, ctx, indicatorPicture) : actionPlanTree(detail, ctx);
  }, [view, detail, settings.data]);

  const toolbar = (
    <>
      <Button
        className="button"
        isDisabled={exporter.busy}
        onPress={() => exportPaper('the strategy', () => call('plans.export.strategy', { planId: plan.id }))}
      >
        Export strategy (.docx)
      </Button>
      <Button
        className="button"
        isDisabled={exporter.busy}
        onPress={() => exportPaper('the action plan', () => call('plans.export.actionPlan', { planId: plan.id }))}
      >
        Export action plan (.docx)
      </Button>
      {plan.status === 'draft' ? (
        <Button className="button primary" isDisabled={status.isPending} onPress={() => status.mutate('agreed')}>
          Mark as agreed
        </Button>
      ) : (
        <Button className="button" isDisabled={status.isPending} onPress={() => status.mutate('draft')}>
          Return to draft
        </Button>
      )}
    </>
  );

  return (
    <Page title={plan.title} actions={toolbar}>
      <p className="plan-meta">
        <span className={`tag plan-status-${plan.status}`}>{PLAN_STATUS_LABELS[plan.status]}</span>{' '}
        {periodText(plan.startsOn, plan.endsOn)}
        {plan.numberingFrozenAt
          ? ' · Numbers are fixed because the plan has been agreed or exported.'
          : ' · Numbers follow the order until the plan is agreed or exported.'}
      </p>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <div className="plan-tabs" role="group" aria-label="Show">
        {(
          [
            ['edit', 'Edit plan'],
            ['strategy', 'Preview strategy'],
            ['actionPlan', 'Preview action plan'],
          ] as const
        ).map(([key, label]) => (
          <Button key={key} className="button" aria-pressed={view === key} onPress={() => setView(key)}>
            {label}
          </Button>
        ))}
      </div>
      {tree ? (
        <DocumentPreview tree={tree} label={view === 'strategy' ? 'Strategy preview' : 'Action plan preview'} />
      ) : (
        <>
          <PlanDetailsForm detail={detail} />
          <section aria-labelledby="priorities-heading" className="plan-priorities">
            <h2 id="priorities-heading">Priorities</h2>
            <p className="muted">{RAG_RULE_TEXT}</p>
            {detail.priorities.length === 0 ? (
              <p>No priorities yet. Add the first one below: most plans have three to five.</p>
            ) : null}
            {detail.priorities.map((p, i) => (
              <PrioritySection
                key={p.id}
                planId={plan.id}
                priority={p}
                first={i === 0}
                last={i === detail.priorities.length - 1}
              />
            ))}
            <AddPriority planId={plan.id} />
          </section>
          <div className="danger-zone">
            <Button className="button danger" onPress={() => setConfirmDelete(true)}>
              Delete plan
            </Button>
          </div>
        </>
      )}
      <ConfirmDialog
        title={`Delete ${plan.title}?`}
        isOpen={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        confirmLabel="Delete plan"
        danger
        onConfirm={async () => {
          try {
            await call('plans.delete', { id: plan.id });
            navigate('/plans', { force: true });
          } catch (e) {
            setMessage({ tone: 'error', text: errorText(e, 'Could not delete the plan.') });
          }
        }}
      >
        <p>The plan, its priorities, objectives and indicators go. The actions stay in the action log.</p>
      </ConfirmDialog>
    </Page>
  );
}

function PlanDetailsForm({ detail }: { detail: PlanDetail }) {
  const { plan } = detail;
  const values = { title: plan.title, startsOn: plan.startsOn, endsOn: plan.endsOn, vision: plan.vision };
  const form = useContractForm(planForm, values);
  const save = usePlanChange(plan.id, (v: typeof values) => call('plans.update', { id: plan.id, version: plan.version, ...v }), {
    success: 'Plan saved.',
    failure: 'Could not save the plan.',
    onDone: (d) => form.reset({ title: d.plan.title, startsOn: d.plan.startsOn, endsOn: d.plan.endsOn, vision: d.plan.vision }),
  });
  return (
    <Form
      className="form editor plan-details"
      aria-label="Plan details"
      validationBehavior="aria"
      onSubmit={form.handleSubmit((v) => save.mutate({ ...v, vision: v.vision }))}
    >
      <PlanFields control={form.control} visionHint="A few sentences: what the area will be like if the plan works." />
      <FormActions submit="Save plan details" busy={save.isPending} disabled={!form.formState.isDirty} />
    </Form>
  );
}
