import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startWebHost } from '../main/web-host/server';
import { chromiumLaunchOptions } from '../tests/chromium';
import { HTTP_INVOKE_PATH, HTTP_TOKEN_HEADER } from '../shared/contract';
import type { Measurement } from './lib';
import { SEARCH_QUERIES } from './partners';
import type { BenchSuite } from './suites';

type PageGlobals = { __waitForResults: (expected: string) => Promise<number>; __pending?: Promise<number> };

function summarise(name: string, times: number[], goalMs: number, note: string): Measurement {
  const sorted = [...times].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
  return { name, runs: sorted.length, medianMs: q(0.5), p95Ms: q(0.95), minMs: sorted[0]!, goalMs, note };
}

/**
 * Keystroke to results on screen, in Chromium against the browser host on the seeded data.
 * Expects `npm run build` to have been run; builds nothing itself. Each keystroke is timed in the
 * page from its keydown to the first animation frame after the results list shows the results for
 * exactly the text in the box (the list carries the query its results belong to).
 */
export const partnersBrowserBench: BenchSuite = {
  name: 'partners-browser',
  run: async ({ dispatch }) => {
    const staticDir = path.resolve('dist/renderer');
    if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
      console.log('partners-browser: skipped, run `npm run build` first.');
      return [];
    }
    const web = await startWebHost({ dispatch, staticDir });
    const browser = await chromium.launch(chromiumLaunchOptions);
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
      // A fresh page each round, so no answer comes from the page's cache.
      const open = async (round: number) => {
        // The token travels in the first address only; later rounds reload (the tab keeps the token).
        if (round === 0) await page.goto(web.url);
        else await page.reload();
        await page.getByRole('listbox', { name: 'People' }).getByRole('option').first().waitFor();
        // Plain script text: this file is compiled for Node, without the DOM's types.
        await page.evaluate(`
          document.addEventListener('keydown', () => { window.__keyAt = performance.now(); }, { capture: true });
          window.__waitForResults = (expected) => new Promise((resolve) => {
            const done = () => {
              const list = document.querySelector('ul[aria-label="Search results"]');
              return list !== null && list.getAttribute('data-query') === expected;
            };
            const observer = new MutationObserver(() => {
              if (!done()) return;
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - window.__keyAt));
            });
            observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-query'] });
          });
        `);
      };
      const box = page.getByRole('searchbox', { name: 'Search partners' });
      const times: number[] = [];
      const firstKeys: number[] = [];
      for (let round = 0; round < 3; round++) {
        await open(round);
        // A text already typed this round would be answered from the page's cache: not counted.
        const seen = new Set<string>();
        for (const query of SEARCH_QUERIES) {
          await box.fill('');
          await box.focus();
          let typed = '';
          for (const ch of query) {
            typed += ch;
            if (typed.trim() === '') continue;
            // Arm the observer in the page first (awaited), then press the key, then collect the time.
            await page.evaluate((expected) => {
              const g = globalThis as unknown as PageGlobals;
              g.__pending = g.__waitForResults(expected);
            }, typed);
            await page.keyboard.type(ch);
            const wait = page.evaluate(() => (globalThis as unknown as PageGlobals).__pending!);
            const ms = await Promise.race([wait, new Promise<number>((resolve) => setTimeout(() => resolve(NaN), 10_000))]);
            if (Number.isNaN(ms)) throw new Error(`partners-browser: no results on screen for "${typed}" after 10 s`);
            if (round > 0 && !seen.has(typed)) (typed.length === 1 ? firstKeys : times).push(ms);
            seen.add(typed);
          }
        }
      }
      // The same queries' round trips alone, from the page: what is left of a keystroke is React and painting.
      const roundTrips = (await page.evaluate(
        async ({ queries, path, header }) => {
          const token =
            (globalThis as unknown as { sessionStorage: { getItem: (k: string) => string | null } }).sessionStorage.getItem(
              'concordat.token',
            ) ?? '';
          const out: number[] = [];
          for (let r = 0; r < 3; r++) {
            for (const q of queries) {
              for (let n = 1; n <= q.length; n++) {
                const t0 = performance.now();
                const res = await fetch(path, {
                  method: 'POST',
                  headers: { 'Content-Type': 'application/json', [header]: token },
                  body: JSON.stringify({ channel: 'partners.search', payload: { query: q.slice(0, n), limit: 30 } }),
                });
                await res.json();
                if (r > 0) out.push(performance.now() - t0);
              }
            }
          }
          return out;
        },
        { queries: SEARCH_QUERIES, path: HTTP_INVOKE_PATH, header: HTTP_TOKEN_HEADER },
      )) as number[];
      return [
        summarise('partners-browser: search round trip from the page (fetch + JSON)', roundTrips, 50, 'no rendering'),
        summarise(
          'partners-browser: keystroke to results on screen',
          [...times, ...firstKeys],
          50,
          `${SEARCH_QUERIES.length} queries typed a key at a time, 2 measured rounds`,
        ),
        summarise('partners-browser: first keystroke (one-letter query)', firstKeys, 50, 'the broadest query'),
      ];
    } finally {
      await browser.close();
      await web.close();
    }
  },
};
