/*
 * The pieces both charts share: escaping, UK number formatting, tick choice, text fitting and the
 * palette. Pure string work with no DOM, so the preview (an <img> of the SVG) and the Word export
 * (a PNG rasterised from the same SVG in main) draw the same picture.
 */

/**
 * Arimo first: the font the app ships for drawing charts into Word (resources/fonts, shaped like
 * Arial), so a chart looks the same on every machine. The preview, in the window, finds Arial or
 * its Linux look-alikes instead. Unquoted on purpose: resvg 2.6 ignores a family list with quoted
 * names and falls back to a serif face.
 */
export const FONT_FAMILY = 'Arimo, Arial, Liberation Sans, DejaVu Sans, Helvetica, sans-serif';

/**
 * Colours with at least 3:1 contrast against white for the marks (WCAG 1.4.11) and 4.5:1 for text.
 * The series are also told apart without colour: the previous year is hatched, the target dashed
 * and the baseline dotted, and every mark carries its value as text.
 */
export const PALETTE = {
  background: '#ffffff',
  text: '#1f2937',
  muted: '#4b5563',
  axis: '#6b7280',
  grid: '#e5e7eb',
  current: '#1d4ed8',
  previous: '#6b7280',
  target: '#b45309',
  baseline: '#374151',
} as const;

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// Characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF): an SVG with
// one of them would not parse.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text or an attribute value made safe for XML. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&"'<>]/g, (c) => ESCAPES[c]!);
}

/** One line of plain text: control characters and runs of white space become single spaces. */
export function cleanLabel(text: string): string {
  return text.replace(NOT_XML, ' ').replace(/\s+/g, ' ').trim();
}

const UK = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** A number as a UK reader writes it: 1,234.5. */
export function formatNumber(n: number): string {
  return UK.format(Object.is(n, -0) ? 0 : n);
}

/** A value with its unit: "45%", "£1,200", "3 meetings". */
export function formatValue(n: number, unit?: string): string {
  const u = unit?.trim();
  const text = formatNumber(n);
  if (!u) return text;
  if (u === '%') return `${text}%`;
  if (u === '£' || u === '$' || u === '€') return n < 0 ? `-${u}${formatNumber(-n)}` : `${u}${text}`;
  return `${text} ${u}`;
}

/** A tick label: the unit only where it is a symbol ("%", "£"); word units go in the axis caption. */
export function formatTick(n: number, unit?: string): string {
  const u = unit?.trim();
  return u === '%' || u === '£' || u === '$' || u === '€' ? formatValue(n, u) : formatNumber(n);
}

/** Whether the unit is a word shown as an axis caption rather than on each tick. */
export function unitCaption(unit?: string): string | null {
  const u = unit?.trim();
  if (!u || u === '%' || u === '£' || u === '$' || u === '€') return null;
  return u;
}

export type Ticks = { min: number; max: number; step: number; values: number[] };

/** Round numbers for an axis from min to max, about `count` of them, always including zero when in range. */
export function niceTicks(lo: number, hi: number, count = 5, whole = false): Ticks {
  let min = Math.min(lo, hi);
  let max = Math.max(lo, hi);
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    min = 0;
    max = 1;
  }
  if (min === max) {
    if (min === 0) max = 1;
    else if (min > 0) min = 0;
    else max = 0;
  }
  const raw = (max - min) / Math.max(1, count);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const fraction = raw / power;
  const nice =
    fraction <= 1
      ? 1
      : fraction <= 2
        ? 2
        : fraction <= 2.5 && (!whole || Number.isInteger(2.5 * power))
          ? 2.5
          : fraction <= 5
            ? 5
            : 10;
  let step = nice * power;
  // Counts (people, meetings) get whole-number ticks.
  if (whole && step < 1) step = 1;
  else if (whole && !Number.isInteger(step)) step = Math.ceil(step);
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + (nice === 2.5 ? 1 : 0));
  const round = (x: number) => Number(x.toFixed(Math.min(decimals, 12)));
  const first = round(Math.floor(min / step + 1e-9) * step);
  const last = round(Math.ceil(max / step - 1e-9) * step);
  const values: number[] = [];
  for (let i = 0; ; i++) {
    const v = round(first + i * step);
    if (v > last + step / 2) break;
    values.push(v);
  }
  return { min: first, max: last, step, values };
}

