import fs from 'node:fs';
import ICAL from 'ical.js';
import mammoth from 'mammoth';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, fillDate, openHostDatabase, test } from './fixtures';

/** The partner directory screens live in another area: put an organisation and its people straight into the store. */
function seedDirectory(dataDir: string): void {
  const db = openHostDatabase(dataDir);
  try {
    const at = new Date().toISOString();
    const org = Number(
      db.prepare('INSERT INTO organisations (name, created_at, updated_at) VALUES (?, ?, ?)').run('Northshire Police', at, at)
        .lastInsertRowid,
    );
    for (const [name, email] of [
      ['Asha Patel', 'asha.patel@police.example'],
      ['Ben Cole', 'ben.cole@police.example'],
    ] as const) {
      const person = Number(
        db.prepare('INSERT INTO people (name, created_at, updated_at) VALUES (?, ?, ?)').run(name, at, at).lastInsertRowid,
      );
      db.prepare('INSERT INTO posts (person_id, organisation_id, job_title, email, created_at) VALUES (?, ?, ?, ?, ?)').run(
        person,
        org,
        'Detective Inspector',
        email,
        at,
      );
    }
  } finally {
    db.close();
  }
}

async function scheduleMeeting(page: Page, date: string, newGroup: string | null) {
  if (newGroup) {
    // With no groups yet the form opens the "Add a new group" section by itself.
    if (!(await page.getByLabel('New group name').isVisible())) await page.getByText('Add a new group').click();
    await page.getByLabel('New group name').fill(newGroup);
    await page.getByLabel('Kind of group').selectOption('strategic_board');
    await page.getByRole('button', { name: 'Add group' }).click();
    await expect(page.getByRole('status')).toContainText(`Group “${newGroup}” added.`);
  } else {
    await page.getByRole('combobox', { name: 'Group', exact: true }).selectOption({ label: 'Strategic Board' });
  }
  await expect(page.getByLabel('Title')).toHaveValue('Strategic Board');
  await fillDate(page, 'Date', date);
  await page.getByLabel('Start time').fill('10:00');
  await page.getByLabel('End time').fill('12:00');
  await page.getByLabel('Location').fill('Town Hall, Committee Room 2');
  await page.getByRole('button', { name: 'Schedule meeting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Strategic Board' })).toBeVisible();
}

