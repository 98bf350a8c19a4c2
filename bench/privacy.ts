import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../main/store/database';
import type { Measurement } from './lib';
import { measure } from './lib';
import type { BenchSuite } from './suites';

/**
 * Erasure at scale: the preview (reads every declared text column) and the erasure itself, which
 * scrubs every declared column, then rewrites the file (VACUUM) and truncates the WAL. Destructive,
 * so it runs last and erases a different person each run.
 */
export const privacyBench: BenchSuite = {
  name: 'privacy',
  async run({ db, dispatch, dataDir }) {
    const ids = db.prepare('SELECT id, name FROM people ORDER BY id DESC LIMIT 20').all() as { id: number; name: string }[];
    const out: Measurement[] = [];
    if (ids.length < 12) return out;
    let i = 0;
    out.push(
      await measure(
        'privacy: erasure preview (every text column)',
        async () => {
          const r = await dispatch('partners.people.erasurePreview', { id: ids[i++ % ids.length]!.id });
          if (!r.ok) throw new Error('preview failed');
        },
        { runs: 5 },
      ),
    );
    let next = 0;
    const size = fs.statSync(path.join(dataDir, DATABASE_FILE)).size;
    out.push(
      await measure(
        'privacy: erase a person (scrub, VACUUM, WAL truncate)',
        async () => {
          const p = ids[next++]!;
          const r = await dispatch('partners.people.erase', { id: p.id, confirmName: p.name });
          if (!r.ok) throw new Error('erase failed');
        },
        { runs: 5, warmup: 1, note: `database ${(size / 1e6).toFixed(1)} MB` },
      ),
    );
    return out;
  },
};
