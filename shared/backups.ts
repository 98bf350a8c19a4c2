/** What the coordinator sees about backups and about damage found in the store. */
export type BackupReason = 'automatic' | 'manual' | 'on-close' | 'before-restore' | 'imported' | 'daily';

export type BackupSummary = {
  name: string;
  /** When the copy was taken (ISO 8601); for an imported file, when that file was last changed. */
  createdAt: string;
  reason: BackupReason;
  sizeBytes: number;
  verified: boolean;
  writeMs: number;
  verifyMs: number;
  schemaVersion: number;
};

/** Something the coordinator must be told about the store, in plain words. */
export type StoreNotice = {
  id: string;
  at: string;
  tone: 'warning' | 'error' | 'info';
  title: string;
  message: string;
};

export type BackupsOverview = {
  backups: BackupSummary[];
  folder: string;
  secondFolder: string | null;
  /** The second folder was chosen but cannot be found (an unplugged USB stick, a network drive offline). */
  secondFolderMissing: boolean;
  canChooseFolder: boolean;
  capBytes: number;
  totalBytes: number;
  lastFullCheck: string | null;
  notices: StoreNotice[];
  logFile: string | null;
};

export type BackupCreated = { backup: BackupSummary; secondFolderCopied: boolean; warning: string | null };

export type RestoreOutcome = {
  /** When the restored copy was taken. */
  restoredFrom: string;
  /** The backup of the state just replaced: restoring it undoes this restore. */
  undoBackup: string;
  message: string;
};

/** The reply to backups.restore: canceled when the user closed the file dialog. */
export type RestoreReply = ({ canceled: false } & RestoreOutcome) | { canceled: true };

export const BACKUP_CAP_DEFAULT_BYTES = 2 * 1024 * 1024 * 1024;
export const BACKUP_CAP_MIN_BYTES = 50 * 1024 * 1024;
/** An uploaded backup travels as base64 inside one request of the browser host (64 MB). */
export const BACKUP_UPLOAD_MAX_BYTES = 45 * 1024 * 1024;
