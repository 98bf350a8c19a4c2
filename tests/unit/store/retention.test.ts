import { describe, expect, it } from 'vitest';
import { backupsToKeep } from '../../../main/store/retention';
import type { RetainedBackup } from '../../../main/store/retention';

const now = new Date('2026-12-01T12:00:00Z');
const hoursAgo = (h: number, size = 10): RetainedBackup => ({
  name: `b-${h}`,
  createdAt: new Date(now.getTime() - h * 3600_000),
  sizeBytes: size,
});
const BIG = 10 ** 12;

describe('backup retention', () => {
  it('keeps every backup from the last 24 hours', () => {
    const list = [0.5, 1, 2, 5, 12, 23.9].map((h) => hoursAgo(h));
    expect(backupsToKeep(list, now, BIG)).toEqual(new Set(list.map((b) => b.name)));
  });

  it('keeps the newest backup of each day for 14 days', () => {
    // Two a day (at 06:00 and 18:00 UTC) from 2 to 13 days ago.
    const list: RetainedBackup[] = [];
    for (let d = 2; d <= 13; d++)
      for (const hour of [6, 18]) {
        const at = new Date(Date.UTC(2026, 11, 1 - d, hour));
        list.push({ name: at.toISOString(), createdAt: at, sizeBytes: 1 });
      }
    const kept = backupsToKeep(list, now, BIG);
    expect(kept.size).toBe(12);
    for (let d = 2; d <= 13; d++) expect(kept.has(new Date(Date.UTC(2026, 11, 1 - d, 18)).toISOString())).toBe(true);
  });

  it('keeps one a week from 14 days to about 3 months, and nothing older', () => {
    // One backup every day from 15 to 120 days ago.
    const list: RetainedBackup[] = [];
    for (let d = 15; d <= 120; d++) {
      const at = new Date(Date.UTC(2026, 11, 1 - d, 9));
      list.push({ name: `d${d}`, createdAt: at, sizeBytes: 1 });
    }
    const kept = [...backupsToKeep(list, now, BIG)];
    const ages = kept.map((n) => Number(n.slice(1))).sort((a, b) => a - b);
    expect(ages.every((a) => a < 92)).toBe(true);
    // Weeks start on Monday: the kept one of each week is its Sunday (the newest), apart from the first partial week.
    for (const a of ages.slice(1)) expect(new Date(Date.UTC(2026, 11, 1 - a)).getUTCDay()).toBe(0);
    expect(ages.length).toBeGreaterThanOrEqual(10);
    expect(ages.length).toBeLessThanOrEqual(12);
  });

  it('trims the oldest kept backups to fit the size cap, but never the newest', () => {
    const list = [1, 2, 3, 4].map((h) => hoursAgo(h, 100));
    expect(backupsToKeep(list, now, 250)).toEqual(new Set(['b-1', 'b-2']));
    expect(backupsToKeep(list, now, 10)).toEqual(new Set(['b-1']));
  });

  it('keeps the newest backup even when every one is older than 3 months', () => {
    const list = [24 * 200, 24 * 300].map((h) => hoursAgo(h));
    expect(backupsToKeep(list, now, BIG)).toEqual(new Set([`b-${24 * 200}`]));
    expect(backupsToKeep([], now, BIG).size).toBe(0);
  });
});
