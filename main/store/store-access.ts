import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { applyKey } from './cipher';
import type { OpenOptions } from './database';

/**
 * What backups and damage recovery need from the store. The store holder (main/store/holder.ts)
 * has this shape; `key()` is null for a plain database (tests and the interim wiring).
 * `replaceWith` closes the current handle, then calls `openNew` and serves the handle it returns.
 */
export type StoreAccess = {
  readonly dataDir: string;
  readonly dbPath: string;
  db(): Db;
  key(): Buffer | null;
  replaceWith(openNew: (key: Buffer | null) => Db): void;
  /** How the store opens its files (Electron's native binding, test migrations). */
  openOptions?(): OpenOptions;
};

let nativeBinding: string | undefined;
/** Electron loads its own build of the driver (see README, The database driver). */
export function useNativeBinding(file: string | undefined): void {
  nativeBinding = file;
}

/** Open a database file with the store's raw key (SQLCipher 4 layout), or plain when key is null. */
export function openWithKey(
  file: string,
  key: Buffer | null,
  options: { readonly?: boolean; fileMustExist?: boolean; nativeBinding?: string } = {},
): Db {
  const binding = options.nativeBinding ?? nativeBinding;
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? false,
    ...(binding ? { nativeBinding: binding } : {}),
  });
  if (key) {
    try {
      applyKey(db, key);
    } catch (error) {
      db.close();
      throw error;
    }
  }
  return db;
}

/** A store over one fixed plain or keyed file, for the browser host before unlocking exists and for tests. */
export class SimpleStore implements StoreAccess {
  readonly dbPath: string;
  private handle: Db;
  private readonly closeListeners: ((db: Db) => void)[] = [];
  constructor(
    readonly dataDir: string,
    handle: Db,
    private readonly rawKey: Buffer | null = null,
  ) {
    this.dbPath = handle.name;
    this.handle = handle;
  }
  db(): Db {
    return this.handle;
  }
  key(): Buffer | null {
    return this.rawKey;
  }
  replaceWith(openNew: (key: Buffer | null) => Db): void {
    if (this.handle.open) this.handle.close();
    this.handle = openNew(this.rawKey);
  }
  onBeforeClose(listener: (db: Db) => void): () => void {
    this.closeListeners.push(listener);
    return () => this.closeListeners.splice(this.closeListeners.indexOf(listener) >>> 0, 1);
  }
  close(): void {
    if (!this.handle.open) return;
    for (const l of this.closeListeners) l(this.handle);
    this.handle.close();
  }
}

/** The database file and the two files SQLite keeps beside it in WAL mode. */
export const companionFiles = (dbPath: string) => [dbPath, `${dbPath}-wal`, `${dbPath}-shm`];

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function fsyncDir(dir: string): void {
  // Directories cannot be opened for sync on Windows; the rename is still atomic there.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export const timestampForFile = (d: Date) => d.toISOString().replace(/[:.]/g, '-');

export const ensureDir = (dir: string) => {
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};

export const inDataDir = (dataDir: string, ...parts: string[]) => path.join(dataDir, ...parts);
