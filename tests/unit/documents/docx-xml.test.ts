import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchData, benchTemplate } from '../../../bench/documents';
import { packWithDocx } from '../../../main/documents/docx-model';
import { writeDocxWithReport } from '../../../main/documents/docx-writer';
import { escapeXml } from '../../../main/documents/docx-xml';
import { barChart } from '../../../shared/charts/bar';
import { lineChart } from '../../../shared/charts/line';
import { resolve } from '../../../shared/documents/resolve';
import { templateSchema } from '../../../shared/documents/template-schema';
import type { Block, DocumentTree, Run } from '../../../shared/documents/tree';
import { SAMPLE_PATH, sampleContext, sampleTemplate } from '../../helpers/documents';
import { hostileTree } from '../../helpers/hostile-tree';
import { context, exampleValuesFor } from '../templates/template-fixtures';

/*
 * The fast writer (docx-writer.ts + docx-xml.ts) against the reference: the same tree written whole
 * by the docx library (docx-model.ts). Every part must be the same XML. Two differences are allowed:
 * the fast writer's numbering part always defines both lists (clauses, bullets), so a list's id may
 * differ (compared by the definition it points at), and the core properties' timestamps.
 */

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async('string'));
  return out;
}

/** numId → the abstractNumId it instantiates, from a numbering part. */
function numberingMap(numbering: string): Map<string, string> {
  return new Map([...numbering.matchAll(/<w:num w:numId="(\d+)"><w:abstractNumId w:val="(\d+)"\/>/g)].map((m) => [m[1]!, m[2]!]));
}

function normalise(name: string, xml: string, numbering: Map<string, string>): string {
  if (name === 'docProps/core.xml') return xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, '$1');
  if (name === 'word/numbering.xml') return xml.slice(0, xml.indexOf('<w:num '));
  return xml.replace(/<w:numId w:val="(\d+)"\/>/g, (_, id: string) => `<w:numId w:val="abstract ${numbering.get(id)}"/>`);
}

async function expectSameAsDocx(tree: DocumentTree) {
  const fast = await writeDocxWithReport(tree);
  const ref = await packWithDocx(tree);
  expect(fast.removed).toBe(ref.removed);
  const ours = await parts(fast.bytes);
  const theirs = await parts(ref.bytes);
  expect([...ours.keys()]).toEqual([...theirs.keys()]);
  const ourNumbering = numberingMap(ours.get('word/numbering.xml')!);
  const theirNumbering = numberingMap(theirs.get('word/numbering.xml')!);
  for (const [name, xml] of theirs) {
    expect(normalise(name, ours.get(name)!, ourNumbering), name).toBe(normalise(name, xml, theirNumbering));
    if (!name.startsWith('word/media/')) expect(XMLValidator.validate(ours.get(name)!), name).toBe(true);
  }
  return { bytes: fast.bytes, ours };
}

const builtIn = fs
  .readdirSync('resources/templates')
  .filter((f) => f.endsWith('.json'))
  .map((f) => templateSchema.parse(JSON.parse(fs.readFileSync(path.resolve('resources/templates', f), 'utf8'))));

