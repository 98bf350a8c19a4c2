import type { Block } from '../../shared/documents/tree';
import { TEXT_WIDTH } from './docx-layout';
import { RASTER_SCALE } from './rasterise';

/*
 * Pictures (the image blocks of a tree, charts drawn as SVG) in a Word page: the size they are
 * shown at, the scale they are drawn at, and their names. Both writers use these, and the bench and
 * the report preview list a tree's pictures with them.
 */

/** The widest a picture is shown, in CSS pixels: the text width (15 twips to the pixel). */
export const IMAGE_MAX_WIDTH = Math.floor(TEXT_WIDTH / 15);

/**
 * The tallest a picture is shown, in CSS pixels: most of the text height (A4 with 2.54 cm margins
 * leaves 13,958 twips, 930 px), with room for its caption on the same page. A chart of many
 * sectors is taller than a page at its own size.
 */
export const IMAGE_MAX_HEIGHT = 820;

/** The size a picture is shown at in Word, in whole CSS pixels: its own, scaled down to fit the page's text. */
export function imageDisplaySize(b: { width: number; height: number }): { width: number; height: number } {
  const w = Math.max(1, b.width);
  const h = Math.max(1, b.height);
  const scale = Math.min(1, IMAGE_MAX_WIDTH / w, IMAGE_MAX_HEIGHT / h);
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

/**
 * Pixels drawn per CSS pixel of a picture's SVG: RASTER_SCALE times the size it is shown at, not
 * its own size, so a chart scaled down to fit the page is not drawn larger than it will be seen.
 */
export function rasterScale(b: { width: number; height: number }): number {
  return (RASTER_SCALE * imageDisplaySize(b).width) / Math.max(1, b.width);
}

/** The pictures of a tree, each with the scale it is drawn at (see rasteriseAll). */
export function pictures(blocks: readonly Block[]): { svg: string; scale: number }[] {
  return blocks.flatMap((b) => (b.kind === 'image' ? [{ svg: b.svg, scale: rasterScale(b) }] : []));
}

/** What Word's selection pane calls the n-th picture (1-based); its alt text is the block's own. */
export const imageName = (n: number) => `Picture ${n}`;
