import type { ProtectiveMarking } from '../markings';

/**
 * The one document model. A template plus the user's values resolve (shared/documents/resolve.ts)
 * into this tree; the React preview and the .docx writer are two renderers of it, so they cannot
 * disagree. Meeting papers are built as trees too.
 */
/** `missing` marks a visible gap ("[not yet given: Purpose]") where a value has not been given yet. */
export type Run = { text: string; bold?: boolean; italic?: boolean; underline?: boolean; missing?: boolean };

export type TableCell = Run[];

export type Signatory = { name: string; position: string; organisation: string; signedOn: string };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; runs: Run[] }
  /** A numbered clause: level 1 → "1.", 2 → "1.1", 3 → "1.1.1"; the writer uses real numbering definitions. */
  | { kind: 'clause'; level: 1 | 2 | 3; title?: string; runs: Run[] }
  | { kind: 'bullets'; items: Run[][] }
  | { kind: 'table'; caption?: string; header: string[]; rows: TableCell[][]; widths?: number[] }
  | { kind: 'signatures'; signatories: Signatory[] }
  | { kind: 'pageBreak' }
  | { kind: 'toc' }
  /**
   * A picture drawn as SVG (a chart from shared/charts): the preview shows the SVG as an <img>, the
   * .docx writers embed it rasterised to PNG. width/height are CSS pixels; alt is read out instead.
   */
  | { kind: 'image'; svg: string; width: number; height: number; alt: string; caption?: string }
  /** Shown in the form and preview, never exported. */
  | { kind: 'guidance'; runs: Run[] };

export type DocumentMeta = {
  title: string;
  subtitle?: string;
  version: string;
  /** ISO date (YYYY-MM-DD) the document is dated. */
  date: string;
  marking: ProtectiveMarking;
  handlingNote?: string;
  author: string;
  subject: string;
  partnershipName: string;
  /** True when personal details were replaced by role and organisation for publication. */
  publicSafe?: boolean;
};

export type DocumentTree = { meta: DocumentMeta; blocks: Block[] };
