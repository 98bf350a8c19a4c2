import type { Action, FourP } from '../meetings/model';

/** The plans area's records as the renderer and the papers see them. Pure types and rules. */
export const PLAN_STATUSES = ['draft', 'agreed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = { draft: 'Draft', agreed: 'Agreed' };

export const DIRECTIONS = ['higher', 'lower'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const DIRECTION_LABELS: Record<Direction, string> = { higher: 'Higher is better', lower: 'Lower is better' };

export const FREQUENCIES = ['monthly', 'quarterly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const FREQUENCY_LABELS: Record<Frequency, string> = { monthly: 'Monthly', quarterly: 'Quarterly', yearly: 'Yearly' };

export const COMPUTED_SOURCES = [
  'meetings_held',
  'attendance_by_sector',
  'isa_signed',
  'actions_on_time',
  'people_trained',
  'resources_shared',
] as const;
export type ComputedSource = (typeof COMPUTED_SOURCES)[number];
export const INDICATOR_SOURCES = ['manual', ...COMPUTED_SOURCES] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

/** What each source measures, in words, with the unit it reads in. */
export const SOURCE_INFO: Record<IndicatorSource, { label: string; unit: string; explain: string }> = {
  manual: { label: 'Entered by hand', unit: '', explain: 'You enter a reading for each period, from figures you get elsewhere.' },
  meetings_held: {
    label: 'Meetings held',
    unit: 'meetings',
    explain: 'Meetings in the period that were not cancelled and have ended.',
  },
  attendance_by_sector: {
    label: 'Attendance by sector',
    unit: '%',
    explain:
      'Of the sectors your current members come from, the share with a member organisation present at a meeting in the period.',
  },
  isa_signed: {
    label: 'Members who signed the ISA',
    unit: '%',
    explain:
      'Of the current members, the share recorded as signing the agreed information sharing agreement (as it stands today).',
  },
  actions_on_time: {
    label: 'Actions done on time',
    unit: '%',
    explain:
      'Of the actions due in the period (dropped ones aside), the share marked done by their due date. The action’s last change stands in for the day it was done.',
  },
  people_trained: {
    label: 'People trained',
    unit: 'people',
    explain: 'People with a training record in the period, plus delegates counted without a record.',
  },
  resources_shared: {
    label: 'Resources shared',
    unit: 'resources',
    explain: 'Resources the partnership added to the library in the period, plus newsletters sent.',
  },
};

export type Plan = {
  id: number;
  uid: string;
  version: number;
  title: string;
  startsOn: string;
  endsOn: string;
  vision: string;
  status: PlanStatus;
  agreedAt: string | null;
  numberingFrozenAt: string | null;
  updatedAt: string;
};

export type PlanSummary = Plan & { priorities: number; objectives: number; indicators: number };

export type Reading = {
  id: number;
  uid: string;
  version: number;
  periodLabel: string;
  periodEnd: string;
  value: number;
  note: string;
};

export type Rag = 'green' | 'amber' | 'red' | 'no_data';
export const RAG_LABELS: Record<Rag, string> = { green: 'Green', amber: 'Amber', red: 'Red', no_data: 'No readings yet' };

/** An indicator as stored (main's row); `Indicator` adds what is worked out from the readings. */
export type IndicatorFields = {
  id: number;
  uid: string;
  version: number;
  priorityId: number;
  objectiveId: number | null;
  position: number;
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  direction: Direction;
  frequency: Frequency;
  source: IndicatorSource;
};

export type Indicator = IndicatorFields & {
  /** Entered readings for a manual indicator; computed ones for the plan's period so far. */
  readings: { period: string; periodEnd: string; value: number }[];
  /** Manual readings with their ids, for editing. Empty for computed indicators. */
  entered: Reading[];
  latest: { period: string; value: number } | null;
  rag: Rag;
};

export type Objective = {
  id: number;
  uid: string;
  version: number;
  priorityId: number;
  position: number;
  number: string;
  frozenNumber: string | null;
  text: string;
  actions: Action[];
  indicators: Indicator[];
};

export type Priority = {
  id: number;
  uid: string;
  version: number;
  position: number;
  number: string;
  title: string;
  description: string;
  fourPs: FourP[];
  objectives: Objective[];
  /** Indicators for the priority as a whole. */
  indicators: Indicator[];
};

export type PlanDetail = { plan: Plan; priorities: Priority[] };

// ---- numbering ---------------------------------------------------------------------------------

/**
 * A priority's number is its place in the plan; an objective's is "priority.place" (1.1, 1.2…).
 * Once frozen (the plan agreed or exported), a stored number wins, so references in papers already
 * sent out stay true when items are later reordered.
 */
export function priorityNumber(p: { position: number; frozenNumber: string | null }, index: number): string {
  return p.frozenNumber ?? String(index + 1);
}
export function objectiveNumber(priorityNo: string, o: { frozenNumber: string | null }, index: number): string {
  return o.frozenNumber ?? `${priorityNo}.${index + 1}`;
}

/** The number a new objective takes after the plan's numbering is frozen: one past the highest. */
export function nextFrozenObjectiveNumber(priorityNo: string, existing: readonly (string | null)[]): string {
  const last = existing
    .filter((n): n is string => n !== null && n.startsWith(`${priorityNo}.`))
    .map((n) => Number(n.slice(priorityNo.length + 1)))
    .filter((n) => Number.isInteger(n));
  return `${priorityNo}.${(last.length > 0 ? Math.max(...last) : 0) + 1}`;
}

// ---- status against target ---------------------------------------------------------------------

/** Amber means within this share of the target (10%), on the wrong side of it. */
export const AMBER_MARGIN = 0.1;

export function ragFor(value: number | null, target: number | null, direction: Direction, baseline: number | null = null): Rag {
  if (value === null || target === null) return 'no_data';
  const met = direction === 'higher' ? value >= target : value <= target;
  if (met) return 'green';
  // A target of 0 has no 10% of itself: take the margin from the baseline, else one unit.
  const scale = target !== 0 ? Math.abs(target) : baseline !== null && baseline !== 0 ? Math.abs(baseline) : 1;
  return Math.abs(value - target) <= AMBER_MARGIN * scale ? 'amber' : 'red';
}

export const RAG_RULE_TEXT =
  'Green: the target is met. Amber: within 10% of the target. Red: further off. The direction (higher or lower is better) decides which side counts as met.';

// ---- periods -----------------------------------------------------------------------------------

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export type Period = { label: string; from: string; to: string };

/**
 * Calendar periods of the frequency that overlap [from, to], each clipped to it, oldest first.
 * Quarters are calendar quarters (Jan–Mar…); years are calendar years.
 */
export function periodsIn(frequency: Frequency, from: string, to: string): Period[] {
  if (to < from) return [];
  const out: Period[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const step = frequency === 'monthly' ? 1 : frequency === 'quarterly' ? 3 : 12;
  if (frequency === 'quarterly') m = Math.floor((m - 1) / 3) * 3 + 1;
  if (frequency === 'yearly') m = 1;
  for (let guard = 0; guard < 1200; guard++) {
    const start = `${y}-${pad(m)}-01`;
    if (start > to) break;
    const endMonth = m + step - 1;
    const end = `${y}-${pad(endMonth)}-${pad(lastDay(y, endMonth))}`;
    const label =
      frequency === 'monthly'
        ? `${MONTHS[m - 1]} ${y}`
        : frequency === 'quarterly'
          ? `${MONTHS[m - 1]}–${MONTHS[endMonth - 1]} ${y}`
          : String(y);
    out.push({ label, from: start < from ? from : start, to: end > to ? to : end });
    m += step;
    if (m > 12) {
      m -= 12;
      y++;
    }
  }
  return out;
}

export const formatValue = (value: number, unit: string): string => {
  const n = Number.isInteger(value) ? String(value) : value.toFixed(1);
  if (unit === '%') return `${n}%`;
  return unit ? `${n} ${unit}` : n;
};
