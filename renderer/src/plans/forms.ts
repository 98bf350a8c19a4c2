import { z } from 'zod';
import { mediumText, shortText } from '../../../shared/contract/common';
import { planCreateReq, priorityAddReq, objectiveAddReq, readingAddReq } from '../../../shared/contract/plans';
import { DIRECTIONS, FREQUENCIES, INDICATOR_SOURCES } from '../../../shared/plans/model';

/** The plans forms reuse the contract's schemas; only figures typed as text are parsed here. */
export const planForm = planCreateReq;
export const priorityForm = priorityAddReq.omit({ planId: true });
export const objectiveForm = objectiveAddReq.omit({ priorityId: true });

const optionalFigure = (label: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || Number.isFinite(Number(v)), `${label} must be a number, for example 40`)
    .transform((v) => (v === '' ? null : Number(v)));

export const indicatorForm = z.object({
  owner: z.string().min(1, 'Choose what the indicator measures'),
  name: shortText('What is measured').min(1, 'Say what is measured'),
  unit: shortText('Unit').max(40, 'Keep the unit short, for example referrals or %'),
  baseline: optionalFigure('The baseline'),
  target: optionalFigure('The target'),
  direction: z.enum(DIRECTIONS),
  frequency: z.enum(FREQUENCIES),
  source: z.enum(INDICATOR_SOURCES),
});

export const readingForm = readingAddReq.omit({ indicatorId: true, value: true }).extend({
  value: z
    .string()
    .trim()
    .min(1, 'Enter the figure')
    .refine((v) => Number.isFinite(Number(v)), 'The figure must be a number, for example 42')
    .transform(Number),
});

export const activityForm = z.object({
  description: mediumText('Activity').trim().min(1, 'Describe the activity'),
  dueOn: z.string(),
});
