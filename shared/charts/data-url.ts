/**
 * An SVG document as a data: URL for an <img>. The SVG is never put into the page as markup: as an
 * image it cannot run script or reach the page, and the page's policy already allows data: images.
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