test('schedule, invite, minute and chase an action into the next meeting', async ({ page, host }) => {
  // A whole meeting cycle with axe checks at each step: longer than the default test budget.
  test.setTimeout(300_000);
  seedDirectory(host.dataDir);
  const nextYear = new Date().getUTCFullYear() + 1;
  await page.goto(host.url);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /^Meetings/ })
    .click();
  await expect(page.getByRole('heading', { name: 'No meetings yet' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Schedule the first meeting' }).click();

  // The end must come after the start.
  await fillDate(page, 'Date', `${nextYear}-07-01`);
  await page.getByLabel('Start time').fill('11:00');
  await page.getByLabel('End time').fill('10:00');
  await page.getByRole('button', { name: 'Schedule meeting' }).click();
  await expect(page.getByText('The meeting must end after it starts.')).toBeVisible();
  await expectAccessible(page);

  await scheduleMeeting(page, `${nextYear}-07-01`, 'Strategic Board');
  await expect(
    page.getByText(`Wednesday 1 July ${nextYear}, 10:00 to 12:00`).or(page.getByText(/1 July .*10:00 to 12:00/)),
  ).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Agenda items' }).getByRole('row')).toHaveCount(5);
  await expectAccessible(page);

  // Invite the organisation's people.
  await page.getByRole('tab', { name: /Attendance/ }).click();
  await page.getByRole('combobox', { name: 'Invite an organisation' }).fill('North');
  await page.getByRole('option', { name: /Northshire Police/ }).click();
  await page.getByRole('button', { name: 'Invite organisation’s people' }).click();
  await expect(page.getByRole('status')).toHaveText('Invited 2 people.');
  await expect(page.getByRole('cell', { name: 'Asha Patel', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Ben Cole', exact: true })).toBeVisible();
  await page.getByLabel('Attendance for Asha Patel').selectOption('attended');
  await page.getByLabel('Attendance for Ben Cole').selectOption('deputy');
  await page.getByLabel('Deputy for Ben Cole').fill('Chris Day');
  await page.getByLabel('Deputy for Ben Cole').blur();
  await expect(page.getByLabel('Attendance for Asha Patel')).toHaveValue('attended');
  await expectAccessible(page);

  // Add an agenda item; it lands before AOB, and can be moved by keyboard-operable buttons.
  await page.getByRole('tab', { name: 'Agenda' }).click();
  await page.getByLabel('Item title').fill('Car wash visits');
  await page.getByRole('button', { name: 'Add item' }).click();
  const rows = page.getByRole('grid', { name: 'Agenda items' }).getByRole('row');
  await expect(rows).toHaveCount(6);
  await expect(rows.nth(3)).toContainText('Car wash visits');
  await page.getByRole('button', { name: 'Move “Car wash visits” up' }).click();
  await expect(rows.nth(2)).toContainText('Car wash visits');
  await page.getByRole('button', { name: 'Move “Car wash visits” down' }).focus();
  await page.keyboard.press('Enter');
  await expect(rows.nth(3)).toContainText('Car wash visits');
  await expectAccessible(page);

  // Minutes and a decision on the item.
  await page.getByRole('tab', { name: 'Minutes' }).click();
  await page.getByLabel('Minutes for item 4').fill('The police described three visits.');
  await page.getByRole('button', { name: 'Save minutes for item 4' }).click();
  await page.getByLabel('Decision on item 4').fill('Run a joint visit in the autumn');
  await page.getByRole('button', { name: 'Record decision' }).nth(3).click();
  await expect(page.getByText('Run a joint visit in the autumn')).toBeVisible();
  await expectAccessible(page);

  // An action, already overdue.
  await page.getByRole('tab', { name: /Actions/ }).click();
  await expect(page.getByText('No actions from this meeting yet.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Action', exact: true }).fill('Share the car wash list with trading standards');
  await page.getByLabel('Agenda item').selectOption({ label: '4. Car wash visits' });
  await page.getByRole('combobox', { name: 'Owner', exact: true }).fill('Asha');
  await page.getByRole('option', { name: /Asha Patel/ }).click();
  await fillDate(page, 'Due date', '2020-01-31');
  await page.getByLabel('Pursue').check();
  await page.getByRole('button', { name: 'Add action' }).click();
  await expect(page.getByRole('cell', { name: 'Share the car wash list with trading standards' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Meetings, 1 overdue action' })).toBeVisible();
  await expectAccessible(page);

  // Export the calendar invitation and read it back with an independent parser.
  const icsDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Calendar invitation (.ics)' }).click();
  const ics = await icsDownload;
  expect(ics.suggestedFilename()).toBe(`Strategic Board ${nextYear}-07-01 invitation.ics`);
  const icsText = fs.readFileSync(await ics.path(), 'utf8');
  const cal = new ICAL.Component(ICAL.parse(icsText));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const ev = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
  expect(ev.startDate.toJSDate().toISOString()).toBe(`${nextYear}-07-01T09:00:00.000Z`);
  expect(ev.location).toBe('Town Hall, Committee Room 2');

  // Export the minutes and find the action in the Word file.
  const minutesDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export minutes' }).click();
  const minutes = await minutesDownload;
  expect(minutes.suggestedFilename()).toBe(`Strategic Board ${nextYear}-07-01 minutes.docx`);
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toHaveText(
    `Downloaded Strategic Board ${nextYear}-07-01 minutes.docx.`,
  );
  const html = (await mammoth.convertToHtml({ path: await minutes.path() })).value;
  expect(html).toContain('Strategic Board: minutes');
  expect(html).toContain('Share the car wash list with trading standards');
  expect(html).toContain('Sent a deputy: Chris Day');
  expect(html).toContain('Run a joint visit in the autumn');

  // The next meeting of the same group picks the action up under matters arising.
  await page.getByRole('navigation', { name: 'Meetings sections' }).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('button', { name: 'Schedule a meeting' }).click();
  await scheduleMeeting(page, `${nextYear}-10-07`, null);
  const arising = page.getByRole('table', { name: /Matters arising/ });
  await expect(arising.getByRole('cell', { name: 'Share the car wash list with trading standards' })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Agenda items' }).getByRole('row', { name: /Matters arising/ })).toContainText(
    '1 open action',
  );
  await page.screenshot({ path: 'test-results/meetings-next-meeting.png', fullPage: true });

  // The action log highlights it as overdue.
  await page.getByRole('link', { name: 'Action log' }).click();
  await expect(page.getByText('1 action, 1 overdue')).toBeVisible();
  await expect(page.getByRole('row', { name: /Share the car wash list/ })).toContainText('Overdue');
  await page.getByLabel('Overdue only').check();
  await expect(page.getByRole('row', { name: /Share the car wash list/ })).toBeVisible();
  await page.getByRole('link', { name: /^A\d+$/ }).click();
  await expect(page.getByRole('heading', { name: /^Action A\d+$/ })).toBeVisible();
  await page.getByLabel('Update', { exact: true }).fill('Chased by email');
  await page.getByRole('button', { name: 'Add update' }).click();
  await expect(page.getByText('Chased by email')).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/meetings-action-log.png', fullPage: true });

  // A series: one calendar file with the group's upcoming meetings.
  await page.getByRole('navigation', { name: 'Meetings sections' }).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('combobox', { name: 'Group' }).selectOption({ label: 'Strategic Board' });
  const seriesDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Invitations for this group’s upcoming meetings (.ics)' }).click();
  const seriesCal = new ICAL.Component(ICAL.parse(fs.readFileSync(await (await seriesDownload).path(), 'utf8')));
  for (const tz of seriesCal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  expect(seriesCal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).startDate.toJSDate().toISOString())).toEqual([
    `${nextYear}-07-01T09:00:00.000Z`,
    `${nextYear}-10-07T09:00:00.000Z`,
  ]);
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/meetings-list.png', fullPage: true });
});

test('decision-to-share records need a reason when consent was not sought', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: /^Meetings/ }).click();
  await page.getByRole('link', { name: 'Decisions to share' }).click();
  await expect(page.getByRole('heading', { name: 'No decisions to share recorded' })).toBeVisible();
  await page.getByRole('button', { name: 'Record a decision to share' }).click();
  await page.getByLabel('What information').fill('Address of a potential victim');
  await page.getByLabel('Why it is shared').fill('Safeguarding visit');
  await page.getByLabel('With whom').fill('Adult social care');
  await page.getByLabel('Justification').fill('Risk of serious harm');
  await page.getByRole('radiogroup', { name: 'Was consent sought?' }).getByText('No', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'No' })).toBeChecked();
  await page.getByRole('button', { name: 'Save record' }).click();
  await expect(page.getByText('Say why consent was not sought')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Why consent was not sought').fill('Asking would alert the exploiter');
  await page.getByRole('button', { name: 'Save record' }).click();
  await expect(page.getByRole('cell', { name: 'Not sought: Asking would alert the exploiter' })).toBeVisible();
  await expectAccessible(page);
});

test('removing an attendee warns about recorded attendance and can be undone with their attendance as before', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000);
  seedDirectory(host.dataDir);
  const nextYear = new Date().getUTCFullYear() + 1;
  await page.goto(host.url);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /^Meetings/ })
    .click();
  await page.getByRole('button', { name: 'Schedule the first meeting' }).click();
  await scheduleMeeting(page, `${nextYear}-03-04`, 'Strategic Board');
  await page.getByRole('tab', { name: /Attendance/ }).click();
  await page.getByRole('combobox', { name: 'Invite an organisation' }).fill('North');
  await page.getByRole('option', { name: /Northshire Police/ }).click();
  await page.getByRole('button', { name: 'Invite organisation’s people' }).click();
  await expect(page.getByRole('cell', { name: 'Ben Cole', exact: true })).toBeVisible();
  await page.getByLabel('Attendance for Ben Cole').selectOption('deputy');
  await page.getByLabel('Deputy for Ben Cole').fill('Chris Day');
  await page.getByLabel('Deputy for Ben Cole').blur();
  await expect(page.getByLabel('Attendance for Ben Cole')).toHaveValue('deputy');

  // Only invited: removed at once, with Undo.
  await page.getByRole('button', { name: 'Remove Asha Patel from this meeting' }).click();
  await expect(page.getByRole('cell', { name: 'Asha Patel', exact: true })).toHaveCount(0);
  await expect(page.getByText('Removed Asha Patel from this meeting.')).toBeVisible();

  // Attendance recorded: asked first, saying what is recorded.
  await page.getByRole('button', { name: 'Remove Ben Cole from this meeting' }).click();
  const ask = page.getByRole('dialog', { name: 'Remove Ben Cole?' });
  await expect(ask).toContainText('Their attendance is recorded as “Sent a deputy” (deputy: Chris Day).');
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('remove-attendee-warning.png') });
  await ask.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('cell', { name: 'Ben Cole', exact: true })).toHaveCount(0);
  const removed = page.locator('.toast').filter({ hasText: 'Removed Ben Cole from this meeting.' });
  await expect(removed).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('remove-attendee-undo.png') });
  await removed.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('cell', { name: 'Ben Cole', exact: true })).toBeVisible();
  await expect(page.getByLabel('Attendance for Ben Cole')).toHaveValue('deputy');
  await expect(page.getByLabel('Deputy for Ben Cole')).toHaveValue('Chris Day');
  await expect(page.getByRole('cell', { name: 'Asha Patel', exact: true })).toHaveCount(0);
  await expectAccessible(page);
});
