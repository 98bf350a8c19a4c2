import fs from 'node:fs';
import mammoth from 'mammoth';
import type { APIRequestContext } from '@playwright/test';
import type { Host } from './fixtures';
import { clearDate, expect, expectAccessible, fillDate, test } from './fixtures';

/** Seed through the browser host's one endpoint, as the page itself would. */
async function invoke<T>(request: APIRequestContext, host: Host, channel: string, payload: unknown): Promise<T> {
  const res = await request.post(`${host.origin}/api/invoke`, {
    headers: { 'x-concordat-token': host.token },
    data: { channel, payload },
  });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!body.ok) throw new Error(`${channel}: ${JSON.stringify(body.error)}`);
  return body.value as T;
}

const organisation = (name: string) => ({
  name,
  sector: 'police',
  membership: 'core',
  pursue: true,
  prevent: false,
  protect: false,
  prepare: false,
  address: '',
  website: '',
  email: '',
  phone: '',
  notes: '',
});
const personValue = (name: string, notes = '') => ({
  name,
  pronouns: '',
  notes,
  source: '',
  lawfulBasis: '',
  lastVerified: null,
});

test('erase preview, subject access export and the activity log', async ({ page, host, request }) => {
  test.slow();
  const police = await invoke<{ id: number }>(request, host, 'partners.organisations.create', organisation('Northshire Police'));
  const post = (email: string, phone: string) => ({
    organisationId: police.id,
    jobTitle: 'Detective Sergeant',
    email,
    phone,
    isSpoc: false,
    startedOn: null,
  });
  const canary = await invoke<{ id: number }>(request, host, 'partners.people.create', {
    value: personValue('Oswin Threlkeld'),
    post: post('o.threlkeld@police.example', '01632 960471'),
  });
  await invoke(request, host, 'partners.people.create', {
    value: personValue('Mark Ellison', 'Covers for DS Oswin Threlkeld when he is away'),
    post: post('m.ellison@police.example', ''),
  });
  const group = await invoke<{ id: number }>(request, host, 'meetings.groups.create', {
    name: 'Operational group',
    kind: 'operational_group',
  });
  await invoke(request, host, 'meetings.actions.create', {
    meetingId: null,
    description: 'Call Oswin Threlkeld on 0163 296 0471 about the marking of papers',
    ownerOrganisationId: police.id,
    ownerPersonId: canary.id,
    dueOn: '2026-12-01',
    status: 'open',
  });
  expect(group.id).toBeGreaterThan(0);

  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Partners' })).toBeVisible();
  await page.goto(`${host.origin}/#/partners/people/${canary.id}`);
  const detail = page.getByRole('region', { name: 'Oswin Threlkeld' });
  await expect(detail.getByRole('heading', { name: 'Oswin Threlkeld' })).toBeVisible();

  // Subject access: a Word report and a JSON file, both downloaded.
  await detail.getByRole('button', { name: 'Subject access…' }).click();
  const sar = page.getByRole('dialog', { name: 'Subject access export for Oswin Threlkeld' });
  await expect(sar).toBeVisible();
  await expectAccessible(page);
  const docxDownload = page.waitForEvent('download');
  const jsonDownload = page.waitForEvent('download', (d) => d.suggestedFilename().endsWith('.json'));
  await sar.getByRole('button', { name: 'Export report and data' }).click();
  const [docx, json] = await Promise.all([docxDownload, jsonDownload]);
  expect(docx.suggestedFilename()).toMatch(/^Subject access Oswin Threlkeld .*\.docx$/);
  const text = (await mammoth.extractRawText({ buffer: fs.readFileSync(await docx.path()) })).value;
  expect(text).toContain('Subject access report: Oswin Threlkeld');
  expect(text).toContain('Covers for DS Oswin Threlkeld when he is away');
  expect(text).not.toContain('Mark Ellison');
  const data = JSON.parse(fs.readFileSync(await json.path(), 'utf8')) as { posts: { email: string }[] };
  expect(data.posts.map((p) => p.email)).toEqual(['o.threlkeld@police.example']);
  await expect(sar.getByText(/Downloaded Subject access Oswin Threlkeld/)).toBeVisible();
  await sar.getByRole('button', { name: 'Close' }).click();

  // Erase: the preview shows where he appears before anything changes.
  await detail.getByRole('button', { name: 'Erase…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Erase Oswin Threlkeld permanently?' });
  await expect(dialog.getByRole('heading', { name: 'What will change' })).toBeVisible();
  const text_matches = dialog.getByRole('list', { name: 'Text that names them' });
  await expect(text_matches.getByRole('listitem')).toHaveCount(3);
  await expect(text_matches).toContainText('Covers for DS Oswin Threlkeld when he is away');
  await expect(text_matches).toContainText('0163 296 0471');
  await expect(dialog.getByRole('list', { name: 'Records linked to them' })).toContainText('Owns action');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/privacy-erase-preview.png' });
  await dialog.getByRole('textbox', { name: 'Type their name to confirm' }).fill('Oswin Threlkeld');
  await dialog.getByRole('button', { name: 'Erase permanently' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(/#\/partners\/people$/);

  const others = await invoke<{ rows: { id: number; name: string }[] }>(request, host, 'partners.people.list', {});
  expect(others.rows.map((r) => r.name)).toEqual(['Mark Ellison']);
  const ellison = await invoke<{ notes: string }>(request, host, 'partners.people.get', { id: others.rows[0]!.id });
  expect(ellison.notes).toBe('Covers for [erased person] when he is away');

  // Settings → Activity: filter to erasures; the log shows that it happened, not who.
  await page.getByRole('link', { name: 'Settings' }).click();
  const activity = page.getByRole('region', { name: 'Activity' });
  await expect(activity.getByRole('table', { name: 'Activity log' })).toBeVisible();
  await activity.getByLabel('What').selectOption('person');
  await activity.getByLabel('Action').selectOption('erase');
  const rows = activity.getByRole('table', { name: 'Activity log' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Person');
  await expect(rows.nth(1)).toContainText('erase');
  await expect(activity).not.toContainText('Threlkeld');
  await fillDate(activity, 'To', '2000-01-01');
  await expect(activity.getByText('0 entries')).toBeVisible();
  const exportButton = activity.getByRole('button', { name: 'Export CSV' });
  const before = await exportButton.boundingBox();
  // Emptied segment by segment, the date no longer filters, asks for nothing and the filter row stays put.
  await clearDate(activity, 'To');
  await activity.getByRole('heading', { name: 'Activity' }).click();
  await expect(activity.getByText('1 entry')).toBeVisible();
  await expect(activity.getByText('Enter a whole date: day, month and year.')).toHaveCount(0);
  expect((await exportButton.boundingBox())?.y).toBe(before?.y);
  const csvDownload = page.waitForEvent('download');
  await activity.getByRole('button', { name: 'Export CSV' }).click();
  const csv = fs.readFileSync(await (await csvDownload).path(), 'utf8');
  expect(csv).toContain(`Person,${canary.id},erase`);
  expect(csv.toLowerCase()).not.toContain('threlkeld');

  // The subject access request was logged with its due date.
  const requests = page.getByRole('region', { name: 'Privacy requests' });
  const log = requests.getByRole('table', { name: 'Privacy requests' });
  await expect(log.getByRole('row')).toHaveCount(3);
  await expect(log.getByRole('row', { name: /Erasure/ })).toContainText('[erased person]');
  await expect(log.getByRole('row', { name: /Erasure/ })).toContainText('Done');
  await expect(log.getByRole('row', { name: /Subject access/ })).toContainText('Open');
  await expect(page.getByRole('region', { name: 'Retention' })).toContainText('Nothing is due');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/privacy-settings.png', fullPage: true });
});
