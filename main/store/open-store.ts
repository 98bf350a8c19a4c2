import fs from 'node:fs';
import path from 'node:path';
import type { Dispatch } from '../ipc/dispatcher';
import { configureLogFile } from '../logger';
import { BackupService } from './backup-service';
import type { BackupServiceOptions } from './backup-service';
import { openStoreWithRecovery, readMarker } from './damage';
import { DATABASE_FILE } from './database';
import { StoreNotices } from './notices';
import { SimpleStore } from './store-access';

export type OpenedStore = { store: SimpleStore; backups: BackupService; uncleanShutdown: boolean; close: () => void };

/**
 * Open the data folder's store for a host: the log file, the damage checks and recovery, then
 * backups and the checks that run later. `close` makes the last backup and marks a clean close.
 */
export function openStoreForHost(dataDir: string, options: BackupServiceOptions & { key?: Buffer | null } = {}): OpenedStore {
  fs.mkdirSync(dataDir, { recursive: true });
  configureLogFile(dataDir);
  const dbPath = path.join(dataDir, DATABASE_FILE);
  const uncleanShutdown = readMarker(dataDir) !== null;
  const notices = options.notices ?? new StoreNotices();
  const key = options.key ?? null;
  const db = openStoreWithRecovery({ dataDir, dbPath, key, notices });
  const store = new SimpleStore(dataDir, db, key);
  const backups = new BackupService(store, { ...options, notices });
  backups.start(uncleanShutdown);
  let closed = false;
  return {
    store,
    backups,
    uncleanShutdown,
    close: () => {
      if (closed) return;
      closed = true;
      backups.beforeClose(store.db());
      store.close();
      backups.afterClose();
    },
  };
}

/** After every call, let the backup service note a write (see BackupService.afterCall). */
export function withAfterCall(dispatch: Dispatch, after: () => void): Dispatch {
  return async (channel, payload) => {
    const result = await dispatch(channel, payload);
    after();
    return result;
  };
}

export function backupDirFromArgs(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--backup-dir') return argv[i + 1];
    if (a.startsWith('--backup-dir=')) return a.slice('--backup-dir='.length);
  }
  return undefined;
}
