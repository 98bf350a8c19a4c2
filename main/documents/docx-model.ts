import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  HeightRule,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import { longDate } from '../../shared/documents/placeholders';
import type { Block, DocumentTree, Run, Signatory } from '../../shared/documents/tree';
import {
  CELL_MARGINS,
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
import { PUBLIC_NOTE, RTL, isRtl, plainRuns, propertiesDescription, runsToText, sanitiseTree } from './docx-text';
import { rasterise } from './rasterise';
import { BULLETS, CLAUSES, DOCUMENT_STYLES, NUMBERING } from './docx-styles';

/*
 * The docx library's model of the DocumentTree. It is the reference for the .docx export: it builds
 * the package's fixed parts (styles, numbering, settings, theme, fonts, content types), and the fast
 * body writer in docx-xml.ts must write the same XML as it does (tests/unit/documents/docx-xml.test.ts). Everything a reader of
 * the exported file relies on is real Word structure, not look-alike formatting: Title and Heading
 * styles (so the navigation pane and the table of contents work), numbering definitions for
 * clauses (so renumbering survives edits in Word), header and footer fields for page numbers.
 */

/** Runs → TextRuns; line breaks inside a value become Word line breaks. */
function textRuns(runs: readonly Run[], extra: { bold?: boolean; size?: number } = {}): TextRun[] {
  const out: TextRun[] = [];
  for (const r of runs) {
    const lines = r.text.split(/\r\n|\r|\n/);
    const plain = !r.bold && !extra.bold && !r.italic && !r.underline && !r.missing && extra.size === undefined;
    lines.forEach((line, i) => {
      // Most runs are plain text: the string form builds far fewer objects.
      if (plain && i === 0 && !RTL.test(line)) {
        out.push(new TextRun(line));
        return;
      }
      out.push(
        new TextRun({
          text: line,
          break: i > 0 ? 1 : undefined,
          bold: r.bold || extra.bold || undefined,
          italics: r.italic || undefined,
          underline: r.underline ? {} : undefined,
          // A gap is highlighted so nobody signs a document with a hole in it.
          highlight: r.missing ? 'yellow' : undefined,
          size: extra.size,
          rightToLeft: RTL.test(line) || undefined,
        }),
      );
    });
  }
  return out;
}

const line = { style: BorderStyle.SINGLE, size: 4, color: '9CA3AF' };
// Borders and cell margins are set once per table, not per cell: hundreds of cells each carrying
// their own made the export several times slower.
const tableBorders = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };
const HEADER_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: 'E5E7EB' };

function cell(runs: readonly Run[], width: number, opts: { header?: boolean; keepNext?: boolean } = {}): TableCell {
  const fitted = breakableEmails(runs, width, TABLE_TEXT_SIZE, CELL_PADDING);
  const text = runsToText(fitted);
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: opts.header ? HEADER_SHADING : undefined,
    children: [
      new Paragraph({
        style: 'TableText',
        bidirectional: isRtl(text) || undefined,
        keepNext: opts.keepNext || undefined,
        children: textRuns(fitted, { bold: opts.header }),
      }),
    ],
  });
}

function table(
  header: readonly string[],
  rows: readonly (readonly Run[])[][],
  relative?: readonly number[],
  opts: { minRowHeight?: number; keepTogether?: boolean } = {},
): Table {
  const widths = columnWidths(header, rows, relative);
  const height = opts.minRowHeight ? { value: opts.minRowHeight, rule: HeightRule.ATLEAST } : undefined;
  // Kept together: every row but the last keeps with the next, so the table moves to a new page whole.
  const keep = (i: number) => opts.keepTogether === true && i < rows.length - 1;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: tableBorders,
    margins: CELL_MARGINS,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((h, i) => cell(plainRuns(h), widths[i]!, { header: true, keepNext: rows.length > 0 })),
      }),
      ...rows.map(
        (r, j) =>
          new TableRow({
            cantSplit: true,
            height,
            children: header.map((_, i) => cell(r[i] ?? [], widths[i]!, { keepNext: keep(j) })),
          }),
      ),
    ],
  });
}

