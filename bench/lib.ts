import { performance } from 'node:perf_hooks';

export type Measurement = {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  note?: string;
  goalMs?: number;
};

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

/** Run fn `runs` times (after `warmup` unmeasured runs) and summarise the timings. */
export async function measure(
  name: string,
  fn: () => unknown | Promise<unknown>,
  { runs = 7, warmup = 1, goalMs, note }: { runs?: number; warmup?: number; goalMs?: number; note?: string } = {},
): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { name, runs, medianMs: quantile(times, 0.5), p95Ms: quantile(times, 0.95), minMs: times[0]!, goalMs, note };
}

export function formatTable(rows: Measurement[]): string {
  const head = ['measurement', 'runs', 'median ms', 'p95 ms', 'goal ms', 'note'];
  const body = rows.map((r) => [
    r.name,
    String(r.runs),
    r.medianMs.toFixed(2),
    r.p95Ms.toFixed(2),
    r.goalMs === undefined ? '' : `${r.goalMs}${r.p95Ms <= r.goalMs ? ' ✓' : ' ✗'}`,
    r.note ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
