import type { ErasureHook } from '../partners/erasure';
import type { ScrubColumn } from '../privacy/scrub';

const PLAN = "SELECT 'Plan: ' || title AS record, created_at AS createdAt, updated_at AS updatedAt FROM plans WHERE rowid = ?";
const PRIORITY = `SELECT 'Plan: ' || p.title || ', priority ' || (r.position + 1) AS record, r.created_at AS createdAt,
  r.updated_at AS updatedAt FROM plan_priorities r JOIN plans p ON p.id = r.plan_id WHERE r.rowid = ?`;
const OBJECTIVE = `SELECT 'Plan: ' || p.title || ', objective ' || COALESCE(o.frozen_number, (r.position + 1) || '.' || (o.position + 1))
  AS record, o.created_at AS createdAt, o.updated_at AS updatedAt
  FROM plan_objectives o JOIN plan_priorities r ON r.id = o.priority_id JOIN plans p ON p.id = r.plan_id WHERE o.rowid = ?`;
const INDICATOR = `SELECT 'Plan: ' || p.title || ', indicator ' || i.id AS record, i.created_at AS createdAt, i.updated_at AS updatedAt
  FROM plan_indicators i JOIN plan_priorities r ON r.id = i.priority_id JOIN plans p ON p.id = r.plan_id WHERE i.rowid = ?`;
const READING = `SELECT 'Plan indicator ' || indicator_id || ', reading for ' || period_end AS record, created_at AS createdAt,
  updated_at AS updatedAt FROM plan_indicator_readings WHERE rowid = ?`;

/** Every text column of the plans area in which someone's details may have been typed. */
export const plansScrubColumns: readonly ScrubColumn[] = [
  { table: 'plans', column: 'title', label: 'Plan title', describe: PLAN },
  { table: 'plans', column: 'vision', label: 'Plan vision', describe: PLAN },
  { table: 'plan_priorities', column: 'title', label: 'Priority', describe: PRIORITY },
  { table: 'plan_priorities', column: 'description', label: 'Priority description', describe: PRIORITY },
  { table: 'plan_objectives', column: 'text', label: 'Objective', describe: OBJECTIVE },
  { table: 'plan_indicators', column: 'name', label: 'Indicator', describe: INDICATOR },
  { table: 'plan_indicators', column: 'unit', label: 'Indicator unit', describe: INDICATOR },
  { table: 'plan_indicator_readings', column: 'period_label', label: 'Reading period', describe: READING },
  { table: 'plan_indicator_readings', column: 'note', label: 'Reading note', describe: READING },
];

/**
 * Plans link to people only through actions, which the meetings hook clears; what is left is text
 * typed into the plan, scrubbed through the columns above.
 */
export const plansErasureHook: ErasureHook = { area: 'plans', columns: plansScrubColumns };
