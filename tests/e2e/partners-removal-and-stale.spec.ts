import type { Page } from '@playwright/test';
import { HTTP_INVOKE_PATH, HTTP_TOKEN_HEADER } from '../../shared/contract';
import type { Host } from './fixtures';
import { expect, expectAccessible, test } from './fixtures';

/** A direct call through the contract, as another window would make it. */
async function invoke<T>(page: Page, host: Host, channel: string, payload: unknown): Promise<T> {
  const reply = await page.evaluate(
    async ({ path, header, token, channel, payload }) => {
      const res = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [header]: token },
        body: JSON.stringify({ channel, payload }),
      });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    { path: HTTP_INVOKE_PATH, header: HTTP_TOKEN_HEADER, token: host.token, channel, payload },
  );
  if (!reply.ok) throw new Error(`${channel}: ${JSON.stringify(reply.error)}`);
  return reply.value as T;
}

/** Go to a place in the app, reloaded so records made by direct calls show. */
async function open(page: Page, hash: string) {
  await page.evaluate((h) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = h;
  }, hash);
  await page.reload();
}

async function refuge(page: Page, host: Host) {
  const org = await invoke<{ id: number }>(page, host, 'partners.organisations.create', {
    name: 'Harbour Refuge',
    sector: 'ngo-local',
    membership: 'core',
    pursue: false,
    prevent: false,
    protect: true,
    prepare: false,
    address: '',
    website: '',
    email: '',
    phone: '',
    notes: '',
  });
  const ada = await invoke<{ id: number }>(page, host, 'partners.people.create', {
    value: { name: 'Ada Lovelace', pronouns: '', notes: '', source: '', lawfulBasis: '', lastVerified: null },
    post: {
      organisationId: org.id,
      jobTitle: 'Service manager',
      email: 'ada@refuge.example',
      phone: '',
      isSpoc: true,
      startedOn: null,
    },
  });
  return { org, ada };
}

