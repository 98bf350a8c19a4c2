import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test as base } from '@playwright/test';
import { expect, expectAccessible, startHost } from './fixtures';
import type { Host } from './fixtures';
import { StoreHolder } from '../../main/store/holder';
import { TEST_KDF } from '../../main/store/keys';

const test = base;
const shots = process.env.CONCORDAT_SHOTS_DIR;
// Set-up and unlock here run scrypt at production settings; on a loaded CI machine that takes seconds.
const KDF_WAIT = { timeout: 30_000 };
const shot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
};

const PASSPHRASE = 'lantern orchid gravel tuesday';

async function firstLaunch(page: Page, host: Host): Promise<string> {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a passphrase' })).toBeVisible();
  await expect(page.getByText('A forgotten passphrase cannot be recovered.')).toBeVisible();
  await expectAccessible(page);
  const passphrase = page.getByRole('textbox', { name: 'Passphrase', exact: true });
  const again = page.getByRole('textbox', { name: 'Type the passphrase again' });
  await passphrase.fill('password123');
  await expect(page.getByText(/Strength: Weak/)).toBeVisible();
  await again.fill('password12');
  await page.getByRole('button', { name: 'Set passphrase' }).click();
  await expect(page.getByRole('alert')).toHaveText(/not the same/);

  await passphrase.fill(PASSPHRASE);
  await expect(page.getByText(/Strength: (Good|Strong)/)).toBeVisible();
  await again.fill(PASSPHRASE);
  await shot(page, 'store-setup');
  await page.getByRole('button', { name: 'Set passphrase' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Save your recovery key' })).toBeVisible(KDF_WAIT);
  const recoveryKey = (await page.getByRole('figure', { name: 'Your recovery key' }).locator('p').textContent())!.trim();
  expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  const continueButton = page.getByRole('button', { name: 'Continue to Concordat' });
  await expect(continueButton).toBeDisabled();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as text file' }).click();
  const saved = await download;
  const text = fs.readFileSync(await saved.path(), 'utf8');
  expect(text).toContain(recoveryKey);
  await expectAccessible(page);
  await shot(page, 'store-recovery-key');
  await page.getByRole('checkbox', { name: 'I have saved the recovery key somewhere safe' }).check();
  await continueButton.click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible(KDF_WAIT);
  return recoveryKey;
}

async function unlock(page: Page, secret: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock Concordat' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Passphrase' }).fill(secret);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

const dirs: string[] = [];
test.afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
const newDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'concordat-e2e-store-'));
  dirs.push(d);
  return d;
};

test('first launch sets a passphrase; a restart asks for it, refuses a wrong one, and the right one or the recovery key opens', async ({
  page,
}) => {
  // Production scrypt on every set-up and unlock here.
  test.slow();
  const dataDir = newDir();
  let host = await startHost(dataDir, { passphrase: null });
  let recoveryKey = '';
  try {
    recoveryKey = await firstLaunch(page, host);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('textbox', { name: 'Partnership name' }).fill('Northshire Anti-Slavery Partnership');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Settings saved.')).toBeVisible();
  } finally {
    await host.stop();
  }

  // Restart on the same data folder, no passphrase in the environment.
  host = await startHost(dataDir, { passphrase: null });
  try {
    await page.goto(host.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Unlock Concordat' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expectAccessible(page);
    await unlock(page, 'lantern orchid gravel');
    await expect(page.getByRole('alert')).toContainText('not right', KDF_WAIT);
    await shot(page, 'store-unlock-wrong');
    await unlock(page, PASSPHRASE);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible(KDF_WAIT);
    await expect(page.getByRole('complementary')).toContainText('Northshire Anti-Slavery Partnership', KDF_WAIT);

    // Lock now hides everything; the recovery key opens too.
    await page.getByRole('button', { name: 'Lock now' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Unlock Concordat' })).toBeVisible();
    await expect(page.getByText('Northshire Anti-Slavery Partnership')).toHaveCount(0);
    await unlock(page, recoveryKey);
    await expect(page.getByRole('complementary')).toContainText('Northshire Anti-Slavery Partnership', KDF_WAIT);
  } finally {
    await host.stop();
  }
});

test('the recovery key unlocks; Settings changes the passphrase, makes a new recovery key and sets the idle lock', async ({
  page,
}) => {
  // Set up here with the recorded fast KDF (the first test covers set-up at production settings),
  // so the many unlocks below do not spend minutes in scrypt on a loaded machine.
  const dataDir = newDir();
  const setUp = new StoreHolder({ dataDir, kdf: TEST_KDF });
  const { recoveryKey } = setUp.setUp(PASSPHRASE);
  setUp.close();
  const host = await startHost(dataDir, { passphrase: null });
  try {
    await page.clock.install();
    await page.goto(host.url);
    await unlock(page, recoveryKey.toLowerCase());
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible(KDF_WAIT);
    await expect(page.getByText(/unlocked Concordat with the recovery key/)).toBeVisible();

    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Security' })).toBeVisible();
    const form = page.getByRole('form', { name: 'Change passphrase' });
    await form.getByRole('textbox', { name: 'Current passphrase' }).fill('not it at all');
    await form.getByRole('textbox', { name: 'New passphrase', exact: true }).fill('harbour violet kettle number');
    await form.getByRole('textbox', { name: 'Type the new passphrase again' }).fill('harbour violet kettle number');
    await form.getByRole('button', { name: 'Change passphrase' }).click();
    await expect(form.getByRole('alert')).toContainText('not right', KDF_WAIT);
    await form.getByRole('textbox', { name: 'Current passphrase' }).fill(PASSPHRASE);
    await form.getByRole('textbox', { name: 'New passphrase', exact: true }).fill('harbour violet kettle number');
    await form.getByRole('textbox', { name: 'Type the new passphrase again' }).fill('harbour violet kettle number');
    await form.getByRole('button', { name: 'Change passphrase' }).click();
    await expect(form.getByRole('status')).toContainText('Passphrase changed', KDF_WAIT);

    // A handover: a new recovery key replaces the old one.
    await page.getByRole('form', { name: 'New recovery key' }).getByRole('textbox').fill('harbour violet kettle number');
    await page.getByRole('button', { name: 'Make a new recovery key' }).click();
    await expect(page.getByRole('heading', { name: 'Your new recovery key' })).toBeVisible(KDF_WAIT);
    const newKey = (await page.getByRole('figure', { name: 'Your recovery key' }).locator('p').textContent())!.trim();
    expect(newKey).not.toBe(recoveryKey);
    await expectAccessible(page);
    await page.getByRole('checkbox', { name: 'I have saved the new recovery key somewhere safe' }).check();
    await page.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('combobox', { name: 'Lock when not in use' }).selectOption('5');
    await expect(page.getByText('Security settings saved.')).toBeVisible();
    await expectAccessible(page);
    await shot(page, 'store-settings-security');

    // Five idle minutes later the store is locked.
    await page.clock.fastForward('05:30');
    await expect(page.getByRole('heading', { level: 1, name: 'Unlock Concordat' })).toBeVisible();
    await unlock(page, PASSPHRASE);
    await expect(page.getByRole('alert')).toContainText('not right', KDF_WAIT);
    await unlock(page, recoveryKey);
    await expect(page.getByRole('alert')).toContainText('not right', KDF_WAIT);
    await unlock(page, newKey);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible(KDF_WAIT);
  } finally {
    await host.stop();
  }
});
