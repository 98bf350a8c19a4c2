import path from 'node:path';
import Database from 'better-sqlite3';
import mammoth from 'mammoth';
import { expect, expectAccessible, test } from './fixtures';

/**
 * The template the journey uses. The sample is imported as a file first; once the built-in
 * Information Sharing Agreement is merged, set importFrom to null and key/title to the ISA's.
 */
const TEMPLATE: { key: string; title: string; importFrom: string | null } = {
  key: 'sample-isa',
  title: 'Sample Information Sharing Agreement',
  importFrom: path.resolve('tests/fixtures/templates/sample-isa.json'),
};

// Long journeys: give them room on a busy CI machine.
test.describe.configure({ timeout: 150_000 });

/** The partner directory's screens belong to another area: put two organisations and their contacts straight into the store. */
function seedDirectory(dataDir: string): void {
  const db = new Database(path.join(dataDir, 'concordat.sqlite3'));
  const now = new Date().toISOString();
  db.transaction(() => {
    const org = db.prepare('INSERT INTO organisations (name, sector, created_at, updated_at) VALUES (?, ?, ?, ?)');
    const person = db.prepare('INSERT INTO people (name, created_at, updated_at) VALUES (?, ?, ?)');
    const post = db.prepare(
      'INSERT INTO posts (person_id, organisation_id, job_title, email, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    const police = org.run('Northshire Police', 'police', now, now).lastInsertRowid;
    const council = org.run('Northshire County Council', 'local-authority', now, now).lastInsertRowid;
    post.run(person.run('Alex Morgan', now, now).lastInsertRowid, police, 'Detective Inspector', 'alex@police.example', now);
    post.run(person.run('Jo Williams', now, now).lastInsertRowid, council, 'Head of Safeguarding', 'jo@council.example', now);
  })();
  db.close();
}

test('a document is made from a template, previewed, agreed and exported with its parties', async ({ page, host }) => {
  seedDirectory(host.dataDir);
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No documents yet' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Documents' }).getByRole('link', { name: 'Templates' }).click();
  if (TEMPLATE.importFrom) {
    await page.locator('input[type=file]').setInputFiles(TEMPLATE.importFrom);
    await expect(page.getByText(`Imported “${TEMPLATE.title}”.`)).toBeVisible();
  }
  await page.getByRole('button', { name: `New document from ${TEMPLATE.title}` }).click();
  const dialog = page.getByRole('dialog', { name: 'New document' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Northshire information sharing agreement');
  await dialog.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Northshire information sharing agreement' })).toBeVisible();

  const preview = page.getByRole('article', { name: 'Preview' });
  await expect(preview).toContainText('[not yet given: Purpose]');

  await page.getByRole('textbox', { name: 'Purpose', exact: true }).fill('to keep people safe from exploitation');
  await expect(preview).toContainText('The parties share information to keep people safe from exploitation.');
  await page.getByLabel('Start date').fill('2026-10-05');
  await page.getByRole('checkbox', { name: 'Public task (Article 6(1)(e))' }).check();

  const search = page.getByRole('searchbox', { name: 'Search organisations for Parties' });
  await search.fill('North');
  await page.getByRole('button', { name: 'Add Northshire Police to Parties' }).click();
  await search.fill('Council');
  await page.getByRole('button', { name: 'Add Northshire County Council to Parties' }).click();
  await expect(page.getByRole('list', { name: 'Chosen for Parties' }).getByRole('listitem')).toHaveCount(2);
  await expect(preview.getByRole('listitem').filter({ hasText: 'Northshire County Council' })).toBeVisible();
  await expect(preview).toContainText('5 October 2026');

  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('document-form.png'), fullPage: false });
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Send for review' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Send for review' }).click();
  await expect(page.getByText('The document is now in review.')).toBeVisible();

  await page.getByRole('button', { name: 'Agree…' }).click();
  const agree = page.getByRole('dialog', { name: 'Agree this document' });
  await agree.getByRole('textbox', { name: 'Note' }).fill('Agreed at the partnership board');
  await agree.getByRole('button', { name: 'Agree version' }).click();
  await expect(page.getByText('The document is now agreed as version 1.0.')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Agreed at the partnership board' })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to Word', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Northshire information sharing agreement v1.0.docx');
  const text = (await mammoth.extractRawText({ path: await file.path() })).value;
  expect(text).toContain('Northshire Police');
  expect(text).toContain('Northshire County Council');
  expect(text).toContain('to keep people safe from exploitation');

  // The list shows the agreed document with its parties, and the matrix lists both organisations.
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('link', { name: 'All documents' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Northshire information sharing agreement' });
  await expect(row).toContainText('Agreed');
  await expect(row).toContainText('Northshire County Council, Northshire Police');
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('link', { name: 'Signatory matrix' }).click();
  await expect(page.getByRole('rowheader', { name: 'Northshire Police' })).toBeVisible();
  await expectAccessible(page);
});

test('an invalid template file is explained and nothing is imported', async ({ page, host }) => {
  await page.goto(`${host.url}`);
  await page.getByRole('link', { name: 'Documents' }).click();
  await page.getByRole('link', { name: 'Templates' }).click();
  await page.locator('input[type=file]').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{\n  "format": 1,\n  "key": "Bad Key"\n}\n'),
  });
  await expect(page.getByRole('alert')).toContainText('Nothing was saved');
  await expect(page.getByRole('alert')).toContainText('Line 3 (key)');
  await expect(page.getByRole('heading', { name: 'No templates yet' })).toBeVisible();
  await expectAccessible(page);
});
