import { createHash } from 'node:crypto';
import { longDate } from '../../shared/documents/placeholders';
import type { Block, DocumentMeta, Run } from '../../shared/documents/tree';
import {
  CELL_PADDING,
  SIGNATURE_HEADER,
  SIGNATURE_ROW_HEIGHT,
  SIGNATURE_WIDTHS,
  TABLE_TEXT_SIZE,
  TEXT_WIDTH,
  breakableEmails,
  columnWidths,
  keepSignaturesTogether,
  signatureRows,
} from './docx-layout';
import { imageDisplaySize, imageName, rasterScale } from './docx-pictures';
import { PUBLIC_NOTE, RTL, isRtl, plainRuns, propertiesDescription, runsToText } from './docx-text';
import { pictureKey, rasterise } from './rasterise';

/*
 * The fast writer of the parts that change with every document: the body (word/document.xml), the
 * header, the footer and the core properties. It writes, element for element and attribute for
 * attribute, what the docx library writes from the model in docx-model.ts, as strings, without the
 * hundreds of thousands of objects the library's formatter builds (most of the export's time).
 * docx-xml.test.ts holds the two to the same XML for every built-in template and for hostile text.
 * Text arrives sanitised (sanitiseTree): only escaping is left to do here.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const SPECIAL = /[&"'<>]/;
const SPECIAL_ALL = /[&"'<>]/g;

/** Escape text or an attribute value as the docx library does (all five XML entities). */
export function escapeXml(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => ESCAPES[c]!) : text;
}

const t = (text: string) => `<w:t xml:space="preserve">${escapeXml(text)}</w:t>`;
const LINE_BREAK = /\r\n|\r|\n/;

/** The numbering definitions the body refers to, by their ids in the cached numbering part. */
export type NumberingIds = { clauses: number; bullets: number };

/** Runs as Word runs; line breaks inside a value become Word line breaks. Mirrors textRuns in docx-model.ts. */
function runsXml(runs: readonly Run[], bold = false): string {
  let out = '';
  for (const r of runs) {
    const plain = !r.bold && !bold && !r.italic && !r.underline && !r.missing;
    const lines = r.text.split(LINE_BREAK);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const rtl = RTL.test(line);
      if (plain && !rtl) {
        out += i === 0 ? `<w:r>${t(line)}</w:r>` : `<w:r><w:br/>${t(line)}</w:r>`;
        continue;
      }
      let props = '';
      if (r.bold || bold) props += '<w:b/><w:bCs/>';
      if (r.italic) props += '<w:i/><w:iCs/>';
      // A gap is highlighted so nobody signs a document with a hole in it.
      if (r.missing) props += '<w:highlight w:val="yellow"/>';
      if (r.underline) props += '<w:u w:val="single"/>';
      if (rtl) props += '<w:rtl/>';
      out += `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${i > 0 ? '<w:br/>' : ''}${t(line)}</w:r>`;
    }
  }
  return out;
}

type ParagraphProps = {
  style?: string;
  keepNext?: boolean;
  widowControl?: boolean;
  numbering?: { id: number; level: number };
  bidi?: boolean;
};

function paragraph(p: ParagraphProps, runs: string): string {
  let props = '';
  if (p.style) props += `<w:pStyle w:val="${p.style}"/>`;
  if (p.keepNext) props += '<w:keepNext/>';
  if (p.widowControl) props += '<w:widowControl/>';
  if (p.numbering) props += `<w:numPr><w:ilvl w:val="${p.numbering.level}"/><w:numId w:val="${p.numbering.id}"/></w:numPr>`;
  if (p.bidi) props += '<w:bidi/>';
  if (!props && !runs) return '<w:p/>';
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${runs}</w:p>`;
}

const BORDER = 'w:val="single" w:color="9CA3AF" w:sz="4"';
const TABLE_PROPS =
  `<w:tblPr><w:tblW w:type="dxa" w:w="${TEXT_WIDTH}"/><w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/>` +
  `<w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders><w:tblLayout w:type="fixed"/>` +
  '<w:tblCellMar><w:top w:type="dxa" w:w="60"/><w:left w:type="dxa" w:w="100"/><w:bottom w:type="dxa" w:w="60"/>' +
  '<w:right w:type="dxa" w:w="100"/></w:tblCellMar></w:tblPr>';
const HEADER_SHADING = '<w:shd w:fill="E5E7EB" w:color="auto" w:val="clear"/>';

function cell(runs: readonly Run[], width: number, header: boolean, keepNext: boolean): string {
  const fitted = breakableEmails(runs, width, TABLE_TEXT_SIZE, CELL_PADDING);
  const p = paragraph({ style: 'TableText', keepNext, bidi: isRtl(runsToText(fitted)) }, runsXml(fitted, header));
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${header ? HEADER_SHADING : ''}</w:tcPr>${p}</w:tc>`;
}

