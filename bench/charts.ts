import { writeDocx } from '../main/documents/docx-writer';
import { drawPng } from '../main/documents/rasterise';
import { barChart } from '../shared/charts/bar';
import { lineChart } from '../shared/charts/line';
import type { Block, DocumentTree } from '../shared/documents/tree';
import { measure, measureInterleaved } from './lib';
import type { Measurement } from './lib';
import type { BenchSuite } from './suites';

/*
 * Charts for plans and annual reports: drawing the SVG (shared, pure), rasterising it to PNG at 2x
 * for Word (resvg, native), and a report export with six charts. Each run draws new figures, so
 * nothing comes from the rasteriser's cache.
 */

const SECTORS = [
  'Police',
  'Local authority adult social care',
  'Health',
  'Voluntary and community sector',
  'Fire and rescue',
  'Immigration Enforcement',
  'Housing',
  'Business',
];

let seed = 0;
function typicalBar(n = seed++) {
  return barChart({
    title: `Attendance by sector, ${2026 + (n % 7)} against last year`,
    bars: SECTORS.map((label, i) => ({ label, value: ((n + i * 7) % 15) + 1, previous: ((n + i * 5) % 13) + 1 })),
  });
}
function typicalLine(n = seed++) {
  return lineChart({
    title: `Referrals to the partnership per quarter (${n})`,
    points: ['Q1 2025', 'Q2 2025', 'Q3 2025', 'Q4 2025', 'Q1 2026', 'Q2 2026', 'Q3 2026', 'Q4 2026'].map((label, i) => ({
      label,
      value: i === 5 ? null : ((n + i * 3) % 9) + 2,
    })),
    target: 6,
    baseline: 3,
    unit: 'referrals',
  });
}

function reportWithSixCharts(): DocumentTree {
  const blocks: Block[] = [];
  for (let i = 0; i < 3; i++) {
    blocks.push({ kind: 'heading', level: 1, text: `Priority ${i + 1}` });
    blocks.push({ kind: 'paragraph', runs: [{ text: 'What we did this year and how it went against the plan.' }] });
    blocks.push({ kind: 'image', ...typicalBar(), caption: `Figure ${i * 2 + 1}: attendance by sector` });
    blocks.push({ kind: 'image', ...typicalLine(), caption: `Figure ${i * 2 + 2}: referrals per quarter` });
  }
  return {
    meta: {
      title: 'Annual report 2026',
      version: '1',
      date: '2026-04-30',
      marking: 'OFFICIAL',
      author: 'Coordinator',
      subject: 'Annual report',
      partnershipName: 'Anytown Anti-Slavery Partnership',
    },
    blocks,
  };
}

export const chartsBench: BenchSuite = {
  name: 'charts',
  run: async () => {
    const results: Measurement[] = [];
    results.push(
      await measure(
        'charts: draw a bar chart and a line chart as SVG (8 bars, 8 quarters)',
        () => [typicalBar(), typicalLine()],
        { runs: 50, warmup: 5 },
      ),
    );
    // Interleaved, with CPU time: the machine running the bench may be shared.
    results.push(
      ...(await measureInterleaved(
        [
          { name: 'charts: rasterise a typical bar chart to PNG at 2x (1280 × 640)', fn: () => drawPng(typicalBar().svg) },
          { name: 'charts: rasterise a typical line chart to PNG at 2x (1280 × 640)', fn: () => drawPng(typicalLine().svg) },
        ],
        { runs: 15, warmup: 2 },
      )),
    );
    results.push(
      ...(await measureInterleaved(
        [
          {
            name: 'charts: .docx export of a report with 6 new charts',
            fn: () => writeDocx(reportWithSixCharts()),
            goalMs: 2000,
          },
        ],
        { runs: 9, warmup: 2 },
      )),
    );
    const same = reportWithSixCharts();
    results.push(
      await measure('charts: the same report exported again (charts from the cache)', () => writeDocx(same), {
        runs: 15,
        warmup: 2,
      }),
    );
    return results;
  },
};
