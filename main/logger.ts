/**
 * The product's logger. Writes to stderr so it never mixes with output a script parses,
 * and never logs request payloads: they may hold personal data.
 */
type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

let threshold: Level = (process.env.CONCORDAT_LOG_LEVEL as Level | undefined) ?? 'info';

export function setLogLevel(level: Level): void {
  threshold = level;
}

function write(level: Level, message: string, extra?: unknown): void {
  if (order[level] < order[threshold]) return;
  const line = `${new Date().toISOString()} ${level.toUpperCase()} ${message}`;
  process.stderr.write(extra === undefined ? `${line}\n` : `${line} ${formatExtra(extra)}\n`);
}

function formatExtra(extra: unknown): string {
  if (extra instanceof Error) return extra.stack ?? `${extra.name}: ${extra.message}`;
  try {
    return JSON.stringify(extra);
  } catch {
    return String(extra);
  }
}

export const log = {
  debug: (m: string, e?: unknown) => write('debug', m, e),
  info: (m: string, e?: unknown) => write('info', m, e),
  warn: (m: string, e?: unknown) => write('warn', m, e),
  error: (m: string, e?: unknown) => write('error', m, e),
};
