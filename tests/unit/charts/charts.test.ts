import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { barChart } from '../../../shared/charts/bar';
import { lineChart } from '../../../shared/charts/line';
import { formatNumber, formatValue, niceTicks, wrap, textWidth } from '../../../shared/charts/svg';

/*
 * The charts as SVG documents, read back with an XML parser: their text, their marks and their
 * summaries, not their bytes.
 */

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  textNodeName: '#text',
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && name !== '#text',
});

/** Every element of a kind anywhere in the SVG, with its attributes and text. */
function elements(svg: string, tag: string): Node[] {
  const found: Node[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n === null || typeof n !== 'object') return;
    for (const [k, v] of Object.entries(n as Node)) {
      if (k === tag) for (const e of v as Node[]) found.push(typeof e === 'object' ? e : { '#text': e });
      walk(v);
    }
  };
  walk(parser.parse(svg));
  return found;
}
const textOf = (e: Node) => String(e['#text'] ?? '');
const texts = (svg: string) => elements(svg, 'text').map(textOf);

const quarters = [
  { label: 'Q1', value: 3 },
  { label: 'Q2', value: 2 },
  { label: 'Q3', value: null },
  { label: 'Q4', value: 4 },
];

describe('numbers and ticks', () => {
  it('formats numbers the UK way, with units', () => {
    expect(formatNumber(1234567.891)).toBe('1,234,567.89');
    expect(formatNumber(-0)).toBe('0');
    expect(formatValue(45, '%')).toBe('45%');
    expect(formatValue(1200, '£')).toBe('£1,200');
    expect(formatValue(-5, '£')).toBe('-£5');
    expect(formatValue(3, 'meetings')).toBe('3 meetings');
  });

  it('chooses round ticks that cover the data, whole numbers for counts', () => {
    expect(niceTicks(0, 4).values).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(0, 12, 5, true).values).toEqual([0, 5, 10, 15]);
    expect(niceTicks(0, 12).values).toEqual([0, 2.5, 5, 7.5, 10, 12.5]);
    expect(niceTicks(0, 0.3).values).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0, 0.3, 5, true).values).toEqual([0, 1]);
    expect(niceTicks(-7, 23).values).toEqual([-10, 0, 10, 20, 30]);
    expect(niceTicks(0, 0).values).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 1_250_000, 5, true).values.at(-1)).toBe(1_250_000);
    expect(wrap('Week 1', 30, 12, 1)[0]).toMatch(/^We.*…$/);
  });

  it('wraps long labels on spaces and truncates what does not fit', () => {
    const lines = wrap('Local authority adult social care and safeguarding', 110, 12, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(110);
    expect(wrap('Police', 110, 12, 2)).toEqual(['Police']);
  });
});

describe('lineChart', () => {
  it('draws the readings with a title, axis ticks, a target line and a summary', () => {
    const c = lineChart({ title: 'Meetings held per quarter', points: quarters, target: 3, unit: 'meetings' });
    expect(XMLValidator.validate(c.svg)).toBe(true);
    expect(c).toMatchObject({ width: 640, height: 320 });
    expect(c.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="640" height="320"/);
    expect(textOf(elements(c.svg, 'title')[0]!)).toBe('Meetings held per quarter');
    expect(c.alt).toBe(
      'Meetings held per quarter: Q1 3 meetings, Q2 2 meetings, Q3 no reading, Q4 4 meetings. Target 3 meetings.',
    );
    const t = texts(c.svg);
    for (const tick of ['0', '1', '2', '3', '4']) expect(t).toContain(tick);
    expect(t).toEqual(expect.arrayContaining(['Q1', 'Q2', 'Q3', 'Q4', 'Target 3', 'meetings']));
    // The target is a dashed line across the plot.
    const dashed = elements(c.svg, 'line').filter((l) => l['stroke-dasharray'] === '8 4');
    expect(dashed).toHaveLength(1);
    expect(dashed[0]!.y1).toBe(dashed[0]!.y2);
  });

  it('skips a missing reading: a marker per reading and a gap in the line', () => {
    const c = lineChart({ title: 'T', points: quarters });
    expect(elements(c.svg, 'circle')).toHaveLength(3);
    const d = String(elements(c.svg, 'path')[0]!.d);
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/L/g)).toHaveLength(1);
    // Higher readings sit higher on the page.
    const ys = elements(c.svg, 'circle').map((e) => Number(e.cy));
    expect(ys[2]!).toBeLessThan(ys[0]!);
    expect(ys[0]!).toBeLessThan(ys[1]!);
  });

  it('with no readings yet says so plainly', () => {
    for (const points of [[], [{ label: 'Q1', value: null }]]) {
      const c = lineChart({ title: 'Referrals', points, target: 5 });
      expect(XMLValidator.validate(c.svg)).toBe(true);
      expect(texts(c.svg)).toEqual(['Referrals', 'No readings yet']);
      expect(c.alt).toBe('Referrals: no readings yet.');
      expect(elements(c.svg, 'circle')).toHaveLength(0);
    }
  });

  it('escapes text and drops characters XML cannot hold', () => {
    const c = lineChart({
      title: 'Police <&> "fire" \u0001\uD800',
      points: [{ label: '<script>alert(1)</script>', value: 1 }],
      baseline: 0.5,
      unit: '&',
    });
    expect(XMLValidator.validate(c.svg)).toBe(true);
    expect(c.svg).not.toContain('<script>');
    expect(c.svg).toContain('Police &lt;&amp;&gt; &quot;fire&quot;');
    expect(textOf(elements(c.svg, 'title')[0]!)).toBe('Police <&> "fire"');
    expect(c.alt).toBe('Police <&> "fire": <script>alert(1)</script> 1 &. Baseline 0.5 &.');
  });

  it('keeps labels apart: many points show every other label, two close reference lines are pushed apart', () => {
    const points = Array.from({ length: 40 }, (_, i) => ({ label: `Week ${i + 1}`, value: i % 7 }));
    const c = lineChart({ title: 'Weekly', points, target: 3, baseline: 3.05, width: 600 });
    const weekLabels = elements(c.svg, 'text').filter((e) => textOf(e).startsWith('Week '));
    expect(weekLabels.length).toBeLessThan(40);
    // Centred labels do not overlap: the gap between centres is more than half of each width.
    for (let i = 1; i < weekLabels.length; i++) {
      const [a, b] = [weekLabels[i - 1]!, weekLabels[i]!];
      const room = (textWidth(textOf(a), 12) + textWidth(textOf(b), 12)) / 2;
      expect(Number(b.x) - Number(a.x)).toBeGreaterThan(room);
    }
    const refs = elements(c.svg, 'text').filter((e) => /^(Target|Baseline)/.test(textOf(e)));
    expect(Math.abs(Number(refs[0]!.y) - Number(refs[1]!.y))).toBeGreaterThanOrEqual(14);
  });
});

