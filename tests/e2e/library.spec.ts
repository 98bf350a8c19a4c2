import { expect, expectAccessible, test } from './fixtures';

/** The governance library's documents, as a coordinator meets them: grouped by category, and filled from the example. */

const CATEGORIES = [
  'Terms of reference',
  'Information sharing',
  'Accountability structures',
  'Partnership function',
  'Strategies',
  'Modern slavery statements',
  'Procurement',
];

test.describe.configure({ timeout: 150_000 });

test('the New document dialog groups every template by category', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents' }).click();
  await page.getByRole('button', { name: 'New document' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New document' });
  const select = dialog.getByRole('combobox', { name: 'Template' });
  await expect(select.locator('optgroup')).toHaveCount(CATEGORIES.length);
  const groups = await select.locator('optgroup').evaluateAll((els) => els.map((e) => e.getAttribute('label')));
  expect(groups).toEqual(CATEGORIES);
  for (const title of ['Referral pathway', 'Data protection impact assessment', 'Joint controller arrangement', 'Media protocol'])
    await expect(select.locator('option', { hasText: title })).toHaveCount(1);
  expect(await select.locator('option').count()).toBeGreaterThanOrEqual(15);
  await page.screenshot({ path: test.info().outputPath('new-document-dialog.png') });
  await expectAccessible(page);
});

test('a referral pathway is filled from the example partnership with no gaps', async ({ page, host }) => {
  await page.goto(host.url);
  const main = page.getByRole('navigation', { name: 'Main' });
  await main.getByRole('link', { name: 'Partners' }).click();
  await page.getByRole('button', { name: 'Load example partnership' }).click();
  await page
    .getByRole('dialog', { name: 'Load the example partnership?' })
    .getByRole('button', { name: 'Load the example' })
    .click();
  await expect(page.getByText('Priya Shah').first()).toBeVisible();

  await main.getByRole('link', { name: 'Documents' }).click();
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('link', { name: 'Templates' }).click();
  for (const c of CATEGORIES) await expect(page.getByRole('heading', { level: 2, name: c })).toBeVisible();
  await page.getByRole('button', { name: 'New document from Referral pathway' }).click();
  const dialog = page.getByRole('dialog', { name: 'New document' });
  await dialog.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Referral pathway' })).toBeVisible();
  await page.getByRole('button', { name: 'Fill empty fields with example values' }).click();
  const preview = page.getByRole('article', { name: 'Preview' });
  await expect(preview).toContainText('08000 121 700');
  await expect(preview).toContainText('A child does not need to consent');
  await expect(preview).toContainText('Tom Reilly');
  await expect(preview).not.toContainText('[not yet given');
  await page.screenshot({ path: test.info().outputPath('referral-pathway.png'), fullPage: true });
  await expectAccessible(page);
});
