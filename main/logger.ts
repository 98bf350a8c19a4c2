import fs from 'node:fs';
import path from 'node:path';

/**
 * The product's logger. Writes to stderr so it never mixes with output a script parses, and, once
 * the data folder is known, to a rotating log file there (logs/concordat.log, 1 MB, 3 older files
 * kept). It never logs request payloads or record content: they may hold personal data.
 */
type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

let threshold: Level = (process.env.CONCORDAT_LOG_LEVEL as Level | undefined) ?? 'info';

export function setLogLevel(level: Level): void {
  threshold = level;
}

export const LOG_FILE_MAX_BYTES = 1024 * 1024;
export const LOG_FILES_KEPT = 3;
let logFile: string | null = null;
let fileLevel: Level = 'info';
let fileBytes = 0;

/** Start writing to `<dataDir>/logs/concordat.log`. Returns the path, or null when it cannot be written. */
export function configureLogFile(dataDir: string, options: { maxBytes?: number; level?: Level } = {}): string | null {
  const dir = path.join(dataDir, 'logs');
  try {
    fs.mkdirSync(dir, { recursive: true });
    logFile = path.join(dir, 'concordat.log');
    fileBytes = fs.statSync(logFile, { throwIfNoEntry: false })?.size ?? 0;
    maxBytes = options.maxBytes ?? LOG_FILE_MAX_BYTES;
    fileLevel = options.level ?? 'info';
  } catch {
    logFile = null;
  }
  return logFile;
}
let maxBytes = LOG_FILE_MAX_BYTES;

export const logFilePath = (): string | null => logFile;

export function stopLogFile(): void {
  logFile = null;
}

function rotate(file: string): void {
  for (let i = LOG_FILES_KEPT; i >= 1; i--) {
    const from = i === 1 ? file : `${file}.${i - 1}`;
    if (fs.existsSync(from)) fs.renameSync(from, `${file}.${i}`);
  }
  fileBytes = 0;
}

function toFile(line: string): void {
  if (!logFile) return;
  try {
    if (fileBytes + line.length > maxBytes) rotate(logFile);
    fs.appendFileSync(logFile, line);
    fileBytes += Buffer.byteLength(line);
  } catch {
    // The log must never stop the app: a full disk is reported where it matters, by the store.
  }
}

function write(level: Level, message: string, extra?: unknown): void {
  const toStderr = order[level] >= order[threshold];
  const toLog = logFile !== null && order[level] >= order[fileLevel];
  if (!toStderr && !toLog) return;
  const head = `${new Date().toISOString()} ${level.toUpperCase()} ${message}`;
  const line = extra === undefined ? `${head}\n` : `${head} ${formatExtra(extra)}\n`;
  if (toStderr) process.stderr.write(line);
  if (toLog) toFile(line);
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
