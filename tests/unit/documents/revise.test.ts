import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setBuiltInTemplates } from '../../../main/documents/templates';
import type { TemplateStatus } from '../../../shared/contract/document-revisions';
import type { DocumentDetail } from '../../../shared/contract/documents';
import type { Template } from '../../../shared/documents/template-schema';
import { carryValues, compareVersions } from '../../../shared/documents/values';
import { createTestApp } from '../../helpers/db';
import { seedDirectory } from '../../helpers/documents';

type App = ReturnType<typeof createTestApp>;
async function ok<T>(app: App, channel: string, payload: unknown): Promise<T> {
  const r = await app.dispatch(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message} ${(r.error.details ?? []).join('; ')}`);
  return r.value as T;
}

const v1: Template = {
  format: 1,
  key: 'agreement',
  title: 'Agreement',
  category: 'information-sharing',
  version: '1.0',
  description: 'd',
  guidance: 'g',
  sections: [{ key: 's', title: 'S' }],
  fields: [
    { key: 'purpose', label: 'Purpose', type: 'text', section: 's' },
    { key: 'old', label: 'Old', type: 'text', section: 's' },
    {
      key: 'mode',
      label: 'Mode',
      type: 'choice',
      section: 's',
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
      ],
    },
    {
      key: 'parties',
      label: 'Parties',
      type: 'group',
      section: 's',
      fields: [
        { key: 'organisation', label: 'Organisation', type: 'organisation', section: 's' },
        { key: 'note', label: 'Note', type: 'text', section: 's' },
      ],
    },
  ],
  blocks: [{ type: 'paragraph', text: '{{ purpose }}' }],
};
const v2: Template = {
  ...v1,
  version: '2.0',
  marking: 'OFFICIAL-SENSITIVE',
  fields: [
    v1.fields[0]!,
    { key: 'mode', label: 'Mode', type: 'choice', section: 's', options: [{ value: 'a', label: 'A' }] },
    {
      key: 'parties',
      label: 'Parties',
      type: 'group',
      section: 's',
      fields: [
        { key: 'organisation', label: 'Organisation', type: 'organisation', section: 's' },
        { key: 'signatory', label: 'Signatory', type: 'contact', section: 's' },
      ],
    },
  ],
};
const builtIn = (t: Template) => new Map([[t.key, { template: t, json: JSON.stringify(t) }]]);

describe('a document made on an older template', () => {
  let app: App;
  let dir: { orgs: number[]; contacts: number[] };
  beforeEach(() => {
    setBuiltInTemplates(builtIn(v1));
    app = createTestApp();
    dir = seedDirectory(app.db);
  });
  afterEach(() => {
    app.cleanup();
    setBuiltInTemplates(null);
  });

  it('is flagged, keeps its snapshot, and can be revised on the new template with values carried by key', async () => {
    const doc = await ok<DocumentDetail>(app, 'documents.create', { templateKey: 'agreement', title: 'Our agreement' });
    expect(doc.marking).toBe('OFFICIAL');
    const values = { purpose: 'To protect people', old: 'gone', mode: 'b', parties: [{ organisation: dir.orgs[0], note: 'x' }] };
    await ok(app, 'documents.update', { id: doc.id, revision: doc.revision, values });
    expect(await ok<TemplateStatus>(app, 'documentRevisions.templateStatus', { id: doc.id })).toEqual({
      madeOn: '1.0',
      current: '1.0',
      newer: false,
    });

    setBuiltInTemplates(builtIn(v2));
    expect(await ok<TemplateStatus>(app, 'documentRevisions.templateStatus', { id: doc.id })).toEqual({
      madeOn: '1.0',
      current: '2.0',
      newer: true,
    });
    // The old document still opens on its own snapshot.
    const old = await ok<DocumentDetail>(app, 'documents.get', { id: doc.id });
    expect(old.template.version).toBe('1.0');
    expect(old.values).toEqual(values);

    const revised = await ok<DocumentDetail & { dropped: string[] }>(app, 'documentRevisions.reviseOnTemplate', { id: doc.id });
    expect(revised.id).not.toBe(doc.id);
    expect(revised.template.version).toBe('2.0');
    expect(revised.status).toBe('draft');
    expect(revised.title).toBe('Our agreement');
    expect(revised.values).toEqual({ purpose: 'To protect people', parties: [{ organisation: dir.orgs[0] }] });
    expect(revised.dropped.sort()).toEqual(['mode', 'old']);
    expect(revised.parties).toHaveLength(1);
    expect(await ok<TemplateStatus>(app, 'documentRevisions.templateStatus', { id: revised.id })).toMatchObject({ newer: false });
  });

  it('starts a new document with the marking its template asks for', async () => {
    setBuiltInTemplates(builtIn(v2));
    const doc = await ok<DocumentDetail>(app, 'documents.create', { templateKey: 'agreement', title: 'Case sharing' });
    expect(doc.marking).toBe('OFFICIAL-SENSITIVE');
  });
});

describe('carrying values and comparing versions', () => {
  it('keeps what fits and drops what does not', () => {
    expect(carryValues(v2, { purpose: 1, mode: 'a', nope: true })).toEqual({
      values: { mode: 'a' },
      dropped: ['purpose', 'nope'],
    });
  });
  it('compares dotted versions as numbers', () => {
    expect(compareVersions('1.10', '1.9')).toBe(1);
    expect(compareVersions('2.0', '2')).toBe(0);
    expect(compareVersions('1.0', '2.0')).toBe(-1);
  });
});
