import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { IMAGE_MAX_HEIGHT, imageDisplaySize } from '../../../main/documents/docx-pictures';
import { writeDocx } from '../../../main/documents/docx-writer';
import { pngSize, rasterise } from '../../../main/documents/rasterise';
import { barChart } from '../../../shared/charts/bar';
import { lineChart } from '../../../shared/charts/line';
import type { DocumentTree } from '../../../shared/documents/tree';
import { tempDir } from '../../helpers/db';

/*
 * Charts in a Word export, read back as a reader would: the package's parts, python-docx, and
 * LibreOffice laying the page out.
 */

/** Each part's compression method, from the archive's local headers: 0 stored, 8 DEFLATE. */
function methods(bytes: Uint8Array): Map<string, number> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, number>();
  for (let at = 0; b.readUInt32LE(at) === 0x04034b50;) {
    const nameLength = b.readUInt16LE(at + 26);
    out.set(b.toString('utf8', at + 30, at + 30 + nameLength), b.readUInt16LE(at + 8));
    at += 30 + nameLength + b.readUInt16LE(at + 28) + b.readUInt32LE(at + 18);
  }
  return out;
}

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const python = '/usr/bin/python3';
const hasPythonDocx = fs.existsSync(python) && spawnSync(python, ['-c', 'import docx']).status === 0;

const bar = barChart({
  title: 'Attendance by sector <2026 & 2025>',
  bars: [
    { label: 'Police', value: 12, previous: 9 },
    { label: 'Local authority adult social care', value: 7, previous: 8 },
    { label: 'Health', value: 4, previous: 6 },
    { label: 'Voluntary and community sector', value: 10, previous: 6 },
  ],
});
const line = lineChart({
  title: 'Meetings held per quarter',
  points: [
    { label: 'Q1', value: 3 },
    { label: 'Q2', value: 2 },
    { label: 'Q3', value: null },
    { label: 'Q4', value: 4 },
  ],
  target: 3,
  unit: 'meetings',
});

function chartTree(): DocumentTree {
  return {
    meta: {
      title: 'Annual report',
      version: '1',
      date: '2026-04-30',
      marking: 'OFFICIAL',
      author: 'Coordinator',
      subject: 'Annual report',
      partnershipName: 'Anytown Anti-Slavery Partnership',
    },
    blocks: [
      { kind: 'heading', level: 1, text: 'Who came' },
      { kind: 'paragraph', runs: [{ text: 'Attendance rose in three sectors.' }] },
      { kind: 'image', ...bar, caption: 'Figure 1: attendance by sector' },
      { kind: 'heading', level: 1, text: 'Meetings' },
      { kind: 'image', ...line, caption: 'Figure 2: meetings held' },
    ],
  };
}

describe('rasterising a chart', () => {
  it('draws the text: the PNG differs from one of the same chart with its text removed', () => {
    for (const chart of [bar, line]) {
      const png = rasterise(chart.svg);
      const textless = rasterise(chart.svg.replace(/<text[^>]*>[^<]*<\/text>/g, ''));
      expect(pngSize(png)).toEqual({ width: chart.width * 2, height: chart.height * 2 });
      expect(Buffer.from(png).equals(Buffer.from(textless))).toBe(false);
      // Text is detail: with it, the compressed picture is clearly larger.
      expect(png.length).toBeGreaterThan(textless.length * 1.1);
    }
  });
});

