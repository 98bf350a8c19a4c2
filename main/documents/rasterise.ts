import { existsSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg, renderAsync } from '@resvg/resvg-js';
import { encodePng, encodePngSync } from './png';

/*
 * SVG pictures (the charts from shared/charts) rasterised to PNG for Word, which shows SVG only
 * from Office 2016 and LibreOffice not reliably. resvg is a native module: it stays outside the
 * main bundle (scripts/build-main.mjs) and unpacked from the asar (electron-builder.yml).
 */

/** Pixels per CSS pixel: twice the size it is shown at, so charts stay sharp when printed or zoomed. */
export const RASTER_SCALE = 2;

const CACHE_LIMIT = 32;
/** A drawn picture's key: the same SVG drawn at another scale is another picture. */
export const pictureKey = (svg: string, scale: number) => `${scale}:${svg}`;
const cache = new Map<string, Uint8Array>();

/**
 * The SVG as PNG bytes at `scale` times its own width and height. System fonts are loaded so the
 * text is drawn (resvg draws no text at all when it finds no font). The same SVG gives the same
 * bytes, so recent results are kept: a document exported twice, or a chart used twice, is drawn once.
 */
export function rasterise(svg: string, scale = RASTER_SCALE): Uint8Array {
  const key = pictureKey(svg, scale);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const png = drawPng(svg, scale);
  remember(key, png);
  return png;
}

/**
 * The chart font shipped with the app (Arimo, Latin and Latin Extended, bold and regular; see
 * scripts/chart-fonts.mjs), then the system's sans-serif faces for any character Arimo lacks.
 * resvg re-reads a font file for every character it lays out, so these ~20 KB subsets draw a
 * chart's text several times faster than a whole system font (~750 KB): that was most of the time
 * of a report's first export. Inside a packaged app the folder is unpacked from the asar
 * (electron-builder.yml), since resvg reads files natively.
 */
export function chartFontsDir(): string {
  const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../resources/fonts');
  return dir.replace(`app.asar${sep}`, `app.asar.unpacked${sep}`);
}
export const CHART_FONT_FILES = ['Latin-Regular', 'Latin-Bold', 'LatinExt-Regular', 'LatinExt-Bold'].map(
  (face) => `Arimo-${face}.ttf`,
);
const FALLBACK_FONTS = [
  ...(process.env['WINDIR'] ? ['arial.ttf', 'arialbd.ttf'].map((f) => join(process.env['WINDIR']!, 'Fonts', f)) : []),
  '/System/Library/Fonts/Supplemental/Arial.ttf',
  '/System/Library/Fonts/Supplemental/Arial Bold.ttf',
  '/Library/Fonts/Arial.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
];
let fontFiles: string[] | null = null;
const chartFonts = () => {
  fontFiles ??= [...CHART_FONT_FILES.map((f) => join(chartFontsDir(), f)), ...FALLBACK_FONTS].filter((f) => existsSync(f));
  return fontFiles.length > 0 ? { loadSystemFonts: false, fontFiles } : { loadSystemFonts: true };
};

const options = (scale: number) =>
  ({
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: chartFonts(),
    shapeRendering: 2,
    textRendering: 1,
  }) as const;

/** The SVG drawn afresh, without the cache (the bench measures this). */
export function drawPng(svg: string, scale = RASTER_SCALE): Uint8Array {
  const image = new Resvg(svg, options(scale)).render();
  return encodePngSync(image.pixels, image.width, image.height);
}

/**
 * The SVGs rasterised off the main thread (on libuv's pool, in parallel), each at its own scale
 * (see rasterScale in docx-model.ts), by SVG: an export of a report with several charts does not
 * freeze the window while they are drawn. Keyed by pictureKey.
 */
export async function rasteriseAll(pictures: Iterable<{ svg: string; scale: number }>): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  const todo = new Map<string, { svg: string; scale: number }>();
  for (const p of pictures) {
    const key = pictureKey(p.svg, p.scale);
    const hit = cache.get(key);
    if (hit) out.set(key, hit);
    else todo.set(key, p);
  }
  const drawn = await Promise.all(
    [...todo.values()].map(async ({ svg, scale }) => {
      const image = await renderAsync(svg, options(scale));
      return encodePng(image.pixels, image.width, image.height);
    }),
  );
  [...todo.keys()].forEach((key, i) => {
    const png = drawn[i]!;
    out.set(key, png);
    remember(key, png);
  });
  return out;
}

/** Forgets every rasterised chart (the bench times a first export with this). */
export function forgetRasterised(): void {
  cache.clear();
}

function remember(key: string, png: Uint8Array): void {
  cache.set(key, png);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
}

/** Width and height in pixels read from a PNG's header. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
