/** A chart drawn as a standalone SVG document. width/height are CSS pixels (96 dpi). */
export type ChartSvg = { svg: string; width: number; height: number; alt: string };
