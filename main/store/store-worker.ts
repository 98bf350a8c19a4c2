/**
 * Backups and the full integrity check, run on a worker thread so a large store never freezes the
 * window. The worker opens its own read-only connection with the key: VACUUM INTO and
 * integrity_check read one consistent snapshot while the app goes on writing.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BackupReason } from '../../shared/backups';
import { configureLogFile } from '../logger';
import { createBackup, verifyBackupFile } from './backups';
import { openWithKey, useNativeBinding } from './store-access';

/** `dataDir` is given when the app writes a log file there, so the worker's lines join it. */
type Common = { dbPath: string; key: Uint8Array | null; nativeBinding?: string; dataDir?: string };
export type WorkerTask =
  (Common & { kind: 'backup'; dir: string; reason: BackupReason; at: string }) | (Common & { kind: 'check' });

export type WorkerReply =
  | { ok: true; kind: 'backup'; name: string }
  | { ok: true; kind: 'check'; passed: boolean; ms: number; problems: string[] }
  | { ok: false; message: string; code: string };

export function runTask(task: WorkerTask): WorkerReply {
  useNativeBinding(task.nativeBinding);
  const key = task.key ? Buffer.from(task.key) : null;
  try {
    if (task.kind === 'check') {
      const r = verifyBackupFile(task.dbPath, key);
      return { ok: true, kind: 'check', passed: r.ok, ms: r.ms, problems: r.problems };
    }
    const db = openWithKey(task.dbPath, key, { readonly: true, fileMustExist: true });
    try {
      const meta = createBackup(db, key, task.dir, task.reason, new Date(task.at));
      return { ok: true, kind: 'backup', name: meta.name };
    } finally {
      db.close();
    }
  } catch (error) {
    return {
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      code: (error as { code?: string }).code ?? '',
    };
  } finally {
    key?.fill(0);
  }
}

if (parentPort && workerData && (workerData as { concordatStoreTask?: boolean }).concordatStoreTask) {
  const task = (workerData as { task: WorkerTask }).task;
  // The worker's lines go to the same log file as the app's.
  if (task.dataDir) configureLogFile(task.dataDir);
  parentPort.postMessage(runTask(task));
}
