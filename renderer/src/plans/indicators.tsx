import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { Indicator, Objective, Priority, Reading } from '../../../shared/plans/model';
import {
  DIRECTION_LABELS,
  DIRECTIONS,
  FREQUENCIES,
  FREQUENCY_LABELS,
  INDICATOR_SOURCES,
  RAG_LABELS,
  SOURCE_INFO,
  formatValue,
} from '../../../shared/plans/model';
import { indicatorLine, latestText } from '../../../shared/plans/papers';
import { call } from '../api/client';
import { RecordTable, buttonColumn } from '../ui/data-table';
import { RagBadge } from '../ui/rag-badge';
import { ConfirmButton, FormDialog } from '../ui/dialog';
import { FormDate, FormSelect, FormText, useContractForm } from '../ui/form';
import { IndicatorChart } from './chart';
import { indicatorForm, readingForm } from './forms';
import { usePlanChange } from './mutations';

/** The indicators of a priority (objective null) or of one objective, each with its readings. */
export function IndicatorList({
  planId,
  priority,
  objective,
  indicators,
  label,
}: {
  planId: number;
  priority: Priority | null;
  objective: Objective | null;
  indicators: Indicator[];
  label: string;
}) {
  const [adding, setAdding] = useState(false);
  return (
    <div className="indicators">
      {indicators.length > 0 ? <h5>{objective ? 'Indicators' : 'How will we know the response is improving?'}</h5> : null}
      {indicators.map((i) => (
        <IndicatorCard key={i.id} planId={planId} indicator={i} />
      ))}
      <Button className="button small" onPress={() => setAdding(true)} aria-label={`Add an indicator to ${label}`}>
        Add indicator
      </Button>
      {adding ? (
        <IndicatorDialog
          planId={planId}
          owner={objective ? { objectiveId: objective.id, priorityId: null } : { objectiveId: null, priorityId: priority!.id }}
          label={label}
          onClose={() => setAdding(false)}
        />
      ) : null}
    </div>
  );
}

function IndicatorCard({ planId, indicator: i }: { planId: number; indicator: Indicator }) {
  const [entering, setEntering] = useState(false);
  const remove = usePlanChange(planId, () => call('plans.indicators.remove', { id: i.id }), {
    success: 'Indicator removed.',
    failure: 'Could not remove the indicator.',
  });
  const removeReading = usePlanChange(planId, (id: number) => call('plans.readings.remove', { id }), {
    success: 'Reading removed.',
    failure: 'Could not remove the reading.',
  });
  return (
    <article className="indicator" aria-label={`Indicator: ${i.name}`}>
      <header className="indicator-head">
        <h6>{i.name}</h6>
        <RagBadge status={i.rag} label={RAG_LABELS[i.rag]} hiddenPrefix="Status: " />
      </header>
      <p className="muted">{indicatorLine(i)}</p>
      <dl className="indicator-figures">
        <div>
          <dt>Baseline</dt>
          <dd>{i.baseline === null ? '–' : formatValue(i.baseline, i.unit)}</dd>
        </div>
        <div>
          <dt>Target</dt>
          <dd>{i.target === null ? 'Not set' : formatValue(i.target, i.unit)}</dd>
        </div>
        <div>
          <dt>Latest</dt>
          <dd>{latestText(i)}</dd>
        </div>
      </dl>
      <div className="indicator-body">
        <IndicatorChart indicator={i} />
        {i.source === 'manual' ? (
          <div className="readings">
            {i.entered.length > 0 ? (
              <RecordTable
                className="data-table compact"
                label={`Readings for ${i.name}`}
                caption={`Readings for ${i.name}`}
                rows={i.entered}
                rowKey={(r) => r.id}
                columns={[
                  { key: 'period', label: 'Period', render: (r) => r.periodLabel },
                  { key: 'figure', label: 'Figure', render: (r) => formatValue(r.value, i.unit) },
                  { key: 'note', label: 'Note', render: (r) => r.note },
                  buttonColumn<Reading>({
                    text: 'Remove',
                    className: 'button small',
                    name: (r) => `Remove the reading for ${r.periodLabel}`,
                    onPress: (r) => removeReading.mutate(r.id),
                  }),
                ]}
              />
            ) : null}
            <Button className="button small" onPress={() => setEntering(true)} aria-label={`Enter a reading for ${i.name}`}>
              Enter a reading
            </Button>
          </div>
        ) : (
          <p className="muted readings">{SOURCE_INFO[i.source].explain} Worked out from the records for each period.</p>
        )}
      </div>
      <ConfirmButton
        label="Remove indicator"
        className="button small danger"
        confirmLabel="Remove indicator"
        question={`Remove the indicator “${i.name}”?`}
        details={<p>Its readings go with it.</p>}
        onConfirm={() => remove.mutate(undefined)}
      />
      {entering ? <ReadingDialog planId={planId} indicator={i} onClose={() => setEntering(false)} /> : null}
    </article>
  );
}

