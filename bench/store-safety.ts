import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackup, verifyBackupFile } from '../main/store/backups';
import { openStoreWithRecovery } from '../main/store/damage';
import { DATABASE_FILE } from '../main/store/database';
import { StoreNotices } from '../main/store/notices';
import { openWithKey } from '../main/store/store-access';
import { measure } from './lib';
import type { Measurement } from './lib';
import type { BenchSuite } from './suites';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const summary = (name: string, xs: number[], goalMs?: number, note?: string): Measurement => {
  const s = [...xs].sort((a, b) => a - b);
  return { name, runs: s.length, medianMs: median(s), p95Ms: s.at(-1)!, minMs: s[0]!, goalMs, note };
};

/**
 * Backups, start-up checks and durability on an encrypted copy of the seeded store: open + unlock
 * (raw key) + migrate + fast check through the damage checks (the KDF is in the store suite), one verified backup (write and check apart), the
 * full integrity_check, and commit latency with synchronous FULL against NORMAL.
 */
export const storeSafetyBench: BenchSuite = {
  name: 'store-safety',
  run: async ({ store }) => {
    const out: Measurement[] = [];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concordat-bench-safety-'));
    try {
      // A copy of the seeded (encrypted) store, so these measurements disturb no other suite.
      const live = path.join(dir, DATABASE_FILE);
      store.db().prepare('VACUUM INTO ?').run(live);
      const key = store.key();
      const sizeMb = (fs.statSync(live).size / 1e6).toFixed(1);

      out.push(
        await measure(
          'store: damage checks + open (raw key) + migrate + fast check, encrypted',
          () => openStoreWithRecovery({ dataDir: dir, dbPath: live, key, notices: new StoreNotices() }).close(),
          { runs: 9, goalMs: 100, note: `${sizeMb} MB, KDF apart` },
        ),
      );

      const open = openWithKey(live, key);
      const writes: number[] = [];
      const verifies: number[] = [];
      const backupDir = path.join(dir, 'backups');
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        const meta = createBackup(open, key, backupDir, 'manual', new Date(Date.now() + i * 1000));
        writes.push(performance.now() - t0 - meta.verifyMs);
        verifies.push(meta.verifyMs);
        fs.rmSync(meta.file);
      }
      out.push(summary('backup: write (VACUUM INTO, encrypted)', writes, undefined, `${sizeMb} MB`));
      out.push(summary('backup: verify (open with key + integrity_check)', verifies));
      out.push(
        summary(
          'backup: one verified backup, write + verify',
          writes.map((w, i) => w + verifies[i]!),
          2000,
        ),
      );
      out.push(await measure('store: full integrity_check (encrypted)', () => verifyBackupFile(live, key), { runs: 3 }));

      open.pragma('journal_mode = WAL');
      open.exec('CREATE TABLE IF NOT EXISTS bench_commit (id INTEGER PRIMARY KEY, v TEXT) STRICT');
      const insert = open.prepare('INSERT INTO bench_commit (v) VALUES (?)');
      for (const mode of ['NORMAL', 'FULL'] as const) {
        open.pragma(`synchronous = ${mode}`);
        out.push(
          await measure(`durability: one-row commit, WAL, synchronous=${mode}`, () => insert.run('x'.repeat(200)), {
            runs: 200,
            warmup: 10,
          }),
        );
      }
      open.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return out;
  },
};
