export type { ChartSvg } from './types';
export { lineChart, lineAlt, type LineChartInput, type LinePoint } from './line';
export { barChart, barAlt, type BarChartInput, type Bar } from './bar';
export { PALETTE, FONT_FAMILY } from './svg';
export { svgDataUrl } from './data-url';