describe('a .docx with charts', () => {
  it('fits a chart taller than the page into the text area, and draws it at twice that size', async () => {
    const sectors = Array.from({ length: 34 }, (_, i) => ({ label: `Sector ${i + 1}`, value: 34 - i, previous: 30 - (i % 7) }));
    const tall = barChart({ title: 'Member organisations by sector', bars: sectors, horizontal: true });
    expect(tall.height).toBeGreaterThan(IMAGE_MAX_HEIGHT);
    const shown = imageDisplaySize(tall);
    expect(shown.height).toBe(IMAGE_MAX_HEIGHT);
    expect(shown.width).toBe(Math.round((tall.width * IMAGE_MAX_HEIGHT) / tall.height));
    const tree: DocumentTree = { ...chartTree(), blocks: [{ kind: 'image', ...tall, caption: 'Figure 1: members' }] };
    const zip = await JSZip.loadAsync(await writeDocx(tree));
    const png = await zip.file('word/media/image1.png')!.async('uint8array');
    const drawn = pngSize(png);
    expect(Math.abs(drawn.height - 2 * shown.height)).toBeLessThanOrEqual(2);
    expect(Math.abs(drawn.width - 2 * shown.width)).toBeLessThanOrEqual(2);
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).toContain(`<wp:extent cx="${shown.width * 9525}" cy="${IMAGE_MAX_HEIGHT * 9525}"/>`);
  });

  it('holds each chart as a PNG media part, referenced by the body with its alt text and size', async () => {
    const bytes = await writeDocx(chartTree());
    const zip = await JSZip.loadAsync(bytes);
    // PNG is compressed already: stored as it is, while the XML parts are compressed.
    const method = methods(bytes);
    expect([method.get('word/media/image1.png'), method.get('word/media/image2.png')]).toEqual([0, 0]);
    expect(method.get('word/document.xml')).toBe(8);
    expect(method.size).toBe(Object.keys(zip.files).length);
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
    expect(media).toEqual(['word/media/image1.png', 'word/media/image2.png']);
    const pngs = await Promise.all(media.map((m) => zip.file(m)!.async('uint8array')));
    for (const png of pngs) expect(Buffer.from(png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    // Drawn at twice the size shown: 601 × 300.5 px (the text width), not the chart's own 640 × 320.
    expect(pngs.map(pngSize)).toEqual([
      { width: 1202, height: 601 },
      { width: 1202, height: 601 },
    ]);

    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('<Default ContentType="image/png" Extension="png"/>');
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const targets = new Map([...rels.matchAll(/Id="(rId\d+)" Type="[^"]*\/image" Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
    // Every relationship id is used once.
    const ids = [...rels.matchAll(/Id="(rId\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);

    const body = await zip.file('word/document.xml')!.async('string');
    const drawings = [...body.matchAll(/<wp:inline[^]*?<\/wp:inline>/g)].map((m) => m[0]);
    expect(drawings).toHaveLength(2);
    drawings.forEach((d, i) => {
      const embed = /r:embed="(rId\d+)"/.exec(d)![1]!;
      expect(targets.get(embed)).toBe(`media/image${i + 1}.png`);
      // Shown 601 px wide (the text width) for a 640 × 320 chart (300.5, rounded): EMU = px × 9525.
      expect(d).toContain(`<wp:extent cx="${601 * 9525}" cy="${301 * 9525}"/>`);
    });
    expect(drawings[0]).toContain('descr="Attendance by sector &lt;2026 &amp; 2025&gt;: Police: This year 12, Last year 9;');
    expect(drawings[1]).toContain(`descr="${line.alt}"`);
    // The caption follows its chart, which keeps with it.
    expect(body).toMatch(
      /<w:pStyle w:val="Figure"\/><w:keepNext\/><\/w:pPr><w:r><w:drawing>[^]*?<\/w:drawing><\/w:r><\/w:p><w:p><w:pPr><w:pStyle w:val="Caption"\/><\/w:pPr><w:r><w:t xml:space="preserve">Figure 1: attendance by sector<\/w:t>/,
    );
  });

  it.skipIf(!hasPythonDocx)('python-docx reads two inline pictures of the right size', async () => {
    const dir = tempDir('concordat-images-');
    const file = path.join(dir, 'charts.docx');
    fs.writeFileSync(file, await writeDocx(chartTree()));
    const script = [
      'import docx, json, sys',
      'd = docx.Document(sys.argv[1])',
      's = d.inline_shapes',
      'print(json.dumps({"count": len(s), "sizes": [[x.width, x.height] for x in s],',
      ' "alts": [x._inline.docPr.get("descr") for x in s],',
      ' "captions": [p.text for p in d.paragraphs if p.style.name == "Caption"]}))',
    ].join('\n');
    const out = JSON.parse(execFileSync(python, ['-c', script, file], { encoding: 'utf8' })) as {
      count: number;
      sizes: number[][];
      alts: string[];
      captions: string[];
    };
    expect(out.count).toBe(2);
    expect(out.sizes).toEqual([
      [601 * 9525, 301 * 9525],
      [601 * 9525, 301 * 9525],
    ]);
    expect(out.alts).toEqual([bar.alt, line.alt]);
    expect(out.captions).toEqual(['Figure 1: attendance by sector', 'Figure 2: meetings held']);
  });

  it.skipIf(!has('soffice') || !has('pdfimages'))(
    'LibreOffice lays the charts out as pictures on the page',
    async () => {
      const dir = process.env.CONCORDAT_KEEP_CHART_PDF ?? tempDir('concordat-images-lo-');
      const profile = tempDir('concordat-lo-profile-');
      const file = path.join(dir, 'charts.docx');
      fs.writeFileSync(file, await writeDocx(chartTree()));
      execFileSync(
        'soffice',
        [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
        {
          stdio: 'pipe',
          timeout: 120_000,
        },
      );
      const list = execFileSync('pdfimages', ['-list', path.join(dir, 'charts.pdf')], { encoding: 'utf8' });
      const images = list.split('\n').filter((l) => /^\s*\d+\s+\d+\s+image/.test(l));
      expect(images).toHaveLength(2);
      for (const l of images) expect(l).toMatch(/^\s*\d+\s+\d+\s+image\s+1202\s+601\s/);
    },
    180_000,
  );
});
