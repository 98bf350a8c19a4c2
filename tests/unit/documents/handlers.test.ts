import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBuiltInTemplates, setBuiltInTemplates } from '../../../main/documents/templates';
import type { DocumentDetail, TemplateSummary } from '../../../shared/contract/documents';
import { exampleValues } from '../../../shared/documents/resolve';
import { templateSchema } from '../../../shared/documents/template-schema';
import { createTestApp, tempDir } from '../../helpers/db';
import { SAMPLE_PATH, seedDirectory } from '../../helpers/documents';

type App = ReturnType<typeof createTestApp>;
const sampleText = fs.readFileSync(SAMPLE_PATH, 'utf8');

async function ok<T>(app: App, channel: string, payload: unknown): Promise<T> {
  const r = await app.dispatch(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message} ${(r.error.details ?? []).join('; ')}`);
  return r.value as T;
}
async function fails(app: App, channel: string, payload: unknown) {
  const r = await app.dispatch(channel, payload);
  if (r.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return r.error;
}

describe('documents handlers', () => {
  let app: App;
  let dir: { orgs: number[]; contacts: number[] };
  beforeEach(() => {
    setBuiltInTemplates(new Map());
    app = createTestApp();
    dir = seedDirectory(app.db);
  });
  afterEach(() => {
    app.cleanup();
    setBuiltInTemplates(null);
  });

  /** The sample's example values, pointed at the seeded directory ids. */
  const values = () => {
    const v = exampleValues(templateSchema.parse(JSON.parse(sampleText)));
    return {
      ...v,
      lead: dir.orgs[0],
      parties: dir.orgs,
      spoc: dir.contacts[0],
      signatories: dir.contacts,
      dataItems: [{ item: 'Name', purpose: 'To identify the person', special: false, source: dir.orgs[0] }],
    };
  };

  async function newDocument(): Promise<DocumentDetail> {
    await ok(app, 'documents.templates.import', { text: sampleText });
    return ok<DocumentDetail>(app, 'documents.create', { templateKey: 'sample-isa', title: 'Northshire ISA' });
  }

  it('loads built-in templates from a folder, leaving out invalid ones', () => {
    const folder = tempDir();
    fs.copyFileSync(SAMPLE_PATH, path.join(folder, 'sample.json'));
    fs.writeFileSync(path.join(folder, 'broken.json'), '{"format": 1}');
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'ignored');
    const loaded = loadBuiltInTemplates(folder);
    expect([...loaded.keys()]).toEqual(['sample-isa']);
    expect(loadBuiltInTemplates(path.join(folder, 'missing')).size).toBe(0);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('every template shipped in resources/templates is valid', () => {
    const folder = path.resolve('resources/templates');
    const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.json')) : [];
    expect(loadBuiltInTemplates(folder).size).toBe(files.length);
  });

  it('lists built-ins as read-only and custom templates as editable', async () => {
    setBuiltInTemplates(loadBuiltInTemplates(path.dirname(SAMPLE_PATH)));
    const list = await ok<TemplateSummary[]>(app, 'documents.templates.list', {});
    expect(list).toMatchObject([{ key: 'sample-isa', source: 'builtin' }]);
    expect((await fails(app, 'documents.templates.save', { key: 'sample-isa', json: sampleText })).code).toBe('conflict');
    expect((await fails(app, 'documents.templates.delete', { key: 'sample-isa' })).code).toBe('conflict');
    const copy = await ok<TemplateSummary>(app, 'documents.templates.duplicate', { key: 'sample-isa' });
    expect(copy).toMatchObject({ key: 'sample-isa-copy', source: 'custom', basedOn: 'sample-isa' });
    const copy2 = await ok<TemplateSummary>(app, 'documents.templates.duplicate', { key: 'sample-isa' });
    expect(copy2.key).toBe('sample-isa-copy-2');
    const got = await ok<{ json: string }>(app, 'documents.templates.get', { key: copy.key });
    const edited = got.json.replace('(copy)', '(our version)');
    expect(await ok<TemplateSummary>(app, 'documents.templates.save', { key: copy.key, json: edited })).toMatchObject({
      title: 'Sample Information Sharing Agreement (our version)',
    });
    await ok(app, 'documents.templates.delete', { key: copy2.key });
    expect((await ok<TemplateSummary[]>(app, 'documents.templates.list', {})).map((t) => t.key)).toEqual([
      'sample-isa',
      'sample-isa-copy',
    ]);
  });

  it('refuses an invalid template with clear locations and saves nothing', async () => {
    setBuiltInTemplates(loadBuiltInTemplates(path.dirname(SAMPLE_PATH)));
    const copy = await ok<TemplateSummary>(app, 'documents.templates.duplicate', { key: 'sample-isa' });
    const { json } = await ok<{ json: string }>(app, 'documents.templates.get', { key: copy.key });
    const bad = json.replace('"type": "date"', '"type": "when"');
    const err = await fails(app, 'documents.templates.save', { key: copy.key, json: bad });
    expect(err.code).toBe('invalid_request');
    expect(err.message).toMatch(/Nothing was saved/);
    expect(err.details?.[0]).toMatch(/^Line \d+ \(fields\.2\.type\)/);
    const syntax = await fails(app, 'documents.templates.import', { text: '{ "format": 1,, }' });
    expect(syntax.details?.[0]).toMatch(/^Line 1: Not valid JSON/);
    const placeholder = await fails(app, 'documents.templates.save', {
      key: copy.key,
      json: json.replace('{{ purpose }}.', '{{ porpoise }}.'),
    });
    expect(placeholder.details?.join('\n')).toMatch(/\(blocks\.\d+\.text\): \{\{ porpoise \}\} names "porpoise"/);
    expect((await ok<{ json: string }>(app, 'documents.templates.get', { key: copy.key })).json).toBe(json);
    // Import refuses a key that is taken.
    expect((await fails(app, 'documents.templates.import', { text: sampleText })).code).toBe('conflict');
  });

  it('exports a template file as a download', async () => {
    await ok(app, 'documents.templates.import', { text: sampleText });
    const out = await ok<{ status: string; fileName: string }>(app, 'documents.templates.export', { key: 'sample-isa' });
    expect(out).toMatchObject({ status: 'download', fileName: 'Sample Information Sharing Agreement.json' });
    expect(new TextDecoder().decode(app.saved[0]!.bytes)).toBe(sampleText);
  });

  it('creates, autosaves, reviews, agrees, revises and versions a document', async () => {
    const doc = await newDocument();
    expect(doc).toMatchObject({ status: 'draft', versionLabel: '0.1', revision: 0, parties: [], marking: 'OFFICIAL' });

    const saved = await ok<{ revision: number }>(app, 'documents.update', { id: doc.id, revision: 0, values: values() });
    expect(saved.revision).toBe(1);
    // A stale autosave is refused rather than overwriting newer work.
    expect((await fails(app, 'documents.update', { id: doc.id, revision: 0, values: {} })).code).toBe('stale');
    // Values must fit their fields.
    const bad = await fails(app, 'documents.update', { id: doc.id, revision: 1, values: { startDate: 'tomorrow', nope: 1 } });
    expect(bad.code).toBe('invalid_request');

    const got = await ok<DocumentDetail>(app, 'documents.get', { id: doc.id });
    expect(got.parties).toEqual(['Northshire County Council', 'Northshire Police']);
    expect(got.signatories.map((s) => s.contactId)).toEqual(dir.contacts);

    // Agreeing needs review first, and every required field.
    expect((await fails(app, 'documents.agree', { id: doc.id, note: 'x' })).code).toBe('conflict');
    await ok(app, 'documents.setStatus', { id: doc.id, status: 'in_review' });
    await ok(app, 'documents.update', { id: doc.id, revision: 2, values: { ...values(), purpose: '' } });
    const missing = await fails(app, 'documents.agree', { id: doc.id, note: 'x' });
    expect(missing.message).toContain('Purpose');
    await ok(app, 'documents.update', { id: doc.id, revision: 3, values: values() });

    const agreed = await ok<DocumentDetail>(app, 'documents.agree', {
      id: doc.id,
      note: 'Agreed at the board',
      agreedBy: 'Chair',
    });
    expect(agreed).toMatchObject({ status: 'agreed', versionLabel: '1.0', versions: 1 });
    expect((await fails(app, 'documents.update', { id: doc.id, revision: agreed.revision, values: {} })).code).toBe('conflict');

    // Revise: draft 1.1, change the purpose, agree version 2.
    const revising = await ok<DocumentDetail>(app, 'documents.setStatus', { id: doc.id, status: 'draft' });
    expect(revising.versionLabel).toBe('1.1');
    await ok(app, 'documents.update', {
      id: doc.id,
      revision: revising.revision,
      values: { ...values(), purpose: 'to protect people at risk of exploitation' },
    });
    await ok(app, 'documents.setStatus', { id: doc.id, status: 'in_review' });
    const v2 = await ok<DocumentDetail>(app, 'documents.agree', { id: doc.id, note: 'Second' });
    expect(v2.versionLabel).toBe('2.0');

    const versions = await ok<{ number: number; agreedBy: string; note: string }[]>(app, 'documents.versions.list', {
      id: doc.id,
    });
    expect(versions.map((v) => [v.number, v.agreedBy, v.note])).toEqual([
      [2, 'The coordinator', 'Second'],
      [1, 'Chair', 'Agreed at the board'],
    ]);
    const v1 = await ok<{ tree: { blocks: unknown[]; meta: { version: string } } }>(app, 'documents.versions.get', {
      id: doc.id,
      number: 1,
    });
    expect(v1.tree.meta.version).toBe('1.0');
    expect(JSON.stringify(v1.tree)).toContain('to identify and safeguard');
    expect(JSON.stringify(v1.tree)).not.toContain('starting point');

    const diff = await ok<{ value: string; added?: boolean; removed?: boolean }[]>(app, 'documents.versions.diff', {
      id: doc.id,
      from: 1,
      to: 2,
    });
    expect(
      diff
        .filter((p) => p.removed)
        .map((p) => p.value)
        .join(''),
    ).toContain('identify');
    expect(
      diff
        .filter((p) => p.added)
        .map((p) => p.value)
        .join(''),
    ).toContain('protect');

    // Lifecycle rules are enforced in main.
    await ok(app, 'documents.setStatus', { id: doc.id, status: 'superseded' });
    expect((await fails(app, 'documents.setStatus', { id: doc.id, status: 'draft' })).code).toBe('conflict');
    expect((await fails(app, 'documents.setStatus', { id: 9999, status: 'draft' })).code).toBe('not_found');
    expect((await fails(app, 'documents.setStatus', { id: doc.id, status: 'agreed' })).code).toBe('invalid_request');

    const audit = app.db.prepare("SELECT action FROM audit_log WHERE entity = 'document'").pluck().all();
    expect(audit).toContain('agree');
    expect(audit).toContain('status');
  });

  it('exports the current draft, a version, and a public-safe copy', async () => {
    const doc = await newDocument();
    await ok(app, 'documents.update', { id: doc.id, revision: 0, values: { ...values(), purpose: 'ok\u0001\u0002' } });
    const out = await ok<{ outcome: { status: string; fileName: string; base64: string }; removedCharacters: number }>(
      app,
      'documents.export',
      { id: doc.id, publicSafe: false },
    );
    // Two forbidden characters, and the purpose appears twice in the document.
    expect(out.removedCharacters).toBe(4);
    expect(out.outcome.fileName).toBe('Northshire ISA v0.1.docx');
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(out.outcome.base64, 'base64') })).value;
    expect(text).toContain('Northshire Police');
    expect(text).toContain('Alex Morgan');

    const pub = await ok<{ outcome: { fileName: string; base64: string } }>(app, 'documents.export', {
      id: doc.id,
      publicSafe: true,
    });
    expect(pub.outcome.fileName).toBe('Northshire ISA v0.1 public.docx');
    const pubText = (await mammoth.extractRawText({ buffer: Buffer.from(pub.outcome.base64, 'base64') })).value;
    expect(pubText).not.toContain('Alex Morgan');
    expect(pubText).not.toContain('alex.morgan@police.example');
    expect(pubText).toContain('Detective Inspector');

    await ok(app, 'documents.update', { id: doc.id, revision: 1, values: values() });
    await ok(app, 'documents.setStatus', { id: doc.id, status: 'in_review' });
    await ok(app, 'documents.agree', { id: doc.id, note: '' });
    const v = await ok<{ outcome: { fileName: string; base64: string } }>(app, 'documents.export', {
      id: doc.id,
      version: 1,
      publicSafe: true,
    });
    expect(v.outcome.fileName).toBe('Northshire ISA v1.0 public.docx');
    expect((await mammoth.extractRawText({ buffer: Buffer.from(v.outcome.base64, 'base64') })).value).not.toContain(
      'Jo Williams',
    );
    expect((await fails(app, 'documents.export', { id: doc.id, version: 7, publicSafe: false })).code).toBe('not_found');
  });

  it('saves and exports a 100,000-character value, RTL text and emoji intact', async () => {
    const doc = await newDocument();
    const scope = `${'مرحبا بالعالم 👩🏽‍⚖️ <&> '.repeat(4_000)}`.slice(0, 100_000);
    await ok(app, 'documents.update', { id: doc.id, revision: 0, values: { ...values(), scope } });
    expect((await ok<DocumentDetail>(app, 'documents.get', { id: doc.id })).values.scope).toBe(scope);
    const out = await ok<{ outcome: { base64: string }; removedCharacters: number }>(app, 'documents.export', {
      id: doc.id,
      publicSafe: false,
    });
    expect(out.removedCharacters).toBe(0);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(out.outcome.base64, 'base64') })).value;
    expect(text).toContain(scope);
  });

  it('tracks signatures in the matrix and lists documents due for review', async () => {
    const doc = await newDocument();
    const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await ok(app, 'documents.update', { id: doc.id, revision: 0, values: values(), reviewDate: soon });
    const other = await ok<DocumentDetail>(app, 'documents.create', { templateKey: 'sample-isa', title: 'Later' });
    await ok(app, 'documents.update', {
      id: other.id,
      revision: 0,
      reviewDate: '2099-01-01',
      values: { parties: [dir.orgs[0]] },
    });
    await ok(app, 'documents.setStatus', { id: doc.id, status: 'in_review' });
    await ok(app, 'documents.agree', { id: doc.id, note: '' });

    let matrix = await ok<{ documents: { id: number }[]; organisations: { name: string; cells: string[] }[] }>(
      app,
      'documents.matrix',
      {},
    );
    expect(matrix.documents.map((d) => d.id)).toEqual([doc.id]);
    expect(matrix.organisations.map((o) => [o.name, o.cells])).toEqual([
      ['Northshire County Council', ['not_signed']],
      ['Northshire Police', ['not_signed']],
    ]);
    await ok(app, 'documents.sign', { id: doc.id, contactId: dir.contacts[0], signedOn: '2026-11-01' });
    matrix = await ok(app, 'documents.matrix', {});
    expect(matrix.organisations.map((o) => o.cells[0])).toEqual(['not_signed', 'signed']);
    expect((await fails(app, 'documents.sign', { id: doc.id, contactId: 999, signedOn: null })).code).toBe('not_found');

    const due = await ok<{ id: number; daysUntilReview: number }[]>(app, 'documents.reviewDue', {});
    expect(due.map((d) => d.id)).toEqual([doc.id]);
    expect(due[0]!.daysUntilReview).toBe(30);
    expect((await ok<{ id: number }[]>(app, 'documents.list', { reviewDue: true })).map((d) => d.id)).toEqual([doc.id]);
    expect((await ok<{ id: number }[]>(app, 'documents.list', { status: 'draft' })).map((d) => d.id)).toEqual([other.id]);
    expect((await ok<{ id: number }[]>(app, 'documents.list', { query: 'lat' })).map((d) => d.id)).toEqual([other.id]);
    // A revision in progress leaves the agreed version in force; a withdrawn document leaves the matrix.
    await ok(app, 'documents.setStatus', { id: doc.id, status: 'draft' });
    matrix = await ok(app, 'documents.matrix', {});
    expect(matrix.documents.map((d) => d.id)).toEqual([doc.id]);
    await ok(app, 'documents.setStatus', { id: doc.id, status: 'withdrawn' });
    expect((await ok<{ documents: unknown[] }>(app, 'documents.matrix', {})).documents).toEqual([]);
  });

  it('looks up the directory: current posts only, archived organisations hidden', async () => {
    const orgs = await ok<{ name: string }[]>(app, 'directory.organisations.search', { query: 'north' });
    expect(orgs.map((o) => o.name)).toEqual(['Northshire County Council', 'Northshire Police']);
    app.db.prepare("UPDATE organisations SET archived_at = '2026-01-01' WHERE id = ?").run(dir.orgs[1]);
    app.db.prepare("UPDATE posts SET ended_on = '2026-01-01' WHERE id = ?").run(dir.contacts[0]);
    expect((await ok<unknown[]>(app, 'directory.organisations.search', { query: '' })).length).toBe(1);
    expect(await ok<unknown[]>(app, 'directory.contacts.search', { query: '' })).toEqual([]);
    const resolved = await ok<{ contacts: { name: string }[] }>(app, 'directory.resolve', {
      organisationIds: dir.orgs,
      contactIds: dir.contacts,
    });
    expect(resolved.contacts.map((c) => c.name)).toEqual(['Alex Morgan', 'Jo Williams']);
    expect((await fails(app, 'directory.contacts.search', { query: 'x', limit: 5000 })).code).toBe('invalid_request');
  });
});
