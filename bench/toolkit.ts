import type { Database } from 'better-sqlite3';
import { currentEvidence } from '../main/toolkit/evidence';
import { addLinkResource, seedCatalogue } from '../main/toolkit/resources';
import { RESOURCE_TYPE_KEYS, TOPIC_KEYS } from '../shared/toolkit/resources';
import type { Measurement } from './lib';
import { measure } from './lib';
import { rng } from './seed';
import type { BenchSuite } from './suites';

const WORDS = [
  'labour',
  'exploitation',
  'hand',
  'car',
  'wash',
  'county',
  'lines',
  'children',
  'survivor',
  'support',
  'supply',
  'chains',
  'procurement',
  'police',
  'housing',
  'homelessness',
  'health',
  'referral',
  'mechanism',
  'partnership',
  'training',
  'awareness',
  'agriculture',
  'fishing',
  'nail',
  'bars',
  'cannabis',
  'domestic',
  'servitude',
  'trafficking',
];

const SYLLABLES = ['ka', 'ro', 'mi', 'te', 'lu', 'sa', 'ven', 'dor', 'pli', 'gra', 'sto', 'nel', 'bri', 'for', 'quo', 'zan'];

/**
 * Library entries like a busy partnership's: the shipped catalogue plus thousands of its own. Text
 * mixes a few thousand everyday words (made from syllables) with the sector's words at the rate a
 * real library has them (about one word in twelve), so a search matches a realistic share of entries.
 */
export function seedResources(db: Database, total: number): void {
  const random = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const everyday = Array.from(
    { length: 3000 },
    (_, i) => SYLLABLES[i % 16]! + SYLLABLES[Math.floor(i / 16) % 16]! + SYLLABLES[Math.floor(i / 256) % 16]!,
  );
  const word = () => (random() < 1 / 12 ? pick(WORDS) : pick(everyday));
  const phrase = (n: number) => Array.from({ length: n }, word).join(' ');
  seedCatalogue(db);
  const have = db.prepare('SELECT count(*) FROM toolkit_resources').pluck().get() as number;
  db.transaction(() => {
    for (let i = have; i < total; i++) {
      addLinkResource(db, {
        title: `${phrase(5)} ${i}`,
        publisher: `Publisher ${i % 300}`,
        type: pick(RESOURCE_TYPE_KEYS),
        year: 2010 + (i % 16),
        topics: [pick(TOPIC_KEYS), pick(TOPIC_KEYS)].filter((t, j, a) => a.indexOf(t) === j),
        audience: [],
        summary: `A ${phrase(18)}.`,
        notes: i % 5 === 0 ? phrase(6) : '',
        url: `https://resources.example/${i}`,
      });
    }
  })();
}

export const toolkitBench: BenchSuite = {
  name: 'toolkit',
  async run({ db, dispatch }) {
    const results: Measurement[] = [];
    const call = async (channel: string, payload: unknown) => {
      const r = await dispatch(channel, payload);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value;
    };
    results.push(
      await measure('toolkit: checklist evidence (all rules, from every area)', () => currentEvidence(db, new Date()), {
        runs: 20,
        warmup: 2,
        goalMs: 200,
      }),
      await measure('toolkit: checklist evidence through the contract', () => call('toolkit.checklist.evidence', {}), {
        runs: 20,
        warmup: 2,
        goalMs: 200,
      }),
    );
    const t0 = performance.now();
    seedResources(db, 10_000);
    const note = `10,000 resources (seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s)`;
    const queries = ['car wash', 'county lines children', 'supply', 'tra', 'partnership training awareness', 'homelessness'];
    let q = 0;
    results.push(
      await measure(
        'toolkit: resource search, mixed queries',
        () => call('toolkit.resources.search', { text: queries[q++ % queries.length] }),
        {
          runs: 120,
          warmup: 12,
          goalMs: 10,
          note,
        },
      ),
      await measure(
        'toolkit: resource search, text and topic filter',
        () => call('toolkit.resources.search', { text: 'exploitation', topic: 'labour' }),
        {
          runs: 60,
          warmup: 6,
          goalMs: 10,
        },
      ),
      await measure(
        'toolkit: resource list, filters only (type and year)',
        () => call('toolkit.resources.search', { type: 'report', year: 2019 }),
        {
          runs: 60,
          warmup: 6,
          goalMs: 10,
        },
      ),
    );
    return results;
  },
};
