import { useQuery } from '@tanstack/react-query';
import { useBackUpNow, useChangeBackupSettings, useRestoreBackup } from '../settings/mutations';
import { settingsKeys } from '../settings/queries';
import type { TableColumn } from '../ui/data-table';
import { RecordTable, buttonColumn } from '../ui/data-table';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { ConfirmDialog } from '../ui/dialog';
import type { BackupReason, BackupSummary } from '../../../shared/backups';
import { BACKUP_UPLOAD_MAX_BYTES } from '../../../shared/backups';
import type { RequestOf } from '../../../shared/contract';
import { ApiError, call } from '../api/client';
import { TextInput } from '../ui/fields';
import { FileButton } from '../ui/file-button';
import { FormActions } from '../ui/form';
import { Notice } from '../ui/notice';
import './settings-backups.css';

const REASONS: Record<BackupReason, string> = {
  automatic: 'Automatic',
  daily: 'Daily',
  manual: 'Made by you',
  'on-close': 'On closing',
  'before-restore': 'Before a restore',
  imported: 'From a file',
};

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });
const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
const message = (error: unknown, fallback: string) => (error instanceof ApiError ? error.message : fallback);

/** What the list says of each backup; each row ends with its Restore button. */
const BACKUP_COLUMNS: TableColumn<BackupSummary>[] = [
  { key: 'when', label: 'When', render: (b) => when(b.createdAt) },
  { key: 'made', label: 'Made', render: (b) => REASONS[b.reason] },
  { key: 'size', label: 'Size', render: (b) => size(b.sizeBytes) },
  { key: 'checked', label: 'Checked', render: (b) => (b.verified ? 'Yes' : 'No') },
];

type Pending = { kind: 'list'; backup: BackupSummary } | { kind: 'upload'; file: File } | { kind: 'dialog' };

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The restore request for what the coordinator picked; a chosen file is read here, and one too large is refused first. */
async function restoreRequest(p: Pending): Promise<RequestOf<'backups.restore'>> {
  if (p.kind === 'list') return { source: 'list', name: p.backup.name };
  if (p.kind === 'dialog') return { source: 'dialog' };
  if (p.file.size > BACKUP_UPLOAD_MAX_BYTES) {
    throw new ApiError({
      code: 'invalid_request',
      message: `That file is larger than ${size(BACKUP_UPLOAD_MAX_BYTES)}. Copy it into the backups folder shown below, then restore it from the list.`,
    });
  }
  return { source: 'upload', base64: await toBase64(p.file), modifiedAt: new Date(p.file.lastModified).toISOString() };
}

