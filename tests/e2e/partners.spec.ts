import fs from 'node:fs';
import path from 'node:path';
import { expect, expectAccessible, test } from './fixtures';

const fixture = (name: string) => path.resolve('tests/fixtures/csv', name);

test('add an organisation and its SPOC, then find them by a fragment of the job title', async ({ page, host }) => {
  // Six accessibility scans: on a loaded two-core machine this walk takes over half the default minute.
  test.slow();
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Partners' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your partner directory is empty' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/partners-empty.png' });

  await page.getByRole('button', { name: 'Add an organisation' }).click();
  const form = page.getByRole('form', { name: 'New organisation' });
  await form.getByRole('button', { name: 'Save organisation' }).click();
  await expect(form.getByText('Enter the organisation name')).toBeVisible();
  await form.getByRole('textbox', { name: 'Organisation name' }).fill('Northshire Police');
  await form.getByLabel('Sector').selectOption('police');
  await form.getByRole('checkbox', { name: 'Pursue' }).check();
  await form.getByRole('textbox', { name: 'Main phone' }).fill('+44 (0)1632 960123');
  await expect(form.getByText('Shown as 01632 960123')).toBeVisible();
  await form.getByRole('textbox', { name: 'Main email' }).fill('not an email');
  await form.getByRole('button', { name: 'Save organisation' }).click();
  await expect(form.getByText('Enter an email address like name@example.org')).toBeVisible();
  await form.getByRole('textbox', { name: 'Main email' }).fill('enquiries@northshire.police.example');
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Save organisation' }).click();

  const detail = page.getByRole('region', { name: 'Northshire Police' });
  await expect(detail.getByRole('heading', { name: 'Northshire Police' })).toBeVisible();
  await expect(detail.getByText('01632 960123')).toBeVisible();
  await expect(detail.getByText('No modern slavery single point of contact')).toBeVisible();

  await detail.getByRole('button', { name: 'Add person' }).click();
  const personForm = page.getByRole('form', { name: 'New person' });
  await personForm.getByRole('textbox', { name: 'Name' }).fill('Priya Sharma');
  await personForm.getByRole('textbox', { name: 'Job title' }).fill('Detective Inspector, Modern Slavery Lead');
  await personForm.getByRole('textbox', { name: 'Work email' }).fill('priya.sharma@northshire.police.example');
  await personForm.getByRole('checkbox', { name: /single point of contact/ }).check();
  await personForm.getByRole('button', { name: 'Save person' }).click();
  await expect(page.getByRole('region', { name: 'Northshire Police' }).getByRole('link', { name: 'Priya Sharma' })).toBeVisible();
  await expect(page.getByText('No modern slavery single point of contact')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/partners-organisation.png' });

  await page.keyboard.press('Control+f');
  await expect(page.getByRole('searchbox', { name: 'Search partners' })).toBeFocused();
  await page.keyboard.type('inspec');
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('link', { name: /Priya Sharma/ })).toBeVisible();
  await expect(results.getByRole('link', { name: /Priya Sharma/ })).toContainText(
    'Detective Inspector, Modern Slavery Lead, Northshire Police',
  );
  await page.getByRole('searchbox', { name: 'Search partners' }).fill('northsh');
  await expect(results.getByRole('link')).toHaveCount(2);
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/partners-search.png' });
  await results.getByRole('link', { name: /Priya Sharma/ }).click();
  await page.getByRole('searchbox', { name: 'Search partners' }).fill('');
  const person = page.getByRole('region', { name: /Priya Sharma/ });
  await expect(person.getByText('Current posts')).toBeVisible();
  await expect(person.getByText('SPOC', { exact: true })).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'People' }).getByRole('option', { name: /Priya Sharma/ })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/partners-person.png' });

  await page.getByRole('link', { name: 'Sector coverage' }).click();
  await expect(page.getByRole('row', { name: /^Police Northshire Police/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /^NHS None/ })).toBeVisible();
  await expectAccessible(page);
});

test('import a CSV with one bad row, see the error, fix it, import, then export CSV', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await page.getByLabel('CSV file').setInputFiles(fixture('one-bad-row.csv'));
  const problems = page.getByRole('region', { name: 'Rows with problems' });
  await expect(problems).toContainText('Line 3: "omar.nasser(at)council.example" is not an email address.');
  await expect(page.getByRole('combobox', { name: 'Field for column Email' })).toHaveValue('email');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/partners-import-bad.png', fullPage: true });
  // Import waits until the coordinator has chosen each new organisation's membership.
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await page.getByLabel('Set every membership to').selectOption('core');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('1 row has a problem, so nothing was imported');
  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { name: 'Your partner directory is empty' })).toBeVisible();

  await page.getByRole('link', { name: 'Import' }).click();
  await page.getByLabel('CSV file').setInputFiles(fixture('one-bad-row-fixed.csv'));
  await expect(page.getByText('3 rows ready to import, creating 2 new organisations.')).toBeVisible();
  // The sector is guessed from the name for the coordinator to confirm; membership is theirs to choose.
  await expect(page.getByLabel('Sector of Northshire Council')).toHaveValue('la-community-safety');
  await page.getByLabel('Set every membership to').selectOption('core');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('3 new people');
  await page.getByRole('button', { name: 'See the people' }).click();
  const list = page.getByRole('listbox', { name: 'People' });
  await expect(list.getByRole('option')).toHaveCount(3);
  await expect(list.getByRole('option', { name: /Omar Nasser/ })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Partner directory \d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = fs.readFileSync(await file.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  const lines = text.split('\r\n');
  expect(lines[0]).toBe(
    'Name,Pronouns,Organisation,Job title,Email,Phone,SPOC,Sector,Membership,Last verified,Source,Lawful basis,Notes',
  );
  expect(lines).toContain(
    'Omar Nasser,,Northshire Council,Housing Officer,omar.nasser@council.example,,No,Local authority: community safety,Core member,,CSV import,,',
  );
  expect(lines).toHaveLength(5);
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toBeVisible();
  await expectAccessible(page);
});

test('erase asks for the name, then leaves no trace in lists or search', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await page.getByLabel('CSV file').setInputFiles(fixture('outlook-export.csv'));
  await page.getByLabel('Set every membership to').selectOption('associate');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('button', { name: 'See the people' }).click();
  await page
    .getByRole('listbox', { name: 'People' })
    .getByRole('option', { name: /Aisha Bello/ })
    .click();
  const person = page.getByRole('region', { name: /Aisha Bello/ });
  await expect(person.getByText('020 7946 0958')).toBeVisible();
  await person.getByRole('button', { name: 'Erase…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Erase permanently' })).toBeDisabled();
  await expectAccessible(page);
  await dialog.getByRole('textbox', { name: 'Type their name to confirm' }).fill('Aisha Bello');
  await dialog.getByRole('button', { name: 'Erase permanently' }).click();
  await expect(page.getByRole('listbox', { name: 'People' }).getByRole('option')).toHaveCount(2);
  await page.getByRole('searchbox', { name: 'Search partners' }).fill('aisha');
  await expect(page.getByText('0 found')).toBeVisible();
});
