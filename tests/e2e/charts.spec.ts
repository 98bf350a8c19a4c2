import { barChart } from '../../shared/charts/bar';
import { svgDataUrl } from '../../shared/charts/data-url';
import { lineChart } from '../../shared/charts/line';
import { expect, test } from './fixtures';

/*
 * The page's real Content-Security-Policy (served by the browser host) lets a chart load as a
 * data: image, as the document preview shows it, while inline script stays blocked.
 */
test('a chart loads as a data: image under the page policy, and inline script does not run', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  const charts = [
    barChart({ title: 'Attendance by sector', bars: [{ label: 'Police', value: 12, previous: 9 }] }),
    lineChart({ title: 'Meetings held', points: [{ label: 'Q1', value: 3 }], target: 3 }),
  ];
  for (const chart of charts) {
    const size = await page.evaluate(async (src) => {
      // Typed by hand: the end-to-end tests compile without the DOM library.
      type Img = { src: string; decode(): Promise<void>; naturalWidth: number; naturalHeight: number };
      const img = new (globalThis as unknown as { Image: new () => Img }).Image();
      img.src = src;
      await img.decode();
      return { width: img.naturalWidth, height: img.naturalHeight };
    }, svgDataUrl(chart.svg));
    expect(size).toEqual({ width: chart.width, height: chart.height });
  }
  const ran = await page.evaluate(() => {
    const w = globalThis as unknown as {
      inlineRan?: boolean;
      document: { createElement(tag: string): { textContent: string }; body: { append(node: unknown): void } };
    };
    const s = w.document.createElement('script');
    s.textContent = 'window.inlineRan = true';
    w.document.body.append(s);
    return w.inlineRan === true;
  });
  expect(ran).toBe(false);
});
