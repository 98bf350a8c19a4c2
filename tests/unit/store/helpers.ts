import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { handlers } from '../../../main/handlers';
import { createDispatcher } from '../../../main/ipc/dispatcher';
import type { Dispatch } from '../../../main/ipc/dispatcher';
import type { BackupServiceOptions } from '../../../main/store/backup-service';
import { DATABASE_FILE } from '../../../main/store/database';
import { TEST_KDF } from '../../../main/store/keys';
import { createAppStore, withAfterCall } from '../../../main/store/open-store';
import type { AppStore } from '../../../main/store/open-store';
import { person } from '../partners/helpers';
import { TEST_PASSPHRASE, testHost } from '../../helpers/db';

export type TestStore = AppStore & { dispatch: Dispatch; dataDir: string; dbPath: string; key: Buffer; close: () => void };

/** Open a data folder the way a host does (set up or unlock, fast test KDF), with the real dispatcher. */
export function openTestStore(dataDir: string, options: BackupServiceOptions = {}): TestStore {
  const app = createAppStore({ dataDir, kdf: TEST_KDF, backups: { inline: true, ...options } });
  if (app.store.state === 'needs-setup') app.store.setUp(TEST_PASSPHRASE);
  else app.store.unlock(TEST_PASSPHRASE);
  const host = { ...testHost(dataDir), backups: app.backups };
  const dispatch = withAfterCall(createDispatcher(handlers, { store: app.store, host }), () => app.backups.afterCall());
  return {
    ...app,
    dispatch,
    dataDir,
    dbPath: path.join(dataDir, DATABASE_FILE),
    key: app.store.key(),
    close: () => app.store.close(),
  };
}

export const addPerson = (db: Database, name: string) => person(db, { name });
export const names = (db: Database) =>
  (db.prepare('SELECT name FROM people ORDER BY id').all() as { name: string }[]).map((r) => r.name);

export const quarantineFolders = (dataDir: string) => {
  const q = path.join(dataDir, 'quarantine');
  return fs.existsSync(q) ? fs.readdirSync(q).map((d) => path.join(q, d)) : [];
};

/** Simulate kill -9: the store's files are left as a killed process leaves them (log and open marker kept). */
export function crash(t: TestStore): void {
  t.backups.stop();
  // better-sqlite3 cannot drop a handle without closing it (which checkpoints and removes the log),
  // so the files are copied first and put back after the close.
  const saved = ['', '-wal', '-shm'].map(
    (s) => [t.dbPath + s, fs.existsSync(t.dbPath + s) ? fs.readFileSync(t.dbPath + s) : null] as const,
  );
  const marker = path.join(t.dataDir, 'concordat.open.json');
  const markerBytes = fs.existsSync(marker) ? fs.readFileSync(marker) : null;
  t.store.db().close();
  for (const [file, bytes] of saved) {
    if (bytes) fs.writeFileSync(file, bytes);
    else fs.rmSync(file, { force: true });
  }
  if (markerBytes) fs.writeFileSync(marker, markerBytes);
}
