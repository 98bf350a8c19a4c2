import path from 'node:path';
import type { Dispatch } from '../ipc/dispatcher';
import { configureLogFile } from '../logger';
import { ledgerForDataDir, reapplyErasures, setLedgerKeySource } from '../privacy/ledger';
import { registerAfterRestore, runAfterRestoreHooks } from './after-restore';
import { BackupService } from './backup-service';
import type { BackupServiceOptions } from './backup-service';
import { openStoreWithRecovery, readMarker, removeMarker } from './damage';
import { StoreHolder } from './holder';
import type { StoreHolderOptions } from './holder';
import { onDamageSeen } from './faults';
import { StoreNotices } from './notices';
import { useNativeBinding } from './store-access';

export type AppStore = { store: StoreHolder; backups: BackupService };

// The erasure ledger (main/privacy/ledger.ts) is encrypted under the key of the store it sits beside.
// While a store is being opened (recovery from damage restores a backup before the holder is
// unlocked) the key being opened with is the one to use.
const openStores = new Map<string, { holder: StoreHolder; opening: Buffer | null }>();
setLedgerKeySource((dir) => {
  const entry = openStores.get(path.resolve(dir));
  if (!entry) return null;
  return entry.opening ?? (entry.holder.state === 'unlocked' ? entry.holder.key() : null);
});

/**
 * The store as the hosts run it: the holder opens the file through the damage checks and recovery
 * (damage.ts); on unlock the backup service starts (a backup when the newest is over a day old, the
 * 30-minute timer, the full check after an unclean shutdown or weekly); before each lock or quit it
 * makes a last backup when something changed and marks the close as clean.
 */
export function createAppStore(options: StoreHolderOptions & { backups?: BackupServiceOptions }): AppStore {
  const dataDir = path.resolve(options.dataDir);
  configureLogFile(dataDir);
  // Backups and checks open their own connections with the same build of the driver.
  useNativeBinding(options.nativeBinding);
  const notices = options.backups?.notices ?? new StoreNotices();
  let uncleanShutdown = false;
  const store = new StoreHolder({
    ...options,
    openStore: (dbPath, key, openOptions) => {
      uncleanShutdown = readMarker(dataDir) !== null;
      const entry = openStores.get(dataDir);
      if (entry) entry.opening = key;
      try {
        return openStoreWithRecovery({ dataDir, dbPath, key, notices, options: openOptions, onRestored: runAfterRestoreHooks });
      } finally {
        if (entry) entry.opening = null;
      }
    },
  });
  const entry = { holder: store, opening: null as Buffer | null };
  openStores.set(dataDir, entry);
  // A restored copy may be older than an erasure: every erasure in the ledger is made again in it
  // before anyone can read it (restores from Settings, and recovery from damage at start).
  registerAfterRestore((db) => {
    if (openStores.get(dataDir) === entry) reapplyErasures(db, ledgerForDataDir(dataDir));
  });
  const backups = new BackupService(store, { ...options.backups, notices });
  // Damage and recovery are also said on the unlock screen's first view (store.status), once.
  notices.onAdd((n) => store.notify(`${n.title}. ${n.message}`));
  store.onUnlocked(() => backups.start(uncleanShutdown));
  onDamageSeen(() => backups.checkSoon());
  store.onBeforeClose((db) => {
    backups.beforeClose(db);
    // Empty the log before the close mark goes: a crash between the two then leaves no log to doubt.
    // If another connection (a background backup) keeps the log from emptying, the mark stays and
    // the next start is treated as unclean: a full check, never a false alarm.
    const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (r?.busy === 0) removeMarker(dataDir);
  });
  return { store, backups };
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
