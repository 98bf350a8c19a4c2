import type { Run, Signatory } from '../../shared/documents/tree';
import { plainRuns, runsToText } from './docx-text';

/** A4 with 2.54 cm margins: the text is 9,026 twips wide. */
export const TEXT_WIDTH = 9026;

/*
 * Table layout for the .docx writer, worked out before Word or LibreOffice sees the file: a fixed
 * table layout never widens a column to fit a word, so a column narrower than its longest word
 * breaks it mid-word ("Telephon e"). Widths come from the content instead: the longest word in a
 * column sets its minimum, and columns with room to spare give way first.
 */

// Advance widths in 1/1000 em of DejaVu Sans and DejaVu Sans Bold, for ASCII 32-126 and a few
// typographic marks. LibreOffice falls back to DejaVu Sans where Arial is not installed, and it is
// wider than Arial (and its metric twin Liberation Sans) for nearly every character, so a column
// wide enough here is wide enough in Word too.
const REGULAR = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636, 636,
  636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787,
  695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278,
  579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];
const BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696, 696,
  696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850,
  770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343,
  665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];
const REGULAR_EXTRA: Record<string, number> = { '’': 318, '‘': 318, '“': 518, '”': 518, '–': 500, '—': 1000, '·': 318, '•': 590 };
const BOLD_EXTRA: Record<string, number> = { '’': 380, '‘': 380, '“': 657, '”': 657, '–': 500, '—': 1000, '·': 380, '•': 639 };
const OTHER = 700;

/** Width of a text in twips at a font size in half-points (Word's unit: 20 = 10 pt). */
export function textWidth(text: string, halfPoints: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  const extra = bold ? BOLD_EXTRA : REGULAR_EXTRA;
  let em = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    em += code >= 32 && code < 127 ? table[code - 32]! : ch === '\u200B' || ch === '\u2060' ? 0 : (extra[ch] ?? OTHER);
  }
  // 1 pt = 20 twips; halfPoints / 2 pt per em.
  return (em / 1000) * (halfPoints / 2) * 20;
}