function table(
  header: readonly string[],
  rows: readonly (readonly Run[])[][],
  relative?: readonly number[],
  opts: { minRowHeight?: number; keepTogether?: boolean } = {},
): string {
  const widths = columnWidths(header, rows, relative);
  let out = `<w:tbl>${TABLE_PROPS}<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  out += '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>';
  header.forEach((h, i) => (out += cell(plainRuns(h), widths[i]!, true, rows.length > 0)));
  out += '</w:tr>';
  const rowProps = `<w:trPr><w:cantSplit/>${opts.minRowHeight ? `<w:trHeight w:val="${opts.minRowHeight}" w:hRule="atLeast"/>` : ''}</w:trPr>`;
  rows.forEach((r, j) => {
    // Kept together: every row but the last keeps with the next, so the table moves to a new page whole.
    const keep = opts.keepTogether === true && j < rows.length - 1;
    out += `<w:tr>${rowProps}`;
    for (let i = 0; i < header.length; i++) out += cell(r[i] ?? [], widths[i]!, false, keep);
    out += '</w:tr>';
  });
  return `${out}</w:tbl>`;
}

const AFTER_TABLE = '<w:p><w:pPr><w:pStyle w:val="AfterTable"/></w:pPr></w:p>';
const TOC_BEGIN =
  '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/><w:instrText xml:space="preserve">TOC \\h \\o &quot;1-3&quot;</w:instrText><w:fldChar w:fldCharType="separate"/></w:r>';
const TOC_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>';

/** The table of contents, with its entries written from the tree's headings; Word adds the page numbers on opening. */
function tableOfContents(blocks: readonly Block[]): string {
  const entries = blocks.flatMap((h) => (h.kind === 'heading' ? [{ title: h.text, level: h.level }] : []));
  let content = '';
  if (entries.length === 0) content = `<w:p>${TOC_BEGIN}</w:p><w:p>${TOC_END}</w:p>`;
  entries.forEach((e, i) => {
    const tabs = `<w:tabs><w:tab w:val="clear" w:pos="${9026 - (e.level - 1) * 240}"/><w:tab w:val="right" w:pos="9025" w:leader="dot"/></w:tabs>`;
    const run = `<w:r><w:t xml:space="default">${escapeXml(e.title)}</w:t><w:tab/><w:t xml:space="default"></w:t></w:r>`;
    const last = i === entries.length - 1 && entries.length > 1;
    content += `<w:p><w:pPr><w:pStyle w:val="TOC${e.level}"/>${tabs}</w:pPr>${i === 0 ? TOC_BEGIN : ''}${run}${last ? TOC_END : ''}</w:p>`;
  });
  if (entries.length === 1) content += `<w:p>${TOC_END}</w:p>`;
  return (
    '<w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr><w:r><w:t xml:space="preserve">Contents</w:t></w:r></w:p>' +
    '<w:sdt><w:sdtPr><w:alias w:val="Contents"/><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>' +
    `<w:sdtContent>${content}</w:sdtContent></w:sdt>`
  );
}

/**
 * The pictures a body embeds, as the docx library packs them: each PNG once (by its SHA-1, as the
 * library keys its media) as word/media/imageN.png, with relationship ids counting on from
 * `firstId` in the order the pictures first appear.
 */
export class MediaParts {
  readonly files: { name: string; png: Uint8Array; id: string }[] = [];
  private readonly byHash = new Map<string, string>();
  /** `drawn`: PNGs already rasterised, by pictureKey (see rasteriseAll); others are rasterised here. */
  constructor(
    private readonly firstId: number,
    private readonly drawn: ReadonlyMap<string, Uint8Array> = new Map(),
  ) {}
  /** The picture of an image block, drawn at the scale it is shown at. */
  png(b: { svg: string; width: number; height: number }): Uint8Array {
    const scale = rasterScale(b);
    return this.drawn.get(pictureKey(b.svg, scale)) ?? rasterise(b.svg, scale);
  }
  /** The relationship id of the picture, added if new. */
  add(png: Uint8Array): string {
    const hash = createHash('sha1').update(png).digest('hex');
    let id = this.byHash.get(hash);
    if (!id) {
      id = `rId${this.firstId + this.files.length}`;
      this.byHash.set(hash, id);
      this.files.push({ name: `media/image${this.files.length + 1}.png`, png, id });
    }
    return id;
  }
}

const EMU_PER_PX = 9525;
const A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';

/** An inline picture, attribute for attribute as the docx library's ImageRun writes it. */
function drawing(n: number, rId: string, alt: string, size: { width: number; height: number }): string {
  const cx = Math.round(size.width * EMU_PER_PX);
  const cy = Math.round(size.height * EMU_PER_PX);
  const descr = alt ? ` descr="${escapeXml(alt)}"` : '';
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent t="0" r="0" b="0" l="0"/>` +
    `<wp:docPr id="${n}" name="${escapeXml(imageName(n))}"${descr}/><wp:cNvGraphicFramePr><a:graphicFrameLocks ${A} noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic ${A}><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
    '<pic:nvPicPr><pic:cNvPr id="0" name="" descr=""/><pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>' +
    `<pic:blipFill><a:blip r:embed="${rId}" cstate="none"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
  );
}

