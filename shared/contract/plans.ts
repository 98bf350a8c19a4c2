import { z } from 'zod';
import type { SaveOutcome } from '../files';
import { calendarDate } from '../dates';
import type { Action } from '../meetings/model';
import { ACTION_STATUSES, FOUR_PS } from '../meetings/model';
import type { PlanDetail, PlanSummary } from '../plans/model';
import { DIRECTIONS, FREQUENCIES, INDICATOR_SOURCES } from '../plans/model';
import { channel, id, longText, mediumText, shortText } from './common';

const isoDate = calendarDate('2026-04-01');
const version = z.number().int().min(1);
const figure = z.number().finite().min(-1_000_000_000).max(1_000_000_000);

const planFields = {
  title: shortText('Title').min(1, 'Give the plan a title, for example Strategy 2026-2029'),
  startsOn: isoDate,
  endsOn: isoDate,
  vision: longText('Vision').default(''),
};
const endAfterStart = (p: { startsOn: string; endsOn: string }) => p.endsOn >= p.startsOn;
const endMessage = { message: 'The plan must end on or after the day it starts', path: ['endsOn'] };
export const planCreateReq = z.object(planFields).strict().refine(endAfterStart, endMessage);
export const planUpdateReq = z
  .object({ id, version, ...planFields })
  .strict()
  .refine(endAfterStart, endMessage);
const planStatusReq = z.object({ id, version, status: z.enum(['draft', 'agreed']) }).strict();

const priorityFields = {
  title: shortText('Priority').min(1, 'Name the priority'),
  description: mediumText('Description').default(''),
  fourPs: z.array(z.enum(FOUR_PS)).max(4).default([]),
};
export const priorityAddReq = z.object({ planId: id, ...priorityFields }).strict();
export const priorityUpdateReq = z.object({ id, version, ...priorityFields }).strict();
const moveReq = z.object({ id, direction: z.enum(['up', 'down']) }).strict();

const objectiveText = mediumText('Objective').trim().min(1, 'Write the objective');
export const objectiveAddReq = z.object({ priorityId: id, text: objectiveText }).strict();
export const objectiveUpdateReq = z.object({ id, version, text: objectiveText }).strict();

const linkReq = z.object({ objectiveId: id, actionId: id }).strict();
/** An activity made from the plan is a new action in the action log, linked to the objective. */
export const activityCreateReq = z
  .object({
    objectiveId: id,
    description: mediumText('Activity').trim().min(1, 'Describe the activity'),
    ownerOrganisationId: id.nullable(),
    ownerPersonId: id.nullable(),
    dueOn: isoDate.nullable(),
    status: z.enum(ACTION_STATUSES).default('open'),
  })
  .strict();

const indicatorFields = {
  priorityId: id.nullable(),
  objectiveId: id.nullable(),
  name: shortText('What is measured').min(1, 'Say what is measured'),
  unit: shortText('Unit').max(40, 'Keep the unit short, for example referrals or %').default(''),
  baseline: figure.nullable(),
  target: figure.nullable(),
  direction: z.enum(DIRECTIONS),
  frequency: z.enum(FREQUENCIES),
  source: z.enum(INDICATOR_SOURCES),
};
const oneOwner = (i: { priorityId: number | null; objectiveId: number | null }) =>
  (i.priorityId === null) !== (i.objectiveId === null);
const ownerMessage = { message: 'An indicator measures either a priority or one of its objectives', path: ['objectiveId'] };
export const indicatorAddReq = z.object(indicatorFields).strict().refine(oneOwner, ownerMessage);
export const indicatorUpdateReq = z
  .object({ id, version, ...indicatorFields })
  .strict()
  .refine(oneOwner, ownerMessage);

const readingFields = {
  periodLabel: shortText('Period').min(1, 'Name the period, for example Apr–Jun 2026'),
  periodEnd: isoDate,
  value: figure,
  note: mediumText('Note').default(''),
};
export const readingAddReq = z.object({ indicatorId: id, ...readingFields }).strict();
export const readingUpdateReq = z.object({ id, version, ...readingFields }).strict();

const byId = z.object({ id }).strict();
const byPlan = z.object({ planId: id }).strict();
const emptyReq = z.object({}).strict();

export const plansChannels = {
  'plans.list': channel<typeof emptyReq, PlanSummary[]>(emptyReq),
  'plans.get': channel<typeof byId, PlanDetail>(byId),
  'plans.create': channel<typeof planCreateReq, PlanDetail>(planCreateReq),
  'plans.update': channel<typeof planUpdateReq, PlanDetail>(planUpdateReq),
  'plans.setStatus': channel<typeof planStatusReq, PlanDetail>(planStatusReq),
  'plans.delete': channel<typeof byId, { deleted: true }>(byId),
  'plans.priorities.add': channel<typeof priorityAddReq, PlanDetail>(priorityAddReq),
  'plans.priorities.update': channel<typeof priorityUpdateReq, PlanDetail>(priorityUpdateReq),
  'plans.priorities.move': channel<typeof moveReq, PlanDetail>(moveReq),
  'plans.priorities.remove': channel<typeof byId, PlanDetail>(byId),
  'plans.objectives.add': channel<typeof objectiveAddReq, PlanDetail>(objectiveAddReq),
  'plans.objectives.update': channel<typeof objectiveUpdateReq, PlanDetail>(objectiveUpdateReq),
  'plans.objectives.move': channel<typeof moveReq, PlanDetail>(moveReq),
  'plans.objectives.remove': channel<typeof byId, PlanDetail>(byId),
  'plans.activities.create': channel<typeof activityCreateReq, PlanDetail & { action: Action }>(activityCreateReq),
  'plans.activities.link': channel<typeof linkReq, PlanDetail>(linkReq),
  'plans.activities.unlink': channel<typeof linkReq, PlanDetail>(linkReq),
  'plans.indicators.add': channel<typeof indicatorAddReq, PlanDetail>(indicatorAddReq),
  'plans.indicators.update': channel<typeof indicatorUpdateReq, PlanDetail>(indicatorUpdateReq),
  'plans.indicators.remove': channel<typeof byId, PlanDetail>(byId),
  'plans.readings.add': channel<typeof readingAddReq, PlanDetail>(readingAddReq),
  'plans.readings.update': channel<typeof readingUpdateReq, PlanDetail>(readingUpdateReq),
  'plans.readings.remove': channel<typeof byId, PlanDetail>(byId),
  'plans.export.strategy': channel<typeof byPlan, SaveOutcome>(byPlan),
  'plans.export.actionPlan': channel<typeof byPlan, SaveOutcome>(byPlan),
} as const;
