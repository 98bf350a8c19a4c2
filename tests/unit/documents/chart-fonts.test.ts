import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { CHART_FONT_FILES, chartFontsDir, drawPng } from '../../../main/documents/rasterise';
import { lineChart } from '../../../shared/charts/line';

/*
 * The font the app ships for charts in Word exports: committed TrueType files made from
 * @fontsource/arimo by scripts/chart-fonts.mjs, found where main looks for them, and used.
 */

const root = path.resolve(__dirname, '../../..');

/** Decodes nothing: counts pixels that differ between two renders of the same size. */
function differingPixels(a: Uint8Array, b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 4) if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) n++;
  return n;
}

describe('chart fonts', () => {
  it('are the committed conversion of the installed @fontsource/arimo, licence included', () => {
    const out = execFileSync(process.execPath, [path.join(root, 'scripts/chart-fonts.mjs'), '--check'], { encoding: 'utf8' });
    expect(out).toContain('matches');
    expect(fs.readFileSync(path.join(chartFontsDir(), 'OFL.txt'), 'utf8')).toContain('SIL Open Font License');
  });

  it('are TrueType files main finds beside the app', () => {
    expect(chartFontsDir()).toBe(path.join(root, 'resources/fonts'));
    for (const f of CHART_FONT_FILES) {
      const ttf = fs.readFileSync(path.join(chartFontsDir(), f));
      expect(ttf.readUInt32BE(0), f).toBe(0x00010000); // TrueType outlines
      // The head table's magic number, found through the table directory.
      const tables = ttf.readUInt16BE(4);
      const head = Array.from({ length: tables }, (_, i) => 12 + i * 16).find(
        (at) => ttf.toString('latin1', at, at + 4) === 'head',
      );
      expect(head, f).toBeDefined();
      expect(ttf.readUInt32BE(ttf.readUInt32BE(head! + 8) + 12), f).toBe(0x5f0f3cf5);
    }
  });

  it('draw the chart text in Arimo, the same as resvg given only Arimo', () => {
    const chart = lineChart({
      title: 'Referrals to the NRM, £ and é',
      points: [{ label: 'Q1', value: 3 }],
      width: 320,
      height: 160,
    });
    const only = (files: string[]) =>
      new Resvg(chart.svg, {
        fitTo: { mode: 'zoom', value: 2 },
        background: '#ffffff',
        font: { loadSystemFonts: false, fontFiles: files.map((f) => path.join(chartFontsDir(), f)) },
        shapeRendering: 2,
        textRendering: 1,
      }).render().pixels;
    const withArimo = only(CHART_FONT_FILES);
    const withoutText = only([]); // no font: resvg draws no text at all
    expect(differingPixels(withArimo, withoutText)).toBeGreaterThan(500);
    // What the app draws, decoded from its PNG, equals the Arimo-only render: Arimo was chosen.
    const png = drawPng(chart.svg);
    const decoded = new Resvg(
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="640" height="320"><image width="640" height="320" xlink:href="data:image/png;base64,${Buffer.from(png).toString('base64')}"/></svg>`,
      { fitTo: { mode: 'original' } },
    ).render().pixels;
    expect(differingPixels(decoded, withArimo)).toBe(0);
  });
});