function blocksXml(blocks: readonly Block[], ids: NumberingIds, media?: MediaParts): string {
  const out: string[] = [];
  let pictures = 0;
  blocks.forEach((b, index) => {
    const next = blocks[index + 1];
    switch (b.kind) {
      case 'heading':
        out.push(paragraph({ style: `Heading${b.level}`, bidi: isRtl(b.text) }, runsXml(plainRuns(b.text))));
        break;
      case 'paragraph':
        // A paragraph that introduces a table or the signatures stays on the page with it.
        out.push(
          paragraph(
            { keepNext: next?.kind === 'table' || next?.kind === 'signatures', bidi: isRtl(runsToText(b.runs)) },
            runsXml(b.runs),
          ),
        );
        break;
      case 'clause': {
        const numbering = { id: ids.clauses, level: b.level - 1 };
        const bidi = isRtl(runsToText(b.runs));
        if (b.title && b.runs.length > 0) {
          // The title carries the number and its text follows on the next line of the same paragraph:
          // LibreOffice does not honour keep-with-next here, so a separate title paragraph could be left
          // alone at the foot of a page. Widow control keeps at least one line of the text with it.
          const text = `<w:r><w:br/></w:r>${runsXml(b.runs)}`;
          out.push(
            paragraph(
              { style: `Clause${b.level}`, widowControl: true, numbering, bidi },
              runsXml(plainRuns(b.title), true) + text,
            ),
          );
        } else if (b.title) {
          out.push(paragraph({ style: `Clause${b.level}`, keepNext: true, numbering }, runsXml(plainRuns(b.title), true)));
        } else out.push(paragraph({ style: `Clause${b.level}`, numbering, bidi }, runsXml(b.runs)));
        break;
      }
      case 'bullets':
        for (const item of b.items)
          out.push(
            paragraph(
              { style: 'ListParagraph', numbering: { id: ids.bullets, level: 0 }, bidi: isRtl(runsToText(item)) },
              runsXml(item),
            ),
          );
        break;
      case 'table':
        if (b.caption) out.push(paragraph({ style: 'Caption', keepNext: true }, runsXml(plainRuns(b.caption))));
        out.push(table(b.header, b.rows, b.widths), AFTER_TABLE);
        break;
      case 'signatures': {
        const rows = signatureRows(b.signatories);
        out.push(
          table(SIGNATURE_HEADER, rows, SIGNATURE_WIDTHS, {
            minRowHeight: SIGNATURE_ROW_HEIGHT,
            keepTogether: keepSignaturesTogether(rows.length),
          }),
          AFTER_TABLE,
        );
        break;
      }
      case 'pageBreak':
        out.push('<w:p><w:r><w:br w:type="page"/></w:r></w:p>');
        break;
      case 'toc':
        out.push(tableOfContents(blocks));
        break;
      case 'image': {
        if (!media) throw new Error('A document with pictures needs somewhere to put them');
        const n = ++pictures;
        const rId = media.add(media.png(b));
        out.push(paragraph({ style: 'Figure', keepNext: Boolean(b.caption) }, drawing(n, rId, b.alt, imageDisplaySize(b))));
        if (b.caption) out.push(paragraph({ style: 'Caption' }, runsXml(plainRuns(b.caption))));
        break;
      }
      case 'guidance':
        // Guidance is for the person filling in the form; it is never exported.
        break;
    }
  });
  return out.join('');
}

