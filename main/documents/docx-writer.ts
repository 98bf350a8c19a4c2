import JSZip from 'jszip';
import type { DocumentTree } from '../../shared/documents/tree';
import type { DocxResult } from './docx-model';
import { packWithDocx } from './docx-model';
import { pictures } from './docx-pictures';
import { sanitiseTree } from './docx-text';
import type { NumberingIds } from './docx-xml';
import { MediaParts, bodyXml, corePropertiesXml, footerXml, headerXml } from './docx-xml';
import { rasteriseAll } from './rasterise';
import type { ZipEntry } from './zip';
import { zipArchive, zipEntry } from './zip';

export { sanitiseText, sanitiseTree } from './docx-text';
export type { DocxResult } from './docx-model';

/*
 * The .docx export of the DocumentTree (the React preview is the other renderer). The docx library
 * builds the package once: its fixed parts (styles, numbering, settings, fonts table, theme,
 * relationships, content types) are the same for every document, so they are generated on first use
 * and kept, already compressed. Each export writes only the parts that change (body, header, footer,
 * core properties) with the string writer in docx-xml.ts, which writes the same XML as the docx model
 * in docx-model.ts, and zips them with Node's zlib.
 *
 * Profile before (bench document, CPU): building docx objects ~10 ms, docx's object-to-XML step
 * 24 ms, zip 7.5 ms, fixed parts ~5 ms; the string writer does the body in ~2 ms.
 */

/** DEFLATE level for the parts written per export: 6, zlib's default, costs ~2 ms more than 1 on the bench body and makes it half the size. */
const LEVEL = 6;

type Skeleton = {
  /** Every part in the docx library's order, the changing ones as null (filled per export). */
  order: string[];
  fixed: Map<string, ZipEntry>;
  /** The XML around the changing content of each changing part. */
  wrap: Record<Changing, { before: string; after: string }>;
  numbering: NumberingIds;
  /** The body's relationships, to add pictures to: the XML before and after the font table's, and its id. */
  rels: { before: string; after: string; fontTableId: number };
};

const RELS = 'word/_rels/document.xml.rels';
const FONT_TABLE_REL =
  /<Relationship Id="rId(\d+)" Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/fontTable" Target="fontTable.xml"\/>/;
const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
/** PNG is already compressed: its pictures are stored in the package as they are (level 0). */
const MEDIA_LEVEL = 0;

type Changing = 'word/document.xml' | 'word/header1.xml' | 'word/footer1.xml' | 'docProps/core.xml';

const CHANGING: Record<Changing, { start: string; end: string }> = {
  'word/document.xml': { start: '<w:body>', end: '<w:sectPr>' },
  'word/header1.xml': { start: '<w:p>', end: '</w:hdr>' },
  'word/footer1.xml': { start: '<w:p>', end: '</w:ftr>' },
  'docProps/core.xml': { start: '<dc:title>', end: '</cp:coreProperties>' },
};

/** A document using every part the export can use: one header, one footer, both numbering definitions. */
const SKELETON_TREE: DocumentTree = {
  meta: {
    title: 'Skeleton',
    version: '1',
    date: '2026-01-01',
    marking: 'OFFICIAL',
    author: 'Concordat',
    subject: 'Skeleton',
    partnershipName: 'Skeleton',
  },
  blocks: [
    { kind: 'clause', level: 1, runs: [{ text: 'Clause' }] },
    { kind: 'bullets', items: [[{ text: 'Bullet' }]] },
  ],
};

