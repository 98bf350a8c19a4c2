import { useMemo } from 'react';
import type { Indicator } from '../../../shared/plans/model';
import { indicatorChart } from '../../../shared/plans/charts';

/** An indicator's readings against its target, drawn by shared/charts and shown as an image with its alt text. */
export function IndicatorChart({ indicator }: { indicator: Indicator }) {
  const chart = useMemo(() => indicatorChart(indicator, { width: 360, height: 180 }), [indicator]);
  return (
    <img
      className="indicator-chart"
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(chart.svg)}`}
      width={chart.width}
      height={chart.height}
      alt={chart.alt}
    />
  );
}
