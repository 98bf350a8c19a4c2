import { describe, expect, it } from 'vitest';
import { applyDefaults, describeDefault, sectorValue } from '../../../shared/documents/defaults';
import { missingRequired, resolve } from '../../../shared/documents/resolve';
import type { Template } from '../../../shared/documents/template-schema';
import { templateSchema } from '../../../shared/documents/template-schema';
import { sampleContext } from '../../helpers/documents';

const t: Template = templateSchema.parse({
  format: 1,
  key: 'x',
  title: 'X',
  category: 'information-sharing',
  version: '1',
  description: 'd',
  guidance: 'g',
  sections: [{ key: 's', title: 'S' }],
  fields: [
    {
      key: 'nation',
      label: 'Nation',
      type: 'choice',
      section: 's',
      required: true,
      default: 'england',
      options: [
        { value: 'england', label: 'England' },
        { value: 'wales', label: 'Wales' },
      ],
    },
    {
      key: 'parties',
      label: 'Parties',
      type: 'group',
      section: 's',
      fields: [
        { key: 'organisation', label: 'Organisation', type: 'organisation', section: 's' },
        { key: 'contact', label: 'Contact', type: 'contact', section: 's' },
        { key: 'legalName', label: 'Legal name', type: 'text', section: 's', defaultFrom: 'organisation.name' },
        { key: 'mailbox', label: 'Mailbox', type: 'text', section: 's', defaultFrom: 'contact.email' },
        {
          key: 'basis',
          label: 'Basis',
          type: 'choice',
          section: 's',
          options: [
            { value: 'task', label: 'Public task' },
            { value: 'ea', label: 'Recognised legitimate interest' },
            { value: 'part3', label: 'Part 3' },
          ],
          sectorDefaults: { from: 'organisation', values: { police: 'part3', 'ngo-*': 'ea', '*': 'task' } },
        },
      ],
    },
  ],
  blocks: [
    { type: 'paragraph', text: 'Nation: {{ nation }}.' },
    {
      type: 'paragraph',
      repeat: 'parties',
      as: 'p',
      text: '{{ p.legalName }} | {{ p.basis }} | {{ p.mailbox }} | {{ p.organisation.sector }}',
    },
    { type: 'paragraph', when: { field: 'parties.basis', includes: 'part3' }, text: 'A party takes the Part 3 route.' },
  ],
});

const directory = {
  organisations: new Map([
    [1, { id: 1, name: 'Northshire Police', sector: 'police' }],
    [2, { id: 2, name: 'Northshire Refuge', sector: 'ngo-local' }],
    [3, { id: 3, name: 'Northshire Council', sector: 'la-housing' }],
  ]),
  contacts: new Map([
    [
      7,
      {
        id: 7,
        name: 'Tom',
        jobTitle: 'DI',
        organisation: 'Northshire Police',
        organisationId: 1,
        email: 'tom@police.example',
        phone: '',
      },
    ],
  ]),
};

