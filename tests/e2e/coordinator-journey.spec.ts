import mammoth from 'mammoth';
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

/**
 * A new coordinator's first hour, counted: every click, fill, selection, check and key press the
 * person makes goes through `act`, which counts it (one fill is one, however long the text).
 * Waiting for the screen, reading it and running axe are not interactions.
 */
function counter() {
  let count = 0;
  const log: string[] = [];
  const note = (what: string) => {
    count++;
    log.push(what);
  };
  return {
    get count() {
      return count;
    },
    log,
    click: async (l: Locator, what = 'click') => {
      note(what);
      await l.click();
    },
    fill: async (l: Locator, value: string, what = 'fill') => {
      note(what);
      await l.fill(value);
    },
    select: async (l: Locator, value: string | { label: string }, what = 'select') => {
      note(what);
      await l.selectOption(value);
    },
    check: async (l: Locator, what = 'check') => {
      note(what);
      await l.check();
    },
    press: async (l: Locator, key: string, what = 'press') => {
      note(what);
      await l.press(key);
    },
  };
}

const PARTNERS = [
  {
    name: 'Northshire Police',
    sector: 'police',
    contact: 'Aisha Khan',
    job: 'Detective Inspector',
    email: 'aisha.khan@northshire.police.example',
  },
  {
    name: 'Northshire County Council',
    sector: 'la-community-safety',
    contact: 'Daniel Price',
    job: 'Community Safety Manager',
    email: 'daniel.price@northshire.gov.example',
  },
  {
    name: 'NHS Northshire Integrated Care Board',
    sector: 'nhs',
    contact: 'Priya Shah',
    job: 'Head of Safeguarding',
    email: 'priya.shah@nhs.example',
  },
  {
    name: 'The Salvation Army',
    sector: 'salvation-army',
    contact: 'Tom Reilly',
    job: 'Anti-Trafficking Lead',
    email: 'tom.reilly@salvationarmy.example',
  },
  {
    name: 'Northshire Fire and Rescue Service',
    sector: 'fire',
    contact: 'Helen Carter',
    job: 'Station Manager',
    email: 'helen.carter@northshirefire.example',
  },
];

/** The encrypted store asks for a passphrase before the first screen; it is set from the environment, uncounted. */
async function passPassphrase(page: Page) {
  const passphrase = process.env.CONCORDAT_E2E_PASSPHRASE ?? 'correct horse battery staple';
  const boxes = page.getByLabel(/passphrase/i);
  await page.waitForLoadState('networkidle');
  if ((await boxes.count()) === 0) return;
  for (const box of await boxes.all()) await box.fill(passphrase);
  await boxes.last().press('Enter');
  await expect(boxes).toHaveCount(0);
}