describe('the fast .docx writer writes what the docx library writes', () => {
  it.each(builtIn.map((t) => [t.key, t] as const))(
    'built-in template %s, with and without guidance, public or not',
    async (_, t) => {
      for (const includeGuidance of [false, true]) {
        const tree = resolve(t, exampleValuesFor(t), context({ includeGuidance }));
        await expectSameAsDocx(tree);
        await expectSameAsDocx({ ...tree, meta: { ...tree.meta, publicSafe: true, handlingNote: 'Handle with care' } });
      }
    },
  );

  it.each(builtIn.map((t) => [t.key, t] as const))(
    '%s: lists, table header rows and fields hold up on their own',
    async (_, t) => {
      const tree = resolve(t, exampleValuesFor(t), context());
      const fast = await writeDocxWithReport(tree);
      const ours = await parts(fast.bytes);
      const body = ours.get('word/document.xml')!;
      const numbering = ours.get('word/numbering.xml')!;
      // Every list a paragraph refers to is defined, and clauses and bullets point at the right definition.
      const defs = numberingMap(numbering);
      let listed = 0;
      const abstractFormat = (abstractId: string) =>
        new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}"[^]*?<w:numFmt w:val="(\\w+)"/>`).exec(numbering)?.[1];
      for (const m of body.matchAll(
        /<w:pStyle w:val="(Clause\d|ListParagraph)"\/>(?:<w:keepNext\/>|<w:widowControl\/>)?<w:numPr><w:ilvl w:val="\d"\/><w:numId w:val="(\d+)"\/>/g,
      )) {
        const format = abstractFormat(defs.get(m[2]!)!);
        expect(format, m[0]).toBe(m[1] === 'ListParagraph' ? 'bullet' : 'decimal');
        listed += 1;
      }
      expect(listed).toBeGreaterThan(5);
      expect(body).toMatch(/<w:pStyle w:val="Clause1"\/>/);
      // Every table repeats its header row and no row splits across pages.
      for (const table of body.split('<w:tbl>').slice(1)) {
        const rows = table.split('<w:tr>').slice(1);
        expect(rows[0]).toMatch(/^<w:trPr><w:cantSplit\/><w:tblHeader\/>/);
        for (const r of rows) expect(r).toMatch(/^<w:trPr><w:cantSplit\/>/);
      }
      expect(ours.get('word/footer1.xml')).toMatch(/PAGE<\/w:instrText>[^]*NUMPAGES<\/w:instrText>/);
      expect(ours.get('word/settings.xml')).toContain('<w:updateFields/>');
      // Read by an independent reader, the text and headings are those of the docx library's file.
      const reference = Buffer.from((await packWithDocx(tree)).bytes);
      const html = async (b: Buffer) => (await mammoth.convertToHtml({ buffer: b })).value;
      expect(await html(Buffer.from(fast.bytes))).toBe(await html(reference));
    },
  );

  it('the sample template, with its gaps (unfilled values)', async () => {
    const t = sampleTemplate();
    await expectSameAsDocx(resolve(t, {}, sampleContext({ includeGuidance: false })));
  });

  it('the bench document (40 parties, 30 data items, 24 clauses)', async () => {
    const { values, context: ctx } = benchData();
    const { bytes } = await expectSameAsDocx(resolve(benchTemplate(), values, ctx));
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
    expect(html).toContain('<h1>Signatories</h1>');
  });

  it('every kind of block and run, lists before clauses, tables of contents with 0, 1 and 2 entries', async () => {
    const runs: Run[] = [
      { text: 'plain ' },
      { text: 'bold', bold: true },
      { text: 'italic', italic: true },
      { text: 'under', underline: true },
      { text: 'gap', missing: true },
      { text: 'all', bold: true, italic: true, underline: true, missing: true },
      { text: 'one\ntwo\r\nthree\rfour', bold: true },
      { text: 'a\nb' },
      { text: '' },
    ];
    const blocks: Block[] = [
      { kind: 'bullets', items: [runs, [{ text: 'مرحبا' }], []] },
      { kind: 'clause', level: 1, title: 'Title', runs },
      { kind: 'clause', level: 2, runs: [{ text: 'שלום עולם' }] },
      { kind: 'clause', level: 3, title: 'Only a title', runs: [] },
      { kind: 'clause', level: 3, runs: [] },
      { kind: 'paragraph', runs: [] },
      { kind: 'paragraph', runs: [{ text: 'introduces the signatures' }] },
      { kind: 'signatures', signatories: [] },
      { kind: 'paragraph', runs: [{ text: 'introduces a table' }] },
      {
        kind: 'table',
        caption: 'A caption',
        header: ['Name', 'E-mail', 'Notes'],
        rows: [
          [[{ text: 'A' }], [{ text: 'a.very.long.address-with-hyphens@partnership.example.org.uk' }], runs],
          [[{ text: 'short row' }]],
        ],
      },
      { kind: 'table', header: ['Empty'], rows: [], widths: [1] },
      { kind: 'heading', level: 3, text: 'مقدمة' },
      { kind: 'pageBreak' },
      { kind: 'guidance', runs: [{ text: 'never exported' }] },
    ];
    const meta: DocumentTree['meta'] = {
      title: 'Every block',
      version: '2.1',
      date: '2026-02-28',
      marking: 'OFFICIAL-SENSITIVE',
      author: 'Tester',
      subject: 'Test',
      partnershipName: 'Partnership',
    };
    await expectSameAsDocx({ meta, blocks });
    await expectSameAsDocx({ meta, blocks: [{ kind: 'bullets', items: [[{ text: 'only bullets' }]] }] });
    for (const headings of [0, 1, 2]) {
      const hs: Block[] = Array.from({ length: headings }, (_, i) => ({
        kind: 'heading',
        level: ((i % 3) + 1) as 1 | 2 | 3,
        text: `H${i}`,
      }));
      await expectSameAsDocx({ meta, blocks: [{ kind: 'toc' }, ...hs] });
    }
    const many = Array.from({ length: 13 }, (_, i) => ({
      name: `P${i}`,
      position: 'Role',
      organisation: `Org ${i}`,
      signedOn: '',
    }));
    await expectSameAsDocx({ meta, blocks: [{ kind: 'signatures', signatories: many }] });
  });
});