const EMAIL = /[^\s@<>()"“”]+@[^\s@<>()"“”]+\.[^\s@<>()"“”]+/g;

/** The pieces a word can be broken into without breaking it wrongly: an e-mail address may break after "@" or "."; other words not at all. */
export function unbreakablePieces(word: string): string[] {
  if (!word.includes('@')) return [word];
  return word.split(/(?<=[@.])/);
}

/** The widest piece of text in a cell that cannot break, in twips; hyphenated words may break after the hyphen. */
export function longestUnbreakable(text: string, halfPoints: number, bold: boolean): { word: number; email: number } {
  let word = 0;
  let email = 0;
  for (const w of text.split(/[\s\u200B]+/)) {
    if (!w) continue;
    if (w.includes('@')) {
      email = Math.max(email, textWidth(w, halfPoints, bold));
      for (const p of unbreakablePieces(w)) word = Math.max(word, textWidth(p, halfPoints, bold));
    } else for (const p of w.split(/(?<=-)/)) word = Math.max(word, textWidth(p, halfPoints, bold));
  }
  return { word, email };
}

export type ColumnInput = {
  /** The cells of the column, header first. */
  cells: { text: string; bold: boolean }[];
};

/**
 * Column widths in twips that add up to `total`. Each column gets at least its longest word
 * (plus cell margins); where the room allows, also its longest e-mail address whole. Beyond the
 * minimums, width goes by the template's relative widths when given, else by how much text each
 * column holds.
 */
export function fitColumns(
  columns: readonly ColumnInput[],
  total: number,
  opts: { relative?: readonly number[] | undefined; halfPoints: number; padding: number },
): number[] {
  const n = columns.length;
  const { halfPoints, padding } = opts;
  // A little slack: renderers' metrics differ by a few per cent.
  const slack = (w: number) => Math.ceil(w * 1.03) + padding;
  const stats = columns.map((c) => {
    let word = 0;
    let email = 0;
    let longest = 0;
    let chars = 0;
    for (const cell of c.cells) {
      const u = longestUnbreakable(cell.text, halfPoints, cell.bold);
      word = Math.max(word, u.word);
      email = Math.max(email, u.email);
      longest = Math.max(longest, textWidth(cell.text, halfPoints, cell.bold));
      chars += cell.text.length;
    }
    return { word: slack(word), email: email > 0 ? slack(email) : 0, longest: longest + padding, chars };
  });
  const rel = opts.relative && opts.relative.length === n ? opts.relative : null;
  // What each column would like: its share of the relative widths, or its natural width capped.
  const wish = rel
    ? rel.map((r) => r)
    : stats.map((s) => Math.max(1, Math.min(s.longest, total * 0.5, Math.sqrt(Math.max(1, s.chars)) * 400)));
  const sum = wish.reduce((a, b) => a + b, 0);
  let widths = wish.map((w) => (w / sum) * total);

  const raise = (mins: readonly number[]): boolean => {
    const need = mins.reduce((a, b) => a + b, 0);
    if (need > total) return false;
    // Lift columns below their minimum; take the width from the columns above theirs, in proportion to their room.
    for (let pass = 0; pass < n; pass++) {
      const short = widths.map((w, i) => Math.max(0, mins[i]! - w));
      const deficit = short.reduce((a, b) => a + b, 0);
      if (deficit < 0.5) break;
      const room = widths.map((w, i) => (short[i]! > 0 ? 0 : Math.max(0, w - mins[i]!)));
      const available = room.reduce((a, b) => a + b, 0);
      if (available <= 0) break;
      const take = Math.min(deficit, available);
      widths = widths.map((w, i) => (short[i]! > 0 ? w + (short[i]! / deficit) * take : w - (room[i]! / available) * take));
    }
    return true;
  };
  const wordMins = stats.map((s) => s.word);
  if (!raise(wordMins)) {
    // Not every word fits whole: share the width by the minimums so each column breaks as little as it can.
    const need = wordMins.reduce((a, b) => a + b, 0);
    widths = wordMins.map((m) => (m / need) * total);
  } else {
    // Widen for whole e-mail addresses where the other columns can spare it.
    const emailMins = stats.map((s, i) => Math.max(wordMins[i]!, s.email));
    const before = widths;
    if (!raise(emailMins)) widths = before;
  }
  const out = widths.map((w) => Math.floor(w));
  out[n - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

/**
 * An e-mail address wider than its column may break only after "@" or ".": a zero-width space
 * marks those places, and a word joiner after each hyphen stops a break there. Applied only when
 * the address does not fit, so an address that fits copies out exactly as typed.
 */
export function breakableEmails(runs: readonly Run[], columnWidth: number, halfPoints: number, padding: number): Run[] {
  return runs.map((r) => {
    if (!r.text.includes('@')) return r;
    const text = r.text.replace(EMAIL, (addr) =>
      textWidth(addr, halfPoints, r.bold === true) * 1.03 + padding <= columnWidth
        ? addr
        : addr.replace(/([@.])(?=.)/g, '$1\u200B').replace(/-/g, '-\u2060'),
    );
    return text === r.text ? r : { ...r, text };
  });
}

/** Each table cell's margins, in twips, set once per table. */
export const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 };
// Table text is 10 pt (20 half-points); each cell has 100 twips of margin either side.
export const TABLE_TEXT_SIZE = 20;
export const CELL_PADDING = CELL_MARGINS.left + CELL_MARGINS.right + 40;

/** Widths from the content: the longest word of each column sets its minimum (see docx-layout.ts). */
export function columnWidths(
  header: readonly string[],
  rows: readonly (readonly Run[])[][],
  relative?: readonly number[],
): number[] {
  const columns = header.map((h, i) => ({
    cells: [
      { text: h, bold: true },
      ...rows.map((r) => ({ text: runsToText(r[i] ?? []), bold: (r[i] ?? []).some((x) => x.bold === true) })),
    ],
  }));
  return fitColumns(columns, TEXT_WIDTH, { relative, halfPoints: TABLE_TEXT_SIZE, padding: CELL_PADDING });
}

/** The signature table's header and rows (blank rows when nobody is named yet). */
export function signatureRows(signatories: readonly Signatory[]): Run[][][] {
  const people =
    signatories.length > 0
      ? signatories
      : Array.from({ length: 2 }, () => ({ name: '', position: '', organisation: '', signedOn: '' }));
  return people.map((s) => [s.organisation, s.name, s.position, '', s.signedOn].map((t) => plainRuns(t)));
}
export const SIGNATURE_HEADER = ['Organisation', 'Name', 'Position', 'Signature', 'Date'];
export const SIGNATURE_WIDTHS = [3, 2.5, 2.5, 3, 1.8];
export const SIGNATURE_ROW_HEIGHT = 800;
/** A signature block is kept on one page unless it is too long for one page. */
export const keepSignaturesTogether = (rows: number) => rows <= 12;
