import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CITABLE_LAW, citableLaw } from '../../../shared/documents/citable-law';
import { findCitations, uncitable } from '../../../shared/documents/citations';

const TEMPLATES = path.resolve('resources/templates');
const templateFiles = fs
  .readdirSync(TEMPLATES)
  .filter((f) => f.endsWith('.json'))
  .sort();

/** Keys whose values are identifiers, never printed. */
const IDENTIFIERS = new Set([
  'key',
  'value',
  'section',
  'field',
  'repeat',
  'as',
  'each',
  'from',
  'type',
  'format',
  'category',
  'includes',
  'equals',
  'oneOf',
]);

/** Every string of a template that a person reads: labels, help, guidance, block text, examples. */
function printable(v: unknown, key = ''): string[] {
  if (typeof v === 'string') return IDENTIFIERS.has(key) ? [] : [v];
  if (Array.isArray(v)) return v.flatMap((x) => printable(x, key));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => printable(x, k));
  return [];
}

const refs = (text: string) => findCitations(text).map((c) => [c.text, c.entryId]);

describe('the list of law the product may cite', () => {
  it('has unique ids, parents that exist and a reviewed date', () => {
    const ids = CITABLE_LAW.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of CITABLE_LAW) {
      if (e.parent) expect(citableLaw(e.parent), `${e.id}'s parent`).toBeDefined();
      expect(e.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.jurisdiction.length).toBeGreaterThan(0);
      expect(e.matchers.length, e.id).toBeGreaterThan(0);
    }
  });

  it('summarises each entry in two plain sentences', () => {
    for (const e of CITABLE_LAW) {
      const sentences = e.summary.split(/(?<=[.!?])\s+(?=[A-Z])/);
      expect(sentences, e.id).toHaveLength(2);
    }
  });

  it('recognises every entry by its own title', () => {
    for (const e of CITABLE_LAW) {
      const found = findCitations(e.title);
      expect(found.some((c) => c.entryId === e.id) || e.matchers.some((m) => m.test(e.title)), `${e.id}: "${e.title}"`).toBe(
        true,
      );
    }
  });

  it('reads provisions against the instrument they belong to', () => {
    expect(refs('Section 47 of the Children Act 1989')).toContainEqual(['Section 47', 'children-act-1989-s47']);
    expect(refs('Children Act 2004 s11 and Care Act 2014 s42 are duties')).toEqual([
      ['Children Act 2004', 'children-act-2004'],
      ['s11', 'children-act-2004-s11'],
      ['Care Act 2014', 'care-act-2014'],
      ['s42', 'care-act-2014-s42'],
    ]);
    expect(refs('UK GDPR Article 6(1)(ea) recognised legitimate interest')).toContainEqual(['Article 6(1)(ea)', 'uk-gdpr-art-6']);
    expect(refs('Data Protection Act 2018 Schedule 1 paragraphs 6, 10 and 18').filter((r) => r[1] === null)).toEqual([]);
    expect(refs('DPA 2018 s164A: complaints')).toContainEqual(['s164A', 'dpa-2018-s164a']);
    expect(refs('sections 40 to 44 of the Modern Slavery Act 2015')[0]).toEqual(['sections 40 to 44', 'msa-2015-s40-s44']);
  });

  it('finds citations that are not on the list', () => {
    const bad = [
      'Data Protection Act 1998',
      'under section 29 of the Data Protection Act 1998',
      'Human Rights Act 1998 Article 8',
      'Crime and Disorder Act 1998 s17',
      'UK GDPR Article 6(1)(g)',
      'regulation 5 of the regulations',
      'The Equality Act 2010 applies',
      'the Data Protection Directive',
      'Mental Capacity Act 2005 s2',
    ];
    for (const t of bad) expect(uncitable(t).length, t).toBeGreaterThan(0);
    expect(uncitable('Crime and Disorder Act 1998 s115 is a power, not a duty.')).toEqual([]);
  });
});

describe('every built-in template cites only law on the list', () => {
  it('finds the built-in templates by listing the folder', () => {
    expect(templateFiles).toContain('information-sharing-agreement.json');
  });

  it.each(templateFiles)('%s', (file) => {
    const template: unknown = JSON.parse(fs.readFileSync(path.join(TEMPLATES, file), 'utf8'));
    const problems = printable(template).flatMap((text) =>
      uncitable(text).map((c) => `"${c.text}"${c.ref ? ` (${c.ref})` : ''} in: ${text.slice(0, 120)}`),
    );
    expect(problems).toEqual([]);
  });
});
