import { describe, expect, it } from 'vitest';
import { exampleValues, resolve } from '../../../shared/documents/resolve';
import { clauseNumbers, treeToText } from '../../../shared/documents/text';
import type { Block } from '../../../shared/documents/tree';
import {
  directoryIds,
  lineOfPath,
  partiesField,
  signatoriesField,
  validateTemplateText,
  valuesSchema,
} from '../../../shared/documents/values';
import { sampleContext, sampleTemplate } from '../../helpers/documents';

describe('document values and template files', () => {
  const template = sampleTemplate();

  it('accept the example values and refuse values that do not fit their fields', () => {
    const schema = valuesSchema(template);
    expect(schema.safeParse(exampleValues(template)).success).toBe(true);
    expect(schema.safeParse({}).success).toBe(true);
    for (const bad of [
      { startDate: '5/10/2026' },
      { retentionMonths: 500 },
      { sharingMethod: 'carrier pigeon' },
      { article6: ['publicTask', 'nope'] },
      { specialCategory: 'yes' },
      { parties: ['Northshire Police'] },
      { dataItems: [{ item: 'x', extra: 1 }] },
      { unknownField: 'x' },
      { purpose: 'x'.repeat(2_001) },
    ])
      expect(schema.safeParse(bad).success, JSON.stringify(bad).slice(0, 60)).toBe(false);
  });

  it('finds the parties and signatories fields and every directory id', () => {
    expect(partiesField(template)?.key).toBe('parties');
    expect(signatoriesField(template)?.key).toBe('signatories');
    expect(directoryIds(template, exampleValues(template))).toEqual({ organisations: [1, 2], contacts: [1, 2] });
  });

  it('locates problems by line', () => {
    const text = '{\n  "a": [\n    1,\n    { "b": "x", "c": [true, {"d": 1}] }\n  ],\n  "e": "f"\n}';
    expect(lineOfPath(text, ['a'])).toBe(2);
    expect(lineOfPath(text, ['a', 1, 'c', 1, 'd'])).toBe(4);
    expect(lineOfPath(text, ['e'])).toBe(6);
    expect(lineOfPath(text, ['zzz'])).toBeUndefined();
    const json = JSON.stringify(template, null, 2);
    expect(validateTemplateText(json).problems).toEqual([]);
    const broken = validateTemplateText(json.replace('"section": "legal"', '"section": "nowhere"'));
    expect(broken.problems[0]).toMatchObject({ path: 'fields.5.section', message: expect.stringContaining('nowhere') });
    expect(broken.problems[0]!.line).toBe(json.split('\n').findIndex((l) => l.includes('"section": "legal"')) + 1);
    expect(validateTemplateText('not json').problems[0]!.message).toMatch(/^Not valid JSON/);
  });

  it('numbers clauses as Word does and writes the resolved text for comparing versions', () => {
    const c = (level: 1 | 2 | 3): Block => ({ kind: 'clause', level, runs: [] });
    expect(clauseNumbers([c(1), c(2), c(2), c(3), c(1), { kind: 'pageBreak' }, c(2), c(3), c(3)])).toEqual([
      '1.',
      '1.1',
      '1.2',
      '1.2.1',
      '2.',
      null,
      '2.1',
      '2.1.1',
      '2.1.2',
    ]);
    const text = treeToText(resolve(template, exampleValues(template), sampleContext()));
    expect(text).toContain('1. Purpose\nThe parties share information to identify');
    expect(text).toContain('1.1.1 Emails are marked OFFICIAL-SENSITIVE.');
    expect(text).toContain('Northshire Police | Alex Morgan | Detective Inspector | not signed');
    expect(text).not.toContain('starting point');
  });
});
