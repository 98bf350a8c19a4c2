import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyKey } from '../main/store/cipher';
import { convertPlainDatabase } from '../main/store/convert';
import { DATABASE_FILE } from '../main/store/database';
import { PASSPHRASE_ENV, StoreHolder, openKeyed } from '../main/store/holder';
import { KEY_FILE, PRODUCTION_KDF, deriveKey } from '../main/store/keys';
import { measure } from './lib';
import type { Measurement } from './lib';
import type { BenchSuite } from './suites';

const passphrase = () => process.env[PASSPHRASE_ENV] ?? 'concordat bench passphrase';
const kdfLabel = `N=2^${Math.log2(PRODUCTION_KDF.N)}, r=${PRODUCTION_KDF.r}, p=${PRODUCTION_KDF.p}`;

/**
 * The encrypted store: the KDF on its own (it runs once per unlock, in JavaScript), the open with the
 * raw key (no KDF inside SQLCipher), a whole unlock through the holder, and converting a 0.1 plain
 * database of this scale.
 */
export const storeBench: BenchSuite = {
  name: 'store',
  run: async ({ store, dataDir }) => {
    const results: Measurement[] = [];
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'concordat-bench-store-'));
    try {
      const salt = crypto.randomBytes(16);
      results.push(
        await measure(
          `store: KDF (scrypt ${kdfLabel}), once per unlock`,
          () => deriveKey('a passphrase of typical length', salt, PRODUCTION_KDF),
          {
            runs: 5,
          },
        ),
      );

      // A copy of the seeded store and its key file, so locking and unlocking does not disturb the other suites.
      const copyDir = path.join(work, 'copy');
      fs.mkdirSync(copyDir);
      const copyFile = path.join(copyDir, DATABASE_FILE);
      store.db().prepare('VACUUM INTO ?').run(copyFile);
      fs.copyFileSync(path.join(dataDir, KEY_FILE), path.join(copyDir, KEY_FILE));
      const size = fs.statSync(copyFile).size;
      const key = store.key();
      results.push(
        await measure(
          'store: open + raw key + migrate + quick_check (encrypted, seeded)',
          () => openKeyed(copyFile, key).close(),
          {
            runs: 7,
            note: `${(size / 1e6).toFixed(1)} MB; KDF not included`,
          },
        ),
      );
      const holder = new StoreHolder({ dataDir: copyDir });
      results.push(
        await measure(
          'store: unlock with the passphrase (KDF + open + migrate + quick_check)',
          () => {
            holder.unlock(passphrase());
            holder.lock();
          },
          { runs: 5 },
        ),
      );

      // A plain 0.1 database of the same scale: decrypt a copy (rekey to no key), then convert fresh copies.
      const plainTemplate = path.join(work, 'plain-template.sqlite3');
      fs.copyFileSync(copyFile, plainTemplate);
      const p = new Database(plainTemplate);
      applyKey(p, key);
      p.pragma(`rekey = ''`);
      p.close();
      let n = 0;
      results.push(
        await measure(
          'store: convert a 0.1 plain database (copy, encrypt, verify, replace)',
          () => {
            const target = path.join(work, `convert-${n++}.sqlite3`);
            fs.copyFileSync(plainTemplate, target);
            convertPlainDatabase(target, key);
          },
          { runs: 3, warmup: 0, note: 'once per store, on upgrade' },
        ),
      );
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
    return results;
  },
};
