import fs from 'node:fs';
import path from 'node:path';
import type { Database as Db } from 'better-sqlite3';
import type { BackupCreated, BackupReason, BackupsOverview, BackupSummary, RestoreOutcome } from '../../shared/backups';
import { BACKUP_CAP_DEFAULT_BYTES } from '../../shared/backups';
import { AppError } from '../../shared/result';
import { log, logFilePath } from '../logger';
import { backupsDir, createBackup, deleteBackup, importBackupFile, listBackups, swapInBackup, verifyBackupFile } from './backups';
import type { BackupMeta } from './backups';
import { recoverFromBackup, writeMarker } from './damage';
import { StoreNotices, plainTime } from './notices';
import { runInWorker } from './run-in-worker';
import { runTask } from './store-worker';
import { backupsToKeep, DAY_MS } from './retention';
import type { StoreAccess } from './store-access';
import { runAfterRestoreHooks } from './after-restore';

export const AUTO_BACKUP_EVERY_MS = 30 * 60 * 1000;
export const FULL_CHECK_EVERY_MS = 7 * DAY_MS;
/** The full check waits until start-up is over and the first screen has drawn. */
const FULL_CHECK_DELAY_MS = 5_000;

type BackupSettings = { capBytes: number; secondFolder: string | null; lastFullCheck: string | null };
const SETTINGS_FILE = 'backup-settings.json';

export type BackupServiceOptions = {
  /** A second folder given on the command line (browser host); it wins over the saved one. */
  secondFolder?: string | null;
  /** Electron's folder dialog; absent in the browser host, where the folder comes from --backup-dir. */
  chooseFolder?: () => Promise<string | null>;
  /** Electron's open dialog for a backup file. */
  chooseBackupFile?: () => Promise<string | null>;
  now?: () => Date;
  /** Run background tasks in this thread, at once (tests that need them finished before going on). */
  inline?: boolean;
  /** Notices raised while opening (damage found) are shown with the service's own. */
  notices?: StoreNotices;
};

const toSummary = ({
  name,
  createdAt,
  reason,
  sizeBytes,
  verified,
  writeMs,
  verifyMs,
  schemaVersion,
}: BackupMeta): BackupSummary => ({
  name,
  createdAt,
  reason,
  sizeBytes,
  verified,
  writeMs,
  verifyMs,
  schemaVersion,
});

/**
 * Backups, restore and the store's health for one data folder: automatic backups (on open when the
 * newest is over a day old, every 30 minutes while there are changes, on close), retention, the
 * optional second folder, the full integrity check off the critical path, and the notices.
 */
export class BackupService {
  readonly notices: StoreNotices;
  private settings: BackupSettings;
  private timer: NodeJS.Timeout | null = null;
  private checkTimer: NodeJS.Timeout | null = null;
  private baseline: { db: Db | null; changes: number } = { db: null, changes: 0 };
  private readonly now: () => Date;

  constructor(
    readonly store: StoreAccess,
    readonly options: BackupServiceOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.notices = options.notices ?? new StoreNotices();
    this.settings = this.readSettings();
  }

  get folder(): string {
    return backupsDir(this.store.dataDir);
  }

  get secondFolder(): string | null {
    return this.options.secondFolder ?? this.settings.secondFolder;
  }

  private readSettings(): BackupSettings {
    const fallback: BackupSettings = { capBytes: BACKUP_CAP_DEFAULT_BYTES, secondFolder: null, lastFullCheck: null };
    try {
      return { ...fallback, ...(JSON.parse(fs.readFileSync(path.join(this.store.dataDir, SETTINGS_FILE), 'utf8')) as object) };
    } catch {
      return fallback;
    }
  }

  private saveSettings(): void {
    const file = path.join(this.store.dataDir, SETTINGS_FILE);
    fs.writeFileSync(`${file}.partial`, JSON.stringify(this.settings, null, 2));
    fs.renameSync(`${file}.partial`, file);
  }

  private changes(db: Db): number {
    return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  }

  /** Has anything been written since the last backup? (total_changes counts this connection's writes.) */
  hasChangesSinceBackup(): boolean {
    const db = this.store.db();
    const n = this.changes(db);
    return db !== this.baseline.db ? n > 0 : n !== this.baseline.changes;
  }

