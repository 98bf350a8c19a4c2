import JSZip from 'jszip';
import mammoth from 'mammoth';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { sanitiseText, writeDocx, writeDocxWithReport } from '../../../main/documents/docx-writer';
import { exampleValues, resolve } from '../../../shared/documents/resolve';
import type { DocumentTree } from '../../../shared/documents/tree';
import { sampleContext, sampleTemplate } from '../../helpers/documents';

async function open(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const names = Object.keys(zip.files);
  return { zip, read, names };
}

const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true, trimValues: false });
type Node = Record<string, unknown>;
/** Every w:p in document order, with its style, numbering and text. */
function paragraphs(xml: string): { style: string | undefined; numbered: boolean; text: string }[] {
  const out: { style: string | undefined; numbered: boolean; text: string }[] = [];
  const text = (nodes: Node[]): string =>
    nodes
      .map((n) => {
        if ('#text' in n) return String(n['#text']);
        const key = Object.keys(n).find((k) => k !== ':@');
        if (!key) return '';
        if (key === 'w:br') return '\n';
        return text(n[key] as Node[]);
      })
      .join('');
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      const key = Object.keys(n).find((k) => k !== ':@');
      if (!key || key === '#text') continue;
      if (key === 'w:p') {
        const kids = n[key] as Node[];
        const pPr = kids.find((k) => 'w:pPr' in k)?.['w:pPr'] as Node[] | undefined;
        const styleNode = pPr?.find((k) => 'w:pStyle' in k);
        const style = styleNode ? String((styleNode[':@'] as Record<string, string>)['@_w:val']) : undefined;
        const numbered = Boolean(pPr?.some((k) => 'w:numPr' in k));
        out.push({ style, numbered, text: text(kids.filter((k) => !('w:pPr' in k))) });
      } else walk(n[key] as Node[]);
    }
  };
  walk(parser.parse(xml) as Node[]);
  return out;
}

const sampleTree = (over = {}) => {
  const t = sampleTemplate();
  return resolve(t, exampleValues(t), sampleContext(over));
};

