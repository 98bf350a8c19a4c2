import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRASH_PASSPHRASE, runCrashTest } from '../../../bench/crash';
import { TEST_KDF } from '../../../main/store/keys';
import { createAppStore } from '../../../main/store/open-store';
import { tempDir } from '../../helpers/db';

describe('crash test', () => {
  it('20 kill -9 of the browser host during writes through the HTTP contract: no acknowledged write lost, integrity ok', async () => {
    const dir = tempDir();
    const run = await runCrashTest(dir, 20);
    expect(run.acknowledged.length).toBeGreaterThan(100);
    expect(run.failedCalls).toBe(0);

    const { store, backups } = createAppStore({ dataDir: dir, kdf: TEST_KDF });
    store.unlock(CRASH_PASSPHRASE);
    try {
      const db = store.db();
      const stored = new Set((db.prepare('SELECT name FROM people').all() as { name: string }[]).map((r) => r.name));
      const lost = run.acknowledged.filter((n) => !stored.has(n));
      expect(lost).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // A kill is an unclean stop, never damage: nothing was quarantined, nothing to report.
      expect(fs.existsSync(path.join(dir, 'quarantine'))).toBe(false);
      expect(backups.notices.all()).toEqual([]);
    } finally {
      store.close();
    }
  }, 240_000);
});
