import { lineChart } from '../charts';
import type { ChartSvg } from '../charts';
import type { Block } from '../documents/tree';
import type { Indicator } from './model';

/** An indicator's readings as a line with its target (and baseline), the same picture in preview and export. */
export function indicatorChart(i: Indicator, size: { width: number; height: number } = { width: 480, height: 220 }): ChartSvg {
  return lineChart({
    title: i.name,
    points: i.readings.map((r) => ({ label: r.period, value: r.value })),
    ...(i.target === null ? {} : { target: i.target }),
    ...(i.baseline === null ? {} : { baseline: i.baseline }),
    unit: i.unit,
    ...size,
  });
}

/** The image block for the strategy paper: one small chart per indicator that has readings. */
export function indicatorPicture(i: Indicator, label: string): Block[] {
  if (i.readings.length === 0) return [];
  const c = indicatorChart(i);
  return [{ kind: 'image', svg: c.svg, width: c.width, height: c.height, alt: c.alt, caption: `${label} ${i.name}` }];
}
