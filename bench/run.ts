import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { handlers } from '../main/handlers';
import { createDispatcher } from '../main/ipc/dispatcher';
import type { HostServices } from '../main/ipc/dispatcher';
import { setLogLevel } from '../main/logger';
import crypto from 'node:crypto';
import { DATABASE_FILE } from '../main/store/database';
import { PASSPHRASE_ENV, StoreHolder, openKeyed } from '../main/store/holder';
import { startWebHost } from '../main/web-host/server';
import { HTTP_INVOKE_PATH, HTTP_TOKEN_HEADER } from '../shared/contract';
import { formatTable, measure } from './lib';
import type { Measurement } from './lib';
import { SCALES } from './scale';
import { seedAll } from './seed';
import { benches } from './suites';

setLogLevel('warn');
const scaleName = process.argv.find((a) => a.startsWith('--scale='))?.split('=')[1] ?? 'default';
const only = process.argv.find((a) => a.startsWith('--only='))?.split('=')[1];
const scale = SCALES[scaleName];
if (!scale) throw new Error(`Unknown scale "${scaleName}". Choose one of: ${Object.keys(SCALES).join(', ')}`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concordat-bench-'));
const results: Measurement[] = [];
try {
  console.log(`Concordat bench, scale "${scaleName}": ${JSON.stringify(scale)}`);
  const t0 = performance.now();
  // The bench runs on an encrypted store, like the app (CONCORDAT_PASSPHRASE, else a bench passphrase).
  const store = new StoreHolder({ dataDir });
  store.setUp(process.env[PASSPHRASE_ENV] ?? 'concordat bench passphrase');
  const key = store.key();
  const seedTimes = seedAll(store.db(), scale);
  store.lock();
  const size = fs.statSync(path.join(dataDir, DATABASE_FILE)).size;
  console.log(
    `Seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s (${Object.entries(seedTimes)
      .map(([k, v]) => `${k} ${v.toFixed(0)} ms`)
      .join(', ')}); database ${(size / 1e6).toFixed(1)} MB`,
  );

  if (!only || only === 'spine') {
    results.push(
      await measure(
        'store: open + raw key + migrate + quick_check (existing, seeded)',
        () => openKeyed(path.join(dataDir, DATABASE_FILE), key).close(),
        { runs: 7, note: 'KDF apart: see store: KDF' },
      ),
    );
    const freshDirs: string[] = [];
    results.push(
      await measure(
        'store: create + migrate a new database',
        () => {
          const d = fs.mkdtempSync(path.join(os.tmpdir(), 'concordat-bench-new-'));
          freshDirs.push(d);
          openKeyed(path.join(d, DATABASE_FILE), crypto.randomBytes(32)).close();
        },
        { runs: 7 },
      ),
    );
    for (const d of freshDirs) fs.rmSync(d, { recursive: true, force: true });
  }

  store.unlockWithKey(key);
  const db2 = store.db();
  const host: HostServices = {
    kind: 'browser',
    appVersion: 'bench',
    dataDir,
    saveFile: async ({ suggestedName, mimeType, bytes }) => ({
      status: 'download',
      fileName: suggestedName,
      mimeType,
      base64: Buffer.from(bytes).toString('base64'),
    }),
  };
  const dispatch = createDispatcher(handlers, { store, host });
  if (!only || only === 'spine') {
    const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concordat-bench-static-'));
    const web = await startWebHost({ dispatch, staticDir });
    const call = async (channel: string, payload: unknown) => {
      const res = await fetch(`http://127.0.0.1:${web.port}${HTTP_INVOKE_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [HTTP_TOKEN_HEADER]: web.token },
        body: JSON.stringify({ channel, payload }),
      });
      const json = (await res.json()) as { ok: boolean };
      if (!json.ok) throw new Error(`${channel} failed`);
    };
    results.push(
      await measure('browser host: contract round trip (settings.get)', () => call('settings.get', {}), {
        runs: 200,
        warmup: 20,
      }),
    );
    results.push(
      await measure('in process: dispatch (settings.get)', () => dispatch('settings.get', {}), { runs: 200, warmup: 20 }),
    );
    await web.close();
    fs.rmSync(staticDir, { recursive: true, force: true });
  }
  for (const suite of benches) {
    if (only && only !== suite.name) continue;
    results.push(...(await suite.run({ db: db2, dispatch, dataDir, scale, store })));
  }
  store.close();

  console.log(`\n${formatTable(results)}\n`);
  const outDir = path.resolve('bench/results');
  fs.mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, `bench-${scaleName}.json`);
  fs.writeFileSync(
    out,
    JSON.stringify(
      { at: new Date().toISOString(), scale: scaleName, node: process.version, cpus: os.cpus().length, results },
      null,
      2,
    ),
  );
  console.log(`Written to ${path.relative(process.cwd(), out)}`);
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