  private resetBaseline(db: Db): void {
    this.baseline = { db, changes: this.changes(db) };
  }

  /** After each contract call: when it wrote, record where the log stands (how a lost log is noticed). */
  afterCall(): void {
    try {
      const db = this.store.db();
      const n = this.changes(db);
      if (db === this.lastSeen.db && n === this.lastSeen.changes) return;
      this.lastSeen = { db, changes: n };
      writeMarker(this.store.dataDir, this.store.dbPath, this.openedAt);
    } catch {
      // Locked, or the marker could not be written: neither must fail the call that just succeeded.
    }
  }
  private lastSeen: { db: Db | null; changes: number } = { db: null, changes: 0 };
  private openedAt = new Date().toISOString();

  overview(): BackupsOverview {
    const backups = listBackups(this.folder);
    const second = this.secondFolder;
    return {
      backups: backups.map(toSummary),
      folder: this.folder,
      secondFolder: second,
      secondFolderMissing: second !== null && !fs.existsSync(second),
      canChooseFolder: !!this.options.chooseFolder,
      capBytes: this.settings.capBytes,
      totalBytes: backups.reduce((s, b) => s + b.sizeBytes, 0),
      lastFullCheck: this.settings.lastFullCheck,
      notices: this.notices.all(),
      logFile: logFilePath(),
    };
  }

  /** Write one verified backup, copy it to the second folder when there is one, apply retention. */
  create(reason: BackupReason, db: Db = this.store.db(), keep?: string): BackupCreated {
    const meta = createBackup(db, this.store.key(), this.folder, reason, this.now());
    if (db === this.store.db()) this.resetBaseline(db);
    return this.afterBackup(meta, keep);
  }

  /**
   * The same, on a worker thread with its own connection (the timers and the start-of-day backup):
   * a large store is copied and checked without freezing the window.
   */
  async createInBackground(reason: BackupReason): Promise<BackupCreated | null> {
    if (this.busy) return null;
    this.busy = true;
    try {
      const db = this.store.db();
      const changesAtStart = this.changes(db);
      const task = {
        kind: 'backup' as const,
        dbPath: this.store.dbPath,
        key: this.store.key(),
        dir: this.folder,
        reason,
        at: this.now().toISOString(),
        ...this.binding(),
      };
      const reply = this.options.inline ? runTask(task) : await runInWorker(task);
      if (!reply.ok) throw new AppError('storage', `The automatic backup did not finish (${reply.code || reply.message}).`);
      if (reply.kind !== 'backup') return null;
      if (db === this.store.db()) this.baseline = { db, changes: changesAtStart };
      const meta = listBackups(this.folder).find((b) => b.name === reply.name);
      return meta ? this.afterBackup(meta) : null;
    } finally {
      this.busy = false;
    }
  }
  private busy = false;

  private binding(): { nativeBinding?: string; dataDir?: string } {
    const nativeBinding = this.store.openOptions?.().nativeBinding;
    const dataDir = logFilePath() ? this.store.dataDir : undefined;
    return { ...(nativeBinding ? { nativeBinding } : {}), ...(dataDir ? { dataDir } : {}) };
  }

  /** `keep` names a backup retention must not remove now (the one about to be restored). */
  private afterBackup(meta: BackupMeta, keep?: string): BackupCreated {
    let secondFolderCopied = false;
    let warning: string | null = null;
    const second = this.secondFolder;
    if (second) {
      if (!fs.existsSync(second)) {
        warning = `The second backup folder (${second}) cannot be found, so the backup was kept only in ${this.folder}. Reconnect the drive, or choose another folder.`;
      } else {
        try {
          fs.copyFileSync(meta.file, path.join(second, meta.name));
          fs.copyFileSync(`${meta.file}.json`, path.join(second, `${meta.name}.json`));
          secondFolderCopied = true;
          this.prune(second);
        } catch (error) {
          log.warn('could not copy the backup to the second folder', error);
          warning = `The backup could not be copied to the second folder (${second}). It is kept in ${this.folder}.`;
        }
      }
    }
    this.prune(this.folder, keep);
    return { backup: toSummary(meta), secondFolderCopied, warning };
  }

