import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerAfterRestore } from '../../../main/store/after-restore';
import { backupsDir, listBackups, verifyBackupFile } from '../../../main/store/backups';
import { openWithKey } from '../../../main/store/store-access';
import type { BackupsOverview, BackupCreated, RestoreReply } from '../../../shared/backups';
import { tempDir } from '../../helpers/db';
import { addPerson, names, openTestStore } from './helpers';
import type { TestStore } from './helpers';

let open: TestStore[] = [];
const start = (dir = tempDir(), options: Parameters<typeof openTestStore>[1] = {}) => {
  const t = openTestStore(dir, options);
  open.push(t);
  return t;
};
afterEach(() => {
  for (const t of open) t.close();
  open = [];
});

async function call<T>(t: TestStore, channel: string, payload: unknown = {}): Promise<T> {
  const r = await t.dispatch(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

describe('backups', () => {
  it('backs up on first open, keyed with the store key, and each listed backup has passed integrity_check', async () => {
    const t = start();
    const list = await call<BackupsOverview>(t, 'backups.list');
    expect(list.backups).toHaveLength(1);
    expect(list.backups[0]).toMatchObject({ reason: 'daily', verified: true });
    const file = path.join(list.folder, list.backups[0]!.name);
    expect(fs.readFileSync(file).subarray(0, 15).toString()).not.toBe('SQLite format 3');
    expect(verifyBackupFile(file, t.key).ok).toBe(true);
    expect(verifyBackupFile(file, null).ok).toBe(false);
  });

  it('Back up now reports write and verify times apart; a backup taken during writes passes integrity_check', async () => {
    const t = start();
    const db = t.store.db();
    const insert = db.prepare("INSERT INTO audit_log (entity, entity_id, action, at) VALUES ('x', 1, 'y', '2026-01-01')");
    // Interleave writes with backups, as the 30-minute timer does while someone works.
    let created: BackupCreated | undefined;
    for (let round = 0; round < 3; round++) {
      db.transaction(() => {
        for (let i = 0; i < 2000; i++) insert.run();
      })();
      addPerson(db, `Person ${round}`);
      created = await call<BackupCreated>(t, 'backups.create');
    }
    expect(created!.backup.verified).toBe(true);
    expect(created!.backup.writeMs).toBeGreaterThanOrEqual(0);
    expect(created!.backup.verifyMs).toBeGreaterThanOrEqual(0);
    const newest = listBackups(backupsDir(t.dataDir))[0]!;
    const copy = openWithKey(newest.file, t.key, { readonly: true });
    expect(names(copy)).toEqual(['Person 0', 'Person 1', 'Person 2']);
    copy.close();
  });

  it('restores a backup in place without restarting, says when it is from, and can be undone', async () => {
    const t = start();
    addPerson(t.store.db(), 'Before');
    const made = await call<BackupCreated>(t, 'backups.create');
    addPerson(t.store.db(), 'After');
    const seen: string[][] = [];
    const unhook = registerAfterRestore((db) => seen.push(names(db)));

    const restored = await call<RestoreReply>(t, 'backups.restore', { source: 'list', name: made.backup.name });
    expect(restored.canceled).toBe(false);
    if (restored.canceled) return;
    expect(restored.restoredFrom).toBe(made.backup.createdAt);
    expect(restored.message).toMatch(/^Restored the backup from \d+ \w+ \d{4} at \d\d:\d\d\./);
    expect(names(t.store.db())).toEqual(['Before']);
    expect(seen).toEqual([['Before']]);
    // The same dispatcher keeps working on the restored database.
    expect((await t.dispatch('settings.get', {})).ok).toBe(true);

    const undo = await call<RestoreReply>(t, 'backups.restore', { source: 'list', name: restored.undoBackup });
    expect(undo.canceled).toBe(false);
    expect(names(t.store.db())).toEqual(['Before', 'After']);
    unhook();
  });

  it('restores from an uploaded backup file only when it opens with the key', async () => {
    const b = start();
    addPerson(b.store.db(), 'In the file');
    const made = await call<BackupCreated>(b, 'backups.create');
    const file = path.join(backupsDir(b.dataDir), made.backup.name);
    const bytes = fs.readFileSync(file);
    // The copy now lives only outside the app (a USB stick), as after a move to a new laptop.
    fs.rmSync(file);
    fs.rmSync(`${file}.json`);
    addPerson(b.store.db(), 'Current');
    const r = await call<RestoreReply>(b, 'backups.restore', {
      source: 'upload',
      base64: bytes.toString('base64'),
      modifiedAt: '2026-11-30T10:00:00.000Z',
    });
    expect(r.canceled === false && r.restoredFrom).toBe('2026-11-30T10:00:00.000Z');
    expect(names(b.store.db())).toEqual(['In the file']);

    const junk = await b.dispatch('backups.restore', { source: 'upload', base64: Buffer.alloc(8192, 7).toString('base64') });
    expect(junk).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    // A backup of another store (another data key) does not open with this one's key.
    const other = start();
    const theirs = await call<BackupCreated>(other, 'backups.create');
    const theirBytes = fs.readFileSync(path.join(backupsDir(other.dataDir), theirs.backup.name));
    expect((await b.dispatch('backups.restore', { source: 'upload', base64: theirBytes.toString('base64') })).ok).toBe(false);
    // Nor does a plain SQLite file.
    const plainFile = path.join(tempDir(), 'plain.sqlite3');
    const plainDb = openWithKey(plainFile, null);
    plainDb.exec('CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT)');
    plainDb.close();
    const refused = await b.dispatch('backups.restore', {
      source: 'upload',
      base64: fs.readFileSync(plainFile).toString('base64'),
    });
    expect(refused.ok).toBe(false);
    expect(names(b.store.db())).toEqual(['In the file']);
  });

  it('refuses a name that is not a backup, and a path from the page', async () => {
    const t = start();
    for (const name of ['../concordat.sqlite3', '/etc/passwd', 'concordat-x.sqlite3']) {
      const r = await t.dispatch('backups.restore', { source: 'list', name });
      expect(r.ok).toBe(false);
    }
    expect((await t.dispatch('backups.restore', { source: 'path', file: '/tmp/x' })).ok).toBe(false);
  });

  it('copies each backup to a second folder, and warns when that folder is missing', async () => {
    const second = tempDir();
    const t = start(tempDir(), { secondFolder: second });
    const made = await call<BackupCreated>(t, 'backups.create');
    expect(made.secondFolderCopied).toBe(true);
    expect(fs.existsSync(path.join(second, made.backup.name))).toBe(true);
    expect(verifyBackupFile(path.join(second, made.backup.name), t.key).ok).toBe(true);

    fs.rmSync(second, { recursive: true });
    const again = await call<BackupCreated>(t, 'backups.create');
    expect(again.secondFolderCopied).toBe(false);
    expect(again.warning).toMatch(/cannot be found/);
    expect((await call<BackupsOverview>(t, 'backups.list')).secondFolderMissing).toBe(true);
    // In the browser host the folder comes from --backup-dir, never from the page.
    expect(await t.dispatch('backups.chooseFolder', {})).toMatchObject({ ok: false });
  });

  it('keeps the size cap the coordinator sets', async () => {
    const t = start();
    for (let i = 0; i < 3; i++) await call(t, 'backups.create');
    const before = await call<BackupsOverview>(t, 'backups.list');
    expect(before.backups.length).toBe(4);
    const after = await call<BackupsOverview>(t, 'backups.updateSettings', { capBytes: 50 * 1024 * 1024 });
    expect(after.capBytes).toBe(50 * 1024 * 1024);
    expect((await t.dispatch('backups.updateSettings', { capBytes: 1000 })).ok).toBe(false);
  });

  it('backs up on close when something changed, and on open when the newest backup is over a day old', async () => {
    const dir = tempDir();
    const t = openTestStore(dir);
    addPerson(t.store.db(), 'Late change');
    t.close();
    const all = listBackups(backupsDir(dir));
    expect(all.map((b) => b.reason)).toEqual(['on-close', 'daily']);

    const later = openTestStore(dir, { now: () => new Date(Date.now() + 2 * 24 * 3600_000) });
    // Two days on, retention keeps one backup of that earlier day: the newest (on close).
    expect(listBackups(backupsDir(dir)).map((b) => b.reason)).toEqual(['daily', 'on-close']);
    later.close();
    // Nothing changed in that session, so no backup on close.
    expect(listBackups(backupsDir(dir))).toHaveLength(2);
  });
});

describe('backups on a worker thread', () => {
  it('the automatic backup and the full check run off the main thread and give the same results', async () => {
    const t = start(tempDir(), { inline: false });
    // The start-of-day backup is already running on its worker.
    await t.backups.idle();
    expect(listBackups(backupsDir(t.dataDir)).map((b) => b.reason)).toEqual(['daily']);
    addPerson(t.store.db(), 'In the background');
    const made = await t.backups.createInBackground('automatic');
    expect(made?.backup).toMatchObject({ reason: 'automatic', verified: true });
    const copy = openWithKey(path.join(backupsDir(t.dataDir), made!.backup.name), t.key, { readonly: true });
    expect(names(copy)).toEqual(['In the background']);
    copy.close();
    expect(t.backups.hasChangesSinceBackup()).toBe(false);
    expect(await t.backups.fullCheckInBackground()).toMatchObject({ ok: true });
    expect((await call<BackupsOverview>(t, 'backups.list')).lastFullCheck).not.toBeNull();
    await t.backups.idle();
  });

  it('restoring an old imported backup is not undone by retention making room for the undo copy', async () => {
    const t = start();
    addPerson(t.store.db(), 'Old');
    const made = await call<BackupCreated>(t, 'backups.create');
    const bytes = fs.readFileSync(path.join(backupsDir(t.dataDir), made.backup.name));
    addPerson(t.store.db(), 'New');
    // From a file last changed a year ago: retention alone would not keep it.
    const r = await call<RestoreReply>(t, 'backups.restore', {
      source: 'upload',
      base64: bytes.toString('base64'),
      modifiedAt: '2025-11-01T09:00:00.000Z',
    });
    expect(r.canceled).toBe(false);
    expect(names(t.store.db())).toEqual(['Old']);
  });
});
