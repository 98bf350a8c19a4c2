import type { Template, TemplateField } from './template-schema';
import type { Block, DocumentTree } from './tree';

/**
 * What stops a document being agreed: every gap left in the RESOLVED document (so a block its
 * conditions switch off does not count), by the label the reader sees. And the review date, which
 * follows from the document's review cycle.
 */

const GAP = /\[not yet given: ([^\]]+)\]/g;

export type Gap = { label: string; count: number };

function blockTexts(b: Block): string[] {
  const runs = (rs: readonly { text: string }[]) => rs.map((r) => r.text).join('');
  switch (b.kind) {
    case 'heading':
      return [b.text];
    case 'paragraph':
    case 'guidance':
      return [runs(b.runs)];
    case 'clause':
      return [b.title ?? '', runs(b.runs)];
    case 'bullets':
      return b.items.map(runs);
    case 'table':
      return [b.caption ?? '', ...b.header, ...b.rows.flatMap((r) => r.map(runs))];
    case 'signatures':
      return b.signatories.flatMap((s) => [s.name, s.position, s.organisation, s.signedOn]);
    default:
      return [];
  }
}

/** Every gap in the document, once per label, in the order they first appear. Guidance blocks are never exported and do not count. */
export function documentGaps(tree: DocumentTree): Gap[] {
  const found = new Map<string, number>();
  for (const b of tree.blocks) {
    if (b.kind === 'guidance') continue;
    for (const text of blockTexts(b)) for (const m of text.matchAll(GAP)) found.set(m[1]!, (found.get(m[1]!) ?? 0) + 1);
  }
  return [...found].map(([label, count]) => ({ label, count }));
}

/** How many months a review cycle option stands for, from its value or its label ("Every two years"). */
const CYCLE_VALUES: Record<string, number> = {
  quarterly: 3,
  everyQuarter: 3,
  everySixMonths: 6,
  sixMonthly: 6,
  twiceAYear: 6,
  annually: 12,
  yearly: 12,
  everyYear: 12,
  everyTwoYears: 24,
  biennially: 24,
  everyThreeYears: 36,
};
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, twelve: 12, eighteen: 18 };

function cycleOf(field: TemplateField, value: unknown): number | null {
  if (typeof value !== 'string') return null;
  if (CYCLE_VALUES[value]) return CYCLE_VALUES[value];
  const label = field.options?.find((o) => o.value === value)?.label.toLowerCase() ?? '';
  if (/^every (year|12 months)\b/.test(label)) return 12;
  const m = /^every (\d+|[a-z]+) (month|year)s?\b/.exec(label);
  if (!m) return null;
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!];
  return n ? n * (m[2] === 'year' ? 12 : 1) : null;
}

/** The template's review-cycle field: a choice field whose key starts with "review" and whose options read as periods. */
export function reviewCycleField(template: Template): TemplateField | undefined {
  return template.fields.find(
    (f) => f.type === 'choice' && /^review/i.test(f.key) && (f.options ?? []).some((o) => cycleOf(f, o.value) !== null),
  );
}

/** Months between reviews, or null when the template has no cycle or none is chosen. */
export function reviewCycleMonths(template: Template, values: Record<string, unknown>): number | null {
  const f = reviewCycleField(template);
  return f ? cycleOf(f, values[f.key]) : null;
}

/** ISO date plus whole months, clamped to the month's end (31 January + 1 month = 28 or 29 February). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The review date a document carries: its cycle from the date it is dated (agreed), or the one set by hand when it has no cycle. */
export function reviewDateFor(
  template: Template,
  values: Record<string, unknown>,
  dated: string,
  setByHand: string | null | undefined,
): string | null {
  const months = reviewCycleMonths(template, values);
  if (months !== null && /^\d{4}-\d{2}-\d{2}$/.test(dated)) return addMonths(dated, months);
  return setByHand || null;
}
