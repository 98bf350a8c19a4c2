import fs from 'node:fs';
import path from 'node:path';

export type BackupFile = { file: string; modifiedAt: string; bytes: number };

/**
 * The backups that may still hold someone's details. Until the backups area offers its own list,
 * this reads <data-dir>/backups/ (the backups branch can replace it with setBackupLister).
 */
let lister: ((dataDir: string) => BackupFile[]) | null = null;

export function setBackupLister(fn: ((dataDir: string) => BackupFile[]) | null): void {
  lister = fn;
}

export function listBackups(dataDir: string): BackupFile[] {
  if (lister) return lister(dataDir);
  const dir = path.join(dataDir, 'backups');
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => {
      const stat = fs.statSync(path.join(dir, name), { throwIfNoEntry: false });
      return stat?.isFile() ? { file: name, modifiedAt: stat.mtime.toISOString(), bytes: stat.size } : null;
    })
    .filter((b): b is BackupFile => b !== null)
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
}
