import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { handlers } from '../../../main/handlers';
import { createDispatcher } from '../../../main/ipc/dispatcher';
import type { Dispatch } from '../../../main/ipc/dispatcher';
import { openStoreForHost, withAfterCall } from '../../../main/store/open-store';
import type { OpenedStore } from '../../../main/store/open-store';
import type { BackupServiceOptions } from '../../../main/store/backup-service';
import { DATABASE_FILE } from '../../../main/store/database';
import { person } from '../partners/helpers';
import { testHost } from '../../helpers/db';

/** A fixed raw key, as the store holder passes to SQLCipher (no KDF in tests). */
export const TEST_KEY = crypto.createHash('sha256').update('concordat backups test key').digest();

export type TestStore = OpenedStore & { dispatch: Dispatch; dataDir: string; dbPath: string };

/** Open a data folder the way a host does, with the real dispatcher (and backups) over it. */
export function openTestStore(dataDir: string, options: BackupServiceOptions & { key?: Buffer | null } = {}): TestStore {
  const opened = openStoreForHost(dataDir, { key: TEST_KEY, ...options });
  const host = { ...testHost(dataDir), backups: opened.backups };
  const dispatch = withAfterCall(
    createDispatcher(handlers, {
      get db() {
        return opened.store.db();
      },
      host,
    }),
    () => opened.backups.afterCall(),
  );
  return { ...opened, dispatch, dataDir, dbPath: path.join(dataDir, DATABASE_FILE) };
}

export const addPerson = (db: Database, name: string) => person(db, { name });
export const names = (db: Database) => (db.prepare('SELECT name FROM people ORDER BY id').all() as { name: string }[]).map((r) => r.name);

export const quarantineFolders = (dataDir: string) => {
  const q = path.join(dataDir, 'quarantine');
  return fs.existsSync(q) ? fs.readdirSync(q).map((d) => path.join(q, d)) : [];
};

/** Simulate kill -9: the handle is dropped without closing, so the log and the open marker stay. */
export function crash(t: TestStore): void {
  t.backups.stop();
  // better-sqlite3 has no way to drop a handle without closing it; copying the files first keeps
  // the state a killed process would leave behind.
  const saved = ['', '-wal', '-shm'].map((s) => [t.dbPath + s, fs.existsSync(t.dbPath + s) ? fs.readFileSync(t.dbPath + s) : null] as const);
  const marker = path.join(t.dataDir, 'concordat.open.json');
  const markerBytes = fs.existsSync(marker) ? fs.readFileSync(marker) : null;
  t.store.db().close();
  for (const [file, bytes] of saved) {
    if (bytes) fs.writeFileSync(file, bytes);
    else fs.rmSync(file, { force: true });
  }
  if (markerBytes) fs.writeFileSync(marker, markerBytes);
}
