import { z } from 'zod';
import type { BackupCreated, BackupsOverview, RestoreReply } from '../backups';
import { BACKUP_CAP_MIN_BYTES, BACKUP_UPLOAD_MAX_BYTES } from '../backups';
import { channel, emptyRequest } from './common';

const backupName = z
  .string()
  .max(200)
  .regex(/^concordat-[0-9A-Za-z-]+\.sqlite3$/, 'Choose a backup from the list');

/**
 * Restore from the list by name, from a file the user picks in Electron's open dialog, or (browser
 * host) from the bytes of a file the user picked in the page. A path never comes from the page.
 */
export const restoreRequest = z.union([
  z.object({ source: z.literal('list'), name: backupName }).strict(),
  z.object({ source: z.literal('dialog') }).strict(),
  z
    .object({
      source: z.literal('upload'),
      base64: z
        .string()
        .max(
          Math.ceil(BACKUP_UPLOAD_MAX_BYTES / 3) * 4,
          'That file is too large to upload. Copy it into the backups folder instead.',
        )
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'That file could not be read'),
      modifiedAt: z.iso.datetime().optional(),
    })
    .strict(),
]);

export const backupSettingsRequest = z
  .object({
    capBytes: z
      .number()
      .int()
      .min(BACKUP_CAP_MIN_BYTES, 'Allow at least 50 MB for backups')
      .max(2 ** 50),
  })
  .strict();

const dismissRequest = z
  .object({
    id: z
      .string()
      .max(100)
      .regex(/^[\w.:-]*$/, 'Unknown notice'),
  })
  .strict();

export const backupsChannels = {
  'backups.list': channel<typeof emptyRequest, BackupsOverview>(emptyRequest),
  'backups.create': channel<typeof emptyRequest, BackupCreated>(emptyRequest),
  'backups.restore': channel<typeof restoreRequest, RestoreReply>(restoreRequest),
  'backups.updateSettings': channel<typeof backupSettingsRequest, BackupsOverview>(backupSettingsRequest),
  'backups.chooseFolder': channel<typeof emptyRequest, BackupsOverview>(emptyRequest),
  'backups.clearFolder': channel<typeof emptyRequest, BackupsOverview>(emptyRequest),
  'backups.dismissNotice': channel<typeof dismissRequest, BackupsOverview>(dismissRequest),
} as const;
