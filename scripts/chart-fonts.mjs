// Writes the chart font (Arimo, metric-compatible with Arial) into resources/fonts as TrueType, from
// the WOFF files of @fontsource/arimo: resvg reads only TrueType/OpenType, and it re-reads a font
// file for every character it lays out, so a small Latin subset draws text ~20 times faster than
// a whole system font. Run `node scripts/chart-fonts.mjs` after updating @fontsource/arimo;
// tests/unit/documents/chart-fonts.test.ts checks the committed files match.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'node_modules/@fontsource/arimo');
export const CHART_FONTS = [
  ['arimo-latin-400-normal.woff', 'Arimo-Latin-Regular.ttf'],
  ['arimo-latin-700-normal.woff', 'Arimo-Latin-Bold.ttf'],
  ['arimo-latin-ext-400-normal.woff', 'Arimo-LatinExt-Regular.ttf'],
  ['arimo-latin-ext-700-normal.woff', 'Arimo-LatinExt-Bold.ttf'],
];

/** WOFF 1.0 (W3C) to the TrueType file it wraps: the same tables, each inflated where it was compressed. */
export function woffToTtf(woff) {
  const b = Buffer.from(woff);
  if (b.toString('latin1', 0, 4) !== 'wOFF') throw new Error('Not a WOFF 1.0 file');
  const flavor = b.readUInt32BE(4);
  const numTables = b.readUInt16BE(12);
  const tables = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const [tag, offset, compLength, origLength, checksum] = [0, 4, 8, 12, 16].map((o) => b.readUInt32BE(at + o));
    const raw = b.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(raw) : raw;
    if (data.length !== origLength) throw new Error(`Table ${i} is ${data.length} bytes, expected ${origLength}`);
    tables.push({ tag, checksum, data });
  }
  tables.sort((x, y) => x.tag - y.tag);
  const log2 = Math.floor(Math.log2(numTables));
  const header = Buffer.alloc(12 + numTables * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(2 ** log2 * 16, 6);
  header.writeUInt16BE(log2, 8);
  header.writeUInt16BE(numTables * 16 - 2 ** log2 * 16, 10);
  const parts = [header];
  let offset = header.length;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    header.writeUInt32BE(t.tag, at);
    header.writeUInt32BE(t.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(t.data.length, at + 12);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // --check: compare the committed files with a fresh conversion, write nothing.
  const check = process.argv.includes('--check');
  const out = join(root, 'resources/fonts');
  const wanted = [
    ...CHART_FONTS.map(([from, to]) => [to, woffToTtf(readFileSync(join(source, 'files', from)))]),
    ['OFL.txt', readFileSync(join(source, 'LICENSE'))],
  ];
  if (check) {
    const stale = wanted.filter(([name, bytes]) => !existsSync(join(out, name)) || !readFileSync(join(out, name)).equals(bytes));
    if (stale.length > 0) {
      console.error(`Out of date in resources/fonts: ${stale.map(([n]) => n).join(', ')}. Run node scripts/chart-fonts.mjs`);
      process.exit(1);
    }
    console.log(`resources/fonts matches @fontsource/arimo (${wanted.length} files)`);
  } else {
    mkdirSync(out, { recursive: true });
    for (const [name, bytes] of wanted) writeFileSync(join(out, name), bytes);
    console.log(`Wrote ${wanted.length} files to resources/fonts`);
  }
}