describe('barChart', () => {
  const sectors = [
    { label: 'Police', value: 12, previous: 9 },
    { label: 'Local authority adult social care and safeguarding board', value: 7, previous: 8 },
    { label: 'Health <NHS & ICB>', value: 4 },
  ];

  it('draws this year against last year, told apart by a hatch as well as colour, with a legend', () => {
    const c = barChart({ title: 'Attendance by sector', bars: sectors });
    expect(XMLValidator.validate(c.svg)).toBe(true);
    expect(c.alt).toBe(
      'Attendance by sector: Police: This year 12, Last year 9; Local authority adult social care and safeguarding board: This year 7, Last year 8; Health <NHS & ICB>: This year 4, Last year no figure.',
    );
    const rects = elements(c.svg, 'rect');
    const hatched = rects.filter((r) => r.fill === 'url(#concordat-previous)');
    expect(hatched).toHaveLength(3); // two bars and the legend swatch
    expect(elements(c.svg, 'pattern')).toHaveLength(1);
    const t = texts(c.svg);
    expect(t).toEqual(expect.arrayContaining(['This year', 'Last year', 'Police', '12', '9', '0', '5', '10']));
    expect(t).toContain('Health <NHS & ICB>');
    // The long label is wrapped and cut, never wider than its bar's band.
    const band = (640 - 16 - 16 - 30) / 3;
    const long = t.filter((x) => x.startsWith('Local') || x.includes('…') || x.includes('safeguarding'));
    expect(long.length).toBeGreaterThanOrEqual(2);
    for (const l of long) expect(textWidth(l, 12)).toBeLessThanOrEqual(band);
  });

  it('is taller bars for bigger values, and needs no legend with one series', () => {
    const c = barChart({
      title: 'Referrals',
      bars: [
        { label: 'A', value: 2 },
        { label: 'B', value: 6 },
      ],
      seriesLabels: ['2026', '2025'],
    });
    const bars = elements(c.svg, 'rect').filter((r) => r.fill === '#1d4ed8');
    expect(bars).toHaveLength(2);
    expect(Number(bars[1]!.height)).toBeCloseTo(Number(bars[0]!.height) * 3, 0);
    expect(texts(c.svg)).not.toContain('2026');
    expect(c.alt).toBe('Referrals: A 2, B 6.');
  });

  it('runs horizontally with the labels at the side', () => {
    const c = barChart({ title: 'By sector', bars: sectors, horizontal: true, unit: '%', seriesLabels: ['2026', '2025'] });
    expect(XMLValidator.validate(c.svg)).toBe(true);
    const bars = elements(c.svg, 'rect').filter((r) => r.fill === '#1d4ed8' && r.width !== '14');
    expect(bars).toHaveLength(3);
    expect(Number(bars[0]!.width)).toBeGreaterThan(Number(bars[1]!.width));
    expect(texts(c.svg)).toEqual(expect.arrayContaining(['12%', '0%', 'Police', '2026', '2025']));
    expect(c.alt).toContain('Police: 2026 12%, 2025 9%');
  });

  it('with no bars says so, and draws negative values below zero', () => {
    const empty = barChart({ title: 'Nothing', bars: [] });
    expect(texts(empty.svg)).toEqual(['Nothing', 'No figures yet']);
    const c = barChart({
      title: 'Change',
      bars: [
        { label: 'Up', value: 5 },
        { label: 'Down', value: -3 },
      ],
    });
    expect(texts(c.svg)).toEqual(expect.arrayContaining(['-3', '5', '0']));
  });
});