describe('defaults filled at resolve time', () => {
  it('matches a sector by key, then by the longest prefix, then "*"', () => {
    const values = { police: 'a', 'la-*': 'b', 'la-hou*': 'c', '*': 'd' };
    expect(sectorValue(values, 'police')).toBe('a');
    expect(sectorValue(values, 'la-housing')).toBe('c');
    expect(sectorValue(values, 'la-planning')).toBe('b');
    expect(sectorValue(values, 'nhs')).toBe('d');
  });

  it('fills empty values from the sector, a sibling or a fixed default, without changing the input or what was chosen', () => {
    const input = { parties: [{ organisation: 1, contact: 7 }, { organisation: 2, basis: 'task' }, { organisation: 3 }] };
    const copy = structuredClone(input);
    const out = applyDefaults(t, input, directory);
    expect(input).toEqual(copy);
    expect(out).toEqual({
      nation: 'england',
      parties: [
        { organisation: 1, contact: 7, legalName: 'Northshire Police', mailbox: 'tom@police.example', basis: 'part3' },
        { organisation: 2, basis: 'task', legalName: 'Northshire Refuge' },
        { organisation: 3, legalName: 'Northshire Council', basis: 'task' },
      ],
    });
  });

  it('so preview and export print the defaults, conditions see them, and a defaulted required field is not missing', () => {
    const tree = resolve(
      t,
      { parties: [{ organisation: 1, contact: 7 }, { organisation: 2 }] },
      { ...sampleContext(), directory },
    );
    const text = tree.blocks.map((b) => (b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : '')).join('\n');
    expect(text).toContain('Nation: England.');
    expect(text).toContain('Northshire Police | Part 3 | tom@police.example | Police force');
    expect(text).toContain(
      'Northshire Refuge | Recognised legitimate interest | [not yet given: Parties 2: Mailbox] | Charity or NGO: local',
    );
    expect(text).toContain('A party takes the Part 3 route.');
    expect(missingRequired(t, {})).toEqual([]);
  });

  it('describes a default for the form', () => {
    const basis = t.fields[1]!.fields![4]!;
    expect(describeDefault(basis, 'ea')).toBe('Recognised legitimate interest');
    expect(describeDefault(basis, ['ea', 'task'])).toBe('Recognised legitimate interest; Public task');
  });
});

describe('defaults the app itself knows', () => {
  const own: Template = templateSchema.parse({
    format: 1,
    key: 'own',
    title: 'Own',
    category: 'information-sharing',
    version: '1',
    description: 'd',
    guidance: 'g',
    sections: [{ key: 's', title: 'S' }],
    fields: [
      { key: 'owner', label: 'Owner', type: 'contact', section: 's', required: true, defaultFrom: 'partnership.coordinator' },
      {
        key: 'history',
        label: 'History',
        type: 'group',
        section: 's',
        required: true,
        min: 1,
        defaultFrom: 'document.versionHistory',
        fields: [
          { key: 'version', label: 'Version', type: 'text', section: 's' },
          { key: 'changes', label: 'Changes', type: 'text', section: 's' },
        ],
      },
      { key: 'start', label: 'Start', type: 'date', section: 's', required: true, defaultFrom: 'document.date' },
      {
        key: 'nation',
        label: 'Nation',
        type: 'choice',
        section: 's',
        default: 'england',
        options: [
          { value: 'england', label: 'England' },
          { value: 'scotland', label: 'Scotland' },
        ],
      },
      {
        key: 'foi',
        label: 'FOI',
        type: 'choice',
        section: 's',
        required: true,
        sectorDefaults: { from: 'nation', values: { scotland: 'foisa', '*': 'foia' } },
        options: [
          { value: 'foia', label: 'FOIA' },
          { value: 'foisa', label: 'FOISA' },
        ],
      },
    ],
    blocks: [{ type: 'paragraph', text: 'Owner: {{ owner.name }}.' }],
  });
  const rows = [{ version: '0.1', date: '2026-12-02', author: 'Sam Taylor', changes: 'First draft' }];
  const dir = {
    organisations: new Map(),
    contacts: new Map(),
    context: { coordinator: 42, versionHistory: rows, date: '2026-12-02' },
  };

  it('fills owner, history and start from the context, and FOI law from the nation chosen', () => {
    const out = applyDefaults(own, {}, dir);
    expect(out.owner).toBe(42);
    expect(out.history).toEqual(rows);
    expect(out.start).toBe('2026-12-02');
    expect(out.foi).toBe('foia');
    expect(applyDefaults(own, { nation: 'scotland' }, dir).foi).toBe('foisa');
    // A choice made replaces the default.
    expect(applyDefaults(own, { owner: 7, foi: 'foisa' }, dir)).toMatchObject({ owner: 7, foi: 'foisa' });
  });

  it('counts a field filled by the context as given, and one without it as missing', () => {
    expect(missingRequired(own, {}, dir)).toEqual([]);
    expect(missingRequired(own, {})).toEqual(['Owner', 'History', 'Start']);
    // No coordinator linked in Settings: the owner must be chosen.
    expect(missingRequired(own, {}, { ...dir, context: { ...dir.context, coordinator: null } })).toEqual(['Owner']);
  });
});
