import type { ChartSvg } from './types';
import {
  PALETTE,
  cleanLabel,
  emptyChart,
  formatTick,
  formatValue,
  niceTicks,
  px,
  size,
  svgDocument,
  text,
  textWidth,
  truncate,
  unitCaption,
  wrap,
} from './svg';

export type Bar = { label: string; value: number; previous?: number };

export type BarChartInput = {
  title: string;
  bars: Bar[];
  /** Names of the two series, current first: default "This year" and "Last year". */
  seriesLabels?: [string, string];
  unit?: string;
  width?: number;
  height?: number;
  /** Bars running left to right with the labels at the side: better for many or long labels. */
  horizontal?: boolean;
};

const finite = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);
const HATCH_ID = 'concordat-previous';
/**
 * Last year's bars are hatched (so the two series differ in more than colour): diagonal stripes
 * drawn straight into an 8 px tile, not a rotated tile, which resvg fills several times slower.
 */
const HATCH =
  `<pattern id="${HATCH_ID}" patternUnits="userSpaceOnUse" width="8" height="8">` +
  `<rect width="8" height="8" fill="${PALETTE.background}"/>` +
  `<path d="M-2 2L2 -2M0 8L8 0M6 10L10 6" stroke="${PALETTE.previous}" stroke-width="2.8"/></pattern>`;

function seriesNames(input: BarChartInput): [string, string] {
  const [a, b] = input.seriesLabels ?? ['This year', 'Last year'];
  return [cleanLabel(a) || 'This year', cleanLabel(b) || 'Last year'];
}

/** The plain-English summary: "Attendance by sector: Police: This year 12, Last year 9; Health: This year 4." */
export function barAlt(input: BarChartInput): string {
  const title = cleanLabel(input.title) || 'Chart';
  const [now, before] = seriesNames(input);
  const compared = input.bars.some((b) => finite(b.previous));
  const items = input.bars.map((b) => {
    const label = cleanLabel(b.label);
    const value = finite(b.value) ? formatValue(b.value, input.unit) : 'no figure';
    if (!compared) return `${label} ${value}`;
    return `${label}: ${now} ${value}${finite(b.previous) ? `, ${before} ${formatValue(b.previous, input.unit)}` : `, ${before} no figure`}`;
  });
  return `${title}: ${items.join(compared ? '; ' : ', ')}.`;
}

type Mark = { value: number; previous: number | null };

/**
 * Values by category (attendance by sector, say), optionally against the previous period, drawn
 * hatched beside each bar. Every bar carries its value as text where there is room, and long
 * category names wrap and then truncate rather than overlap.
 */
