/**
 * Backups and the full integrity check, run on a worker thread so a large store never freezes the
 * window. The worker opens its own read-only connection with the key: VACUUM INTO and
 * integrity_check read one consistent snapshot while the app goes on writing.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BackupReason } from '../../shared/backups';
import { createBackup, verifyBackupFile } from './backups';
import { openWithKey, useNativeBinding } from './store-access';

export type WorkerTask =
  | {
      kind: 'backup';
      dbPath: string;
      key: Uint8Array | null;
      dir: string;
      reason: BackupReason;
      at: string;
      nativeBinding?: string;
    }
  | { kind: 'check'; dbPath: string; key: Uint8Array | null; nativeBinding?: string };

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
  parentPort.postMessage(runTask((workerData as { task: WorkerTask }).task));
}
