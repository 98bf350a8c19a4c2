import path from 'node:path';
import mammoth from 'mammoth';
import { expect, expectAccessible, test } from './fixtures';

/** The sample template, imported as a file by the template import test. */
const SAMPLE = { title: 'Sample Information Sharing Agreement', file: path.resolve('tests/fixtures/templates/sample-isa.json') };
const ISA_TITLE = 'Information sharing agreement';

// Long journeys: give them room on a busy CI machine.
test.describe.configure({ timeout: 150_000 });

test('the information sharing agreement is filled from the example partnership, agreed and exported with its parties', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  const main = page.getByRole('navigation', { name: 'Main' });

  // Load the invented example partnership from the empty partner directory.
  await main.getByRole('link', { name: 'Partners' }).click();
  await page.getByRole('button', { name: 'Load example partnership' }).click();
  const confirm = page.getByRole('dialog', { name: 'Load the example partnership?' });
  await expect(confirm).toContainText('invented');
  await confirm.getByRole('button', { name: 'Load the example' }).click();
  await expect(page.getByText('Priya Shah').first()).toBeVisible();

  await main.getByRole('link', { name: 'Documents' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('link', { name: 'Templates' }).click();
  await page.getByRole('button', { name: `New document from ${ISA_TITLE}` }).click();
  const dialog = page.getByRole('dialog', { name: 'New document' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Northshire information sharing agreement');
  await dialog.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Northshire information sharing agreement' })).toBeVisible();

  await page.getByRole('button', { name: 'Fill empty fields with example values' }).click();
  const preview = page.getByRole('article', { name: 'Preview' });
  await expect(preview).toContainText('Northshire County Council');
  await expect(page.getByText('Load the example partnership to fill these')).toHaveCount(0);

  // Keep exactly two parties: the police and the county council.
  const parties = page.getByRole('group', { name: /^party \d+$/ });
  while ((await parties.count()) > 2) {
    await page.getByRole('button', { name: `Remove party ${await parties.count()}` }).click();
  }
  await expect(parties).toHaveCount(2);
  await expect(parties.nth(0)).toContainText('Northshire Police');
  await expect(parties.nth(1)).toContainText('Northshire County Council');

  // The preview follows each keystroke.
  const responseTime = page.getByRole('textbox', { name: /^Time to answer a request/ });
  await responseTime.fill('ten working days');
  await expect(preview).toContainText('answers within ten working days');
  await responseTime.pressSequentially(' or fewer');
  await expect(preview).toContainText('answers within ten working days or fewer');
  // An out-of-date reference is pointed out beside the field as it is typed.
  await responseTime.fill('ten working days, as the Data Protection Act 1998 requires');
  const staleNote = page.getByRole('note', { name: 'Out-of-date references' });
  await expect(staleNote).toContainText('Use instead: UK GDPR and the Data Protection Act 2018.');
  await page.screenshot({ path: test.info().outputPath('stale-notice.png'), fullPage: false });
  await responseTime.fill('ten working days or fewer');
  await expect(staleNote).toHaveCount(0);

  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('document-form.png'), fullPage: false });
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Send for review' }).click();
  await expect(page.getByText('The document is now in review.')).toBeVisible();

  await page.getByRole('button', { name: 'Agree…' }).click();
  const agree = page.getByRole('dialog', { name: 'Agree this document' });
  await agree.getByRole('textbox', { name: 'Note' }).fill('Agreed at the partnership board');
  // Any out-of-date references the template still holds are listed and must be acknowledged.
  const acknowledge = agree.getByRole('checkbox', { name: /I have checked these/ });
  if ((await acknowledge.count()) > 0) {
    await expect(agree.getByRole('button', { name: 'Agree version' })).toBeDisabled();
    await page.screenshot({ path: test.info().outputPath('agree-stale.png'), fullPage: false });
    await acknowledge.check();
  }
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
  expect(text).toContain('ten working days or fewer');

  // The list shows the agreed document with exactly its two parties.
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('link', { name: 'All documents' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Northshire information sharing agreement' });
  await expect(row).toContainText('Agreed');
  await expect(row).toContainText('Northshire County Council, Northshire Police');
  await expect(row).not.toContainText('Salvation Army');
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('link', { name: 'Signatory matrix' }).click();
  await expect(page.getByRole('rowheader', { name: 'Northshire Police' })).toBeVisible();
  await expectAccessible(page);
});

test('filling example values with an empty directory offers the example partnership', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents' }).click();
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('link', { name: 'Templates' }).click();
  await page.getByRole('button', { name: `New document from ${ISA_TITLE}` }).click();
  const dialog = page.getByRole('dialog', { name: 'New document' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Trial agreement');
  await dialog.getByRole('button', { name: 'Create draft' }).click();
  await page.getByRole('button', { name: 'Fill empty fields with example values' }).click();
  await expect(page.getByText('Load the example partnership to fill these')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('fill-missing.png') });
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Load example partnership' }).click();
  await page
    .getByRole('dialog', { name: 'Load the example partnership?' })
    .getByRole('button', { name: 'Load the example' })
    .click();
  await expect(page.getByText('Load the example partnership to fill these')).toHaveCount(0);
  await page.getByRole('button', { name: 'Fill empty fields with example values' }).click();
  await expect(page.getByRole('article', { name: 'Preview' })).toContainText('Northshire Police');
  await expect(page.getByText('Load the example partnership to fill these')).toHaveCount(0);
});

test('a template file is imported and can start a document', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents' }).click();
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('link', { name: 'Templates' }).click();
  await page.locator('input[type=file]').setInputFiles(SAMPLE.file);
  await expect(page.getByText(`Imported “${SAMPLE.title}”.`)).toBeVisible();
  await page.getByRole('button', { name: `New document from ${SAMPLE.title}` }).click();
  const dialog = page.getByRole('dialog', { name: 'New document' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Sample agreement');
  await dialog.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sample agreement' })).toBeVisible();
});

test('an invalid template file is explained and nothing is imported', async ({ page, host }) => {
  await page.goto(`${host.url}`);
  await page.getByRole('link', { name: 'Documents' }).click();
  await page.getByRole('link', { name: 'Templates' }).click();
  await expect(page.getByRole('button', { name: `New document from ${ISA_TITLE}` })).toBeVisible();
  const builtIns = await page.getByRole('button', { name: /^New document from / }).count();
  await page.locator('input[type=file]').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{\n  "format": 1,\n  "key": "Bad Key"\n}\n'),
  });
  await expect(page.getByRole('alert')).toContainText('Nothing was saved');
  await expect(page.getByRole('alert')).toContainText('Line 3 (key)');
  // Only the built-in templates are listed: nothing custom was added.
  await expect(page.getByRole('button', { name: /^New document from / })).toHaveCount(builtIns);
  await expect(page.getByText('Customised', { exact: false })).toHaveCount(0);
  await expectAccessible(page);
});

test('a Word document is checked for out-of-date references without being kept', async ({ page, host }) => {
  const { Document, HeadingLevel, Packer, Paragraph } = await import('docx');
  const old = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Legal basis', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Information is shared under the Data Protection Act 1998. Marking: RESTRICTED.'),
          new Paragraph('Send referrals to msu@northshire.gcsx.gov.uk.'),
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(old);
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents' }).click();
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('link', { name: 'Reference checks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reference checks' })).toBeVisible();
  await expect(page.getByText('No out-of-date references')).toBeVisible();
  await page.getByLabel('Word document to check').setInputFiles({
    name: 'Old agreement.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer,
  });
  const result = page.getByRole('region', { name: 'Old agreement.docx' });
  await expect(result).toContainText('3 references in 3 paragraphs look out of date.');
  await expect(result).toContainText('Legal basis: “Data Protection Act 1998”');
  await expect(result).toContainText('Use instead: the organisation');
  await page.screenshot({ path: test.info().outputPath('reference-checks.png'), fullPage: true });
  await expectAccessible(page);
});
