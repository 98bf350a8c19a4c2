/*
 * How senior a job title sounds, to suggest who signs for an organisation. Only a suggestion: the
 * form shows it prefilled and the coordinator can pick someone else.
 */
const RANKS: readonly [RegExp, number][] = [
  [/\b(chief executive|chief constable|chief fire officer|chief officer|ceo|managing director|accounting officer)\b/i, 100],
  [/\b(police and crime commissioner|commissioner|chair|president)\b/i, 95],
  [/\b(deputy chief|assistant chief|executive director|director|chief)\b/i, 90],
  [/\b(deputy director|assistant director)\b/i, 85],
  [/\b(head of|head)\b/i, 80],
  [/\b(superintendent|chief inspector)\b/i, 75],
  [/\b(senior manager|service manager|general manager)\b/i, 70],
  [/\b(manager|lead|principal)\b/i, 60],
  [/\b(inspector|team leader|coordinator|co-ordinator)\b/i, 50],
  [/\b(senior|officer|sergeant)\b/i, 40],
];

export function seniorityRank(jobTitle: string): number {
  const t = jobTitle.trim();
  if (t === '') return 0;
  // "Deputy director" must not count as a director: look for the qualified forms first.
  if (/\b(deputy|assistant)\s+director\b/i.test(t)) return 85;
  if (/\b(deputy|assistant)\s+chief\b/i.test(t)) return 90;
  for (const [re, rank] of RANKS) if (re.test(t)) return rank;
  return 10;
}

/** The most senior of several, keeping the first on a tie (callers pass them in a stable order). */
export function mostSenior<T extends { jobTitle: string }>(items: readonly T[]): T | null {
  let best: T | null = null;
  let bestRank = -1;
  for (const item of items) {
    const r = seniorityRank(item.jobTitle);
    if (r > bestRank) {
      best = item;
      bestRank = r;
    }
  }
  return best;
}