function IndicatorDialog({
  planId,
  owner,
  label,
  onClose,
}: {
  planId: number;
  owner: { objectiveId: number | null; priorityId: number | null };
  label: string;
  onClose: () => void;
}) {
  const form = useContractForm(indicatorForm, {
    owner: 'set',
    name: '',
    unit: '',
    baseline: '',
    target: '',
    direction: 'higher',
    frequency: 'quarterly',
    source: 'manual',
  });
  const source = form.watch('source');
  const add = usePlanChange(
    planId,
    ({ owner: _owner, ...v }: ReturnType<typeof indicatorForm.parse>) =>
      call('plans.indicators.add', { ...owner, ...v, unit: v.unit || SOURCE_INFO[v.source].unit }),
    { success: 'Indicator added.', failure: 'Could not add the indicator.', onDone: onClose },
  );
  return (
    <FormDialog
      title={`New indicator for ${label}`}
      onClose={onClose}
      onSubmit={form.handleSubmit((v) => add.mutate(v))}
      submitLabel="Add indicator"
      isPending={add.isPending}
      wide
    >
      <FormText
        control={form.control}
        name="name"
        label="What is measured"
        isRequired
        description="For example: NRM referrals from the area"
      />
      <FormSelect
        control={form.control}
        name="source"
        label="Where the figures come from"
        options={INDICATOR_SOURCES.map((s) => ({ value: s, label: SOURCE_INFO[s].label }))}
        description={SOURCE_INFO[source].explain}
      />
      <div className="inline-row">
        <FormText
          control={form.control}
          name="unit"
          label="Unit"
          description={source === 'manual' ? 'For example: referrals' : `Leave empty for ${SOURCE_INFO[source].unit}`}
        />
        <FormText control={form.control} name="baseline" label="Baseline" />
        <FormText control={form.control} name="target" label="Target" />
      </div>
      <div className="inline-row">
        <FormSelect
          control={form.control}
          name="direction"
          label="Direction"
          options={DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] }))}
        />
        <FormSelect
          control={form.control}
          name="frequency"
          label="How often"
          options={FREQUENCIES.map((f) => ({ value: f, label: FREQUENCY_LABELS[f] }))}
        />
      </div>
    </FormDialog>
  );
}

function ReadingDialog({ planId, indicator: i, onClose }: { planId: number; indicator: Indicator; onClose: () => void }) {
  const form = useContractForm(readingForm, { periodLabel: '', periodEnd: '', value: '', note: '' });
  const add = usePlanChange(
    planId,
    (v: ReturnType<typeof readingForm.parse>) => call('plans.readings.add', { indicatorId: i.id, ...v }),
    { success: 'Reading saved.', failure: 'Could not save the reading.', onDone: onClose },
  );
  return (
    <FormDialog
      title={`Reading for ${i.name}`}
      onClose={onClose}
      onSubmit={form.handleSubmit((v) => add.mutate(v))}
      submitLabel="Save reading"
      isPending={add.isPending}
    >
      <FormText control={form.control} name="periodLabel" label="Period" isRequired description="For example: Apr–Jun 2026" />
      <FormDate control={form.control} name="periodEnd" label="Last day of the period" isRequired />
      <FormText control={form.control} name="value" label={`Figure${i.unit ? ` (${i.unit})` : ''}`} isRequired />
      <FormText control={form.control} name="note" label="Note" />
    </FormDialog>
  );
}