test('archiving an organisation and erasing a person first list what they affect, with links', async ({ page, host }) => {
  test.slow();
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Partners' })).toBeVisible();
  const { org, ada } = await refuge(page, host);
  const post = (await invoke<{ posts: { id: number }[] }>(page, host, 'partners.people.get', { id: ada.id })).posts[0]!.id;
  const doc = await invoke<{ id: number; revision: number }>(page, host, 'documents.create', {
    templateKey: 'information-sharing-agreement',
    title: 'Refuge ISA',
  });
  await invoke(page, host, 'documents.update', {
    id: doc.id,
    revision: doc.revision,
    values: { owner: post, parties: [{ organisation: org.id, role: null, spoc: post, signatory: null }] },
  });
  await invoke(page, host, 'meetings.actions.create', {
    meetingId: null,
    description: 'Share the referral leaflet',
    ownerOrganisationId: org.id,
    ownerPersonId: ada.id,
    dueOn: '2099-01-31',
    status: 'open',
  });

  await open(page, `/partners/organisations/${org.id}`);
  await page.getByRole('button', { name: 'Archive…' }).click();
  const archive = page.getByRole('dialog', { name: 'Archive Harbour Refuge?' });
  const affected = archive.getByRole('list', { name: 'Affected records' });
  await expect(affected.getByRole('listitem')).toHaveCount(1);
  await expect(affected.getByRole('link', { name: 'Share the referral leaflet' })).toBeVisible();
  await expect(affected).toContainText('Open action, due 2099-01-31, owned by Harbour Refuge');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/partners-archive-impact.png' });
  await archive.getByRole('button', { name: 'Keep it' }).click();
  await expect(archive).toHaveCount(0);

  await open(page, `/partners/people/${ada.id}`);
  await page.getByRole('button', { name: 'Erase…' }).click();
  const erase = page.getByRole('dialog', { name: /Erase Ada Lovelace/ });
  const list = erase.getByRole('list', { name: 'Affected records' });
  await expect(list.getByRole('link', { name: 'Refuge ISA' })).toBeVisible();
  await expect(list).toContainText(/Draft, names them as .+\. Those fields will be left empty\./);
  await expect(list.getByRole('link', { name: 'Share the referral leaflet' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/partners-erase-impact.png' });
  // A link takes you to the record and closes the dialog, erasing nothing.
  await list.getByRole('link', { name: 'Refuge ISA' }).click();
  await expect(erase).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`#/documents/${doc.id}$`));
});

test('a stale save of an organisation or a person shows what changed there, then keeps mine or uses theirs', async ({
  page,
  host,
}) => {
  test.slow();
  await page.goto(host.url);
  const { org, ada } = await refuge(page, host);

  // Mine: the notes, typed here. Theirs: the phone, saved from elsewhere meanwhile.
  await open(page, `/partners/organisations/${org.id}/edit`);
  const form = page.getByRole('form', { name: 'Edit organisation' });
  await form.getByRole('textbox', { name: 'Notes' }).fill('Runs the safe house referrals.');
  const stored = await invoke<Record<string, unknown> & { version: number }>(page, host, 'partners.organisations.get', {
    id: org.id,
  });
  const { id: _id, posts: _p, archivedAt: _a, createdAt: _c, updatedAt: _u, version, ...value } = stored;
  await invoke(page, host, 'partners.organisations.update', { id: org.id, version, value: { ...value, phone: '01632 960555' } });
  await form.getByRole('button', { name: 'Save organisation' }).click();
  const notice = form.getByRole('alert');
  await expect(notice).toContainText('This organisation changed somewhere else');
  await expect(notice).toContainText('Changed there: Main phone.');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/partners-stale-organisation.png' });
  await notice.getByRole('button', { name: 'Keep mine' }).click();
  const detail = page.getByRole('region', { name: 'Harbour Refuge' });
  await expect(detail.getByText('Runs the safe house referrals.')).toBeVisible();
  await expect(detail.getByText('01632 960555')).toBeVisible();
  const both = await invoke<{ notes: string; phone: string }>(page, host, 'partners.organisations.get', { id: org.id });
  expect([both.notes, both.phone]).toEqual(['Runs the safe house referrals.', '01632 960555']);

  // A person: both change the pronouns; "Discard mine" loads theirs and saves nothing of mine.
  await open(page, `/partners/people/${ada.id}/edit`);
  const personForm = page.getByRole('form', { name: 'Edit person' });
  await personForm.getByRole('textbox', { name: 'Pronouns' }).fill('she/her');
  const p = await invoke<{
    version: number;
    name: string;
    notes: string;
    source: string;
    lawfulBasis: string;
    lastVerified: null;
  }>(page, host, 'partners.people.get', { id: ada.id });
  await invoke(page, host, 'partners.people.update', {
    id: ada.id,
    version: p.version,
    value: {
      name: p.name,
      pronouns: 'they/them',
      notes: p.notes,
      source: p.source,
      lawfulBasis: p.lawfulBasis,
      lastVerified: null,
    },
  });
  await personForm.getByRole('button', { name: 'Save person' }).click();
  const personNotice = personForm.getByRole('alert');
  await expect(personNotice).toContainText('Both versions changed: Pronouns.');
  await expect(personNotice).toContainText('Changed there: Pronouns.');
  await personNotice.getByRole('button', { name: 'Use theirs' }).click();
  await expect(personForm.getByRole('textbox', { name: 'Pronouns' })).toHaveValue('they/them');
  await personForm.getByRole('button', { name: 'Save person' }).click();
  await expect(page.getByRole('region', { name: /Ada Lovelace/ }).getByText('(they/them)')).toBeVisible();
});

test('a draft kept from an earlier visit is not saved over a change made meanwhile', async ({ page, host }) => {
  test.slow();
  await page.goto(host.url);
  const { ada } = await refuge(page, host);

  // Mine: the pronouns, typed and left unsaved (going to her page in the app keeps the draft).
  await open(page, `/partners/people/${ada.id}/edit`);
  const personForm = page.getByRole('form', { name: 'Edit person' });
  await personForm.getByRole('textbox', { name: 'Pronouns' }).fill('she/her');
  await page.evaluate((h) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = h;
  }, `/partners/people/${ada.id}`);
  const edit = page.getByRole('button', { name: 'Edit', exact: true });
  await expect(edit).toBeVisible();

  // Theirs: her notes, saved from elsewhere while the draft waits.
  type Stored = { version: number; name: string; pronouns: string; notes: string; source: string; lawfulBasis: string };
  const before = await invoke<Stored>(page, host, 'partners.people.get', { id: ada.id });
  const { version, name, pronouns, source, lawfulBasis } = before;
  await invoke(page, host, 'partners.people.update', {
    id: ada.id,
    version,
    value: { name, pronouns, notes: 'Prefers email.', source, lawfulBasis, lastVerified: null },
  });

  // Back to the draft: saving it is refused, and nothing of theirs is lost.
  await edit.click();
  await expect(personForm.getByRole('textbox', { name: 'Pronouns' })).toHaveValue('she/her');
  await expect(personForm.getByRole('textbox', { name: 'Notes' })).toHaveValue('');
  await personForm.getByRole('button', { name: 'Save person' }).click();
  const notice = personForm.getByRole('alert');
  await expect(notice).toContainText('This person’s record changed somewhere else');
  await expect(notice).toContainText('Changed there: Notes.');
  await expect(notice).not.toContainText('Both versions changed');
  const meanwhile = await invoke<Stored>(page, host, 'partners.people.get', { id: ada.id });
  expect([meanwhile.version, meanwhile.pronouns, meanwhile.notes]).toEqual([version + 1, '', 'Prefers email.']);
  await expectAccessible(page);

  // Keep mine, merged from what the draft was edited from: my pronouns and their notes.
  await notice.getByRole('button', { name: 'Keep mine' }).click();
  const view = page.getByRole('region', { name: /Ada Lovelace/ });
  await expect(view.getByText('(she/her)')).toBeVisible();
  await expect(view.getByText('Prefers email.')).toBeVisible();
  const after = await invoke<Stored>(page, host, 'partners.people.get', { id: ada.id });
  expect([after.version, after.pronouns, after.notes]).toEqual([version + 2, 'she/her', 'Prefers email.']);
});
