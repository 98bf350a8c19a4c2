import { Resvg } from '@resvg/resvg-js';

/*
 * SVG pictures (the charts from shared/charts) rasterised to PNG for Word, which shows SVG only
 * from Office 2016 and LibreOffice not reliably. resvg is a native module: it stays outside the
 * main bundle (scripts/build-main.mjs) and unpacked from the asar (electron-builder.yml).
 */

/** Pixels per CSS pixel: twice the size it is shown at, so charts stay sharp when printed or zoomed. */
export const RASTER_SCALE = 2;

const CACHE_LIMIT = 32;
const cache = new Map<string, Uint8Array>();

/**
 * The SVG as PNG bytes at `scale` times its own width and height. System fonts are loaded so the
 * text is drawn (resvg draws no text at all when it finds no font). The same SVG gives the same
 * bytes, so recent results are kept: a document exported twice, or a chart used twice, is drawn once.
 */
export function rasterise(svg: string, scale = RASTER_SCALE): Uint8Array {
  const key = `${scale}:${svg}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { loadSystemFonts: true },
    shapeRendering: 2,
    textRendering: 1,
  });
  const png = new Uint8Array(resvg.render().asPng());
  cache.set(key, png);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return png;
}

/** Width and height in pixels read from a PNG's header. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
