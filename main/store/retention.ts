/**
 * Which backups to keep: every backup from the last 24 hours, the newest of each day for 14 days,
 * the newest of each week for about 3 months, then trim the oldest until the total fits the size
 * cap. The newest backup is always kept, even when it alone is over the cap, so the coordinator is
 * never left with nothing. Pure: the same list and "now" always give the same answer.
 */
export type RetainedBackup = { name: string; createdAt: Date; sizeBytes: number };

export const DAY_MS = 24 * 60 * 60 * 1000;
export const RETENTION = { allWithinMs: DAY_MS, dailyForDays: 14, weeklyForDays: 92 } as const;

const dayKey = (d: Date) => d.toISOString().slice(0, 10);
/** Weeks counted from a Monday (1970-01-05 was a Monday), in UTC. */
const weekKey = (d: Date) => String(Math.floor((d.getTime() - Date.UTC(1970, 0, 5)) / (7 * DAY_MS)));

export function backupsToKeep(backups: readonly RetainedBackup[], now: Date, capBytes: number): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const keep: RetainedBackup[] = [];
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const b of newestFirst) {
    const age = now.getTime() - b.createdAt.getTime();
    let kept = false;
    if (age < RETENTION.allWithinMs) kept = true;
    else if (age < RETENTION.dailyForDays * DAY_MS && !days.has(dayKey(b.createdAt))) kept = true;
    else if (age < RETENTION.weeklyForDays * DAY_MS && !weeks.has(weekKey(b.createdAt))) kept = true;
    // Day and week buckets are filled by every backup, so an older one in the same bucket is dropped.
    days.add(dayKey(b.createdAt));
    weeks.add(weekKey(b.createdAt));
    if (kept) keep.push(b);
  }
  if (keep.length === 0 && newestFirst[0]) keep.push(newestFirst[0]);

  let total = keep.reduce((sum, b) => sum + b.sizeBytes, 0);
  while (total > capBytes && keep.length > 1) total -= keep.pop()!.sizeBytes;
  return new Set(keep.map((b) => b.name));
}
