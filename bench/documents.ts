import fs from 'node:fs';
import path from 'node:path';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { writeDocx } from '../main/documents/docx-writer';
import type { DirectoryContact, DirectoryOrganisation, ResolveContext } from '../shared/documents/resolve';
import { exampleValues, resolve } from '../shared/documents/resolve';
import type { Template } from '../shared/documents/template-schema';
import { templateSchema } from '../shared/documents/template-schema';
import type { DocumentTree } from '../shared/documents/tree';
import type { Measurement } from './lib';
import { measure } from './lib';
import { rng } from './seed';
import type { BenchSuite } from './suites';

const PARTIES = 40;
const DATA_ITEMS = 30;
const CLAUSES = 24;

const words =
  'information shared between the parties is used only for the purpose agreed and is kept securely by each party in line with its own policies and the law'.split(
    ' ',
  );
function prose(random: () => number, length: number): string {
  let out = '';
  while (out.length < length) out += `${words[Math.floor(random() * words.length)]} `;
  return `${out.trim().replace(/^./, (c) => c.toUpperCase())}.`;
}

/** An information-sharing agreement shaped like the real one: clauses, parties, signatories and a data table. */
export function benchTemplate(): Template {
  const random = rng(7);
  const clause = (n: number) => ({
    type: 'clause' as const,
    title: `Clause ${n} heading`,
    text: prose(random, 500),
    children: [
      { type: 'clause' as const, text: `${prose(random, 300)} {{ purpose }}` },
      { type: 'clause' as const, text: prose(random, 300), children: [{ type: 'clause' as const, text: prose(random, 200) }] },
    ],
  });
  return templateSchema.parse({
    format: 1,
    key: 'bench-isa',
    title: 'Bench information sharing agreement',
    category: 'information-sharing',
    version: '1.0',
    description: 'Bench',
    guidance: 'Bench',
    sections: [{ key: 'main', title: 'Main' }],
    fields: [
      { key: 'purpose', label: 'Purpose', type: 'longText', section: 'main' },
      { key: 'parties', label: 'Parties', type: 'organisations', section: 'main' },
      { key: 'signatories', label: 'Signatories', type: 'contacts', section: 'main' },
      {
        key: 'dataItems',
        label: 'Data items',
        type: 'group',
        section: 'main',
        fields: ['item', 'purpose', 'special', 'source', 'recipients'].map((k) => ({
          key: k,
          label: k,
          type: k === 'special' ? 'yesNo' : 'text',
          section: 'main',
        })),
      },
    ],
    blocks: [
      { type: 'toc' },
      { type: 'heading', level: 1, text: 'Document control' },
      {
        type: 'table',
        header: ['Version', 'Date', 'Marking'],
        rows: [['{{ document.version }}', '{{ document.date }}', '{{ document.marking }}']],
      },
      { type: 'heading', level: 1, text: 'Parties' },
      { type: 'table', header: ['Organisation', 'Sector'], each: 'parties', as: 'p', row: ['{{ p }}', '{{ p.sector }}'] },
      { type: 'heading', level: 1, text: 'Purpose' },
      { type: 'paragraph', text: '{{ purpose }}' },
      { type: 'heading', level: 1, text: 'Terms' },
      ...Array.from({ length: CLAUSES }, (_, i) => clause(i + 1)),
      { type: 'heading', level: 1, text: 'Data items' },
      {
        type: 'table',
        header: ['Item', 'Purpose', 'Special category', 'Source', 'Recipients'],
        each: 'dataItems',
        as: 'd',
        row: ['{{ d.item }}', '{{ d.purpose }}', '{{ d.special | yesNo }}', '{{ d.source }}', '{{ d.recipients }}'],
      },
      { type: 'pageBreak' },
      { type: 'heading', level: 1, text: 'Signatories' },
      { type: 'signatures', from: 'signatories' },
    ],
  });
}

