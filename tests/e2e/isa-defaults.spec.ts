import { expect, expectAccessible, test } from './fixtures';

test.describe.configure({ timeout: 150_000 });

test("a party picked from the directory takes its sector's defaults in the form and the preview", async ({ page, host }) => {
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
  await page.getByRole('button', { name: 'New document from Information sharing agreement' }).click();
  const dialog = page.getByRole('dialog', { name: 'New document' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Police and charity agreement');
  await dialog.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Police and charity agreement' })).toBeVisible();

  const preview = page.getByRole('article', { name: 'Preview' });
  for (const [org, n] of [
    ['Northshire Police', 1],
    ['The Salvation Army', 2],
  ] as const) {
    await page.getByRole('button', { name: 'Add party' }).click();
    const party = page.getByRole('group', { name: `party ${n}`, exact: true });
    await party.getByRole('combobox', { name: /^Search organisations for Organisation/ }).fill(org.split(' ').at(-1)!);
    await page.getByRole('option', { name: org }).click();
  }
  const police = page.getByRole('group', { name: 'party 1', exact: true });
  await expect(police).toContainText(
    'Left empty, the document uses: Data Protection Act 2018 Part 3 for law enforcement purposes',
  );
  await expect(police).toContainText('Left empty, the document uses: Senior Information Risk Owner');
  const charity = page.getByRole('group', { name: 'party 2', exact: true });
  await expect(charity).toContainText('Left empty, the document uses: Article 6(1)(ea) recognised legitimate interest');
  await expect(preview).toContainText('Article 6(1)(ea) recognised legitimate interest');
  await expect(preview).toContainText('Data Protection Act 2018 Part 3 for law enforcement purposes');
  await expect(preview).toContainText('OFFICIAL-SENSITIVE');
  await police.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('party-defaults.png') });
  await expectAccessible(page);
});