/**
 * Widths of glyphs in ems, close enough to fit labels without a DOM. Measured against DejaVu Sans,
 * the widest of the fonts in FONT_FAMILY, so text fitted here also fits in Arial.
 */
const NARROW = /[iljtf!|.,:;'()[\]\s]/;
const WIDE = /[mwMW@%]/;
const CAPS = /[A-Z0-9£$€#&?]/;
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.test(ch)) em += 0.3;
    else if (WIDE.test(ch)) em += 0.88;
    else if (CAPS.test(ch)) em += 0.67;
    else em += 0.55;
  }
  return em * fontSize * (bold ? 1.22 : 1.1);
}

/** Text cut with an ellipsis so it fits the width. */
export function truncate(text: string, width: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('').trimEnd()}…`, fontSize, bold) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** Text wrapped on spaces into at most `maxLines` lines of the width; the last line is truncated if need be. */
export function wrap(text: string, width: number, fontSize: number, maxLines = 2, bold = false): string[] {
  const words = text.split(' ').filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (let i = 0; i < words.length; i++) {
    const candidate = current ? `${current} ${words[i]}` : words[i]!;
    if (!current || textWidth(candidate, fontSize, bold) <= width) {
      current = candidate;
      continue;
    }
    if (lines.length === maxLines - 1) {
      // The last line takes the rest, to be cut with an ellipsis.
      current = [current, ...words.slice(i)].join(' ');
      break;
    }
    lines.push(current);
    current = words[i]!;
  }
  if (current) lines.push(current);
  return lines.map((l) => (textWidth(l, fontSize, bold) > width ? truncate(l, width, fontSize, bold) : l));
}

/** A number for an SVG attribute: at most two decimals, no trailing zeros. */
export const px = (n: number): string => String(Math.round(n * 100) / 100);

export type TextOptions = {
  size?: number;
  anchor?: 'start' | 'middle' | 'end';
  weight?: 'bold';
  fill?: string;
  baseline?: 'middle' | 'hanging';
};

/** A <text> element; the text is escaped here, so callers pass plain text. */
export function text(x: number, y: number, content: string, o: TextOptions = {}): string {
  const attrs = [
    `x="${px(x)}"`,
    `y="${px(y)}"`,
    `font-size="${o.size ?? 12}"`,
    o.anchor && o.anchor !== 'start' ? `text-anchor="${o.anchor}"` : '',
    o.weight ? `font-weight="${o.weight}"` : '',
    o.baseline ? `dominant-baseline="${o.baseline === 'middle' ? 'central' : 'hanging'}"` : '',
    `fill="${o.fill ?? PALETTE.text}"`,
  ].filter(Boolean);
  return `<text ${attrs.join(' ')}>${escapeXml(content)}</text>`;
}

/** The outer SVG document with its title and description for assistive technology. */
export function svgDocument(width: number, height: number, title: string, alt: string, defs: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${px(width)}" height="${px(height)}" viewBox="0 0 ${px(width)} ${px(height)}" role="img" font-family="${escapeXml(FONT_FAMILY)}">` +
    `<title>${escapeXml(title)}</title><desc>${escapeXml(alt)}</desc>` +
    (defs ? `<defs>${defs}</defs>` : '') +
    `<rect width="100%" height="100%" fill="${PALETTE.background}"/>` +
    body +
    '</svg>'
  );
}

/** The frame of a chart with nothing to draw yet. */
export function emptyChart(width: number, height: number, title: string, message: string): { svg: string; alt: string } {
  const alt = `${title}: ${message.toLowerCase()}.`;
  const body =
    text(16, 26, truncate(title, width - 32, 16, true), { size: 16, weight: 'bold' }) +
    `<rect x="16" y="44" width="${px(width - 32)}" height="${px(height - 60)}" fill="none" stroke="${PALETTE.grid}" stroke-width="1.5" stroke-dasharray="6 4"/>` +
    text(width / 2, 44 + (height - 60) / 2, message, { size: 14, anchor: 'middle', baseline: 'middle', fill: PALETTE.muted });
  return { svg: svgDocument(width, height, title, alt, '', body), alt };
}

/** A sensible chart size from optional inputs: whole pixels within bounds. */
export function size(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.round(Math.min(max, Math.max(min, value)));
}
