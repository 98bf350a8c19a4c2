import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agree } from '../../../main/documents/service';
import { setBuiltInTemplates } from '../../../main/documents/templates';
import type { DocumentDetail, VersionDetail } from '../../../shared/contract/documents';
import { addMonths, documentGaps, reviewCycleMonths } from '../../../shared/documents/gaps';
import { exampleValues, resolve } from '../../../shared/documents/resolve';
import type { Template } from '../../../shared/documents/template-schema';
import { templateSchema } from '../../../shared/documents/template-schema';
import { treeToText } from '../../../shared/documents/text';
import { createTestApp } from '../../helpers/db';
import { SAMPLE_PATH, sampleContext, seedDirectory } from '../../helpers/documents';

type App = ReturnType<typeof createTestApp>;

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

/** The sample template with a review cycle, an optional field printed in the text, and a block that can be switched off. */
function ruledTemplate(): Template {
  const t = JSON.parse(fs.readFileSync(SAMPLE_PATH, 'utf8')) as Template;
  t.key = 'ruled-isa';
  t.fields.push(
    {
      key: 'reviewCycle',
      label: 'How often it is reviewed',
      type: 'choice',
      section: 'about',
      options: [
        { value: 'annually', label: 'Every year' },
        { value: 'everyTwoYears', label: 'Every two years' },
      ],
    },
    { key: 'dpoName', label: 'Data protection officer consulted', type: 'text', section: 'about' },
    { key: 'hasAppendix', label: 'Include an appendix', type: 'yesNo', section: 'about' },
    { key: 'appendixText', label: 'Appendix text', type: 'text', section: 'about' },
  );
  t.blocks.push(
    { type: 'paragraph', text: 'Review date: {{ document.reviewDate | longDate }}.' },
    { type: 'paragraph', text: 'Our data protection officer, {{ dpoName }}, was consulted.' },
    { type: 'paragraph', when: { field: 'hasAppendix', equals: true }, text: 'Appendix: {{ appendixText }}' },
  );
  return templateSchema.parse(t);
}

describe('an agreed document has no gaps', () => {
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

  const values = (template: Template) => ({
    ...exampleValues(template),
    lead: dir.orgs[0],
    parties: dir.orgs,
    spoc: dir.contacts[0],
    signatories: dir.contacts,
    witnesses: [{ name: 'Sam Patel', position: 'Chair', organisation: 'Northshire Partnership' }],
    dataItems: [{ item: 'Name', purpose: 'To identify the person', special: false, source: dir.orgs[0] }],
  });

  async function inReview(template: Template, vals: Record<string, unknown>) {
    await ok(app, 'documents.templates.import', { text: JSON.stringify(template) });
    const doc = await ok<DocumentDetail>(app, 'documents.create', { templateKey: template.key, title: 'Ruled ISA' });
    await ok(app, 'documents.update', { id: doc.id, revision: 0, values: vals });
    await ok(app, 'documents.setStatus', { id: doc.id, status: 'in_review' });
    return doc.id;
  }

  it('refuses while the resolved document has a gap, listing the gaps by label, and ignores switched-off blocks', async () => {
    const template = ruledTemplate();
    // Every required field is filled; the review cycle and the DPO are not required but print in the text.
    const id = await inReview(template, { ...values(template), hasAppendix: false });
    const refused = await fails(app, 'documents.agree', { id, note: '' });
    expect(refused.code).toBe('invalid_request');
    expect(refused.message).toBe('Fill these in before agreeing: Review date, Data protection officer consulted.');
    expect(refused.details).toEqual(['Review date is not given yet', 'Data protection officer consulted is not given yet']);
    // The appendix is switched off, so its empty text does not count.
    expect(refused.message).not.toContain('Appendix text');
  });

  it('sets the review date from the review cycle, counted from the day it is agreed', async () => {
    const template = ruledTemplate();
    const id = await inReview(template, { ...values(template), reviewCycle: 'everyTwoYears', dpoName: 'Dana Reed' });
    const d = agree(app.db, id, '', 'Chair', { today: '2026-12-01' });
    expect(d.status).toBe('agreed');
    expect(d.reviewDate).toBe('2028-12-01');
    const v = await ok<VersionDetail>(app, 'documents.versions.get', { id, number: 1 });
    const text = treeToText(v.tree);
    expect(text).toContain('Review date: 1 December 2028.');
    expect(text).not.toContain('[not yet given');
  });

  it('asks for stale references to be acknowledged before agreeing', async () => {
    const template = ruledTemplate();
    const id = await inReview(template, {
      ...values(template),
      reviewCycle: 'annually',
      dpoName: 'Dana Reed',
      purpose: 'to meet the Data Protection Act 1998 and brief the UKHTC',
    });
    const refused = await fails(app, 'documents.agree', { id, note: '' });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/still has \d+ out-of-date references/);
    expect(refused.details?.join('\n')).toContain('“UKHTC”');
    expect(refused.details?.join('\n')).toContain('Use instead: UK GDPR and the Data Protection Act 2018.');
    const agreed = await ok<DocumentDetail>(app, 'documents.agree', { id, note: '', acknowledgeStale: true });
    expect(agreed.status).toBe('agreed');
  });
});

describe('review cycles and gaps (pure)', () => {
  it('reads a cycle from the option value or its label', () => {
    const t = ruledTemplate();
    expect(reviewCycleMonths(t, { reviewCycle: 'annually' })).toBe(12);
    expect(reviewCycleMonths(t, { reviewCycle: 'everyTwoYears' })).toBe(24);
    expect(reviewCycleMonths(t, {})).toBeNull();
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-11-15', 24)).toBe('2029-11-15');
  });

  it('counts each gap once by label, leaving guidance out', () => {
    const t = ruledTemplate();
    const gaps = documentGaps(resolve(t, {}, sampleContext()));
    const labels = gaps.map((g) => g.label);
    expect(labels).toContain('Purpose');
    expect(labels).toContain('Review date');
    expect(new Set(labels).size).toBe(labels.length);
  });
});

const TEMPLATES = path.resolve('resources/templates');
const builtIns = fs
  .readdirSync(TEMPLATES)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('a gap label is the field label, never an internal key', () => {
  const looksLikeKey = (label: string) =>
    /\b[a-z]+[A-Z][A-Za-z0-9]*\b/.test(label) || // camelCase
    /\b[a-zA-Z]+\.[a-zA-Z]+\b/.test(label) || // dotted path
    /\b[a-z0-9]+-[a-z0-9]+-[a-z0-9-]+\b/.test(label) || // kebab-case code
    /\b[a-z]+_[a-z]+\b/.test(label); // snake_case

  it.each(builtIns)('%s, resolved with no values', (file) => {
    const template = templateSchema.parse(JSON.parse(fs.readFileSync(path.join(TEMPLATES, file), 'utf8')));
    const keys = new Set<string>();
    const collect = (fields: readonly { key: string; fields?: readonly { key: string }[] | undefined }[]) => {
      for (const f of fields) {
        keys.add(f.key);
        if (f.fields) collect(f.fields);
      }
    };
    collect(template.fields);
    for (const values of [{}, exampleValues(template)]) {
      const labels = documentGaps(resolve(template, values, sampleContext({ includeGuidance: false }))).map((g) => g.label);
      const bad = labels.filter((l) => looksLikeKey(l) || l.split(/[\s:]+/).some((w) => keys.has(w) && /[A-Z]/.test(w)));
      expect(bad).toEqual([]);
    }
  });
});