test('a coordinator sets up, adds five partners and agrees and exports an ISA with them in at most 60 interactions', async ({
  page,
  host,
}) => {
  test.setTimeout(300_000);
  await page.goto(host.url);
  await passPassphrase(page);
  const act = counter();

  // Five organisations, each with its single point of contact, one form each.
  await act.click(page.getByRole('link', { name: 'Partners' }));
  for (const [i, p] of PARTNERS.entries()) {
    await act.click(page.getByRole('button', { name: 'New organisation', exact: true }));
    const form = page.getByRole('form', { name: 'New organisation' });
    await act.fill(form.getByRole('textbox', { name: /^Organisation name/ }), p.name);
    await act.select(form.getByLabel('Sector'), p.sector);
    await act.fill(form.getByRole('textbox', { name: 'Contact’s name' }), p.contact);
    await act.fill(form.getByRole('textbox', { name: 'Contact’s job title' }), p.job);
    await act.fill(form.getByRole('textbox', { name: 'Contact’s email' }), p.email);
    await act.click(form.getByRole('button', { name: 'Save organisation' }));
    await expect(page.getByRole('heading', { name: p.name })).toBeVisible();
    if (i === 0) {
      await expectAccessible(page);
      await page.screenshot({ path: test.info().outputPath('1-organisation.png') });
    }
  }

  // Settings: the partnership, and the coordinator as a person in the directory (at the council),
  // so the agreement can name them as its owner, author and approver without a search.
  await act.click(page.getByRole('link', { name: 'Settings' }));
  await act.fill(page.getByRole('textbox', { name: /^Partnership name/ }), 'Northshire Anti-Slavery Partnership');
  await act.fill(page.getByRole('textbox', { name: /^Coordinator name/ }), 'Sam Taylor');
  await act.fill(page.getByRole('textbox', { name: /^Coordinator email/ }), 'sam.taylor@northshire.gov.example');
  await act.click(page.getByRole('button', { name: 'Not in the directory? Add them' }));
  await act.fill(page.getByRole('textbox', { name: /^Coordinator's organisation/ }), 'Northshire County Council');
  await act.click(page.getByRole('button', { name: 'Add Sam Taylor to the directory' }));
  await expect(page.getByText(/In the directory as/)).toBeVisible();
  await act.click(page.getByRole('button', { name: 'Save settings' }));
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('2-settings.png') });
  const afterPartners = act.count;

  // The agreement.
  await act.click(page.getByRole('link', { name: 'Documents' }));
  // The empty list offers the two documents a partnership starts with; this one opens the ISA's template.
  await expect(page.getByRole('button', { name: 'New information sharing agreement' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('3-documents-empty.png') });
  await act.click(page.getByRole('button', { name: 'New information sharing agreement' }));
  const dialog = page.getByRole('dialog', { name: 'New document' });
  await expect(dialog.getByLabel('Template').locator('option:checked')).toHaveText('Information sharing agreement');
  await act.click(dialog.getByRole('button', { name: 'Create draft' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Information sharing agreement' })).toBeVisible();

  // Parties with their SPOCs and signatories from the directory, in one press.
  await act.click(page.getByRole('button', { name: 'Add all members' }));
  const parties = page.getByRole('group', { name: /^party \d+$/ });
  await expect(parties).toHaveCount(5);
  const preview = page.getByRole('article', { name: 'Preview' });
  for (const p of PARTNERS) await expect(preview).toContainText(p.name);

  // What only the coordinator can say; everything else is a default the form states under its field.
  const form = page.getByRole('form', { name: 'Document form' });
  const yesNo = (question: RegExp, answer: 'Yes' | 'No') =>
    form.getByRole('group', { name: question }).getByRole('radio', { name: answer });
  await act.fill(
    form.getByRole('textbox', { name: /^What sharing this agreement covers/ }),
    'Sharing information between the parties about people in Northshire who may be victims of modern slavery, and about people suspected of exploiting them.',
  );
  await act.check(form.getByRole('checkbox', { name: /^Identifying potential victims/ }));
  await act.check(form.getByRole('checkbox', { name: /^Adults who may be victims/ }));
  // A required list starts with its first row ready to fill.
  const item = form.getByRole('group', { name: 'data item 1' });
  await act.fill(item.getByRole('textbox', { name: /^Data item/ }), 'Name, date of birth and contact details');
  await act.fill(item.getByRole('textbox', { name: /^Why it is needed/ }), 'To identify the person and keep them safe');
  await act.check(item.getByRole('radio', { name: 'No' }));
  await act.check(yesNo(/^Has a data protection impact assessment been completed/, 'Yes'));
  // The coordinator is the default owner, author and approver; the form says so.
  await expect(form.getByText('Left empty, the document uses: the coordinator, Sam Taylor').first()).toBeVisible();

  const stillNeeded = page.getByText(/^Still needed before it can be agreed/);
  if ((await stillNeeded.count()) > 0) console.log(await stillNeeded.locator('..').innerText());
  await expect(stillNeeded).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('4-agreement.png') });
  await page.screenshot({ path: test.info().outputPath('4-agreement-full.png'), fullPage: true });

  await act.click(page.getByRole('button', { name: 'Send for review' }));
  await expect(page.getByText('The document is now in review.')).toBeVisible();
  await act.click(page.getByRole('button', { name: 'Agree…' }));
  const agree = page.getByRole('dialog', { name: 'Agree this document' });
  const acknowledge = agree.getByRole('checkbox', { name: /I have checked these/ });
  if ((await acknowledge.count()) > 0) await act.check(acknowledge);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('5-agree.png') });
  await act.click(agree.getByRole('button', { name: 'Agree version' }));
  await expect(page.getByText('The document is now agreed as version 1.0.')).toBeVisible();

  const download = page.waitForEvent('download');
  await act.click(page.getByRole('button', { name: 'Export to Word', exact: true }));
  const file = await download;
  const text = (await mammoth.extractRawText({ path: await file.path() })).value;

  test
    .info()
    .annotations.push({ type: 'interactions', description: `${act.count} (${afterPartners} for settings and partners)` });
  console.log(`coordinator journey: ${act.count} interactions (${afterPartners} for settings and partners)`);
  expect(act.count).toBeLessThanOrEqual(60);
  expect(text).not.toContain('not yet given');
  for (const p of PARTNERS) {
    expect(text).toContain(p.name);
    expect(text).toContain(p.contact);
  }
  expect(text).toContain('Northshire Anti-Slavery Partnership');
  // The defaults that filled the rest: the coordinator, the version history the app keeps.
  expect(text).toContain('Sam Taylor');
  expect(text).toContain('First agreed version');

  expect(text).toContain('Name, date of birth and contact details');
  // Checked after the count: the review cycle's default (every year) set the stored review date a year on.
  await page.getByRole('link', { name: 'Back to all documents' }).click();
  const row = page.getByRole('row', { name: /Information sharing agreement/ }).first();
  await expect(row).toContainText(String(new Date().getUTCFullYear() + 1));
});
