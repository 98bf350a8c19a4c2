import { HTTP_INVOKE_PATH, HTTP_TOKEN_HEADER } from '../../shared/contract';
import { expect, expectAccessible, test } from './fixtures';

test('settings are edited through the contract and kept across a reload', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  const name = page.getByRole('textbox', { name: 'Partnership name' });
  await expect(name).toHaveValue('My anti-slavery partnership');
  await name.fill('Northshire Anti-Slavery Partnership');
  await page.getByRole('textbox', { name: 'Area' }).fill('Northshire');
  await page.locator('label').filter({ hasText: 'OFFICIAL-SENSITIVE' }).click();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText('Settings saved.');
  await expectAccessible(page);

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Partnership name' })).toHaveValue('Northshire Anti-Slavery Partnership');
  await expect(page.getByRole('radio', { name: /OFFICIAL-SENSITIVE/ })).toBeChecked();
  await expect(page.getByRole('complementary')).toContainText('Northshire Anti-Slavery Partnership');
});

test('a bad value is explained and nothing is saved', async ({ page, host }) => {
  await page.goto(`${host.url}`);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: 'Coordinator email' }).fill('not-an-email');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Enter an email address like name@example.org')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Coordinator email' })).toHaveValue('');
});

test('a malformed call is refused with invalid_request and changes nothing', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('textbox', { name: 'Partnership name' })).toHaveValue('My anti-slavery partnership');

  const reply = await page.evaluate(
    async ({ path, header, token }) => {
      const res = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [header]: token },
        body: JSON.stringify({ channel: 'settings.update', payload: { name: 'Hacked', extra: true, defaultMarking: 'SECRET' } }),
      });
      return (await res.json()) as { ok: boolean; error: { code: string } };
    },
    { path: HTTP_INVOKE_PATH, header: HTTP_TOKEN_HEADER, token: host.token },
  );
  expect(reply.ok).toBe(false);
  expect(reply.error.code).toBe('invalid_request');

  const noToken = await page.evaluate(
    async (path) => (await fetch(path, { method: 'POST', body: '{}' })).status,
    HTTP_INVOKE_PATH,
  );
  expect(noToken).toBe(401);

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Partnership name' })).toHaveValue('My anti-slavery partnership');
});
