import type { Block, DocumentTree, Run, TableCell } from '../documents/tree';
import type { ProtectiveMarking } from '../markings';
import { ACTION_STATUS_LABELS, FOUR_P_LABELS } from '../meetings/model';
import type { Action } from '../meetings/model';
import { describeDate, isoToLondon } from '../meetings/time';
import type { Indicator, PlanDetail } from './model';
import {
  DIRECTION_LABELS,
  FREQUENCY_LABELS,
  PLAN_STATUS_LABELS,
  RAG_LABELS,
  RAG_RULE_TEXT,
  SOURCE_INFO,
  formatValue,
} from './model';

/**
 * The strategy and the action plan as document trees: pure functions of the plan, so the React
 * preview and the one .docx writer draw the same thing (like shared/meetings/papers.ts).
 */
export type PlanPaperContext = { partnershipName: string; coordinatorName: string; marking: ProtectiveMarking; now: Date };

const t = (text: string, bold = false): Run => (bold ? { text, bold } : { text });
const cell = (text: string, bold = false): TableCell => [t(text, bold)];
const para = (...runs: Run[]): Block => ({ kind: 'paragraph', runs });

function paragraphs(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => para(t(p)));
}

export const periodText = (startsOn: string, endsOn: string) => `${describeDate(startsOn)} to ${describeDate(endsOn)}`;

function meta(d: PlanDetail, subject: string, ctx: PlanPaperContext) {
  return {
    title: `${d.plan.title}${subject === 'Action plan' ? ': action plan' : ''}`,
    subtitle: periodText(d.plan.startsOn, d.plan.endsOn),
    version: PLAN_STATUS_LABELS[d.plan.status],
    date: isoToLondon(ctx.now.toISOString()).date,
    marking: ctx.marking,
    author: ctx.coordinatorName || ctx.partnershipName,
    subject,
    partnershipName: ctx.partnershipName,
  };
}

export function ownerText(a: Action): string {
  return [a.ownerPersonName, a.ownerOrganisationName].filter((x) => x !== '').join(', ') || 'Not yet assigned';
}
export function actionStatusText(a: Action): string {
  return a.overdue ? `${ACTION_STATUS_LABELS[a.status]} (overdue)` : ACTION_STATUS_LABELS[a.status];
}

const valueOrDash = (v: number | null, unit: string) => (v === null ? '–' : formatValue(v, unit));

export function latestText(i: Indicator): string {
  return i.latest ? `${formatValue(i.latest.value, i.unit)} (${i.latest.period})` : 'No readings yet';
}

/** An indicator's one-line description under its name. */
export function indicatorLine(i: Indicator): string {
  return `${SOURCE_INFO[i.source].label}, ${FREQUENCY_LABELS[i.frequency].toLowerCase()}. ${DIRECTION_LABELS[i.direction]}.`;
}

/** A hook for a picture of each indicator's readings (charts); none by default. */
export type IndicatorPicture = (i: Indicator, label: string) => Block[];

function indicatorsTable(list: readonly { label: string; indicator: Indicator }[], caption: string): Block {
  return {
    kind: 'table',
    caption,
    header: ['Ref', 'Indicator', 'Baseline', 'Target', 'Latest', 'Status'],
    widths: [8, 36, 12, 12, 20, 12],
    rows: list.map(({ label, indicator: i }) => [
      cell(label),
      [t(i.name, true), t(` ${indicatorLine(i)}`)],
      cell(valueOrDash(i.baseline, i.unit)),
      cell(valueOrDash(i.target, i.unit)),
      cell(latestText(i)),
      cell(RAG_LABELS[i.rag], i.rag === 'red'),
    ]),
  };
}

/** Every indicator of a priority with the label it is known by: "1" or the objective's number. */
export function priorityIndicators(p: PlanDetail['priorities'][number]): { label: string; indicator: Indicator }[] {
  return [
    ...p.indicators.map((indicator) => ({ label: p.number, indicator })),
    ...p.objectives.flatMap((o) => o.indicators.map((indicator) => ({ label: o.number, indicator }))),
  ];
}

