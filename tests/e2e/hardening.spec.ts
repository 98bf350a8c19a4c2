import path from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import type { Host } from './fixtures';

const fixture = (name: string) => path.resolve('tests/fixtures/csv', name);

async function invoke<T>(host: Host, channel: string, payload: unknown): Promise<T> {
  const res = await fetch(`${host.origin}/api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-concordat-token': host.token },
    body: JSON.stringify({ channel, payload }),
  });
  const reply = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!reply.ok) throw new Error(`${channel}: ${reply.error?.message}`);
  return reply.value;
}

test('an Outlook (Windows-1252) CSV is read, its encoding shown, and imported as a job', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await page.getByLabel('CSV file').setInputFiles(fixture('outlook-windows-1252.csv'));
  await expect(page.getByText(/read as Windows-1252 \(Outlook and older Excel\)/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'The first rows as they will be imported' })).toContainText('Siobhán O’Neill');
  await expectAccessible(page);
  // Two new organisations: the coordinator chooses their membership before Import is offered.
  await page.getByLabel('Set every membership to').selectOption('associate');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('2 new people');
  await page.getByRole('button', { name: 'See the people' }).click();
  await expect(page.getByRole('listbox', { name: 'People' }).getByRole('option', { name: /Siobhán O’Neill/ })).toBeVisible();
});

test('a quote that closes lines later, and repeated columns, are reported in the preview', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await page.getByLabel('CSV file').setInputFiles(fixture('quote-closes-later.csv'));
  await expect(page.getByRole('region', { name: 'Rows with problems' })).toContainText(
    'Line 3: the "Organisation" cell runs over 3 lines (lines 3 to 5)',
  );
  await page.getByLabel('CSV file').setInputFiles(fixture('extra-cells-duplicate-headers.csv'));
  await expect(page.getByRole('region', { name: 'About this file' })).toContainText('Columns 2 and 4 are both called "Email"');
  await expect(page.getByRole('region', { name: 'Rows with problems' })).toContainText('beyond the last named column');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/hardening-import-warnings.png', fullPage: true });
});

test('a link typed into a meeting shows its full address and asks before opening', async ({ page, host }) => {
  const group = await invoke<{ id: number }>(host, 'meetings.groups.create', {
    name: 'Strategic Board',
    kind: 'strategic_board',
  });
  await invoke<{ id: number }>(host, 'meetings.create', {
    title: 'Quarterly board',
    groupId: group.id,
    type: 'strategic_board',
    startsAt: '2026-07-01T10:00:00+01:00',
    endsAt: '2026-07-01T12:00:00+01:00',
    location: '',
    onlineLink: 'https://meet.example.org/j/123?pwd=abc',
    chairPersonId: null,
    minuteTakerPersonId: null,
    marking: 'OFFICIAL',
    status: 'planned',
  });
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('link', { name: 'Quarterly board' }).click();
  const popups: string[] = [];
  page.context().on('page', (p) => popups.push(p.url()));
  await page.getByRole('link', { name: 'Online link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open this address in your browser?' });
  await expect(dialog).toContainText('https://meet.example.org/j/123?pwd=abc');
  await expect(dialog).toContainText('Site: meet.example.org');
  await page.screenshot({ path: 'test-results/hardening-external-link.png' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  // Nothing opened by the click itself (axe, below, opens a blank page of its own).
  expect(popups).toEqual([]);
  await page.getByRole('link', { name: 'Online link' }).click();
  await expectAccessible(page);
});
