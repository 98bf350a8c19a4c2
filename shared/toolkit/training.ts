import { z } from 'zod';
import { webAddress } from './resources';
import { hasControlCharacters } from '../contract/common';

const singleLine = (v: string) => !hasControlCharacters(v, false);
const NO_CONTROL = 'Remove the control characters from this text';

export const COURSE_AUDIENCES = [
  { key: 'first-responders', label: 'First responders' },
  { key: 'frontline', label: 'Frontline staff' },
  { key: 'managers', label: 'Managers' },
  { key: 'business', label: 'Business' },
] as const;
export type CourseAudience = (typeof COURSE_AUDIENCES)[number]['key'];
export const COURSE_AUDIENCE_KEYS = COURSE_AUDIENCES.map((a) => a.key) as [CourseAudience, ...CourseAudience[]];
export const courseAudienceLabel = (k: string) => COURSE_AUDIENCES.find((a) => a.key === k)?.label ?? k;

export const COURSE_COSTS = ['free', 'paid', 'unknown'] as const;
export type CourseCost = (typeof COURSE_COSTS)[number];
export const COURSE_COST_LABELS: Record<CourseCost, string> = { free: 'Free', paid: 'Paid', unknown: 'Not known' };

export const courseInput = z
  .object({
    title: z.string().trim().min(1, 'Give the course a title').max(200).refine(singleLine, NO_CONTROL),
    provider: z.string().trim().max(200).refine(singleLine, NO_CONTROL).default(''),
    format: z.string().trim().max(100).refine(singleLine, NO_CONTROL).default(''),
    audience: z.enum(COURSE_AUDIENCE_KEYS),
    length: z.string().trim().max(100).refine(singleLine, NO_CONTROL).default(''),
    cost: z.enum(COURSE_COSTS).default('unknown'),
    url: z.union([webAddress, z.literal('')]).default(''),
    firstResponder: z.boolean().default(false),
    refresherMonths: z.number().int().min(1).max(120).nullable().default(null),
  })
  .strict();
export type CourseInput = z.output<typeof courseInput>;

export const courseCatalogueSchema = z
  .object({
    version: z.number().int().positive(),
    courses: z.array(courseInput.extend({ key: z.string().regex(/^[a-z0-9-]+$/) })).min(1),
  })
  .strict();

export type Course = CourseInput & { id: number; uid: string; version: number };

export type TrainingRecord = {
  id: number;
  uid: string;
  personId: number;
  personName: string;
  organisationId: number | null;
  organisationName: string;
  courseId: number;
  courseTitle: string;
  trainedOn: string;
  refresherDue: string | null;
  notes: string;
  certificate: { name: string } | null;
};

export type DelegateCount = {
  id: number;
  organisationId: number;
  organisationName: string;
  courseId: number;
  courseTitle: string;
  trainedOn: string;
  delegates: number;
};

export type TrainingMatrix = {
  courses: { id: number; title: string; firstResponder: boolean }[];
  /** People trained (distinct) plus delegates counted, per course, in the same order as courses. */
  organisations: { id: number; name: string; cells: number[]; firstResponders: number }[];
  refreshersDue: { recordId: number; personName: string; organisationName: string; courseTitle: string; refresherDue: string }[];
};

/** Add whole months to a YYYY-MM-DD date, keeping to the last day of a shorter month. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** CSV columns for importing courses; the header names are matched case-insensitively. */
export const COURSE_CSV_COLUMNS = ['title', 'provider', 'format', 'audience', 'length', 'cost', 'link'] as const;
