/**
 * The long crash run: `npm run bench:crash -- --kills=120`. Kills the browser host with SIGKILL
 * during writes, then checks every acknowledged write is in the store and integrity_check passes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setLogLevel } from '../main/logger';
import { TEST_KDF } from '../main/store/keys';
import { createAppStore } from '../main/store/open-store';
import { CRASH_PASSPHRASE, runCrashTest } from './crash';

setLogLevel('warn');
const kills = Number(process.argv.find((a) => a.startsWith('--kills='))?.split('=')[1] ?? 120);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concordat-crash-'));
const t0 = performance.now();
const run = await runCrashTest(dir, kills);
const { store, backups } = createAppStore({ dataDir: dir, kdf: TEST_KDF });
store.unlock(CRASH_PASSPHRASE);
const stored = new Set((store.db().prepare('SELECT name FROM people').all() as { name: string }[]).map((r) => r.name));
const lost = run.acknowledged.filter((n) => !stored.has(n));
const integrity = store.db().pragma('integrity_check', { simple: true });
const quarantined = fs.existsSync(path.join(dir, 'quarantine'));
const notices = backups.notices.all().length;
store.close();
const starts = [...run.startsMs].sort((a, b) => a - b);
console.log(
  JSON.stringify(
    {
      kills,
      acknowledged: run.acknowledged.length,
      lost: lost.length,
      failedCalls: run.failedCalls,
      integrity,
      quarantined,
      notices,
      medianStartMs: Math.round(starts[Math.floor(starts.length / 2)] ?? 0),
      seconds: Math.round((performance.now() - t0) / 1000),
    },
    null,
    2,
  ),
);
fs.rmSync(dir, { recursive: true, force: true });
process.exit(lost.length === 0 && integrity === 'ok' && !quarantined && notices === 0 ? 0 : 1);
