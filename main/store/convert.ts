import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { log } from '../logger';
import { PLAIN_HEADER, applyKey } from './cipher';

/** True when the file exists and starts with the plain SQLite header (a 0.1 store). */
export function isPlainDatabase(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(PLAIN_HEADER.length);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return n === head.length && head.equals(PLAIN_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

/** Row count of every table (FTS tables and their shadow tables included), for comparing two copies. */
export function tableCounts(db: Db): Record<string, number> {
  const names = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const name of names)
    counts[name] = db
      .prepare(`SELECT count(*) FROM "${name.replace(/"/g, '""')}"`)
      .pluck()
      .get() as number;
  return counts;
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

function removeQuietly(file: string): void {
  fs.rmSync(file, { force: true });
}

export type ConversionReport = { tables: number; rows: number };

/**
 * Encrypt a plain 0.1 database in place of the original, safely:
 * 1. VACUUM INTO a temporary copy (a consistent snapshot that includes the WAL);
 * 2. encrypt that copy with PRAGMA rekey (this fork has no sqlcipher_export);
 * 3. reopen the copy with the key and verify it: integrity_check and the row count of every table
 *    must match the original;
 * 4. only then close the original, remove its -wal/-shm (a plain WAL beside an encrypted file would be
 *    read as damage) and rename the encrypted copy over it.
 * A crash before step 4 leaves the original untouched and a temporary file that the next attempt replaces.
 */
export function convertPlainDatabase(file: string, key: Buffer, nativeBinding?: string): ConversionReport {
  const opts = nativeBinding ? { nativeBinding } : {};
  const tmp = `${file}.encrypting.tmp`;
  for (const f of [tmp, ...SIDE_FILES.map((s) => tmp + s)]) removeQuietly(f);

  const source = new Database(file, opts);
  let expected: Record<string, number>;
  try {
    source.pragma('wal_checkpoint(TRUNCATE)');
    expected = tableCounts(source);
    source.prepare('VACUUM INTO ?').run(tmp);
  } catch (error) {
    source.close();
    removeQuietly(tmp);
    throw error;
  }

  try {
    const copy = new Database(tmp, opts);
    try {
      copy.pragma(`cipher = 'sqlcipher'`);
      copy.pragma('legacy = 4');
      copy.pragma(`rekey = "x'${key.toString('hex')}'"`);
    } finally {
      copy.close();
    }
    if (isPlainDatabase(tmp)) throw new Error('the encrypted copy still has a plain header');

    const check = new Database(tmp, { ...opts, readonly: true });
    try {
      applyKey(check, key);
      const integrity = check.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw new Error(`the encrypted copy failed integrity_check: ${String(integrity)}`);
      const got = tableCounts(check);
      if (JSON.stringify(got) !== JSON.stringify(expected)) throw new Error('the encrypted copy has different row counts');
    } finally {
      check.close();
    }
  } catch (error) {
    source.close();
    for (const f of [tmp, ...SIDE_FILES.map((s) => tmp + s)]) removeQuietly(f);
    throw error;
  }

  source.close();
  for (const s of SIDE_FILES) removeQuietly(file + s);
  fs.renameSync(tmp, file);
  const rows = Object.values(expected).reduce((a, b) => a + b, 0);
  log.info(`encrypted the existing database (${Object.keys(expected).length} tables)`);
  return { tables: Object.keys(expected).length, rows };
}
