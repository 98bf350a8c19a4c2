/*
 * The meetings area's store, one module a record kind: meetings and their groups, the agenda with
 * its papers, minutes and decisions, attendance, the action log and the share log. rows.ts holds
 * what they share. Importers take everything from here.
 */

export type { OwnerRef } from './rows';
export * from './meeting-rows';
export * from './agenda-rows';
export * from './attendance-rows';
export * from './action-rows';
export * from './share-log';
export * from './meeting-detail';
