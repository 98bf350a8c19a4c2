import { AlignmentType, LevelFormat, LineRuleType } from 'docx';
import type { IStylesOptions, INumberingOptions } from 'docx';

/*
 * The .docx export's styles and numbering definitions, given to the docx library once per package
 * (docx-model.ts). The fast writer (docx-xml.ts) refers to these by id: Title, Heading 1-3,
 * Clause 1-3, Caption, Marking, the clause and bullet numbering.
 */

const FONT = 'Arial';
const LANG = { value: 'en-GB', eastAsia: 'en-GB', bidirectional: 'ar-SA' };
const INK = '1F2937';
const ACCENT = '1F3A5F';
export const CLAUSES = 'clauses';
export const BULLETS = 'bullets';

/** The document defaults and paragraph styles. */
export const DOCUMENT_STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: 22, color: INK, language: LANG },
      paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
    },
    title: { run: { font: FONT, size: 48, bold: true, color: ACCENT }, paragraph: { spacing: { after: 120 } } },
    heading1: {
      run: { font: FONT, size: 32, bold: true, color: ACCENT },
      paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true },
    },
    heading2: {
      run: { font: FONT, size: 26, bold: true, color: ACCENT },
      paragraph: { spacing: { before: 240, after: 100 }, keepNext: true, keepLines: true },
    },
    heading3: {
      run: { font: FONT, size: 23, bold: true, color: INK },
      paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, keepLines: true },
    },
    listParagraph: { paragraph: { spacing: { after: 60 } } },
    caption: {
      run: { font: FONT, size: 20, bold: true, italics: false, color: INK },
      paragraph: { spacing: { before: 120, after: 60 } },
    },
  },
  paragraphStyles: [
    { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', run: { size: 28, color: '4B5563' } },
    {
      id: 'DocumentDetails',
      name: 'Document details',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: 20, color: '4B5563' },
      paragraph: { spacing: { after: 360 } },
    },
    {
      id: 'TOCHeading',
      name: 'TOC Heading',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: 28, bold: true, color: ACCENT },
    },
    ...[1, 2, 3].flatMap((level) => [
      {
        id: `Clause${level}`,
        name: `Clause ${level}`,
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: { spacing: { after: 120 } },
      },
      {
        id: `ClauseText${level}`,
        name: `Clause text ${level}`,
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: { indent: { left: [567, 1134, 1843][level - 1]! } },
      },
    ]),
    {
      id: 'TableText',
      name: 'Table text',
      basedOn: 'Normal',
      paragraph: { spacing: { after: 0, line: 252, lineRule: LineRuleType.AUTO } },
      run: { size: 20 },
    },
    { id: 'AfterTable', name: 'After table', basedOn: 'Normal', paragraph: { spacing: { after: 120 } }, run: { size: 8 } },
    // A picture on a line of its own (a chart), centred.
    {
      id: 'Figure',
      name: 'Figure',
      basedOn: 'Normal',
      next: 'Normal',
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 60 } },
    },
    {
      id: 'FooterText',
      name: 'Footer text',
      basedOn: 'Normal',
      paragraph: { spacing: { after: 0 } },
      run: { size: 16, color: '4B5563' },
    },
    { id: 'Marking', name: 'Protective marking', basedOn: 'Normal', paragraph: { spacing: { after: 0 } }, run: { size: 20 } },
  ],
};

/** Clause numbering (1., 1.1, 1.1.1) and bullets. */
export const NUMBERING: INumberingOptions['config'] = [
  {
    reference: CLAUSES,
    levels: [
      {
        level: 0,
        format: LevelFormat.DECIMAL,
        text: '%1.',
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: 567, hanging: 567 } } },
      },
      {
        level: 1,
        format: LevelFormat.DECIMAL,
        text: '%1.%2',
        alignment: AlignmentType.LEFT,
        isLegalNumberingStyle: true,
        style: { paragraph: { indent: { left: 1134, hanging: 567 } } },
      },
      {
        level: 2,
        format: LevelFormat.DECIMAL,
        text: '%1.%2.%3',
        alignment: AlignmentType.LEFT,
        isLegalNumberingStyle: true,
        style: { paragraph: { indent: { left: 1843, hanging: 709 } } },
      },
    ],
  },
  {
    reference: BULLETS,
    levels: [
      {
        level: 0,
        format: LevelFormat.BULLET,
        text: '•',
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: 567, hanging: 283 } } },
      },
    ],
  },
];
