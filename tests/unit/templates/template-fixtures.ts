import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mapExampleValues } from '../../../shared/documents/example-values';
import type { DirectoryContact, DirectoryOrganisation, ResolveContext, Values } from '../../../shared/documents/resolve';
import { resolve } from '../../../shared/documents/resolve';
import type { Template } from '../../../shared/documents/template-schema';
import { templateSchema } from '../../../shared/documents/template-schema';
import { treeToText } from '../../../shared/documents/text';
import type { DocumentTree } from '../../../shared/documents/tree';

/*
 * The built-in templates resolved against the example partnership (resources/examples), with the
 * organisations' real sectors, so sector names and sector defaults are tested as a user meets them.
 */

const ROOT = new URL('../../../', import.meta.url);
export const templatePath = (key: string) => fileURLToPath(new URL(`resources/templates/${key}.json`, ROOT));
export const loadTemplate = (key: string): Template => templateSchema.parse(JSON.parse(readFileSync(templatePath(key), 'utf8')));

type Example = {
  organisations: { name: string; sector: string }[];
  people: { name: string; jobTitle: string; organisation: string; email: string; phone: string }[];
};
const example = JSON.parse(readFileSync(fileURLToPath(new URL('resources/examples/northshire.json', ROOT)), 'utf8')) as Example;

export const organisations = new Map<number, DirectoryOrganisation>(
  example.organisations.map((o, i) => [i + 1, { id: i + 1, name: o.name, sector: o.sector }]),
);
/** One more person, so a fifth party (the fire service) has someone to sign. */
const people = [
  ...example.people,
  {
    name: 'Rachel Green',
    jobTitle: 'Area Manager, Prevention',
    organisation: 'Northshire Fire and Rescue Service',
    email: 'rachel.green@northshire-fire.example',
    phone: '01632 960511',
  },
];
export const contacts = new Map<number, DirectoryContact>(
  people.map((p, i) => {
    const org = example.organisations.findIndex((o) => o.name === p.organisation) + 1;
    return [
      i + 1,
      {
        id: i + 1,
        name: p.name,
        jobTitle: p.jobTitle,
        organisation: p.organisation,
        organisationId: org,
        email: p.email,
        phone: p.phone,
      },
    ];
  }),
);
export const orgId = (name: string): number => [...organisations.values()].find((o) => o.name === name)!.id;
export const contactId = (name: string): number => [...contacts.values()].find((c) => c.name === name)!.id;

export const lookup = {
  organisations: new Map([...organisations.values()].map((o) => [o.name, o.id])),
  contacts: new Map([...contacts.values()].map((c) => [c.name, c.id])),
};

export function exampleValuesFor(t: Template): Values {
  const { values, missing } = mapExampleValues(t, lookup);
  if (missing.length > 0) throw new Error(`example names not in the example partnership: ${missing.join(', ')}`);
  return values;
}

export function context(over: Partial<ResolveContext> = {}): ResolveContext {
  return {
    partnership: {
      name: 'Northshire Anti-Slavery Partnership',
      area: 'Northshire',
      coordinatorName: 'Aisha Khan',
      coordinatorEmail: 'aisha.khan@northshire.example',
    },
    document: {
      title: 'Northshire information sharing agreement',
      version: '1.0',
      date: '2026-10-01',
      marking: 'OFFICIAL-SENSITIVE',
      reviewDate: '2027-10-01',
      status: 'Agreed',
    },
    directory: { organisations, contacts },
    includeGuidance: false,
    ...over,
  };
}

export const textOf = (tree: DocumentTree): string => treeToText(tree);
export const resolveText = (t: Template, values: Values, over: Partial<ResolveContext> = {}) =>
  textOf(resolve(t, values, context(over)));
/** Every gap left in a tree, by its label. */
export const gapsIn = (text: string): string[] => [...text.matchAll(/\[not yet given: [^\]]*\]/g)].map((m) => m[0]);
