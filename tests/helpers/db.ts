import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { createDispatcher } from '../../main/ipc/dispatcher';
import type { Dispatch, HostServices } from '../../main/ipc/dispatcher';
import { handlers } from '../../main/handlers';
import { openDatabase } from '../../main/store/database';
import { StoreHolder } from '../../main/store/holder';
import { TEST_KDF } from '../../main/store/keys';

export function tempDir(prefix = 'concordat-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fully migrated database in a fresh temporary folder. */
export function createTestDb(): { db: Database; dataDir: string; cleanup: () => void } {
  const dataDir = tempDir();
  const db = openDatabase(dataDir);
  return {
    db,
    dataDir,
    cleanup: () => {
      db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function testHost(dataDir: string, saved: { name: string; bytes: Uint8Array }[] = []): HostServices {
  return {
    kind: 'browser',
    appVersion: '0.0.0-test',
    dataDir,
    saveFile: async ({ suggestedName, mimeType, bytes }) => {
      saved.push({ name: suggestedName, bytes });
      return { status: 'download', fileName: suggestedName, mimeType, base64: Buffer.from(bytes).toString('base64') };
    },
  };
}

/** A database plus the real dispatcher over it: handlers are tested by calling them. */
export function createTestApp(): {
  db: Database;
  dataDir: string;
  dispatch: Dispatch;
  saved: { name: string; bytes: Uint8Array }[];
  cleanup: () => void;
} {
  const t = createTestDb();
  const saved: { name: string; bytes: Uint8Array }[] = [];
  return { ...t, saved, dispatch: createDispatcher(handlers, { db: t.db, host: testHost(t.dataDir, saved) }) };
}

/** An encrypted store (fast test KDF) in a fresh folder, with the real dispatcher over its holder. */
export function createTestStore(
  options: { dataDir?: string; passphrase?: string | null; keychain?: HostServices['keychain'] } = {},
): {
  store: StoreHolder;
  dataDir: string;
  dispatch: Dispatch;
  recoveryKey: string | null;
  cleanup: () => void;
} {
  const dataDir = options.dataDir ?? tempDir();
  const store = new StoreHolder({ dataDir, kdf: TEST_KDF });
  const passphrase = options.passphrase === undefined ? TEST_PASSPHRASE : options.passphrase;
  const recoveryKey = passphrase !== null && store.state === 'needs-setup' ? store.setUp(passphrase).recoveryKey : null;
  const host = { ...testHost(dataDir), ...(options.keychain ? { keychain: options.keychain } : {}) };
  return {
    store,
    dataDir,
    recoveryKey,
    dispatch: createDispatcher(handlers, { store, host }),
    cleanup: () => {
      store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const TEST_PASSPHRASE = 'correct horse battery staple';
