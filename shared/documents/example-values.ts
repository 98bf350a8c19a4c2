import type { DirectoryContact, DirectoryOrganisation } from './resolve-context';
import type { Template, TemplateField } from './template-schema';

/*
 * A template's `example` values name organisations and contacts (strings from the example
 * directory), but a document stores directory ids: organisation ids, and post ids for contacts.
 * "Fill with example values" collects the names, asks main which records carry them, and maps
 * them here. A name nobody carries is left empty and reported, so the form can offer to load the
 * example partnership.
 */

type Values = Record<string, unknown>;
export type ExampleNames = { organisations: string[]; contacts: string[] };
/** Directory ids by name; keys are compared case-insensitively. */
export type NameLookup = { organisations: ReadonlyMap<string, number>; contacts: ReadonlyMap<string, number> };

const isOrg = (f: TemplateField) => f.type === 'organisation' || f.type === 'organisations';
const isContact = (f: TemplateField) => f.type === 'contact' || f.type === 'contacts';
const names = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
const fold = (s: string) => s.trim().toLowerCase();

/** Every organisation and contact name the template's examples use, once each. */
export function exampleNames(template: Template): ExampleNames {
  const orgs = new Set<string>();
  const contacts = new Set<string>();
  const visit = (fields: readonly TemplateField[], vals: Values) => {
    for (const f of fields) {
      const v = vals[f.key];
      if (v === undefined || v === null) continue;
      if (isOrg(f)) names(v).forEach((n) => orgs.add(n));
      if (isContact(f)) names(v).forEach((n) => contacts.add(n));
      if (f.type === 'group' && Array.isArray(v))
        for (const item of v) if (item && typeof item === 'object') visit(f.fields ?? [], item as Values);
    }
  };
  visit(template.fields, Object.fromEntries(template.fields.map((f) => [f.key, f.example])));
  return { organisations: [...orgs], contacts: [...contacts] };
}

/**
 * The template's example values with each organisation and contact name replaced by its id.
 * Names the lookup lacks become empty (null, or dropped from a list) and are listed in `missing`.
 */
export function mapExampleValues(template: Template, lookup: NameLookup): { values: Values; missing: string[] } {
  const orgs = new Map([...lookup.organisations].map(([k, v]) => [fold(k), v]));
  const contacts = new Map([...lookup.contacts].map(([k, v]) => [fold(k), v]));
  const missing = new Set<string>();
  const idOf = (f: TemplateField, name: string): number | null => {
    const id = (isOrg(f) ? orgs : contacts).get(fold(name));
    if (id === undefined) missing.add(name);
    return id ?? null;
  };
  const mapValue = (f: TemplateField, v: unknown): unknown => {
    if (f.type === 'organisation' || f.type === 'contact') return typeof v === 'string' ? idOf(f, v) : v;
    if (f.type === 'organisations' || f.type === 'contacts')
      return Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? idOf(f, x) : x)).filter((x) => x !== null) : v;
    if (f.type === 'group' && Array.isArray(v))
      return v.map((item) => (item && typeof item === 'object' ? mapItem(f.fields ?? [], item as Values) : item));
    return v;
  };
  const mapItem = (fields: readonly TemplateField[], item: Values): Values =>
    Object.fromEntries(
      Object.entries(item).map(([k, v]) => {
        const sub = fields.find((s) => s.key === k);
        return [k, sub ? mapValue(sub, v) : v];
      }),
    );
  const values: Values = {};
  for (const f of template.fields) if (f.example !== undefined) values[f.key] = mapValue(f, f.example);
  return { values, missing: [...missing] };
}

/**
 * For the template editor's preview: the examples resolved against a small made-up directory
 * built from their own names (and the example people's details, when given), so organisations and
 * contacts print instead of gaps.
 */
export function examplePreview(
  template: Template,
  people: readonly { name: string; jobTitle: string; organisation: string; email: string; phone: string }[] = [],
): {
  values: Values;
  directory: { organisations: ReadonlyMap<number, DirectoryOrganisation>; contacts: ReadonlyMap<number, DirectoryContact> };
} {
  const { organisations, contacts } = exampleNames(template);
  const lookup: NameLookup = {
    organisations: new Map(organisations.map((n, i) => [n, i + 1])),
    contacts: new Map(contacts.map((n, i) => [n, i + 1])),
  };
  const { values } = mapExampleValues(template, lookup);
  return {
    values,
    directory: {
      organisations: new Map(organisations.map((name, i) => [i + 1, { id: i + 1, name, sector: 'other' }])),
      contacts: new Map(
        contacts.map((name, i) => {
          const p = people.find((x) => x.name === name);
          const organisationId = p ? (lookup.organisations.get(p.organisation) ?? 0) : 0;
          const details = {
            jobTitle: p?.jobTitle ?? '',
            organisation: p?.organisation ?? '',
            email: p?.email ?? '',
            phone: p?.phone ?? '',
          };
          return [i + 1, { id: i + 1, name, organisationId, ...details }];
        }),
      ),
    },
  };
}
