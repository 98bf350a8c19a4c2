import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentDetail, DocumentSummary } from '../../../shared/contract/documents';
import { findByName } from '../../../main/partners/directory-api';
import { getTemplate } from '../../../main/documents/templates';
import { loadExamplePartnership } from '../../../main/examples/load';
import { exampleNames, mapExampleValues } from '../../../shared/documents/example-values';
import type { Template } from '../../../shared/documents/template-schema';
import { valuesSchema } from '../../../shared/documents/values';
import { createTestApp } from '../../helpers/db';

const tiny = {
  fields: [
    { key: 'title', label: 'Title', type: 'text', section: 'a', example: 'Hello' },
    { key: 'lead', label: 'Lead', type: 'organisation', section: 'a', example: 'Northshire Police' },
    { key: 'chair', label: 'Chair', type: 'contact', section: 'a', example: 'Nobody Known' },
    { key: 'parties', label: 'Parties', type: 'organisations', section: 'a', example: ['Northshire Police', 'Unknown Org'] },
    {
      key: 'members',
      label: 'Members',
      type: 'group',
      section: 'a',
      fields: [
        { key: 'org', label: 'Org', type: 'organisation', section: 'a' },
        { key: 'who', label: 'Who', type: 'contact', section: 'a' },
        { key: 'note', label: 'Note', type: 'text', section: 'a' },
      ],
      example: [{ org: 'northshire police', who: 'Tom Reilly', note: 'x' }],
    },
  ],
} as unknown as Template;

describe('mapping example names to directory ids', () => {
  it('collects each organisation and contact name once, including inside groups', () => {
    expect(exampleNames(tiny)).toEqual({
      organisations: ['Northshire Police', 'Unknown Org', 'northshire police'],
      contacts: ['Nobody Known', 'Tom Reilly'],
    });
  });

  it('replaces names with ids, case-insensitively, and leaves unknown names empty and reported', () => {
    const lookup = {
      organisations: new Map([['Northshire Police', 4]]),
      contacts: new Map([['tom reilly', 9]]),
    };
    const { values, missing } = mapExampleValues(tiny, lookup);
    expect(values).toEqual({
      title: 'Hello',
      lead: 4,
      chair: null,
      parties: [4],
      members: [{ org: 4, who: 9, note: 'x' }],
    });
    expect(missing.sort()).toEqual(['Nobody Known', 'Unknown Org']);
  });
});

describe('the Information sharing agreement filled from the example partnership', () => {
  let app: ReturnType<typeof createTestApp>;
  beforeEach(() => {
    app = createTestApp();
  });
  afterEach(() => app.cleanup());

  const fill = () => {
    const { template } = getTemplate(app.db, 'information-sharing-agreement');
    const names = exampleNames(template);
    const found = findByName(app.db, names.organisations, names.contacts);
    const lookup = {
      organisations: new Map(found.organisations.map((o) => [o.name, o.id])),
      contacts: new Map(found.contacts.map((c) => [c.name, c.id])),
    };
    return { template, ...mapExampleValues(template, lookup) };
  };

  it('finds nothing in an empty directory and says which names are missing', () => {
    const { missing, values } = fill();
    expect(missing).toContain('Aisha Khan');
    expect(missing).toContain('Northshire Police');
    expect(values.owner).toBeNull();
  });

  it('maps every name once the example partnership is loaded, giving values a document accepts', () => {
    loadExamplePartnership(app.db);
    const { template, missing, values } = fill();
    expect(missing).toEqual([]);
    expect(valuesSchema(template).safeParse(values).success).toBe(true);
    const aisha = app.db
      .prepare("SELECT posts.id FROM posts JOIN people ON people.id = person_id WHERE people.name = 'Aisha Khan'")
      .get() as { id: number };
    expect(values.owner).toBe(aisha.id);
  });

  it('records the organisations of the parties group as the document parties', async () => {
    loadExamplePartnership(app.db);
    const { values } = fill();
    const parties = (values.parties as Record<string, unknown>[]).slice(0, 2);
    const created = await app.dispatch('documents.create', {
      templateKey: 'information-sharing-agreement',
      title: 'Northshire ISA',
    });
    if (!created.ok) throw new Error(created.error.message);
    const doc = created.value as DocumentDetail;
    const saved = await app.dispatch('documents.update', {
      id: doc.id,
      revision: doc.revision,
      values: { ...values, parties },
    });
    expect(saved.ok).toBe(true);
    const list = await app.dispatch('documents.list', {});
    if (!list.ok) throw new Error(list.error.message);
    expect((list.value as DocumentSummary[])[0]!.parties).toEqual(['Northshire County Council', 'Northshire Police']);
  });
});