/** Settings → Backups: the list, Back up now, Restore (confirmed, undoable), the size cap and where backups are kept. */
export function SettingsBackups() {
  const overview = useQuery({ queryKey: settingsKeys.backups, queryFn: () => call('backups.list', {}) });
  const [note, setNote] = useState<{ tone: 'error' | 'success' | 'info'; text: string } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [capMb, setCapMb] = useState<string | null>(null);
  const backUp = useBackUpNow({
    onSuccess: (r) =>
      setNote({
        tone: r.warning ? 'info' : 'success',
        text: `Backup made and checked (written in ${r.backup.writeMs} ms, checked in ${r.backup.verifyMs} ms).${r.warning ? ` ${r.warning}` : ''}`,
      }),
    onError: (e) => setNote({ tone: 'error', text: message(e, 'The backup could not be made.') }),
  });

  const restore = useRestoreBackup(restoreRequest, {
    onSuccess: (r) => {
      setPending(null);
      if (!r.canceled) setNote({ tone: 'success', text: r.message });
    },
    onError: (e) => {
      setPending(null);
      setNote({ tone: 'error', text: message(e, 'The backup could not be restored. Nothing was changed.') });
    },
  });

  const settings = useChangeBackupSettings({
    onSuccess: (_, req) => {
      if (req.kind === 'cap') {
        setCapMb(null);
        setNote({ tone: 'success', text: 'Backup space limit saved.' });
      }
    },
    onError: (e) => setNote({ tone: 'error', text: message(e, 'That setting could not be saved.') }),
  });

  const restoreColumn = buttonColumn<BackupSummary>({
    text: 'Restore',
    name: (b) => `Restore the backup from ${when(b.createdAt)}`,
    onPress: (b) => setPending({ kind: 'list', backup: b }),
  });

  if (overview.isError) return <Notice tone="error">{overview.error.message}</Notice>;
  const o = overview.data;
  const pendingWhen =
    pending?.kind === 'list'
      ? `the backup from ${when(pending.backup.createdAt)}`
      : pending?.kind === 'upload'
        ? `the backup file “${pending.file.name}”`
        : 'a backup file you choose';

  return (
    <section className="settings-backups" aria-labelledby="backups-heading">
      <h2 id="backups-heading">Backups</h2>
      {o?.notices.map((n) => (
        <div key={n.id} className="backup-notice">
          <Notice tone={n.tone === 'info' ? 'info' : 'error'}>
            <strong>{n.title}.</strong> {n.message}
          </Notice>
          <Button className="button" onPress={() => settings.mutate({ kind: 'dismiss', id: n.id })}>
            Dismiss
          </Button>
        </div>
      ))}
      <p>
        Concordat backs up your data when it starts (if the last backup is over a day old), every 30 minutes while you work, and
        when it closes. Each backup is encrypted with your passphrase’s key and checked before it is listed.
      </p>
      <FormActions>
        <Button className="button primary" isDisabled={backUp.isPending} onPress={() => backUp.mutate()}>
          {backUp.isPending ? 'Backing up…' : 'Back up now'}
        </Button>
        {o?.canChooseFolder ? (
          <Button className="button" onPress={() => setPending({ kind: 'dialog' })}>
            Restore from a file…
          </Button>
        ) : (
          <FileButton
            accept=".sqlite3"
            inputLabel="Backup file to restore"
            onFile={(file) => setPending({ kind: 'upload', file })}
          >
            Restore from a file…
          </FileButton>
        )}
      </FormActions>
      {note ? <Notice tone={note.tone}>{note.text}</Notice> : null}

      {!o ? (
        <p>Loading…</p>
      ) : o.backups.length === 0 ? (
        <p>There are no backups yet. Choose Back up now to make the first one.</p>
      ) : (
        <RecordTable
          label="Backups, newest first"
          className="backups-table"
          rows={o.backups}
          rowKey={(b) => b.name}
          columns={[...BACKUP_COLUMNS, restoreColumn]}
        />
      )}

      {o ? (
        <>
          <form
            className="backup-cap"
            onSubmit={(e) => {
              e.preventDefault();
              const mb = Number(capMb);
              if (!Number.isFinite(mb) || mb < 50) {
                setNote({ tone: 'error', text: 'Allow at least 50 MB for backups.' });
                return;
              }
              settings.mutate({ kind: 'cap', capBytes: Math.round(mb * 1024 * 1024) });
            }}
          >
            <TextInput
              label="Space for backups (MB)"
              type="number"
              value={capMb ?? String(Math.round(o.capBytes / 1024 / 1024))}
              onChange={setCapMb}
              description={`Backups now use ${size(o.totalBytes)}. Concordat keeps every backup from the last day, one a day for two weeks and one a week for three months, removing the oldest first when they need more space than this.`}
            />
            <Button type="submit" className="button" isDisabled={capMb === null || settings.isPending}>
              Save limit
            </Button>
          </form>
          <dl className="about" aria-label="Where backups are kept">
            <dt>Backups folder</dt>
            <dd>
              <code>{o.folder}</code>
            </dd>
            <dt>Second folder</dt>
            <dd>
              {o.secondFolder ? <code>{o.secondFolder}</code> : 'None'}
              {o.secondFolderMissing ? (
                <Notice tone="error">This folder cannot be found: reconnect the drive, or choose another folder.</Notice>
              ) : null}
              {o.canChooseFolder ? (
                <span className="inline-actions">
                  <Button className="button" onPress={() => settings.mutate({ kind: 'choose' })}>
                    Choose a second folder…
                  </Button>
                  {o.secondFolder ? (
                    <Button className="button" onPress={() => settings.mutate({ kind: 'clear' })}>
                      Stop copying there
                    </Button>
                  ) : null}
                </span>
              ) : (
                <p className="hint">
                  To keep a second copy (for example on an encrypted USB stick), start Concordat with{' '}
                  <code>--backup-dir PATH</code>.
                </p>
              )}
            </dd>
            <dt>Last full check</dt>
            <dd>{o.lastFullCheck ? when(o.lastFullCheck) : 'Not yet'}</dd>
            <dt>Log file</dt>
            <dd>{o.logFile ? <code>{o.logFile}</code> : 'None'}</dd>
          </dl>
        </>
      ) : null}

      <ConfirmDialog
        title={`Restore ${pendingWhen}?`}
        isOpen={pending !== null}
        onClose={() => setPending(null)}
        onConfirm={() => (pending ? restore.mutate(pending) : undefined)}
        confirmLabel={restore.isPending ? 'Restoring…' : 'Back up current data and restore'}
        isPending={restore.isPending}
      >
        <p>
          Everything in Concordat will be replaced by what was saved in {pendingWhen}. Anything entered after that backup was made
          will no longer show.
        </p>
        <p>
          First, Concordat backs up what you have now, so you can undo this by restoring that backup. Concordat keeps running; you
          do not need to restart it.
        </p>
      </ConfirmDialog>
    </section>
  );
}
