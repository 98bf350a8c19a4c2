import type { Database } from 'better-sqlite3';
import { seedPartners } from './partners-seed';
import { templateSnapshot } from '../main/documents/repository';
import { resolve } from '../shared/documents/resolve';
import { benchData, benchTemplate } from './documents';
import { seedMeetings } from './meetings';
import { seedReports } from './reports';
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
  { name: 'partners', seed: (db, scale, random) => db.transaction(() => seedPartners(db, scale, random))() },
  {
    name: 'documents',
    seed: (db, scale, random) => {
      const template = benchTemplate();
      const templateJson = JSON.stringify(template);
      const { context } = benchData();
      const orgIds = db.prepare('SELECT id FROM organisations ORDER BY id LIMIT 200').pluck().all() as number[];
      const statuses = ['draft', 'in_review', 'agreed', 'agreed', 'agreed', 'superseded', 'withdrawn'] as const;
      const day = 86_400_000;
      const base = Date.parse('2026-10-01T00:00:00Z');
      const doc = db.prepare(
        `INSERT INTO documents (title, template_key, template_title, template_snapshot_id, values_json, status, version_label, review_date,
                                marking, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const party = db.prepare('INSERT OR IGNORE INTO document_parties (document_id, organisation_id) VALUES (?, ?)');
      const version = db.prepare(
        `INSERT INTO document_versions (document_id, number, label, agreed_by, agreed_at, note, values_json, template_snapshot_id, tree_json)
         VALUES (?, 1, '1.0', 'Bench Coordinator', ?, '', ?, ?, ?)`,
      );
      db.transaction(() => {
        const snapshot = templateSnapshot(db, templateJson);
        for (let i = 0; i < scale.documents; i++) {
          const status = statuses[Math.floor(random() * statuses.length)]!;
          const parties = orgIds.filter(() => random() < 0.05).slice(0, 40);
          const values = {
            purpose: `Purpose of agreement ${i + 1}: to share information about people at risk of exploitation.`,
            parties,
            dataItems: Array.from({ length: 5 }, (_, j) => ({
              item: `Item ${j + 1}`,
              purpose: 'Safeguarding',
              special: j === 0,
            })),
          };
          const when = new Date(base - Math.floor(random() * 700) * day).toISOString();
          const review = new Date(base + Math.floor(random() * 800 - 100) * day).toISOString().slice(0, 10);
          const label = status === 'draft' || status === 'in_review' ? '0.1' : '1.0';
          const id = Number(
            doc.run(
              `Agreement ${i + 1}`,
              template.key,
              template.title,
              snapshot,
              JSON.stringify(values),
              status,
              label,
              review,
              i % 3 === 0 ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL',
              when,
              when,
            ).lastInsertRowid,
          );
          for (const o of parties) party.run(id, o);
          if (label === '1.0') {
            const tree = resolve(template, values, {
              ...context,
              document: { ...context.document, title: `Agreement ${i + 1}` },
            });
            version.run(id, when, JSON.stringify(values), snapshot, JSON.stringify(tree));
          }
        }
      })();
    },
  },
  { name: 'meetings', seed: (db, scale, random) => db.transaction(() => seedMeetings(db, scale, random))() },
  { name: 'reports', seed: (db, scale, random) => db.transaction(() => seedReports(db, scale, random))() },
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