describe('docx writer', () => {
  it('writes real styles, headings in order, numbered clauses and no guidance', async () => {
    const { read } = await open(await writeDocx(sampleTree()));
    const doc = await read('word/document.xml');
    const ps = paragraphs(doc);
    expect(ps[0]).toMatchObject({ style: 'Title', text: 'Northshire ISA' });
    expect(ps.filter((p) => p.style?.startsWith('Heading')).map((p) => `${p.style}:${p.text}`)).toEqual([
      'Heading1:Introduction',
      'Heading2:Parties',
      'Heading2:Data items',
      'Heading3:Items in detail',
      'Heading1:Signatures',
    ]);
    const clauses = ps.filter((p) => p.style?.startsWith('Clause') && !p.style.startsWith('ClauseText'));
    expect(clauses.map((p) => `${p.style}:${p.text}`)).toEqual([
      // A titled clause is one paragraph: the title, a line break, then its text.
      'Clause1:Purpose\nThe parties share information to identify and safeguard potential victims of modern slavery.',
      'Clause2:Information moves by secure email.',
      'Clause3:Emails are marked OFFICIAL-SENSITIVE.',
      'Clause2:Records are kept for 24 months.',
      'Clause1:Legal basis\nThe parties rely on Public task (Article 6(1)(e)) and Vital interests (Article 6(1)(d)).',
      'Clause2:Vital interests apply only where life is at risk.',
      'Clause2:Special category data is shared: Yes.',
    ]);
    expect(clauses.every((p) => p.numbered)).toBe(true);
    // The numbers come from the numbering definitions, never typed into the text.
    expect(clauses.some((p) => /^\d/.test(p.text))).toBe(false);
    const numbering = await read('word/numbering.xml');
    expect(numbering).toContain('w:val="%1.%2.%3"');
    expect(numbering).toContain('w:val="%1.%2"');
    expect(doc).toContain('TOC \\h \\o &quot;1-3&quot;');
    expect(doc).not.toContain('starting point');
    const styles = await read('word/styles.xml');
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Normal']) expect(styles).toContain(`w:styleId="${id}"`);
    expect(styles).toContain('w:lang w:val="en-GB"');
    expect(doc).toContain('w:w="11906" w:h="16838"');
  });

  it('puts the marking in every header and footer, with title, version, date and Page X of Y', async () => {
    const { read, names } = await open(await writeDocx(sampleTree()));
    const headers = names.filter((n) => /^word\/header\d+\.xml$/.test(n));
    const footers = names.filter((n) => /^word\/footer\d+\.xml$/.test(n));
    expect(headers.length).toBeGreaterThan(0);
    expect(footers.length).toBeGreaterThan(0);
    for (const n of [...headers, ...footers]) expect(await read(n)).toContain('OFFICIAL-SENSITIVE');
    const footer = await read(footers[0]!);
    expect(footer).toContain('Northshire ISA · Version 1.0 · 5 October 2026');
    expect(footer).toMatch(/PAGE[\s\S]*NUMPAGES/);
    // Every section references a header and a footer.
    const doc = await read('word/document.xml');
    const sections = doc.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections.length).toBeGreaterThan(0);
    for (const s of sections) {
      expect(s).toContain('w:headerReference');
      expect(s).toContain('w:footerReference');
    }
    const core = await read('docProps/core.xml');
    expect(core).toContain('<dc:title>Northshire ISA</dc:title>');
    expect(core).toContain('<dc:creator>Pat Coordinator</dc:creator>');
    expect(core).toContain('<dc:subject>Sample Information Sharing Agreement</dc:subject>');
  });

  it('writes tables and the signatory table', async () => {
    const bytes = await writeDocx(sampleTree({ signed: new Map([[1, '2026-11-02']]) }));
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    expect(html).toMatch(/<h1>(<a id="[^"]*"><\/a>)?Introduction<\/h1>/);
    expect(html).toMatch(/<table>[\s\S]*Name and date of birth[\s\S]*Health needs[\s\S]*<\/table>/);
    expect(html).toContain('<p>Alex Morgan</p>');
    expect(html).toContain('<p>2 November 2026</p>');
    expect(html).toContain('<p><strong>Signature</strong></p>');
    expect(html).toContain('<p>Sam Patel</p>');
  });

  it('public-safe export leaves no personal contact details', async () => {
    const bytes = await writeDocx(sampleTree({ publicSafe: true }));
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(value).not.toContain('Alex Morgan');
    expect(value).not.toContain('alex.morgan@police.example');
    expect(value).toContain('Detective Inspector');
    const { read } = await open(bytes);
    expect(await read('word/footer1.xml')).toContain('Public version');
  });

  it('strips characters XML forbids and counts them', () => {
    expect(sanitiseText('a\u0000b\u0007c\u000bd\uFFFEe\uD800f\tg\nh')).toEqual({ text: 'abcdef\tg\nh', removed: 5 });
    expect(sanitiseText('😀 שלום')).toEqual({ text: '😀 שלום', removed: 0 });
  });

  it('round-trips hostile strings intact', async () => {
    const hostile = [
      `<w:t>&amp; "quotes" 'apos' ]]> <!-- -->`,
      'مرحبا بالعالم — اتفاقية تبادل المعلومات',
      'שלום עולם',
      'Emoji 👩🏽‍⚖️ 🇬🇧 🙂 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
    ];
    const long = 'Long clause text. '.repeat(5_556).slice(0, 100_000);
    const tree: DocumentTree = {
      meta: {
        title: 'Hostile <title> & "more"',
        version: '1.0',
        date: '2026-10-05',
        marking: 'OFFICIAL',
        author: 'A & B',
        subject: 'Test',
        partnershipName: 'P',
      },
      blocks: [
        ...hostile.map((t) => ({ kind: 'paragraph' as const, runs: [{ text: t }] })),
        { kind: 'paragraph', runs: [{ text: `bad\u0001\u0002chars\uFFFF` }] },
        { kind: 'clause', level: 1, runs: [{ text: long }] },
        { kind: 'table', header: ['<h>'], rows: [[[{ text: hostile[1]! }]]] },
        { kind: 'signatures', signatories: [{ name: hostile[2]!, position: '&', organisation: '<o>', signedOn: '' }] },
      ],
    };
    const { bytes, removed } = await writeDocxWithReport(tree);
    expect(removed).toBe(3);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    for (const h of hostile) expect(value).toContain(h);
    expect(value).toContain('badchars');
    expect(value).toContain(long);
    const { read } = await open(bytes);
    const doc = await read('word/document.xml');
    expect(doc).toContain('<w:bidi/>');
    expect(await read('docProps/core.xml')).toContain('Hostile &lt;title&gt; &amp;');
  });
});
