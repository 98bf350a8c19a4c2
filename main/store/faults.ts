import { AppError } from '../../shared/result';

/**
 * SQLite's storage errors in words for the coordinator: what happened and what to do. A failed
 * write inside a transaction is rolled back by SQLite, so "nothing was saved" is true for each.
 * Reads keep working in every case but a file that cannot be opened at all.
 */
const damageListeners = new Set<() => void>();
/** Told when a read meets a damaged page, so the full check (and recovery) runs at once. */
export function onDamageSeen(listener: () => void): () => void {
  damageListeners.add(listener);
  return () => damageListeners.delete(listener);
}

export function storageFault(error: unknown): AppError | null {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC')
    return new AppError(
      'storage',
      'The disk is full, so this change was not saved. Free some space (empty the bin, move large files) and try again. Everything saved before is safe and can still be viewed.',
    );
  if (code.startsWith('SQLITE_READONLY'))
    return new AppError(
      'storage',
      'The data folder cannot be written to, so this change was not saved. You can still view your records. Check that the folder is not read-only or on a locked drive, then restart Concordat.',
    );
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new AppError(
      'storage',
      'Another program is using the database file, so this change was not saved. Close any other copy of Concordat or any program that has the data folder open (a backup or sync tool), then try again.',
    );
  if (code.startsWith('SQLITE_CANTOPEN'))
    return new AppError(
      'storage',
      'Concordat cannot open its database file. Check that the data folder exists, that there is a file (not a folder) named concordat.sqlite3 in it, and that you can write to it, then restart Concordat.',
    );
  if (code.startsWith('SQLITE_IOERR'))
    return new AppError(
      'storage',
      'The computer could not read or write the data folder, so this change was not saved. If it is on a USB stick or network drive, check it is connected, then try again.',
    );
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) {
    for (const l of damageListeners) l();
    return new AppError(
      'storage',
      'Part of the database could not be read because it is damaged. Nothing was changed. Concordat is checking the database now and will set the damaged file aside and restore your newest backup if it needs to: a notice in Settings, Backups will say what it did.',
    );
  }
  return null;
}
