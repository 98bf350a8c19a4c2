import type { Rag } from './model';

/**
 * One indicator with its readings in a date range and its status against the target: what the
 * annual report and other areas read (main/plans/indicators.ts listIndicatorReports).
 */
export type IndicatorReport = {
  uid: string;
  planUid: string;
  planTitle: string;
  priorityTitle: string;
  /** "1.2" when the indicator belongs to an objective; null for one that belongs to a priority. */
  objectiveNumber: string | null;
  /** The priority's number ("1"). */
  priorityNumber: string;
  name: string;
  unit: string;
  /** 'manual' or one of COMPUTED_SOURCES (shared/plans/model.ts). */
  source: string;
  baseline: number | null;
  target: number | null;
  direction: 'higher' | 'lower';
  frequency: 'monthly' | 'quarterly' | 'yearly';
  /** Oldest first; each period ends inside the range. */
  readings: { period: string; value: number }[];
  latest: { period: string; value: number } | null;
  rag: Rag;
};