export function strategyTree(d: PlanDetail, ctx: PlanPaperContext, picture: IndicatorPicture = () => []): DocumentTree {
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: d.plan.title }];
  if (ctx.partnershipName.trim() !== '') blocks.push(para(t('Partnership: ', true), t(ctx.partnershipName)));
  blocks.push(para(t('Period: ', true), t(periodText(d.plan.startsOn, d.plan.endsOn))));
  blocks.push(
    para(
      t('Status: ', true),
      t(
        d.plan.status === 'agreed' && d.plan.agreedAt
          ? `Agreed on ${describeDate(isoToLondon(d.plan.agreedAt).date)}`
          : 'Draft, not yet agreed by the members',
      ),
    ),
  );
  blocks.push({ kind: 'heading', level: 2, text: 'Our vision' });
  const vision = paragraphs(d.plan.vision);
  blocks.push(...(vision.length > 0 ? vision : [para(t('The vision has not been written yet.'))]));
  blocks.push({ kind: 'heading', level: 2, text: 'Our priorities' });
  if (d.priorities.length === 0) blocks.push(para(t('No priorities have been set yet.')));
  for (const p of d.priorities) {
    blocks.push({ kind: 'heading', level: 3, text: `Priority ${p.number}: ${p.title}` });
    if (p.fourPs.length > 0) blocks.push(para(t('4 Ps: ', true), t(p.fourPs.map((x) => FOUR_P_LABELS[x]).join(', '))));
    blocks.push(...paragraphs(p.description));
    if (p.objectives.length > 0) {
      blocks.push(para(t('Objectives', true)));
      blocks.push({ kind: 'bullets', items: p.objectives.map((o) => [t(`${o.number} `, true), t(o.text)]) });
    }
    const indicators = priorityIndicators(p);
    if (indicators.length > 0) {
      blocks.push(para(t('How will we know the response is improving?', true)));
      blocks.push(indicatorsTable(indicators, `Indicators for priority ${p.number}`));
      for (const x of indicators) blocks.push(...picture(x.indicator, x.label));
    }
  }
  if (d.priorities.some((p) => priorityIndicators(p).length > 0)) blocks.push(para(t(RAG_RULE_TEXT)));
  return { meta: meta(d, 'Strategy', ctx), blocks };
}

export function actionPlanTree(d: PlanDetail, ctx: PlanPaperContext): DocumentTree {
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: `${d.plan.title}: action plan` },
    para(
      t(
        `Produced on ${describeDate(isoToLondon(ctx.now.toISOString()).date)}. Period: ${periodText(d.plan.startsOn, d.plan.endsOn)}.`,
      ),
    ),
  ];
  const all = d.priorities.flatMap((p) => p.objectives.flatMap((o) => o.actions));
  const done = all.filter((a) => a.status === 'done').length;
  const overdue = all.filter((a) => a.overdue).length;
  blocks.push(para(t(`${all.length} activit${all.length === 1 ? 'y' : 'ies'}: ${done} done, ${overdue} overdue.`, true)));
  if (d.priorities.length === 0) blocks.push(para(t('No priorities have been set yet.')));
  for (const p of d.priorities) {
    blocks.push({ kind: 'heading', level: 2, text: `Priority ${p.number}: ${p.title}` });
    if (p.objectives.length === 0) {
      blocks.push(para(t('No objectives yet.')));
      continue;
    }
    blocks.push({
      kind: 'table',
      caption: `Action plan for priority ${p.number}`,
      header: ['Objective', 'Activity', 'Owner', 'Due', 'Status'],
      widths: [28, 30, 18, 12, 12],
      rows: p.objectives.flatMap((o): TableCell[][] => {
        const objective = [t(`${o.number} `, true), t(o.text)];
        if (o.actions.length === 0) return [[objective, cell('No activities linked yet'), cell(''), cell(''), cell('')]];
        return o.actions.map((a, i) => [
          i === 0 ? objective : cell(''),
          cell(`A${a.id} ${a.description}`),
          cell(ownerText(a)),
          cell(a.dueOn ? describeDate(a.dueOn) : 'No date'),
          cell(actionStatusText(a), a.overdue),
        ]);
      }),
    });
  }
  return { meta: meta(d, 'Action plan', ctx), blocks };
}
