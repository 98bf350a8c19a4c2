import path from 'node:path';
import mammoth from 'mammoth';
import type { Page } from '@playwright/test';
import type { Host } from './fixtures';
import { expect, expectAccessible, test } from './fixtures';

async function invoke(page: Page, host: Host, channel: string, payload: unknown) {
  const res = await page.request.post(`${host.origin}/api/invoke`, {
    headers: { 'x-concordat-token': host.token },
    data: { channel, payload },
  });
  const body = (await res.json()) as { ok: boolean };
  expect(body.ok).toBe(true);
  return body;
}

async function openToolkit(page: Page, host: Host) {
  await page.goto(host.url);
  await invoke(page, host, 'examples.loadPartnership', {});
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Toolkit' }).click();
}

test('the checklist shows evidence from the example partnership with reasons, saves and exports an assessment', async ({
  page,
  host,
}) => {
  await openToolkit(page, host);
  await expect(page.getByRole('heading', { name: 'Partnership checklist', level: 1 })).toBeVisible();
  const evidence = page.getByRole('region', { name: 'Evidence from your records today' });
  await expect(evidence).toContainText(
    '3 of 6 members have not signed Northshire partnership information sharing agreement: Gangmasters and Labour Abuse Authority, Northshire Fire and Rescue Service and The Salvation Army.',
  );
  await expect(evidence).toContainText(
    '6 of 16 recommended sectors have a current member. Missing: Police and Crime Commissioner',
  );
  await expect(evidence).toContainText('HMRC, Border Force');
  // The strategy questions read the example plan in the Plans area.
  await expect(evidence).toContainText('Northshire anti-slavery strategy: 5 objectives, 5 with activities');
  await expect(evidence.getByRole('link', { name: 'Open Northshire anti-slavery strategy' }).first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('checklist.png'), fullPage: true });
  await expectAccessible(page);

  // Answer two questions, save, and land on the dated assessment.
  await page
    .getByRole('radiogroup', { name: /^1\. Have the members agreed/ })
    .getByText('Yes', { exact: true })
    .click();
  await page.getByRole('textbox', { name: 'Notes on question 1', exact: true }).fill('Agreed in the terms of reference');
  await page
    .getByRole('radiogroup', { name: /^3\. Do people with lived experience/ })
    .getByText('Partly', { exact: true })
    .click();
  await page.getByText('Resources for question 1', { exact: true }).click();
  await page.getByRole('searchbox', { name: 'Find a resource to attach to question 1' }).fill('Collaborating for freedom');
  await page.getByRole('button', { name: /^Attach Collaborating for freedom/ }).click();
  await page.getByRole('button', { name: 'Save assessment' }).first().click();
  await expect(page.getByRole('heading', { name: /^Assessment of / })).toBeVisible();
  await expect(page.getByText('This is the first saved assessment')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Notes on question 1', exact: true })).toHaveValue(
    'Agreed in the terms of reference',
  );

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as Word' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Partnership checklist \d{4}-\d{2}-\d{2}\.docx$/);
  const text = (await mammoth.extractRawText({ path: await file.path() })).value;
  expect(text).toContain('3 of 6 members have not signed');
  expect(text).toContain('Agreed in the terms of reference');

  // Gaps become actions in the action log.
  await page.getByRole('button', { name: 'Turn gaps into actions' }).click();
  const dialog = page.getByRole('dialog', { name: 'Turn gaps into actions' });
  await dialog.getByRole('checkbox', { name: /Information sharing agreement signed by every member/ }).check();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: /to the action log/ }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 action added to the action log.' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('assessment.png'), fullPage: true });
});

