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

export type LinePoint = { label: string; value: number | null };

export type LineChartInput = {
  title: string;
  points: LinePoint[];
  target?: number;
  baseline?: number;
  unit?: string;
  width?: number;
  height?: number;
};

const finite = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/** The plain-English summary that stands for the chart: "Meetings held: Q1 3, Q2 no reading, Q3 2. Target 3." */
export function lineAlt(input: LineChartInput): string {
  const title = cleanLabel(input.title) || 'Chart';
  const readings = input.points.map(
    (p) => `${cleanLabel(p.label)} ${finite(p.value) ? formatValue(p.value, input.unit) : 'no reading'}`,
  );
  let alt = `${title}: ${readings.join(', ')}.`;
  if (finite(input.target)) alt += ` Target ${formatValue(input.target, input.unit)}.`;
  if (finite(input.baseline)) alt += ` Baseline ${formatValue(input.baseline, input.unit)}.`;
  return alt;
}

/**
 * Readings over time (an indicator per quarter, say), one point per label in order. A missing
 * reading (null) leaves a gap in the line rather than joining across it. An optional target is
 * drawn dashed and a baseline dotted, each labelled at the right.
 */
export function lineChart(input: LineChartInput): ChartSvg {
  const width = size(input.width, 640, 240, 2000);
  const height = size(input.height, 320, 160, 2000);
  const title = cleanLabel(input.title) || 'Chart';
  const points = input.points.map((p) => ({ label: cleanLabel(p.label), value: finite(p.value) ? p.value : null }));
  const target = finite(input.target) ? input.target : undefined;
  const baseline = finite(input.baseline) ? input.baseline : undefined;
  const readings = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  if (readings.length === 0) {
    const empty = emptyChart(width, height, title, 'No readings yet');
    return { svg: empty.svg, width, height, alt: empty.alt };
  }
  const alt = lineAlt(input);
  const unit = input.unit;
  const caption = unitCaption(unit);

  const all = [...readings, ...(target === undefined ? [] : [target]), ...(baseline === undefined ? [] : [baseline])];
  const ticks = niceTicks(Math.min(0, ...all), Math.max(...all), height < 240 ? 3 : 5, all.every(Number.isInteger));
  const tickLabels = ticks.values.map((v) => formatTick(v, unit));

  // Reference lines are labelled in the right margin so they never sit on a reading.
  const refs = [
    ...(target === undefined
      ? []
      : [{ label: `Target ${formatTick(target, unit)}`, value: target, colour: PALETTE.target, dash: '8 4', cap: 'butt' }]),
    ...(baseline === undefined
      ? []
      : [
          {
            label: `Baseline ${formatTick(baseline, unit)}`,
            value: baseline,
            colour: PALETTE.baseline,
            dash: '0.5 5',
            cap: 'round',
          },
        ]),
  ];
  const left = 16 + Math.max(...tickLabels.map((l) => textWidth(l, 12))) + 8;
  const right = refs.length > 0 ? Math.min(width * 0.3, 16 + Math.max(...refs.map((r) => textWidth(r.label, 11)))) : 24;
  const top = caption ? 64 : 52;
  const plotW = width - left - right;
  const band = plotW / points.length;
  const labelLines = band >= 40 ? 2 : 1;
  const bottom = 14 + labelLines * 14 + 8;
  const plotH = height - top - bottom;
  const y = (v: number) => top + plotH - ((v - ticks.min) / (ticks.max - ticks.min)) * plotH;
  const x = (i: number) => left + (i + 0.5) * band;

  let body = text(16, 26, truncate(title, width - 32, 16, true), { size: 16, weight: 'bold' });
  if (caption) body += text(16, 46, truncate(caption, width - 32, 12), { size: 12, fill: PALETTE.muted });

  // Grid and the value axis.
  ticks.values.forEach((v, i) => {
    const ty = y(v);
    body += `<line x1="${px(left)}" x2="${px(left + plotW)}" y1="${px(ty)}" y2="${px(ty)}" stroke="${v === 0 ? PALETTE.axis : PALETTE.grid}" stroke-width="1"/>`;
    body += text(left - 8, ty, tickLabels[i]!, { size: 12, anchor: 'end', baseline: 'middle', fill: PALETTE.muted });
  });

  // Category labels, thinned out when there are too many to read side by side: every k-th label,
  // for the smallest k at which each fits its room whole (or the room is wide enough to cut it).
  let every = 1;
  const fits = (k: number) =>
    band * k >= 90 || points.every((p) => !wrap(p.label, band * k - 6, 12, labelLines).some((l) => l.endsWith('…')));
  while (every < points.length && !fits(every)) every += 1;
  points.forEach((p, i) => {
    if (i % every !== 0) return;
    const lines = wrap(p.label, band * every - 6, 12, labelLines);
    lines.forEach((line, n) => (body += text(x(i), top + plotH + 18 + n * 14, line, { size: 12, anchor: 'middle' })));
  });

  for (const r of refs) {
    const ry = y(r.value);
    body += `<line x1="${px(left)}" x2="${px(left + plotW)}" y1="${px(ry)}" y2="${px(ry)}" stroke="${r.colour}" stroke-width="2" stroke-dasharray="${r.dash}" stroke-linecap="${r.cap}"/>`;
  }
  // Two close reference lines: their labels are pushed apart.
  const labelYs = refs.map((r) => y(r.value));
  if (labelYs.length === 2 && Math.abs(labelYs[0]! - labelYs[1]!) < 14) {
    const mid = (labelYs[0]! + labelYs[1]!) / 2;
    const up = labelYs[0]! <= labelYs[1]! ? 0 : 1;
    labelYs[up] = mid - 7;
    labelYs[1 - up] = mid + 7;
  }
  refs.forEach((r, i) => {
    body += text(left + plotW + 6, labelYs[i]!, truncate(r.label, right - 8, 11), {
      size: 11,
      baseline: 'middle',
      fill: r.colour,
      weight: 'bold',
    });
  });

  // The line, broken where a reading is missing.
  let path = '';
  let pen = false;
  points.forEach((p, i) => {
    if (p.value === null) {
      pen = false;
      return;
    }
    path += `${pen ? 'L' : 'M'}${px(x(i))} ${px(y(p.value))}`;
    pen = true;
  });
  body += `<path d="${path}" fill="none" stroke="${PALETTE.current}" stroke-width="2.5" stroke-linejoin="round"/>`;
  const showValues = points.every((p) => p.value === null || textWidth(formatTick(p.value, unit), 11) + 4 <= band);
  points.forEach((p, i) => {
    if (p.value === null) return;
    const py = y(p.value);
    body += `<circle cx="${px(x(i))}" cy="${px(py)}" r="4.5" fill="${PALETTE.current}" stroke="${PALETTE.background}" stroke-width="1.5"/>`;
    if (showValues)
      body += text(x(i), py - 10, formatTick(p.value, unit), {
        size: 11,
        anchor: 'middle',
        weight: 'bold',
        fill: PALETTE.current,
      });
  });

  return { svg: svgDocument(width, height, title, alt, '', body), width, height, alt };
}