  private prune(dir: string, keepAlso?: string): void {
    const all = listBackups(dir);
    const keep = backupsToKeep(
      all.map((b) => ({ name: b.name, createdAt: new Date(b.createdAt), sizeBytes: b.sizeBytes })),
      this.now(),
      this.settings.capBytes,
    );
    for (const b of all) if (!keep.has(b.name) && b.name !== keepAlso) deleteBackup(b);
  }

  setCap(capBytes: number): void {
    this.settings.capBytes = capBytes;
    this.saveSettings();
    this.prune(this.folder);
  }

  async chooseSecondFolder(): Promise<string | null> {
    if (!this.options.chooseFolder) {
      throw new AppError(
        'invalid_request',
        'In the browser version, give the second backup folder when starting Concordat: npm run web -- --backup-dir PATH.',
      );
    }
    const chosen = await this.options.chooseFolder();
    if (chosen === null) return this.secondFolder;
    this.settings.secondFolder = chosen;
    this.saveSettings();
    return chosen;
  }

  clearSecondFolder(): void {
    this.settings.secondFolder = null;
    this.saveSettings();
  }

  /**
   * Replace the live database with a backup. The current state is backed up first (so the restore
   * can be undone), then the file is swapped in place through the store, without restarting.
   */
  restore(source: { name: string } | { bytes: Buffer; modifiedAt: Date } | { file: string }): RestoreOutcome {
    const key = this.store.key();
    let target: BackupMeta;
    if ('name' in source) {
      const found = listBackups(this.folder).find((b) => b.name === source.name);
      if (!found) throw new AppError('not_found', 'That backup is no longer there. Refresh the list and choose another.');
      target = found;
    } else if ('bytes' in source) {
      target = importBackupFile(source.bytes, key, this.folder, source.modifiedAt);
    } else {
      target = importBackupFile(fs.readFileSync(source.file), key, this.folder, fs.statSync(source.file).mtime);
    }
    const check = verifyBackupFile(target.file, key);
    if (!check.ok) throw new AppError('conflict', 'That backup failed its check, so it was not restored. Nothing was changed.');

    const undo = this.create('before-restore', this.store.db(), target.name);
    this.store.replaceWith((k) => swapInBackup(target.file, this.store.dbPath, k, this.store.openOptions?.()));
    const db = this.store.db();
    runAfterRestoreHooks(db);
    this.resetBaseline(db);
    this.afterCall();
    const message =
      `Restored the backup from ${plainTime(target.createdAt)}. Anything entered after that time is not in it. ` +
      `To undo, restore the backup made just now (${plainTime(undo.backup.createdAt)}).`;
    log.info('backup restored');
    return { restoredFrom: target.createdAt, undoBackup: undo.backup.name, message };
  }

  async restoreFromChosenFile(): Promise<RestoreOutcome | null> {
    if (!this.options.chooseBackupFile) throw new AppError('invalid_request', 'Choose the file in the page instead.');
    const file = await this.options.chooseBackupFile();
    return file ? this.restore({ file }) : null;
  }

  /** After the store opens: back up when the newest is over a day old, start the timers. */
  start(uncleanShutdown: boolean): void {
    const db = this.store.db();
    this.stopped = false;
    this.openedAt = this.now().toISOString();
    writeMarker(this.store.dataDir, this.store.dbPath, this.openedAt);
    this.resetBaseline(db);
    this.lastSeen = { db, changes: this.changes(db) };
    const newest = listBackups(this.folder).find((b) => b.verified);
    if (!newest || this.now().getTime() - new Date(newest.createdAt).getTime() > DAY_MS) {
      this.background(() => this.createInBackground('daily'));
    }
    if (this.secondFolder && !fs.existsSync(this.secondFolder)) {
      this.notices.add({
        tone: 'warning',
        title: 'The second backup folder cannot be found',
        message: `Backups are not being copied to ${this.secondFolder}. Reconnect the drive, or choose another folder in Settings, Backups.`,
      });
    }
    this.timer = setInterval(() => {
      this.background(async () => {
        if (this.hasChangesSinceBackup()) await this.createInBackground('automatic');
      });
    }, AUTO_BACKUP_EVERY_MS);
    this.timer.unref();
    const last = this.settings.lastFullCheck ? new Date(this.settings.lastFullCheck).getTime() : 0;
    if (uncleanShutdown || this.now().getTime() - last > FULL_CHECK_EVERY_MS) {
      this.checkTimer = setTimeout(() => this.background(() => this.fullCheckInBackground()), FULL_CHECK_DELAY_MS);
      this.checkTimer.unref();
    }
  }

