import type { Database } from 'better-sqlite3';
import { seedMeetings } from './meetings';
import type { Scale } from './scale';

/** A deterministic pseudo-random generator so every bench run sees the same data. */
export function rng(seed = 42): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Seeder = { name: string; seed: (db: Database, scale: Scale, random: () => number) => void };

/** Seeders for each feature's tables, run in order. Features append theirs here. */
export const seeders: Seeder[] = [
  {
    name: 'settings',
    seed: (db) => {
      db.prepare("UPDATE partnership_settings SET name = 'Benchmark Partnership', area = 'Benchshire' WHERE id = 1").run();
    },
  },
  { name: 'meetings', seed: (db, scale, random) => db.transaction(() => seedMeetings(db, scale, random))() },
];

export function seedAll(db: Database, scale: Scale): Record<string, number> {
  const timings: Record<string, number> = {};
  for (const s of seeders) {
    const t0 = performance.now();
    s.seed(db, scale, rng());
    timings[s.name] = performance.now() - t0;
  }
  return timings;
}
