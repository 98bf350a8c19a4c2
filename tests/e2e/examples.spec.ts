import { expect, expectAccessible, test } from './fixtures';

test('the example partnership is loaded from Settings, fills the directory and the settings, and loads only once', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  const main = page.getByRole('navigation', { name: 'Main' });
  await main.getByRole('link', { name: 'Partners' }).click();
  await expect(page.getByRole('heading', { name: 'Your partner directory is empty' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load example partnership' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('partners-empty.png') });
  await expectAccessible(page);

  await main.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Try Concordat' })).toBeVisible();
  await page.getByRole('button', { name: 'Load example partnership' }).click();
  const confirm = page.getByRole('dialog', { name: 'Load the example partnership?' });
  await expect(confirm).toContainText('invented');
  await expect(confirm).toContainText('archive or erase');
  await page.screenshot({ path: test.info().outputPath('confirm.png') });
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Load the example' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added 7 organisations and 11 people.' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Partnership name' })).toHaveValue('Northshire Anti-Slavery Partnership');
  await expect(page.getByRole('textbox', { name: 'Coordinator name' })).toHaveValue('Aisha Khan');
  await page.screenshot({ path: test.info().outputPath('settings-loaded.png'), fullPage: true });

  // A second load adds nothing.
  await page.getByRole('button', { name: 'Load example partnership' }).click();
  await page
    .getByRole('dialog', { name: 'Load the example partnership?' })
    .getByRole('button', { name: 'Load the example' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Added 0 organisations and 0 people.' })).toBeVisible();

  await main.getByRole('link', { name: 'Partners' }).click();
  await expect(page.getByText('Grace Okafor').first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('partners-loaded.png') });
});