export function benchData(): { values: Record<string, unknown>; context: ResolveContext } {
  const random = rng(11);
  const organisations: DirectoryOrganisation[] = Array.from({ length: PARTIES }, (_, i) => ({
    id: i + 1,
    name: `Organisation ${i + 1} of Benchshire`,
    sector: i % 3 === 0 ? 'police' : i % 3 === 1 ? 'local-authority' : 'charity',
  }));
  const contacts: DirectoryContact[] = organisations.map((o) => ({
    id: o.id,
    name: `Person ${o.id} Surname`,
    jobTitle: 'Head of Safeguarding',
    organisation: o.name,
    organisationId: o.id,
    email: `person${o.id}@example.org`,
    phone: '01234 567890',
  }));
  const values = {
    purpose: prose(random, 4_000),
    parties: organisations.map((o) => o.id),
    signatories: contacts.map((c) => c.id),
    dataItems: Array.from({ length: DATA_ITEMS }, (_, i) => ({
      item: `Data item ${i + 1}`,
      purpose: prose(random, 120),
      special: i % 4 === 0,
      source: organisations[i % PARTIES]!.name,
      recipients: 'All parties',
    })),
  };
  const context: ResolveContext = {
    partnership: {
      name: 'Benchmark Partnership',
      area: 'Benchshire',
      coordinatorName: 'Bench Coordinator',
      coordinatorEmail: '',
    },
    document: {
      title: 'Benchshire information sharing agreement',
      version: '1.0',
      date: '2026-10-05',
      marking: 'OFFICIAL-SENSITIVE',
    },
    directory: { organisations: new Map(organisations.map((o) => [o.id, o])), contacts: new Map(contacts.map((c) => [c.id, c])) },
    includeGuidance: false,
  };
  return { values, context };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const p = (text: string, style?: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const cell = (text: string) => `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>${p(text)}</w:tc>`;
const row = (cells: string[]) => `<w:tr>${cells.map(cell).join('')}</w:tr>`;
const table = (header: string[], body: string) =>
  `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/></w:tblPr>${row(header)}${body}</w:tbl>`;

/**
 * The same agreement as a docxtemplater template: the fixed text written out, loops for the parties,
 * data items and signatories, and tags for the values. Built here so the bench needs no binary file.
 */
export function docxtemplaterTemplate(tree: DocumentTree): Buffer {
  const body: string[] = [p('{title}', 'Title'), p('Version {version} · {date} · {marking}')];
  let n = [0, 0, 0];
  for (const b of tree.blocks) {
    switch (b.kind) {
      case 'heading':
        body.push(p(esc(b.text), `Heading${b.level}`));
        if (b.text === 'Purpose') body.push(p('{purpose}'));
        break;
      case 'clause': {
        const i = b.level - 1;
        n[i]! += 1;
        n = n.map((x, j) => (j > i ? 0 : x));
        const number = n.slice(0, i + 1).join('.');
        const text = b.runs.map((r) => r.text).join('');
        body.push(
          p(
            `${number} ${esc(b.title ?? '')}${b.title ? ' ' : ''}${esc(text.replace(/\S+$/, '')).slice(0, 10_000)}{purposeShort}`,
          ),
        );
        break;
      }
      case 'table':
        if (b.header[0] === 'Organisation') body.push(table(b.header, `{#parties}${row(['{name}', '{sector}'])}{/parties}`));
        else if (b.header[0] === 'Item')
          body.push(
            table(b.header, `{#dataItems}${row(['{item}', '{purpose}', '{special}', '{source}', '{recipients}'])}{/dataItems}`),
          );
        else body.push(table(b.header, row(['{version}', '{date}', '{marking}'])));
        break;
      case 'signatures':
        body.push(
          table(
            ['Organisation', 'Name', 'Position', 'Signature', 'Date'],
            `{#signatories}${row(['{organisation}', '{name}', '{position}', '', '{signedOn}'])}{/signatories}`,
          ),
        );
        break;
      default:
        break;
    }
  }
  const zip = new PizZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
  );
  return zip.generate({ type: 'nodebuffer' });
}

export function docxtemplaterData(values: Record<string, unknown>, context: ResolveContext) {
  const orgs = [...context.directory!.organisations.values()];
  const contacts = [...context.directory!.contacts.values()];
  const purpose = String(values.purpose);
  return {
    title: context.document.title,
    version: context.document.version,
    date: '5 October 2026',
    marking: context.document.marking,
    purpose,
    purposeShort: purpose,
    parties: orgs.map((o) => ({ name: o.name, sector: o.sector })),
    dataItems: (values.dataItems as Record<string, unknown>[]).map((d) => ({ ...d, special: d.special ? 'Yes' : 'No' })),
    signatories: contacts.map((c) => ({ organisation: c.organisation, name: c.name, position: c.jobTitle, signedOn: '' })),
  };
}

function largestShippedTemplate(): Template | null {
  const dir = path.resolve('resources/templates');
  if (!fs.existsSync(dir)) return null;
  let best: { t: Template; size: number } | null = null;
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const parsed = templateSchema.safeParse(JSON.parse(text));
    if (parsed.success && (!best || text.length > best.size)) best = { t: parsed.data, size: text.length };
  }
  return best?.t ?? null;
}

