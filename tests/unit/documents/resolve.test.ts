import { describe, expect, it } from 'vitest';
import { checkTemplate, exampleValues, gapText, missingRequired, resolve } from '../../../shared/documents/resolve';
import type { Template } from '../../../shared/documents/template-schema';
import { templateSchema } from '../../../shared/documents/template-schema';
import type { Block, DocumentTree } from '../../../shared/documents/tree';
import { sampleContext, sampleTemplate } from '../../helpers/documents';

const text = (b: Block): string => {
  switch (b.kind) {
    case 'heading':
      return b.text;
    case 'paragraph':
    case 'guidance':
      return b.runs.map((r) => r.text).join('');
    case 'clause':
      return `${b.level}:${b.title ? `${b.title}|` : ''}${b.runs.map((r) => r.text).join('')}`;
    case 'bullets':
      return b.items.map((i) => i.map((r) => r.text).join('')).join(' / ');
    case 'table':
      return b.rows.map((r) => r.map((c) => c.map((x) => x.text).join('')).join(' | ')).join('\n');
    case 'signatures':
      return b.signatories.map((s) => `${s.name}, ${s.position}, ${s.organisation}, ${s.signedOn}`).join('\n');
    default:
      return b.kind;
  }
};
const all = (t: DocumentTree) => t.blocks.map(text).join('\n');

const mini = (blocks: unknown[], fields: unknown[] = []): Template =>
  templateSchema.parse({
    format: 1,
    key: 'mini',
    title: 'Mini',
    category: 'strategy',
    version: '1',
    description: 'd',
    guidance: 'g',
    sections: [{ key: 's', title: 'S' }],
    fields,
    blocks,
  });

