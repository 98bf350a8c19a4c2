import fs from 'node:fs';
import { Document, Footer, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setBuiltInTemplates } from '../../../main/documents/templates';
import type { StaleDocument } from '../../../shared/contract/document-checks';
import type { DocumentDetail } from '../../../shared/contract/documents';
import type { StaleFinding } from '../../../shared/documents/stale-references';
import { createTestApp } from '../../helpers/db';
import { SAMPLE_PATH, seedDirectory } from '../../helpers/documents';

type App = ReturnType<typeof createTestApp>;
async function ok<T>(app: App, channel: string, payload: unknown): Promise<T> {
  const r = await app.dispatch(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message} ${(r.error.details ?? []).join('; ')}`);
  return r.value as T;
}

/** A 2018-style agreement, as partnerships still hold them. */
async function oldAgreement(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        footers: { default: new Footer({ children: [new Paragraph('NOT PROTECTIVELY MARKED')] }) },
        children: [
          new Paragraph({ text: 'Legal basis', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('Information is shared under the '),
              new TextRun({ text: 'Data Protection Act 1998', bold: true }),
              new TextRun(' and the EU Data Protection Directive.'),
            ],
          }),
          new Paragraph({ text: 'Contacts', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Send referrals to msu@northshire.gcsx.gov.uk &amp; the UKHTC.'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('stale-reference checks', () => {
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

  it('reads a Word document in main and lists its stale references under their headings, storing nothing', async () => {
    const tables = () =>
      (app.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
    const rowsBefore = (app.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    const before = tables();
    const bytes = await oldAgreement();
    const r = await ok<{ name: string; paragraphs: number; findings: StaleFinding[] }>(app, 'documents.checks.word', {
      name: 'Old ISA.docx',
      base64: Buffer.from(bytes).toString('base64'),
    });
    expect(r.paragraphs).toBe(5);
    expect(r.findings.map((f) => [f.where, f.ruleId])).toEqual([
      ['Legal basis', 'dpa-1998'],
      ['Legal basis', 'data-protection-directive'],
      ['Contacts', 'gsi-address'],
      ['Contacts', 'ukhtc'],
      ['Footer', 'not-protectively-marked'],
    ]);
    expect(r.findings[2]!.found).toBe('msu@northshire.gcsx.gov.uk');
    expect(tables()).toBe(before);
    expect((app.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(rowsBefore);
  });

  it('refuses a file that is not a Word document', async () => {
    const r = await app.dispatch('documents.checks.word', { name: 'notes.txt', base64: Buffer.from('hello').toString('base64') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('is not a Word document');
  });

  it('lists stored documents that still have stale references, and checks an imported template', async () => {
    const sample = JSON.parse(fs.readFileSync(SAMPLE_PATH, 'utf8')) as { key: string; guidance: string };
    sample.key = 'old-isa';
    sample.guidance += ' Mark the completed form RESTRICTED.';
    await ok(app, 'documents.templates.import', { text: JSON.stringify(sample) });
    const findings = await ok<StaleFinding[]>(app, 'documents.checks.template', { key: 'old-isa' });
    expect(findings.map((f) => [f.where, f.ruleId])).toEqual([['Template description', 'restricted']]);

    const clean = await ok<DocumentDetail>(app, 'documents.create', { templateKey: 'old-isa', title: 'Clean' });
    const stale = await ok<DocumentDetail>(app, 'documents.create', { templateKey: 'old-isa', title: 'Stale' });
    await ok(app, 'documents.update', {
      id: clean.id,
      revision: 0,
      values: { purpose: 'to protect victims', parties: dir.orgs },
    });
    await ok(app, 'documents.update', { id: stale.id, revision: 0, values: { purpose: 'to brief the UK Border Agency' } });
    const list = await ok<StaleDocument[]>(app, 'documents.checks.stored', {});
    expect(list.map((d) => d.title)).toEqual(['Stale']);
    expect(list[0]!.findings[0]).toMatchObject({ ruleId: 'uk-border-agency', found: 'UK Border Agency' });
  });
});
