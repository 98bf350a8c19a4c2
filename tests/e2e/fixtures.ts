import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import type { Database } from 'better-sqlite3';
import { setLogLevel } from '../../main/logger';
import { StoreHolder } from '../../main/store/holder';
import { TEST_KDF } from '../../main/store/keys';

// The store set-up below runs in the test process: keep its log lines out of the test output.
setLogLevel('warn');

export type Host = { url: string; origin: string; token: string; dataDir: string; stop: () => Promise<void> };

/** The passphrase the e2e hosts set up their encrypted store with (through CONCORDAT_PASSPHRASE). */
export const E2E_PASSPHRASE = 'e2e passphrase for the tests';

/**
 * Start the built browser host on a free port with an empty data folder, on an encrypted store that
 * CONCORDAT_PASSPHRASE sets up and unlocks. Pass `passphrase: null` to start without it (the page then
 * shows the set-up or unlock screen).
 */
export async function startHost(
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concordat-e2e-')),
  options: { passphrase?: string | null } = {},
): Promise<Host> {
  const passphrase = options.passphrase === undefined ? E2E_PASSPHRASE : options.passphrase;
  // Set the store up here with the fast test KDF (the key file records it), so each start does not
  // spend seconds in scrypt; store.spec.ts sets up through the screens at production settings.
  if (passphrase !== null) {
    const store = new StoreHolder({ dataDir, kdf: TEST_KDF });
    if (store.state === 'needs-setup') store.setUp(passphrase);
    store.close();
  }
  const env: NodeJS.ProcessEnv = { ...process.env, CONCORDAT_LOG_LEVEL: 'warn' };
  delete env.CONCORDAT_PASSPHRASE;
  if (passphrase !== null) env.CONCORDAT_PASSPHRASE = passphrase;
  const child: ChildProcess = spawn(process.execPath, ['dist/main/web-host.js', '--data-dir', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`browser host did not start: ${stderr}`)), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`browser host exited with ${code}: ${stderr}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.hash.replace('#token=', ''),
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}

export const test = base.extend<{ host: Host }>({
  // Playwright requires the destructuring pattern for a fixture with no dependencies.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const host = await startHost();
    await use(host);
    await host.stop();
    fs.rmSync(host.dataDir, { recursive: true, force: true });
  },
});

/** Open the host's encrypted store from the test process: a second connection, as another program would. */
export function openHostDatabase(dataDir: string, passphrase = E2E_PASSPHRASE): Database {
  const store = new StoreHolder({ dataDir });
  store.unlock(passphrase);
  return store.db();
}

/** Run axe-core on the page and fail on any WCAG 2.x A/AA violation. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}

export { expect };

/** Type an ISO date into a UK-order date field (day, month, year segments), as a person would. */
export async function fillDate(scope: Page | Locator, label: string, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-');
  const page = 'keyboard' in scope ? scope : scope.page();
  await scope.getByRole('group', { name: label, exact: true }).getByRole('spinbutton').first().click();
  await page.keyboard.type(`${d}${m}${y}`);
}

/** Empty a date field, segment by segment, with Backspace. */
export async function clearDate(scope: Page | Locator, label: string): Promise<void> {
  const segments = scope.getByRole('group', { name: label, exact: true }).getByRole('spinbutton');
  for (const segment of await segments.all()) {
    await segment.click();
    for (let i = 0; i < 4; i++) await segment.press('Backspace');
  }
}