  /** Before the store closes (quit or lock): a last backup when something changed, then a clean-close mark. */
  beforeClose(db: Db): void {
    this.stop();
    const changed = db !== this.baseline.db ? this.changes(db) > 0 : this.changes(db) !== this.baseline.changes;
    if (changed) this.safely(() => this.create('on-close', db));
  }

  private stopped = true;

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.checkTimer) clearTimeout(this.checkTimer);
    this.timer = this.checkTimer = null;
  }

  /**
   * The full integrity_check, on its own read-only connection (snapshot isolation lets writes go on).
   * When it finds damage, the live files are quarantined and the newest verified backup restored, as
   * at start. `fullCheck` runs here (tests); the app runs `fullCheckInBackground` on a worker thread.
   */
  fullCheck(): { ok: boolean; ms: number } {
    const result = verifyBackupFile(this.store.dbPath, this.store.key());
    return this.afterFullCheck(result.ok, result.ms, result.problems);
  }

  async fullCheckInBackground(): Promise<{ ok: boolean; ms: number } | null> {
    if (this.busy) return null;
    this.busy = true;
    try {
      const task = { kind: 'check' as const, dbPath: this.store.dbPath, key: this.store.key(), ...this.binding() };
      const reply = this.options.inline ? runTask(task) : await runInWorker(task);
      if (!reply.ok || reply.kind !== 'check') return null;
      // The store may have been locked or swapped while the check ran: then this result is stale.
      if (this.stopped) return null;
      return this.afterFullCheck(reply.passed, reply.ms, reply.problems);
    } finally {
      this.busy = false;
    }
  }

  private afterFullCheck(passed: boolean, ms: number, problems: string[]): { ok: boolean; ms: number } {
    log.info(`full integrity check: ${passed ? 'ok' : 'FAILED'} in ${ms.toFixed(0)} ms`);
    if (passed) {
      this.settings.lastFullCheck = this.now().toISOString();
      this.saveSettings();
      return { ok: true, ms };
    }
    log.warn(`integrity problems: ${problems.length}`);
    const newest = listBackups(this.folder).find((b) => b.verified);
    this.store.replaceWith((key) =>
      recoverFromBackup(
        {
          dataDir: this.store.dataDir,
          dbPath: this.store.dbPath,
          key,
          notices: this.notices,
          options: this.store.openOptions?.(),
          onRestored: runAfterRestoreHooks,
        },
        'integrity',
        newest,
      ),
    );
    const db = this.store.db();
    this.resetBaseline(db);
    this.lastSeen = { db: null, changes: 0 };
    this.afterCall();
    return { ok: false, ms };
  }

  private running: Promise<unknown> = Promise.resolve();

  /** A read met a damaged page: run the full check now (it restores the newest backup on failure). */
  checkSoon(): void {
    if (this.stopped || this.checkQueued) return;
    this.checkQueued = true;
    this.background(async () => {
      try {
        await this.fullCheckInBackground();
      } finally {
        this.checkQueued = false;
      }
    });
  }
  private checkQueued = false;

  private background(fn: () => Promise<unknown>): void {
    const task = fn().catch((error: unknown) =>
      this.safely(() => {
        throw error;
      }),
    );
    this.running = Promise.all([this.running, task]);
  }

  /** Resolves when the background backups and checks started so far have finished (tests, shutdown). */
  idle(): Promise<unknown> {
    return this.running;
  }

  private safely(fn: () => unknown): void {
    try {
      fn();
    } catch (error) {
      log.error('automatic backup or check failed', error);
      this.notices.add({
        tone: 'warning',
        title: 'An automatic backup or check did not finish',
        message: `${error instanceof AppError ? error.message : 'Something went wrong.'} Concordat will try again; you can also choose Back up now in Settings, Backups.`,
      });
    }
  }
}
