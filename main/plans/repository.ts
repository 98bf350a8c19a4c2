/*
 * The plans area's store, one module a record kind: plans, priorities, objectives with their links
 * to the action log, indicators with their readings. rows.ts holds what they share: the
 * version-checked edit and the tombstoning remove. Importers take everything from here.
 */

export { PLAN_TABLES } from './rows';
export * from './plan-rows';
export * from './priority-rows';
export * from './objective-rows';
export * from './indicator-rows';