function signatureTable(signatories: readonly Signatory[]): Table {
  // Blank rows when nobody is named yet, so a printed copy can still be signed.
  const rows = signatureRows(signatories);
  // Tall rows leave room for a handwritten signature.
  // A signature block is kept on one page (a signatory alone on the next page reads as an afterthought),
  // unless it is too long for one page, when it may break between rows.
  return table(SIGNATURE_HEADER, rows, SIGNATURE_WIDTHS, {
    minRowHeight: SIGNATURE_ROW_HEIGHT,
    keepTogether: keepSignaturesTogether(rows.length),
  });
}

function para(runs: readonly Run[], keepNext?: boolean): Paragraph {
  return new Paragraph({ bidirectional: isRtl(runsToText(runs)) || undefined, keepNext, children: textRuns(runs) });
}

function renderBlocks(blocks: readonly Block[]): (Paragraph | Table | TableOfContents)[] {
  const out: (Paragraph | Table | TableOfContents)[] = [];
  let pictures = 0;
  blocks.forEach((b, index) => {
    const next = blocks[index + 1];
    switch (b.kind) {
      case 'heading': {
        const heading = b.level === 1 ? HeadingLevel.HEADING_1 : b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
        out.push(new Paragraph({ heading, bidirectional: isRtl(b.text) || undefined, children: textRuns(plainRuns(b.text)) }));
        break;
      }
      case 'paragraph':
        // A paragraph that introduces a table or the signatures stays on the page with it.
        out.push(para(b.runs, next?.kind === 'table' || next?.kind === 'signatures' || undefined));
        break;
      case 'clause': {
        const numbering = { reference: CLAUSES, level: b.level - 1 };
        const text = runsToText(b.runs);
        if (b.title && b.runs.length > 0) {
          // The title carries the number and its text follows on the next line of the same paragraph:
          // LibreOffice does not honour keep-with-next here, so a separate title paragraph could be left
          // alone at the foot of a page. Widow control keeps at least one line of the text with it.
          out.push(
            new Paragraph({
              style: `Clause${b.level}`,
              numbering,
              widowControl: true,
              bidirectional: isRtl(text) || undefined,
              children: [...textRuns(plainRuns(b.title), { bold: true }), new TextRun({ break: 1 }), ...textRuns(b.runs)],
            }),
          );
        } else if (b.title) {
          out.push(
            new Paragraph({
              style: `Clause${b.level}`,
              numbering,
              keepNext: true,
              children: textRuns(plainRuns(b.title), { bold: true }),
            }),
          );
        } else {
          out.push(
            new Paragraph({
              style: `Clause${b.level}`,
              numbering,
              bidirectional: isRtl(text) || undefined,
              children: textRuns(b.runs),
            }),
          );
        }
        break;
      }
      case 'bullets':
        for (const item of b.items)
          out.push(
            new Paragraph({
              style: 'ListParagraph',
              numbering: { reference: BULLETS, level: 0 },
              bidirectional: isRtl(runsToText(item)) || undefined,
              children: textRuns(item),
            }),
          );
        break;
      case 'table':
        if (b.caption) out.push(new Paragraph({ style: 'Caption', keepNext: true, children: textRuns(plainRuns(b.caption)) }));
        out.push(table(b.header, b.rows, b.widths));
        out.push(new Paragraph({ style: 'AfterTable', children: [] }));
        break;
      case 'signatures':
        out.push(signatureTable(b.signatories));
        out.push(new Paragraph({ style: 'AfterTable', children: [] }));
        break;
      case 'pageBreak':
        out.push(new Paragraph({ children: [new PageBreak()] }));
        break;
      case 'toc':
        out.push(new Paragraph({ style: 'TOCHeading', children: [new TextRun('Contents')] }));
        // The entries are written from the tree's headings: letting docx find them walks the whole
        // document again, which tripled the export time. Word refreshes them, with page numbers, on opening.
        out.push(
          new TableOfContents('Contents', {
            hyperlink: true,
            headingStyleRange: '1-3',
            cachedEntries: blocks.flatMap((h) => (h.kind === 'heading' ? [{ title: h.text, level: h.level }] : [])),
          }),
        );
        break;
      case 'image': {
        // Rasterised (charts drawn as SVG): Word 2013 and LibreOffice do not show SVG reliably.
        // The caption follows the picture, which is kept on the page with it.
        const n = ++pictures;
        const image = new ImageRun({
          type: 'png',
          data: rasterise(b.svg, rasterScale(b)),
          transformation: imageDisplaySize(b),
          altText: { id: String(n), name: imageName(n), description: b.alt },
        });
        out.push(new Paragraph({ style: 'Figure', keepNext: b.caption ? true : undefined, children: [image] }));
        if (b.caption) out.push(new Paragraph({ style: 'Caption', children: textRuns(plainRuns(b.caption)) }));
        break;
      }
      case 'guidance':
        // Guidance is for the person filling in the form; it is never exported.
        break;
    }
  });
  return out;
}

