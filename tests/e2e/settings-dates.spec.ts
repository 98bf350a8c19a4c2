import { expect, expectAccessible, fillDate, test } from './fixtures';

/** Today in London as day/month/year parts, the way a coordinator types it. */
const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

test('Settings → Activity filters by a date range typed day, month, year; the request log takes a UK date', async ({
  page,
  host,
}) => {
  test.slow();
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  // A request received on a date typed in UK order (the field never follows the browser's mm/dd/yyyy).
  const requests = page.getByRole('region', { name: 'Privacy requests' });
  await requests.getByRole('textbox', { name: 'Who it is about' }).fill('Jo Bloggs');
  const received = requests.getByRole('group', { name: 'Received', exact: true });
  await expect(received.getByRole('spinbutton').first()).toHaveAccessibleName(/day/i);
  await fillDate(requests, 'Received', '2026-11-03');
  await requests.getByRole('button', { name: 'Log request' }).click();
  const log = requests.getByRole('table', { name: 'Privacy requests' });
  await expect(log.getByRole('row', { name: /Jo Bloggs/ })).toContainText('3 November 2026');

  const activity = page.getByRole('region', { name: 'Activity' });
  const count = activity.getByText(/^\d+ entr(y|ies)/);
  // Logging the request is itself in the activity log.
  await expect(count).not.toHaveText(/^0 entries/);
  const all = Number((await count.textContent())!.split(' ')[0]);

  // Typing the year digit by digit (0002, 0020, 0202, 2026) must neither hang the page nor refetch per keystroke into nothing.
  await fillDate(activity, 'From', today());
  await fillDate(activity, 'To', today());
  await expect(count).toHaveText(new RegExp(`^${all} entr`));
  await fillDate(activity, 'To', '2000-01-01');
  await expect(activity.getByText('0 entries')).toBeVisible();
  await expect(activity.getByText('The end is before the start.')).toBeVisible();
  await fillDate(activity, 'From', '1999-12-31');
  await expect(activity.getByText('0 entries')).toBeVisible();
  await expect(activity.getByText('The end is before the start.')).toHaveCount(0);
  // The page still answers: the partnership name can be typed straight after.
  await page.getByRole('textbox', { name: 'Partnership name' }).fill('Northshire Anti-Slavery Partnership');
  await expect(page.getByRole('textbox', { name: 'Partnership name' })).toHaveValue('Northshire Anti-Slavery Partnership');
  await expectAccessible(page);
  await activity.screenshot({ path: 'test-results/settings-activity-dates.png' });
  await requests.screenshot({ path: 'test-results/settings-privacy-requests.png' });
});