test('the library finds the hand car wash research, asks before opening a link, and keeps a local PDF', async ({
  page,
  host,
}) => {
  await openToolkit(page, host);
  await page.getByRole('navigation', { name: 'Toolkit sections' }).getByRole('link', { name: 'Resources' }).click();
  await page.getByRole('searchbox', { name: 'Search the library' }).fill('car wash');
  const list = page.getByRole('list', { name: 'Resources' });
  await expect(list.getByRole('heading', { name: 'Modern slavery in hand car washes in the UK' })).toBeVisible();
  await expect(
    list.getByRole('heading', { name: 'Safe Car Wash App: analysis of reports from June to December 2018' }),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('library-search.png'), fullPage: true });
  await expectAccessible(page);

  await page.getByRole('searchbox', { name: 'Search the library' }).fill('Localism');
  await list.getByRole('button', { name: 'Open link: Localism Act 2011' }).click();
  const ask = page.getByRole('dialog', { name: 'Open this address in your browser?' });
  await expect(ask).toContainText('https://www.legislation.gov.uk/ukpga/2011/20/contents/enacted');
  await expectAccessible(page);
  await ask.getByRole('button', { name: 'Cancel' }).click();

  // Put it on the coming board meeting's agenda as a paper.
  await list.getByRole('button', { name: 'Add to a meeting’s papers: Localism Act 2011' }).click();
  const attach = page.getByRole('dialog', { name: 'Add to a meeting’s papers' });
  await attach.getByLabel('Meeting').selectOption({ index: 1 });
  await attach.getByLabel('Agenda item').selectOption({ index: 1 });
  await expectAccessible(page);
  await attach.getByRole('button', { name: 'Add as a paper' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added “Localism Act 2011” as a paper for' })).toBeVisible();

  await page.getByRole('button', { name: 'Add a file' }).click();
  const add = page.getByRole('dialog', { name: 'Add a file' });
  await add.getByLabel(/^File/).setInputFiles(path.resolve('tests/fixtures/toolkit/local-protocol.pdf'));
  await add.getByRole('textbox', { name: 'Title' }).fill('Northshire referral protocol');
  await add.getByRole('textbox', { name: 'Summary' }).fill('Our local steps for referring adults for support.');
  await expectAccessible(page);
  await add.getByRole('button', { name: 'Add file' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Added “Northshire referral protocol” to the library.' }),
  ).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search the library' }).fill('referral protocol');
  await expect(list.getByRole('heading', { name: 'Northshire referral protocol' })).toBeVisible();
  const download = page.waitForEvent('download');
  await list.getByRole('button', { name: 'Save a copy: Northshire referral protocol' }).click();
  expect((await download).suggestedFilename()).toBe('local-protocol.pdf');
});

test('training is recorded for a person and shows in the matrix, with a certificate', async ({ page, host }) => {
  await openToolkit(page, host);
  await page.getByRole('navigation', { name: 'Toolkit sections' }).getByRole('link', { name: 'Training' }).click();
  await expect(page.getByRole('heading', { name: 'Training matrix' })).toBeVisible();
  const matrix = page.getByRole('table', { name: /People trained in the last three years/ });
  await expect(matrix.getByRole('row', { name: /Northshire Fire and Rescue Service/ })).toContainText('14');

  await page.getByRole('combobox', { name: 'Person' }).fill('Martin');
  // A click on the option, as a person would (the list no longer swaps under the pointer while the search runs).
  await page.getByRole('option', { name: /Martin Hughes/ }).click();
  await expect(page.getByRole('combobox', { name: 'Person' })).toHaveValue(/Martin Hughes/);
  // Escape puts back the name chosen and the list stays shut. Checked here, in the browser: there
  // React can apply one key handler's update before the next handler runs, which jsdom never shows.
  const person = page.getByRole('combobox', { name: 'Person' });
  await person.press('End');
  await person.pressSequentially('x');
  await expect(page.getByRole('listbox')).toBeVisible();
  await person.press('Escape');
  await expect(person).toHaveValue('Martin Hughes');
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await expect(person).toBeFocused();
  await page
    .getByRole('form', { name: 'Record a person’s training' })
    .getByRole('combobox', { name: 'Course' })
    .selectOption({ label: 'First responder training: identifying victims and making referrals' });
  await page.getByRole('button', { name: 'Record training' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Recorded First responder training' })).toBeVisible();
  const nhs = matrix.getByRole('row', { name: /NHS Northshire Integrated Care Board/ });
  await expect(nhs.getByRole('cell').last()).toHaveText('1');
  await page.screenshot({ path: test.info().outputPath('training.png'), fullPage: true });
  await expectAccessible(page);

  const download = page.waitForEvent('download');
  await page
    .getByRole('button', {
      name: 'Certificate for Martin Hughes: First responder training: identifying victims and making referrals',
    })
    .click();
  const text = (await mammoth.extractRawText({ path: await (await download).path() })).value;
  expect(text).toContain('Certificate of achievement');
  expect(text).toContain('Martin Hughes');
});

test('a newsletter is composed from what was added, exported as Word and HTML, and recorded as sent', async ({ page, host }) => {
  await openToolkit(page, host);
  await page.getByRole('navigation', { name: 'Toolkit sections' }).getByRole('link', { name: 'Newsletter' }).click();
  await expect(page.getByRole('heading', { name: 'New newsletter' })).toBeVisible();
  await page.getByRole('button', { name: 'Include: Northshire adult referral pathway' }).click();
  await page.getByRole('searchbox', { name: 'Add a resource from the library' }).fill('car wash');
  await page.getByRole('button', { name: 'Add to the issue: Modern slavery in hand car washes in the UK' }).click();
  const items = page.getByRole('region', { name: 'Resources in this issue' });
  await expect(items.getByRole('heading', { name: 'Northshire adult referral pathway' })).toBeVisible();
  await expect(items.getByRole('heading', { name: 'Modern slavery in hand car washes in the UK' })).toBeVisible();
  await page
    .getByRole('textbox', { name: 'Paragraph about Modern slavery in hand car washes in the UK' })
    .fill('Research the board used when planning its visits.');
  await page.screenshot({ path: test.info().outputPath('newsletter.png'), fullPage: true });
  await expectAccessible(page);

  const docx = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as Word' }).click();
  const text = (await mammoth.extractRawText({ path: await (await docx).path() })).value;
  expect(text).toContain('Research the board used when planning its visits.');
  expect(text).toContain('Share your good practice');
  const html = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as HTML for email' }).click();
  const file = await html;
  expect(file.suggestedFilename()).toMatch(/\.html$/);

  await page.getByRole('button', { name: 'Record as sent' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Recorded as sent.' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Issues' })).toContainText('sent');
});

test('the law and guidance round-up shows summaries, reviewed dates and the templates citing each entry', async ({
  page,
  host,
}) => {
  await openToolkit(page, host);
  await page.getByRole('navigation', { name: 'Toolkit sections' }).getByRole('link', { name: 'Law and guidance' }).click();
  const msa = page.getByRole('article', { name: 'Modern Slavery Act 2015', exact: true });
  await expect(msa).toContainText('England, Wales');
  await expect(msa).toContainText('Reviewed');
  await expect(page.getByRole('article', { name: 'UK GDPR', exact: true })).toContainText('Cited in:');
  await expect(page.getByRole('button', { name: 'Localism Act 2011' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('law.png') });
  await expectAccessible(page);
});