async function buildSkeleton(): Promise<Skeleton> {
  const zip = await JSZip.loadAsync((await packWithDocx(SKELETON_TREE)).bytes);
  const order: string[] = [];
  const fixed = new Map<string, ZipEntry>();
  const wrap = {} as Skeleton['wrap'];
  let numbering: NumberingIds | null = null;
  let rels: Skeleton['rels'] | null = null;
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    order.push(file.name);
    if (file.name === RELS) {
      // The docx library numbers pictures after the other relationships and the font table after them.
      const xml = await file.async('string');
      const m = FONT_TABLE_REL.exec(xml);
      if (!m) throw new Error("The docx library's relationships are not shaped as expected");
      rels = { before: xml.slice(0, m.index), after: xml.slice(m.index + m[0].length), fontTableId: Number(m[1]) };
    }
    const markers = CHANGING[file.name as Changing] as { start: string; end: string } | undefined;
    if (!markers) {
      fixed.set(file.name, zipEntry(file.name, await file.async('uint8array'), 9));
      continue;
    }
    const xml = await file.async('string');
    const start = xml.indexOf(markers.start);
    const end = xml.lastIndexOf(markers.end);
    if (start < 0 || end < start) throw new Error(`The docx library's ${file.name} is not shaped as expected`);
    const cut = file.name === 'word/document.xml' ? start + markers.start.length : start;
    wrap[file.name as Changing] = { before: xml.slice(0, cut), after: xml.slice(end) };
    if (file.name === 'word/document.xml') {
      const ids = [...xml.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => Number(m[1]));
      if (ids.length !== 2) throw new Error("The docx library's numbering is not shaped as expected");
      numbering = { clauses: ids[0]!, bullets: ids[1]! };
    }
  }
  for (const name of Object.keys(CHANGING)) if (!wrap[name as Changing]) throw new Error(`The docx library wrote no ${name}`);
  if (!numbering) throw new Error('The docx library wrote no numbering');
  if (!rels) throw new Error('The docx library wrote no relationships');
  return { order, fixed, wrap, numbering, rels };
}

let skeleton: Promise<Skeleton> | null = null;
function getSkeleton(): Promise<Skeleton> {
  skeleton ??= buildSkeleton().catch((e: unknown) => {
    skeleton = null;
    throw e;
  });
  return skeleton;
}

/** Write the tree as .docx and report how many unsafe characters were removed from its text. */
export async function writeDocxWithReport(input: DocumentTree): Promise<DocxResult> {
  const s = await getSkeleton();
  const { tree, removed } = sanitiseTree(input);
  const drawn = pictures(tree.blocks);
  const media = new MediaParts(s.rels.fontTableId, drawn.length > 0 ? await rasteriseAll(drawn) : undefined);
  const content: Record<Changing, string> = {
    'word/document.xml': bodyXml(tree, s.numbering, media),
    'word/header1.xml': headerXml(tree.meta),
    'word/footer1.xml': footerXml(tree.meta),
    'docProps/core.xml': corePropertiesXml(tree.meta, new Date()),
  };
  const entries = s.order.map((name) => {
    if (name === RELS && media.files.length > 0) return zipEntry(name, relationshipsWith(s, media), LEVEL);
    const fixed = s.fixed.get(name);
    if (fixed) return fixed;
    const { before, after } = s.wrap[name as Changing];
    return zipEntry(name, before + content[name as Changing] + after, LEVEL);
  });
  for (const f of media.files) entries.push(zipEntry(`word/${f.name}`, f.png, MEDIA_LEVEL));
  return { bytes: zipArchive(entries), removed };
}

/** The body's relationships with the pictures added, as the docx library writes them. */
function relationshipsWith(s: Skeleton, media: MediaParts): string {
  const images = media.files.map((f) => `<Relationship Id="${f.id}" Type="${IMAGE_REL}" Target="${f.name}"/>`).join('');
  const fontTable = `<Relationship Id="rId${s.rels.fontTableId + media.files.length}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>`;
  return s.rels.before + images + fontTable + s.rels.after;
}

/** Write the tree as .docx. Shared by documents and meeting papers. */
export async function writeDocx(tree: DocumentTree): Promise<Uint8Array> {
  return (await writeDocxWithReport(tree)).bytes;
}
