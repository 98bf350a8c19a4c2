import mammoth from 'mammoth';
import { expect, expectAccessible, fillDate, test } from './fixtures';

test('a plan with two priorities, three objectives, activities and indicators: readings, status, preview and exports', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  const main = page.getByRole('navigation', { name: 'Main' });
  await main.getByRole('link', { name: 'Plans' }).click();
  await expect(page.getByRole('heading', { name: 'No plans yet' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('plans-empty.png') });
  await expectAccessible(page);

  // Owners come from the directory: load the example partnership first.
  await main.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Load example partnership' }).click();
  await page
    .getByRole('dialog', { name: 'Load the example partnership?' })
    .getByRole('button', { name: 'Load the example' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Added 7 organisations' })).toBeVisible();

  await main.getByRole('link', { name: 'Plans' }).click();
  await page.getByRole('button', { name: 'New plan' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New plan' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Strategy 2026-2029');
  await fillDate(dialog, 'Starts', '2026-04-01');
  await fillDate(dialog, 'Ends', '2029-03-31');
  await dialog.getByRole('textbox', { name: 'Vision' }).fill('Exploitation is spotted early and every survivor is supported.');
  await dialog.getByRole('button', { name: 'Create plan' }).click();
  await expect(page.getByRole('heading', { name: 'Strategy 2026-2029', level: 1 })).toBeVisible();

  // Two priorities tagged with the 4 Ps.
  for (const [title, p] of [
    ['Find and disrupt exploitation', 'Pursue'],
    ['Support survivors', 'Protect'],
  ] as const) {
    await page.getByRole('button', { name: 'Add a priority' }).click();
    const form = page.getByRole('form', { name: 'Add priority' });
    await form.getByRole('textbox', { name: 'Priority', exact: true }).fill(title);
    await form.getByLabel(p).check();
    await form.getByRole('button', { name: 'Add priority' }).click();
    await expect(page.getByRole('heading', { name: new RegExp(`Priority \\d: ${title}`) })).toBeVisible();
  }

  // Three objectives, numbered from their place.
  const addObjective = async (priority: string, text: string) => {
    const form = page.getByRole('form', { name: `Add an objective to priority ${priority}` });
    await form.getByRole('textbox').fill(text);
    await form.getByRole('button', { name: 'Add objective' }).click();
    await expect(page.getByRole('list', { name: `Objectives of priority ${priority}` })).toContainText(text);
  };
  await addObjective('1', 'Run joint operations with partners');
  await addObjective('1', 'Share intelligence within a week');
  await addObjective('2', 'Agree a referral pathway');
  const first = page.getByRole('list', { name: 'Objectives of priority 1' }).getByRole('listitem');
  await expect(first.nth(0)).toContainText('1.1 Run joint operations with partners');
  await expect(first.nth(1)).toContainText('1.2 Share intelligence within a week');
  // Reordering renumbers: by button, then back by keyboard (Alt+Down).
  await page.getByRole('button', { name: 'Move objective 1.2 up' }).click();
  await expect(first.nth(0)).toContainText('1.1 Share intelligence within a week');
  await expect(first.nth(1)).toContainText('1.2 Run joint operations with partners');
  await page.getByRole('button', { name: 'Move objective 1.1 down' }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(first.nth(0)).toContainText('1.1 Run joint operations with partners');

  // An activity is an action in the action log, with an owner and a due date.
  await page.getByRole('button', { name: 'Add an activity to objective 1.1' }).click();
  const activity = page.getByRole('dialog', { name: 'New activity for objective 1.1' });
  await activity.getByRole('textbox', { name: 'Activity' }).fill('Plan a week of action on car washes');
  const owner = activity.getByRole('combobox', { name: 'Owner organisation' });
  await owner.fill('Northshire Pol');
  // Chosen by keyboard once the option shows (a click on a settling option can miss).
  await expect(page.getByRole('option', { name: /Northshire Police/ })).toBeVisible();
  await owner.press('ArrowDown');
  await owner.press('Enter');
  await expect(owner).toHaveValue('Northshire Police');
  await fillDate(activity, 'Due date', '2026-09-30');
  await activity.getByRole('button', { name: 'Add activity' }).click();
  await expect(page.getByRole('cell', { name: 'Plan a week of action on car washes' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Northshire Police' })).toBeVisible();

  // Link an existing action from the log to objective 2.1.
  await page.getByRole('button', { name: 'Link an existing action to objective 2.1' }).click();
  const link = page.getByRole('dialog', { name: 'Link an action to objective 2.1' });
  await link
    .getByRole('button', { name: /^Link A\d+$/ })
    .first()
    .click();
  await expect(link.getByRole('button', { name: /is linked/ }).first()).toBeVisible();
  await link.getByRole('button', { name: 'Done' }).click();

  // An indicator entered by hand, at priority level, with readings and a status.
  await page.getByRole('button', { name: 'Add an indicator to priority 2' }).click();
  const ind = page.getByRole('dialog', { name: 'New indicator for priority 2' });
  await ind.getByRole('textbox', { name: 'What is measured' }).fill('NRM referrals from the area');
  await ind.getByRole('textbox', { name: 'Unit' }).fill('referrals');
  await ind.getByRole('textbox', { name: 'Baseline' }).fill('40');
  await ind.getByRole('textbox', { name: 'Target' }).fill('60');
  await ind.getByRole('button', { name: 'Add indicator' }).click();
  const nrm = page.getByRole('article', { name: 'Indicator: NRM referrals from the area' });
  await expect(nrm).toContainText('No readings yet');
  for (const [label, end, value] of [
    ['Apr–Jun 2026', '2026-06-30', '45'],
    ['Jul–Sep 2026', '2026-09-30', '56'],
  ] as const) {
    await nrm.getByRole('button', { name: 'Enter a reading for NRM referrals from the area' }).click();
    const r = page.getByRole('dialog', { name: 'Reading for NRM referrals from the area' });
    await r.getByRole('textbox', { name: 'Period' }).fill(label);
    await fillDate(r, 'Last day of the period', end);
    await r.getByRole('textbox', { name: /Figure/ }).fill(value);
    await r.getByRole('button', { name: 'Save reading' }).click();
    await expect(nrm.getByRole('cell', { name: label, exact: true })).toBeVisible();
  }
  await expect(nrm).toContainText('Status: Amber');
  await expect(nrm).toContainText('56 referrals (Jul–Sep 2026)');
  await expect(nrm.getByRole('img', { name: /NRM referrals from the area: Apr–Jun 2026 45/ })).toBeVisible();

  // An indicator worked out from the records, on an objective.
  await page.getByRole('button', { name: 'Add an indicator to objective 1.2' }).click();
  const computed = page.getByRole('dialog', { name: 'New indicator for objective 1.2' });
  await computed.getByRole('textbox', { name: 'What is measured' }).fill('Board meetings held');
  await computed.getByLabel('Where the figures come from').selectOption({ label: 'Meetings held' });
  await computed.getByLabel('How often').selectOption({ label: 'Yearly' });
  await computed.getByRole('textbox', { name: 'Target' }).fill('4');
  await computed.getByRole('button', { name: 'Add indicator' }).click();
  await expect(page.getByRole('article', { name: 'Indicator: Board meetings held' })).toContainText('Meetings held, yearly');
  await page.screenshot({ path: test.info().outputPath('plan-editor.png'), fullPage: true });
  await expectAccessible(page);

  // The preview is the export's tree.
  await page.getByRole('button', { name: 'Preview strategy' }).click();
  const preview = page.getByRole('article', { name: 'Strategy preview' });
  await expect(preview).toContainText('Priority 1: Find and disrupt exploitation');
  await expect(preview).toContainText('NRM referrals from the area');
  await expect(preview.getByRole('img', { name: /NRM referrals from the area: Apr–Jun 2026 45/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('strategy-preview.png'), fullPage: true });
  await expectAccessible(page);

  const strategyDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export strategy (.docx)' }).click();
  const strategy = await strategyDownload;
  expect(strategy.suggestedFilename()).toBe('Strategy 2026-2029 strategy.docx');
  const html = (await mammoth.convertToHtml({ path: await strategy.path() })).value;
  expect(html).toContain('<h1>Strategy 2026-2029</h1>');
  expect(html).toContain('Priority 2: Support survivors');
  expect(html).toContain('Run joint operations with partners');
  expect(html).toContain('56 referrals (Jul–Sep 2026)');
  expect(html).toContain('Amber');

  await page.getByRole('button', { name: 'Preview action plan' }).click();
  await expect(page.getByRole('article', { name: 'Action plan preview' })).toContainText('Plan a week of action on car washes');
  const planDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export action plan (.docx)' }).click();
  const actionPlan = await planDownload;
  const text = (await mammoth.extractRawText({ path: await actionPlan.path() })).value;
  expect(text).toContain('Plan a week of action on car washes');
  expect(text).toContain('Northshire Police');
  expect(text).toContain('30 September 2026');
  expect(text).toContain('Open');

  // Exported: the numbers are fixed now.
  await page.getByRole('button', { name: 'Edit plan' }).click();
  await expect(page.getByText(/Numbers are fixed/)).toBeVisible();
});

test('the example partnership shows its agreed plan, with fixed numbers, activities and indicators', async ({ page, host }) => {
  await page.goto(host.url);
  const main = page.getByRole('navigation', { name: 'Main' });
  await main.getByRole('link', { name: 'Plans' }).click();
  await page.getByRole('button', { name: 'Load example partnership' }).click();
  await page
    .getByRole('dialog', { name: 'Load the example partnership?' })
    .getByRole('button', { name: 'Load the example' })
    .click();
  await page.getByRole('link', { name: 'Northshire anti-slavery strategy' }).click();
  await expect(page.getByRole('heading', { name: 'Northshire anti-slavery strategy', level: 1 })).toBeVisible();
  await expect(page.getByText(/Numbers are fixed/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Priority 3: Raise awareness and prevent exploitation' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Invite HMRC and the DWP to join the board' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Indicator: NRM referrals from the area' })).toContainText('Status: Amber');
  await page.screenshot({ path: test.info().outputPath('example-plan.png') });
  await expectAccessible(page);
});