describe('pictures (charts)', () => {
  it('are embedded as the docx library embeds them: each PNG once, numbered, with alt text and captions', async () => {
    const bar = barChart({ title: 'Attendance <&> "by sector"', bars: [{ label: 'Police & <fire>', value: 12, previous: 9 }] });
    const line = lineChart({
      title: 'Meetings',
      points: [
        { label: 'Q1', value: 3 },
        { label: 'Q2', value: null },
      ],
      target: 3,
    });
    const wide = { ...line, width: 900, height: 450 };
    const meta: DocumentTree['meta'] = {
      title: 'Pictures',
      version: '1',
      date: '2026-02-28',
      marking: 'OFFICIAL',
      author: 'Tester',
      subject: 'Test',
      partnershipName: 'Partnership',
    };
    const blocks: Block[] = [
      { kind: 'heading', level: 1, text: 'Charts' },
      { kind: 'image', ...bar, caption: 'Figure 1 <attendance> \u0001' },
      { kind: 'image', ...line },
      { kind: 'image', ...bar, alt: '' },
      { kind: 'image', ...wide, caption: 'Scaled to the text width' },
    ];
    const { ours } = await expectSameAsDocx({ meta, blocks });
    // The repeated bar chart is packed once; the line chart shown at two sizes is drawn at each.
    expect([...ours.keys()].filter((k) => k.startsWith('word/media/'))).toEqual([
      'word/media/image1.png',
      'word/media/image2.png',
      'word/media/image3.png',
    ]);
    const body = ours.get('word/document.xml')!;
    expect(body).toContain(`descr="${escapeXml(bar.alt)}"`);
    expect(body).toContain('<wp:docPr id="3" name="Picture 3"/>');
    // Shown no wider than the text (601 px): 900 × 450 becomes 601 × 301 (rounded), in EMU.
    expect(body).toContain(`<wp:extent cx="${601 * 9525}" cy="${301 * 9525}"/>`);
    await expectSameAsDocx({ meta, blocks: [{ kind: 'image', ...line }] });
  });
});

describe('hostile text', () => {
  it('is escaped and cleaned the same way, and every part stays well-formed XML', async () => {
    const tree = hostileTree();
    const { bytes, ours } = await expectSameAsDocx(tree);
    const body = ours.get('word/document.xml')!;
    expect(body).toContain('&lt;b&gt;&amp;amp; &quot;quoted&quot; &apos;single&apos; &lt;/w:t&gt;');
    const forbidden = [...body].filter((ch) => {
      const c = ch.codePointAt(0)!;
      return (c < 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd) || c === 0xfffe || c === 0xffff || (c >= 0xd800 && c <= 0xdfff);
    });
    expect(forbidden).toEqual([]);
    expect(body).toContain('👩🏽‍⚖️');
    expect(body.length).toBeGreaterThan(100_000);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    expect(text).toContain(`<b>&amp; "quoted" 'single' </w:t></w:r> ]]>`);
    expect(text).toContain('العربية');
  });

  it('escapeXml escapes the five XML specials and nothing else', () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
    expect(escapeXml('plain · text ✅')).toBe('plain · text ✅');
  });
});

describe('the package', () => {
  it('is a valid zip that names its parts once, with the same bytes for the same document', async () => {
    const t = sampleTemplate();
    const tree = resolve(t, {}, sampleContext({ includeGuidance: false }));
    const a = await parts((await writeDocxWithReport(tree)).bytes);
    const b = await parts((await writeDocxWithReport(tree)).bytes);
    expect(a.get('word/document.xml')).toBe(b.get('word/document.xml'));
    expect(a.has('[Content_Types].xml')).toBe(true);
    expect(SAMPLE_PATH).toBeTruthy();
  });
});
