import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { expect, expectAccessible, test } from './fixtures';

const text = async (zip: JSZip, part: string) =>
  (await zip.file(part)!.async('string')).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

test('the example partnership’s annual report is drafted, written, previewed with its charts, exported and converted', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000);
  const year = new Date().getFullYear();
  await page.goto(host.url);
  const main = page.getByRole('navigation', { name: 'Main' });
  await main.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Load example partnership' }).click();
  await page
    .getByRole('dialog', { name: 'Load the example partnership?' })
    .getByRole('button', { name: 'Load the example' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Added 7 organisations and 11 people.' })).toBeVisible();

  // Plans → Annual reports → draft this year's.
  await main.getByRole('link', { name: 'Plans' }).click();
  await page.getByRole('navigation', { name: 'Plans sections' }).getByRole('link', { name: 'Annual reports' }).click();
  await expect(page.getByRole('heading', { name: 'Annual reports', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No reports yet' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: `Draft the ${year} report` }).click();
  await expect(page.getByRole('heading', { name: `Annual report ${year}`, level: 1 })).toBeVisible();

  // Figures from the records, with charts.
  const figures = page.getByRole('table', { name: 'The year in figures' });
  await expect(figures.getByRole('row', { name: /Member organisations at the year end 7/ })).toBeVisible();
  await expect(figures.getByRole('row', { name: /Meetings held \d+/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Attendance at meetings by sector/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Member organisations by sector/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Actions completed and overdue/ })).toBeVisible();

  // A written section saves itself.
  await page
    .getByRole('textbox', { name: 'Progress' })
    .fill(
      'The board met three times and agreed its information-sharing agreement.\n\nFirst responder training reached every district.',
    );
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved.' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Problems' }).fill('Aisha Khan noted that two partners were slow to return.');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved.' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('report-figures.png'), fullPage: true });
  await expectAccessible(page);

  // Preview, with its charts.
  await page.getByRole('button', { name: 'Show preview' }).click();
  const preview = page.getByRole('article', { name: 'Preview of the report' });
  await expect(preview.getByRole('heading', { name: '1. The year in figures' })).toBeVisible();
  await expect(preview.getByText('First responder training reached every district.')).toBeVisible();
  await expect(preview.getByRole('img', { name: /^Attendance at meetings by sector/ })).toBeVisible();
  await expect(preview.getByText('Two joint operations with the GLAA', { exact: false })).toBeVisible();
  await preview.getByRole('img', { name: /^Attendance at meetings by sector/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('report-preview.png') });
  await expectAccessible(page);

  // Public version: no names.
  await page.getByRole('checkbox', { name: 'Public version' }).check();
  const publicPreview = page.getByRole('article', { name: 'Preview of the public version' });
  await expect(publicPreview.getByText('[name removed] noted that two partners were slow to return.')).toBeVisible();
  await expect(publicPreview.getByText('Aisha Khan')).toHaveCount(0);

  // Export the full report and read it back.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export report' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`Northshire Anti-Slavery Partnership annual report ${year}.docx`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concordat-report-'));
  const docx = path.join(dir, 'report.docx');
  await file.saveAs(docx);
  const zip = await JSZip.loadAsync(fs.readFileSync(docx));
  const body = await text(zip, 'word/document.xml');
  for (const heading of [
    '1. The year in figures',
    '2. Membership',
    '3. Meetings and attendance',
    '9. What partners reported',
    '10. Progress',
  ])
    expect(body).toContain(heading);
  expect(body).toContain('Meetings held');
  expect(body).toContain('First responder training reached every district.');
  const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/') && n.endsWith('.png'));
  expect(media.length).toBeGreaterThanOrEqual(3);

  // Export the public version: no person's name or email from the example.
  const publicDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export public version' }).click();
  const publicFile = await publicDownload;
  const publicZip = await JSZip.loadAsync(fs.readFileSync(await publicFile.path()));
  const publicText = (
    await Promise.all(
      Object.keys(publicZip.files)
        .filter((n) => n.endsWith('.xml'))
        .map((n) => publicZip.file(n)!.async('string')),
    )
  ).join(' ');
  for (const name of ['Aisha Khan', 'Priya Shah', 'Grace Okafor', 'James Whitfield', '@']) expect(publicText).not.toContain(name);
  expect(publicText).toContain('OFFICIAL');
  expect(publicText).not.toContain('OFFICIAL-SENSITIVE');

  // LibreOffice opens it and converts it to PDF; render it to look at.
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${fs.mkdtempSync(path.join(os.tmpdir(), 'lo-'))}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      docx,
    ],
    { timeout: 120_000, stdio: 'ignore' },
  );
  const pdf = path.join(dir, 'report.pdf');
  expect(fs.statSync(pdf).size).toBeGreaterThan(10_000);
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, test.info().outputPath('report-page')], { timeout: 60_000 });

  // Partner returns: export a form and type the answers in.
  await page.getByRole('link', { name: 'Partner returns' }).first().click();
  await expect(page.getByRole('heading', { name: `Partner returns ${year}`, level: 1 })).toBeVisible();
  const council = page.getByRole('row', { name: /Northshire County Council/ });
  await expect(council.getByText('Outstanding')).toBeVisible();
  const formDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the return form for Northshire Fire and Rescue Service' }).click();
  const form = await formDownload;
  const formZip = await JSZip.loadAsync(fs.readFileSync(await form.path()));
  const formBody = await text(formZip, 'word/document.xml');
  expect(formBody).toContain(`Partner agency return ${year}`);
  expect(formBody).toContain('1. Pursue');
  await expect(page.getByRole('row', { name: /Northshire Fire and Rescue Service/ }).getByText('Outstanding')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Enter answers from Northshire County Council' }).click();
  const dialog = page.getByRole('dialog', { name: `Return from Northshire County Council, ${year}` });
  await dialog.getByRole('textbox', { name: 'Protect' }).fill('Safeguarding leads trained in every locality.');
  await page.screenshot({ path: test.info().outputPath('return-dialog.png') });
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Save the return' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(council.getByText('Returned')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('returns.png'), fullPage: true });
});