export const documentsBench: BenchSuite = {
  name: 'documents',
  run: async ({ dispatch }) => {
    const results: Measurement[] = [];
    const template = benchTemplate();
    const { values, context } = benchData();
    const tree = resolve(template, values, context);

    results.push(
      await measure(
        'documents: resolve ISA-like (40 parties, 30 items) — keystroke → preview',
        () => resolve(template, values, context),
        {
          runs: 50,
          warmup: 5,
          goalMs: 100,
        },
      ),
    );
    const shipped = largestShippedTemplate();
    if (shipped) {
      const ex = exampleValues(shipped);
      results.push(
        await measure(`documents: resolve largest shipped template (${shipped.key})`, () => resolve(shipped, ex, context), {
          runs: 50,
          warmup: 5,
          goalMs: 100,
        }),
      );
    }

    let ourBytes = 0;
    const ours = await measure(
      'documents: export ISA-like .docx, ours (resolve + docx)',
      async () => {
        ourBytes = (await writeDocx(resolve(template, values, context))).length;
      },
      { runs: 15, warmup: 3, goalMs: 150 },
    );
    results.push(ours);
    // Theirs fills a prepared file; ours also resolves the template. Without resolve the two do the same work.
    const oursDocxOnly = await measure(
      'documents: export ISA-like .docx, ours without resolve (docx only)',
      async () => {
        await writeDocx(tree);
      },
      { runs: 15, warmup: 3, goalMs: 150 },
    );
    results.push(oursDocxOnly);

    const dtTemplate = docxtemplaterTemplate(tree);
    const data = docxtemplaterData(values, context);
    let theirBytes = 0;
    const theirs = await measure(
      'documents: same document with docxtemplater',
      () => {
        const doc = new Docxtemplater(new PizZip(dtTemplate), { paragraphLoop: true, linebreaks: true });
        doc.render(data);
        theirBytes = doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }).length;
      },
      { runs: 15, warmup: 3 },
    );
    results.push(theirs);
    const ratio = ours.medianMs / theirs.medianMs;
    ours.note = `${(1000 / ours.medianMs).toFixed(1)} docs/s; ${(ourBytes / 1024).toFixed(0)} KB; ${ratio.toFixed(2)}× docxtemplater`;
    oursDocxOnly.note = `${(oursDocxOnly.medianMs / theirs.medianMs).toFixed(2)}× docxtemplater`;
    theirs.note = `${(1000 / theirs.medianMs).toFixed(1)} docs/s; ${(theirBytes / 1024).toFixed(0)} KB`;

    // The whole path a user waits for: the export handler over a seeded document.
    const first = await dispatch('documents.list', {});
    if (first.ok && Array.isArray(first.value) && first.value.length > 0) {
      const id = (first.value[0] as { id: number }).id;
      results.push(
        await measure(
          'documents: export handler (seeded document, in process)',
          () => dispatch('documents.export', { id, publicSafe: false }),
          {
            runs: 10,
            warmup: 2,
            goalMs: 300,
          },
        ),
      );
      results.push(
        await measure('documents: list all documents', () => dispatch('documents.list', {}), {
          runs: 20,
          warmup: 3,
          goalMs: 100,
        }),
      );
    }
    return results;
  },
};
