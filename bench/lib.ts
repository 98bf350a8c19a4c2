import { performance } from 'node:perf_hooks';

export type Measurement = {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  note?: string;
  goalMs?: number;
  /** Median CPU time of the process (user + system) per run, where measured: steadier than wall time on a loaded machine. */
  cpuMedianMs?: number;
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

/**
 * Several functions measured in turns (a, b, c, a, b, c, ...), so that load on the machine falls on
 * each alike: for comparisons such as ours against docxtemplater. Records wall and CPU time.
 */
export async function measureInterleaved(
  cases: readonly { name: string; fn: () => unknown | Promise<unknown>; goalMs?: number }[],
  { runs = 15, warmup = 3 }: { runs?: number; warmup?: number } = {},
): Promise<Measurement[]> {
  for (let i = 0; i < warmup; i++) for (const c of cases) await c.fn();
  const wall = cases.map(() => [] as number[]);
  const cpu = cases.map(() => [] as number[]);
  for (let i = 0; i < runs; i++)
    for (const [j, c] of cases.entries()) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await c.fn();
      wall[j]!.push(performance.now() - t0);
      const used = process.cpuUsage(c0);
      cpu[j]!.push((used.user + used.system) / 1000);
    }
  return cases.map((c, j) => {
    const times = wall[j]!.sort((a, b) => a - b);
    const cpuTimes = cpu[j]!.sort((a, b) => a - b);
    return {
      name: c.name,
      runs,
      medianMs: quantile(times, 0.5),
      p95Ms: quantile(times, 0.95),
      minMs: times[0]!,
      goalMs: c.goalMs,
      cpuMedianMs: quantile(cpuTimes, 0.5),
    };
  });
}

export function formatTable(rows: Measurement[]): string {
  const head = ['measurement', 'runs', 'median ms', 'cpu ms', 'p95 ms', 'goal ms', 'note'];
  const body = rows.map((r) => [
    r.name,
    String(r.runs),
    r.medianMs.toFixed(2),
    r.cpuMedianMs === undefined ? '' : r.cpuMedianMs.toFixed(2),
    r.p95Ms.toFixed(2),
    r.goalMs === undefined ? '' : `${r.goalMs}${r.p95Ms <= r.goalMs ? ' ✓' : ' ✗'}`,
    r.note ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
