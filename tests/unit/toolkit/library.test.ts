import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { erasePerson } from '../../../main/partners/erasure';
import { setLinkFetcher } from '../../../main/toolkit/handlers';
import { checkLinks, seedCatalogue, shippedCatalogue } from '../../../main/toolkit/resources';
import type { AgendaItem, MeetingDetail } from '../../../shared/meetings/model';
import type { Resource, ResourcePage } from '../../../shared/toolkit/resources';
import { RESOURCE_FILE_LIMIT_BYTES, catalogueSchema } from '../../../shared/toolkit/resources';
import { createTestApp } from '../../helpers/db';
import type { App } from './helpers';
import { fails, ok } from './helpers';

let app: App;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => {
  setLinkFetcher(null);
  app.cleanup();
});

const search = (payload: Record<string, unknown>) => ok<ResourcePage>(app, 'toolkit.resources.search', payload);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const fields = { title: 'Northshire referral protocol', type: 'guidance', summary: 'Local steps for referring adults.' };

describe('the shipped catalogue', () => {
  it('passes its schema, holds over 100 entries with unique keys, and links only where a source gave one', () => {
    const raw = JSON.parse(fs.readFileSync(path.resolve('resources/toolkit/catalogue.json'), 'utf8')) as unknown;
    const catalogue = catalogueSchema.parse(raw);
    expect(catalogue.entries.length).toBeGreaterThanOrEqual(100);
    const csvTitles = new Set(catalogue.entries.filter((e) => e.source === 'toolkit-catalogue').map((e) => e.title));
    expect(csvTitles.has('Localism Act 2011')).toBe(true);
    // Entries from the Commissioner's resources page and the newsletter carry no addresses: none were given.
    for (const e of catalogue.entries.filter((e) => e.source !== 'toolkit-catalogue')) expect(e.url, e.key).toBe('');
    for (const e of catalogue.entries) {
      if (e.type !== 'legislation') expect(e.summary, e.key).not.toBe('');
      if (e.url) expect(e.url).toMatch(/^https?:\/\//);
    }
    expect(catalogue.entries.filter((e) => e.mayBeBroken).length).toBeGreaterThan(5);
  });

  it('refuses a catalogue with a duplicate key or a two-sentence summary', () => {
    const one = shippedCatalogue().entries[0]!;
    expect(catalogueSchema.safeParse({ version: 1, entries: [one, one] }).success).toBe(false);
    expect(catalogueSchema.safeParse({ version: 1, entries: [{ ...one, summary: 'One. Two.' }] }).success).toBe(false);
  });

  it('seeds once; a second run adds only new keys', () => {
    const n = seedCatalogue(app.db);
    expect(n).toBe(shippedCatalogue().entries.length);
    expect(seedCatalogue(app.db)).toBe(0);
    const broken = app.db.prepare("SELECT count(*) FROM toolkit_resources WHERE link_status = 'may_be_broken'").pluck().get();
    expect(broken).toBe(shippedCatalogue().entries.filter((e) => e.mayBeBroken).length);
  });
});

describe('searching the library', () => {
  it('finds the hand car wash research by words in the title or summary', async () => {
    const r = await search({ text: 'car wash' });
    expect(r.items.map((i) => i.title)).toContain('Modern slavery in hand car washes in the UK');
    expect(r.items[0]!.title).toMatch(/car wash/i);
    expect((await search({ text: 'supply chains', type: 'guidance' })).items.every((i) => i.type === 'guidance')).toBe(true);
  });

  it('filters by topic, audience, year and date added', async () => {
    const children = await search({ topic: 'children', limit: 500 });
    expect(children.total).toBeGreaterThan(3);
    expect(children.items.every((i) => i.topics.includes('children'))).toBe(true);
    const health = await search({ audience: 'health', limit: 500 });
    expect(health.items.every((i) => i.audience.includes('health'))).toBe(true);
    const y2017 = await search({ year: 2017, limit: 500 });
    expect(y2017.total).toBeGreaterThan(0);
    expect(y2017.items.every((i) => i.year === 2017)).toBe(true);
    expect((await search({ addedSince: '2999-01-01' })).total).toBe(0);
  });

  it('treats typed punctuation as text, not search syntax', async () => {
    expect((await search({ text: '"NEAR( OR *' })).total).toBe(0);
  });
});

describe('adding to the library', () => {
  it('keeps a PDF inside the store, searchable and downloadable', async () => {
    const added = await ok<Resource>(app, 'toolkit.resources.addFile', {
      ...fields,
      fileName: 'protocol.pdf',
      base64: PDF.toString('base64'),
    });
    expect(added.file).toEqual({ name: 'protocol.pdf', mime: 'application/pdf', size: PDF.length });
    const stored = app.db.prepare('SELECT file_bytes FROM toolkit_resources WHERE id = ?').pluck().get(added.id) as Buffer;
    expect(Buffer.compare(stored, PDF)).toBe(0);
    expect((await search({ text: 'referral protocol' })).items[0]!.id).toBe(added.id);
    await ok(app, 'toolkit.resources.download', { id: added.id });
    expect(Buffer.compare(Buffer.from(app.saved[0]!.bytes), PDF)).toBe(0);
  });

  it('refuses a file over the limit with its size, a file that is not what it says, and a path', async () => {
    const big = Buffer.alloc(RESOURCE_FILE_LIMIT_BYTES + 1024, 0x20);
    PDF.copy(big);
    const tooBig = await fails(app, 'toolkit.resources.addFile', {
      ...fields,
      fileName: 'big.pdf',
      base64: big.toString('base64'),
    });
    expect(tooBig.message).toBe(
      '"big.pdf" is 20.0 MB. Files kept inside Concordat can be up to 20.0 MB; add a link to it instead, or save a smaller copy.',
    );
    const fake = await fails(app, 'toolkit.resources.addFile', {
      ...fields,
      fileName: 'x.pdf',
      base64: Buffer.from('hello').toString('base64'),
    });
    expect(fake.message).toMatch(/does not look like a \.pdf file/);
    const exe = await fails(app, 'toolkit.resources.addFile', { ...fields, fileName: 'x.exe', base64: PDF.toString('base64') });
    expect(exe.message).toMatch(/not one of them/);
    const withPath = await fails(app, 'toolkit.resources.addFile', {
      ...fields,
      fileName: '../x.pdf',
      base64: PDF.toString('base64'),
    });
    expect(withPath.message).toMatch(/plain name/);
    expect(app.db.prepare("SELECT count(*) FROM toolkit_resources WHERE source = 'user'").pluck().get()).toBe(0);
  });

  it('adds a link only with a web address', async () => {
    const r = await ok<Resource>(app, 'toolkit.resources.addLink', { ...fields, url: 'https://example.org/protocol' });
    expect(r).toMatchObject({ url: 'https://example.org/protocol', linkStatus: 'unchecked', source: 'user' });
    expect((await fails(app, 'toolkit.resources.addLink', { ...fields, url: 'javascript:alert(1)' })).code).toBe(
      'invalid_request',
    );
  });

  it('attaches a resource to a meeting agenda item as a paper', async () => {
    const group = await ok<{ id: number }>(app, 'meetings.groups.create', { name: 'Board', kind: 'strategic_board' });
    const meeting = await ok<MeetingDetail>(app, 'meetings.create', {
      title: 'Board',
      groupId: group.id,
      type: 'strategic_board',
      startsAt: '2027-01-10T10:00:00+00:00',
      endsAt: '2027-01-10T12:00:00+00:00',
      location: '',
      onlineLink: '',
      chairPersonId: null,
      minuteTakerPersonId: null,
      marking: 'OFFICIAL',
      status: 'planned',
    });
    const link = (await search({ text: 'Localism' })).items[0]!;
    const item = await ok<AgendaItem>(app, 'toolkit.resources.attachToAgenda', {
      resourceId: link.id,
      agendaItemId: meeting.agenda[0]!.id,
    });
    expect(item.papers).toEqual([expect.objectContaining({ kind: 'link', title: 'Localism Act 2011', url: link.url })]);
  });
});

describe('resources on checklist answers', () => {
  it('keeps the attached resources with the answer and finds them by their stable ids', async () => {
    const r = (await search({ text: 'Collaborating for freedom' })).items[0]!;
    const saved = await ok<{ assessment: { answers: Record<string, { resourceIds: string[] }> } }>(
      app,
      'toolkit.assessments.save',
      {
        answers: { purpose: { answer: 'yes', resourceIds: [r.uid] } },
      },
    );
    expect(saved.assessment.answers['purpose']!.resourceIds).toEqual([r.uid]);
    const found = await ok<Resource[]>(app, 'toolkit.resources.byUids', { uids: [r.uid, 'gone'] });
    expect(found.map((x) => x.title)).toEqual([r.title]);
  });
});

describe('checking links', () => {
  it('records what the injected fetcher found, with the date', async () => {
    seedCatalogue(app.db);
    const linked = (await search({ text: 'Localism' })).items[0]!;
    const helpline = (await search({ text: 'helpline' })).items.find((i) => i.url)!;
    const seen: string[] = [];
    const r = await checkLinks(
      app.db,
      [linked.id, helpline.id],
      async (url) => {
        seen.push(url);
        return url.includes('legislation.gov.uk');
      },
      new Date('2026-12-01T10:00:00Z'),
    );
    expect(r).toEqual({ checked: 2, broken: 1 });
    expect(seen.sort()).toEqual([linked.url, helpline.url].sort());
    const after = await ok<Resource>(app, 'toolkit.resources.get', { id: helpline.id });
    expect(after).toMatchObject({ linkStatus: 'may_be_broken', linkCheckedOn: '2026-12-01' });
    expect((await ok<Resource>(app, 'toolkit.resources.get', { id: linked.id })).linkStatus).toBe('ok');
  });

  it('goes through the handler with the fetcher tests inject, never the network', async () => {
    setLinkFetcher(async () => false);
    const linked = (await search({ text: 'Localism' })).items[0]!;
    expect(await ok(app, 'toolkit.resources.checkLinks', { ids: [linked.id] })).toEqual({ checked: 1, broken: 1 });
  });
});

describe('erasure reaches the toolkit', () => {
  it('removes the person’s training records and scrubs their name from notes and answers', async () => {
    await ok(app, 'examples.loadPartnership', {});
    const grace = app.db.prepare("SELECT id FROM people WHERE name = 'Grace Okafor'").pluck().get() as number;
    expect(app.db.prepare('SELECT count(*) FROM training_records WHERE person_id = ?').pluck().get(grace)).toBe(1);
    const res = (await search({ text: 'car wash' })).items[0]!;
    await ok(app, 'toolkit.resources.updateNotes', { id: res.id, notes: 'Grace Okafor recommended this.' });
    await ok(app, 'toolkit.assessments.save', { answers: { survivors: { answer: 'partly', notes: 'Ask Grace Okafor' } } });
    erasePerson(app.db, grace, 'Grace Okafor');
    expect(app.db.prepare('SELECT count(*) FROM training_records WHERE person_id = ?').pluck().get(grace)).toBe(0);
    expect((await ok<Resource>(app, 'toolkit.resources.get', { id: res.id })).notes).toBe('[erased person] recommended this.');
    expect((await search({ text: 'Okafor' })).total).toBe(0);
    const answers = app.db.prepare('SELECT answers_json FROM toolkit_assessments').pluck().get() as string;
    expect(answers).not.toContain('Okafor');
    expect(JSON.parse(answers).survivors.notes).toBe('Ask [erased person]');
  });
});