function markingParagraph(marking: string, note?: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    style: 'Marking',
    children: [
      new TextRun({ text: marking, bold: true }),
      ...(note ? [new TextRun({ text: note, break: 1, bold: false, size: 16 })] : []),
    ],
  });
}

export type DocxResult = { bytes: Uint8Array; removed: number };

/** The docx library's model of the tree's document, and how many unsafe characters were removed from its text. */
export function buildDocument(input: DocumentTree): { doc: Document; removed: number } {
  const { tree, removed } = sanitiseTree(input);
  const { meta } = tree;
  const dateText = longDate(meta.date);
  const publicNote = meta.publicSafe ? PUBLIC_NOTE : undefined;

  const header = new Header({ children: [markingParagraph(meta.marking, meta.handlingNote)] });
  const footer = new Footer({
    children: [
      new Paragraph({
        style: 'FooterText',
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [
          new TextRun({ text: `${meta.title} · Version ${meta.version} · ${dateText}` }),
          new TextRun({ children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
      ...(publicNote ? [new Paragraph({ style: 'FooterText', children: [new TextRun(publicNote)] })] : []),
      markingParagraph(meta.marking),
    ],
  });

  const front: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      bidirectional: isRtl(meta.title) || undefined,
      children: textRuns(plainRuns(meta.title)),
    }),
  ];
  if (meta.subtitle) front.push(new Paragraph({ style: 'Subtitle', children: textRuns(plainRuns(meta.subtitle)) }));
  front.push(
    new Paragraph({
      style: 'DocumentDetails',
      children: [new TextRun(`Version ${meta.version} · ${dateText} · ${meta.marking}`)],
    }),
  );

  const doc = new Document({
    title: meta.title,
    subject: meta.subject,
    creator: meta.author,
    lastModifiedBy: meta.author,
    description: propertiesDescription(meta),
    keywords: meta.marking,
    features: { updateFields: true },
    styles: DOCUMENT_STYLES,
    numbering: { config: NUMBERING },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1440, right: 1440, bottom: 1440, left: 1440, header: 567, footer: 567 },
          },
        },
        headers: { default: header },
        footers: { default: footer },
        children: [...front, ...renderBlocks(tree.blocks)],
      },
    ],
  });
  return { doc, removed };
}

/** The whole package written by the docx library: the reference the fast writer is checked against, and the source of its fixed parts. */
export async function packWithDocx(input: DocumentTree): Promise<DocxResult> {
  const { doc, removed } = buildDocument(input);
  const buffer = await Packer.toBuffer(doc);
  return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), removed };
}