/** The body's content (between <w:body> and the section properties) of a sanitised tree. */
export function bodyXml(tree: { meta: DocumentMeta; blocks: readonly Block[] }, ids: NumberingIds, media?: MediaParts): string {
  const { meta } = tree;
  let front = paragraph({ style: 'Title', bidi: isRtl(meta.title) }, runsXml(plainRuns(meta.title)));
  if (meta.subtitle) front += paragraph({ style: 'Subtitle' }, runsXml(plainRuns(meta.subtitle)));
  front += paragraph(
    { style: 'DocumentDetails' },
    `<w:r>${t(`Version ${meta.version} · ${longDate(meta.date)} · ${meta.marking}`)}</w:r>`,
  );
  return front + blocksXml(tree.blocks, ids, media);
}

function marking(marking: string, note?: string): string {
  const noteRun = note
    ? `<w:r><w:rPr><w:b w:val="false"/><w:bCs w:val="false"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr><w:br/>${t(note)}</w:r>`
    : '';
  return `<w:p><w:pPr><w:pStyle w:val="Marking"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:bCs/></w:rPr>${t(marking)}</w:r>${noteRun}</w:p>`;
}

/** The header's content: the protective marking and any handling note. */
export function headerXml(meta: DocumentMeta): string {
  return marking(meta.marking, meta.handlingNote);
}

const field = (instruction: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${instruction}</w:instrText></w:r>` +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';

/** The footer's content: title, version and date, "Page X of Y", the public-version note and the marking. */
export function footerXml(meta: DocumentMeta): string {
  const details = `<w:r>${t(`${meta.title} · Version ${meta.version} · ${longDate(meta.date)}`)}</w:r>`;
  const pages = `<w:r>${t('\tPage ')}</w:r>${field('PAGE')}<w:r>${t(' of ')}</w:r>${field('NUMPAGES')}`;
  let out = `<w:p><w:pPr><w:pStyle w:val="FooterText"/><w:tabs><w:tab w:val="right" w:pos="${TEXT_WIDTH}"/></w:tabs></w:pPr>${details}${pages}</w:p>`;
  if (meta.publicSafe) out += paragraph({ style: 'FooterText' }, `<w:r>${t(PUBLIC_NOTE)}</w:r>`);
  return out + marking(meta.marking);
}

/** The core properties' content (title, subject, author, keywords, description, dates). */
export function corePropertiesXml(meta: DocumentMeta, now: Date): string {
  const at = escapeXml(now.toISOString());
  return (
    `<dc:title>${escapeXml(meta.title)}</dc:title><dc:subject>${escapeXml(meta.subject)}</dc:subject>` +
    `<dc:creator>${escapeXml(meta.author)}</dc:creator><cp:keywords>${escapeXml(meta.marking)}</cp:keywords>` +
    `<dc:description>${escapeXml(propertiesDescription(meta))}</dc:description><cp:lastModifiedBy>${escapeXml(meta.author)}</cp:lastModifiedBy>` +
    `<cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>`
  );
}