export function barChart(input: BarChartInput): ChartSvg {
  const width = size(input.width, 640, 240, 2000);
  const height = size(input.height, input.horizontal ? Math.max(240, 90 + input.bars.length * 32) : 320, 160, 4000);
  const title = cleanLabel(input.title) || 'Chart';
  const bars = input.bars.map((b) => ({
    label: cleanLabel(b.label),
    value: finite(b.value) ? b.value : 0,
    previous: finite(b.previous) ? b.previous : null,
  }));
  if (bars.length === 0) {
    const empty = emptyChart(width, height, title, 'No figures yet');
    return { svg: empty.svg, width, height, alt: empty.alt };
  }
  const alt = barAlt(input);
  const unit = input.unit;
  const caption = unitCaption(unit);
  const compared = bars.some((b) => b.previous !== null);
  const [now, before] = seriesNames(input);
  const values = bars.flatMap((b) => (b.previous === null ? [b.value] : [b.value, b.previous]));
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values), 5, values.every(Number.isInteger));
  const tickLabels = ticks.values.map((v) => formatTick(v, unit));

  let body = text(16, 26, truncate(title, width - 32, 16, true), { size: 16, weight: 'bold' });
  let top = 40;
  if (compared) {
    // The legend: a solid swatch and a hatched one, each named, so colour is never the only cue.
    const nowW = textWidth(now, 12);
    body += `<rect x="16" y="${top}" width="14" height="14" fill="${PALETTE.current}"/>`;
    body += text(36, top + 7, truncate(now, width / 2 - 60, 12), { size: 12, baseline: 'middle' });
    const x2 = Math.min(16 + 20 + nowW + 24, width / 2);
    body += `<rect x="${px(x2)}" y="${top}" width="14" height="14" fill="url(#${HATCH_ID})" stroke="${PALETTE.previous}" stroke-width="1.5"/>`;
    body += text(x2 + 20, top + 7, truncate(before, width - x2 - 40, 12), { size: 12, baseline: 'middle' });
    top += 22;
  }
  if (caption) {
    body += text(16, top + 8, truncate(caption, width - 32, 12), { size: 12, fill: PALETTE.muted, baseline: 'middle' });
    top += 20;
  }
  top += 12;

  const mark = (m: Mark, draw: (value: number, previous: boolean, slot: number, slots: number) => void) => {
    draw(m.value, false, 0, compared ? 2 : 1);
    if (compared && m.previous !== null) draw(m.previous, true, 1, 2);
  };
  const fill = (previous: boolean) =>
    previous ? `fill="url(#${HATCH_ID})" stroke="${PALETTE.previous}" stroke-width="1.5"` : `fill="${PALETTE.current}"`;

  if (input.horizontal) {
    const labelW = Math.min(width * 0.38, Math.max(...bars.map((b) => textWidth(b.label, 12))) + 4);
    const left = 16 + labelW + 10;
    const valueW = Math.max(...values.map((v) => textWidth(formatTick(v, unit), 11))) + 12;
    const right = Math.max(24, valueW);
    const bottom = 34;
    const plotW = width - left - right;
    const plotH = height - top - bottom;
    const band = plotH / bars.length;
    const xOf = (v: number) => left + ((v - ticks.min) / (ticks.max - ticks.min)) * plotW;
    ticks.values.forEach((v, i) => {
      const tx = xOf(v);
      body += `<line x1="${px(tx)}" x2="${px(tx)}" y1="${px(top)}" y2="${px(top + plotH)}" stroke="${v === 0 ? PALETTE.axis : PALETTE.grid}" stroke-width="1"/>`;
      body += text(tx, top + plotH + 18, tickLabels[i]!, { size: 12, anchor: 'middle', fill: PALETTE.muted });
    });
    const lines = band >= 34 ? 2 : 1;
    bars.forEach((b, i) => {
      const cy = top + (i + 0.5) * band;
      const wrapped = wrap(b.label, labelW, 12, lines);
      wrapped.forEach(
        (line, n) =>
          (body += text(16 + labelW, cy + (n - (wrapped.length - 1) / 2) * 14, line, {
            size: 12,
            anchor: 'end',
            baseline: 'middle',
          })),
      );
      const group = band * 0.72;
      mark(b, (value, previous, slot, slots) => {
        const h = (group - (slots - 1) * 2) / slots;
        const by = cy - group / 2 + slot * (h + 2);
        const x0 = xOf(Math.min(0, value));
        const x1 = xOf(Math.max(0, value));
        body += `<rect x="${px(x0)}" y="${px(by)}" width="${px(Math.max(1, x1 - x0))}" height="${px(h)}" ${fill(previous)}/>`;
        if (h >= 9) {
          const label = formatTick(value, unit);
          const at = value < 0 ? x0 - 4 : x1 + 4;
          body += text(at, by + h / 2, label, {
            size: 11,
            anchor: value < 0 ? 'end' : 'start',
            baseline: 'middle',
            weight: 'bold',
            fill: previous ? PALETTE.muted : PALETTE.current,
          });
        }
      });
    });
    return { svg: svgDocument(width, height, title, alt, compared ? HATCH : '', body), width, height, alt };
  }

  const left = 16 + Math.max(...tickLabels.map((l) => textWidth(l, 12))) + 8;
  const right = 16;
  const plotW = width - left - right;
  const band = plotW / bars.length;
  const lines = band >= 60 ? 3 : band >= 36 ? 2 : 1;
  const labelSize = band >= 36 ? 12 : 11;
  const bottom = 12 + lines * 14 + 8;
  top += 12; // room for the value above the tallest bar
  const plotH = height - top - bottom;
  const yOf = (v: number) => top + plotH - ((v - ticks.min) / (ticks.max - ticks.min)) * plotH;
  ticks.values.forEach((v, i) => {
    const ty = yOf(v);
    body += `<line x1="${px(left)}" x2="${px(left + plotW)}" y1="${px(ty)}" y2="${px(ty)}" stroke="${v === 0 ? PALETTE.axis : PALETTE.grid}" stroke-width="1"/>`;
    body += text(left - 8, ty, tickLabels[i]!, { size: 12, anchor: 'end', baseline: 'middle', fill: PALETTE.muted });
  });
  bars.forEach((b, i) => {
    const cx = left + (i + 0.5) * band;
    wrap(b.label, band - 6, labelSize, lines).forEach(
      (line, n) => (body += text(cx, top + plotH + 18 + n * 14, line, { size: labelSize, anchor: 'middle' })),
    );
    const group = band * 0.72;
    mark(b, (value, previous, slot, slots) => {
      const w = (group - (slots - 1) * 2) / slots;
      const bx = cx - group / 2 + slot * (w + 2);
      const y0 = yOf(Math.max(0, value));
      const y1 = yOf(Math.min(0, value));
      body += `<rect x="${px(bx)}" y="${px(y0)}" width="${px(w)}" height="${px(Math.max(1, y1 - y0))}" ${fill(previous)}/>`;
      const label = formatTick(value, unit);
      if (textWidth(label, 11) <= w + 6) {
        const at = value < 0 ? y1 + 13 : y0 - 5;
        body += text(bx + w / 2, at, label, {
          size: 11,
          anchor: 'middle',
          weight: 'bold',
          fill: previous ? PALETTE.muted : PALETTE.current,
        });
      }
    });
  });
  return { svg: svgDocument(width, height, title, alt, compared ? HATCH : '', body), width, height, alt };
}