describe('resolve', () => {
  const template = sampleTemplate();
  const examples = exampleValues(template);

  it('builds the sample with example values', () => {
    const tree = resolve(template, examples, sampleContext());
    expect(tree.meta).toMatchObject({
      title: 'Northshire ISA',
      version: '1.0',
      marking: 'OFFICIAL-SENSITIVE',
      author: 'Pat Coordinator',
      subject: 'Sample Information Sharing Agreement',
    });
    const out = all(tree);
    expect(out).toContain('This agreement is made by Northshire Anti-Slavery Partnership on 5 October 2026');
    expect(out).toContain('1:Purpose|The parties share information to identify and safeguard');
    expect(out).toContain('2:Information moves by secure email.');
    expect(out).toContain('3:Emails are marked OFFICIAL-SENSITIVE.');
    expect(out).not.toContain('The portal is run by');
    expect(out).toContain('2:Records are kept for 24 months.');
    expect(out).toContain('The parties rely on Public task (Article 6(1)(e)) and Vital interests (Article 6(1)(d)).');
    expect(out).toContain('2:Vital interests apply only where life is at risk.');
    expect(out).toContain('2:Special category data is shared: Yes.');
    expect(out).not.toContain('No special category data is shared.');
    expect(out).toContain('Northshire Police / Northshire County Council');
    expect(out).toContain('Northshire Police (Police force) is a party.');
    expect(out).toContain('Northshire County Council (local-authority) is a party.');
    expect(out).toContain('The lead contact is Alex Morgan, Detective Inspector, alex.morgan@police.example.');
    expect(out).toContain('Name and date of birth | To identify the person | No | Northshire Police');
    expect(out).toContain('Health needs | To arrange support | Yes | Northshire County Council');
    expect(out).toContain('1.0 | 5 October 2026');
    expect(out).toContain('Health needs: To arrange support');
    expect(out).toContain('Alex Morgan, Detective Inspector, Northshire Police, ');
    expect(out).toContain('Sam Patel, Chair, Northshire Partnership, ');
    expect(tree.blocks.map((b) => b.kind)).toContain('toc');
    expect(tree.blocks.map((b) => b.kind)).toContain('pageBreak');
    expect(tree.blocks[0]).toMatchObject({ kind: 'guidance' });
  });

  it('keeps emphasis and the long text line breaks', () => {
    const tree = resolve(template, examples, sampleContext());
    const intro = tree.blocks.find((b) => b.kind === 'paragraph')!;
    expect(intro.kind === 'paragraph' && intro.runs).toEqual([
      { text: 'This agreement is made by ' },
      { text: 'Northshire Anti-Slavery Partnership', bold: true },
      { text: ' on 5 October 2026 ' },
      { text: 'to identify and safeguard potential victims of modern slavery', italic: true },
      { text: '.' },
    ]);
    expect(all(tree)).toContain('victims of modern slavery.\nIt does not cover');
  });

  it('shows missing values as visible gaps and skips blocks whose condition fails', () => {
    const tree = resolve(template, {}, sampleContext());
    const out = all(tree);
    expect(out).toContain(gapText('Purpose'));
    expect(out).toContain(gapText('Start date'));
    expect(out).not.toContain('victims of modern slavery');
    expect(out).toContain('No special category data is shared.');
    expect(out).not.toContain('Items in detail');
    const table = tree.blocks.find((b) => b.kind === 'table')!;
    expect(table.kind === 'table' && table.rows[0]![0]).toEqual([{ text: gapText('Data items'), missing: true }]);
    const para = tree.blocks.find((b) => b.kind === 'paragraph')!;
    expect(para.kind === 'paragraph' && para.runs.some((r) => r.missing)).toBe(true);
  });

  it('applies default, count, upper and lower filters', () => {
    const t = mini(
      [
        {
          type: 'paragraph',
          text: '{{ a | default("none") }}|{{ list | count }}|{{ a | upper }}|{{ b | lower }}|{{ list | list }}',
        },
      ],
      [
        { key: 'a', label: 'A', type: 'text', section: 's' },
        { key: 'b', label: 'B', type: 'text', section: 's' },
        { key: 'list', label: 'L', type: 'organisations', section: 's' },
      ],
    );
    expect(all(resolve(t, {}, sampleContext()))).toBe('none|0|[not yet given: A]|[not yet given: B]|[not yet given: L]');
    expect(all(resolve(t, { a: 'x', b: 'ÉCOLE', list: [1, 2, 99] }, sampleContext()))).toBe(
      'x|2|X|école|Northshire Police and Northshire County Council',
    );
  });

  it('evaluates every condition form', () => {
    const t = mini(
      [
        { type: 'paragraph', text: 'eq', when: { field: 'c', equals: 'a' } },
        { type: 'paragraph', text: 'oneOf', when: { field: 'c', oneOf: ['b', 'a'] } },
        { type: 'paragraph', text: 'includes', when: { field: 'm', includes: 'y' } },
        { type: 'paragraph', text: 'isSet', when: { field: 'm', isSet: true } },
        { type: 'paragraph', text: 'isNotSet', when: { field: 'm', isNotSet: true } },
        {
          type: 'paragraph',
          text: 'all',
          when: {
            all: [
              { field: 'c', equals: 'a' },
              { field: 'n', equals: 3 },
            ],
          },
        },
        {
          type: 'paragraph',
          text: 'any',
          when: {
            any: [
              { field: 'c', equals: 'z' },
              { field: 'yn', equals: true },
            ],
          },
        },
        { type: 'paragraph', text: 'not', when: { not: { field: 'c', equals: 'a' } } },
        { type: 'paragraph', text: 'org', when: { field: 'o', equals: 2 } },
      ],
      [
        { key: 'c', label: 'C', type: 'choice', section: 's', options: [{ value: 'a', label: 'A' }] },
        { key: 'm', label: 'M', type: 'multiChoice', section: 's', options: [{ value: 'y', label: 'Y' }] },
        { key: 'n', label: 'N', type: 'number', section: 's' },
        { key: 'yn', label: 'YN', type: 'yesNo', section: 's' },
        { key: 'o', label: 'O', type: 'organisation', section: 's' },
      ],
    );
    expect(all(resolve(t, { c: 'a', m: ['y'], n: 3, yn: true, o: 2 }, sampleContext())).split('\n')).toEqual([
      'eq',
      'oneOf',
      'includes',
      'isSet',
      'all',
      'any',
      'org',
    ]);
    expect(all(resolve(t, { c: 'b', m: [], n: 3, yn: false }, sampleContext())).split('\n')).toEqual([
      'oneOf',
      'isNotSet',
      'not',
    ]);
  });

  it('numbers nested clauses by depth, through groups and repeats, capped at level 3', () => {
    const t = mini(
      [
        {
          type: 'clause',
          text: 'one',
          children: [
            {
              type: 'group',
              blocks: [
                {
                  type: 'clause',
                  text: '{{ x }}',
                  repeat: 'xs',
                  as: 'x',
                  children: [{ type: 'clause', text: 'deep', children: [{ type: 'clause', text: 'deeper' }] }],
                },
              ],
            },
            { type: 'paragraph', text: 'plain' },
          ],
        },
      ],
      [
        {
          key: 'xs',
          label: 'Xs',
          type: 'multiChoice',
          section: 's',
          options: [
            { value: 'p', label: 'P' },
            { value: 'q', label: 'Q' },
          ],
        },
      ],
    );
    expect(all(resolve(t, { xs: ['p', 'q'] }, sampleContext())).split('\n')).toEqual([
      '1:one',
      '2:P',
      '3:deep',
      '3:deeper',
      '2:Q',
      '3:deep',
      '3:deeper',
      'plain',
    ]);
  });

  it('repeat conditions see the item', () => {
    const t = mini(
      [{ type: 'paragraph', text: '{{ d.name }}', repeat: 'ds', as: 'd', when: { field: 'd.keep', equals: true } }],
      [
        {
          key: 'ds',
          label: 'Ds',
          type: 'group',
          section: 's',
          fields: [
            { key: 'name', label: 'Name', type: 'text', section: 's' },
            { key: 'keep', label: 'Keep', type: 'yesNo', section: 's' },
          ],
        },
      ],
    );
    expect(
      all(
        resolve(
          t,
          {
            ds: [
              { name: 'a', keep: true },
              { name: 'b', keep: false },
              { name: 'c', keep: true },
            ],
          },
          sampleContext(),
        ),
      ),
    ).toBe('a\nc');
  });

  it('public-safe replaces contact names, emails and phones with role and organisation', () => {
    const tree = resolve(template, examples, sampleContext({ publicSafe: true }));
    const out = all(tree);
    expect(tree.meta.publicSafe).toBe(true);
    expect(out).not.toContain('Alex Morgan');
    expect(out).not.toContain('Jo Williams');
    expect(out).not.toContain('alex.morgan@police.example');
    expect(out).toContain(
      'The lead contact is Detective Inspector, Northshire Police, Detective Inspector, withheld for publication.',
    );
    expect(out).toContain('Head of Safeguarding, Head of Safeguarding, Northshire County Council');
    expect(out).not.toContain('Sam Patel');
    expect(out).toContain('Chair, Chair, Northshire Partnership');
  });

  it('fills signed dates for signatories', () => {
    const tree = resolve(template, examples, sampleContext({ signed: new Map([[2, '2026-11-01']]) }));
    expect(all(tree)).toContain('Jo Williams, Head of Safeguarding, Northshire County Council, 1 November 2026');
  });

  it('drops guidance when asked and is pure', () => {
    const a = resolve(template, examples, sampleContext({ includeGuidance: false }));
    expect(a.blocks.some((b) => b.kind === 'guidance')).toBe(false);
    expect(resolve(template, examples, sampleContext({ includeGuidance: false }))).toEqual(a);
  });

  it('reports unknown values and deleted directory entries as gaps, never crashing on odd values', () => {
    const odd = { purpose: 42, parties: 'nope', dataItems: [null, 'x', { item: 'ok' }], lead: 999, article6: 'publicTask' };
    const out = all(resolve(template, odd, sampleContext()));
    expect(out).toContain('share information 42.');
    expect(out).toContain('ok | [not yet given: Data items 1: Purpose]');
  });

  it('lists missing required fields and checks templates', () => {
    expect(missingRequired(template, {})).toEqual(['Purpose', 'Start date', 'Article 6 lawful bases', 'Parties']);
    expect(missingRequired(template, examples)).toEqual([]);
    expect(checkTemplate(template)).toEqual([]);
    const bad = mini(
      [
        { type: 'paragraph', text: '{{ nope }} {{ a | shout }} {{ broken' },
        { type: 'table', header: ['x'], each: 'missing', row: ['{{ item }}', 'y'] },
      ],
      [{ key: 'a', label: 'A', type: 'text', section: 's' }],
    );
    expect(checkTemplate(bad)).toEqual([
      'blocks.0.text: a placeholder is not written like {{ fieldKey }} or {{ fieldKey | filter }}',
      'blocks.0.text: {{ nope }} names "nope", which is not a field',
      'blocks.0.text: {{ a | shout }} uses an unknown filter "shout"',
      'blocks.1.each: "missing" is not a field',
      'blocks.1.row: has 2 cells but the header has 1',
    ]);
  });
});
