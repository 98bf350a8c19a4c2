import type { Channel } from '../../shared/contract';
import { AppError } from '../../shared/result';
import type { HandlerGroup, HostServices } from '../ipc/dispatcher';
import type { BackupService } from '../store/backup-service';

type BackupsChannel = Extract<Channel, `backups.${string}`>;

function service(host: HostServices): BackupService {
  if (!host.backups) throw new AppError('internal', 'Backups are not available in this copy of Concordat.');
  return host.backups;
}

export const backupsHandlers: HandlerGroup<BackupsChannel> = {
  'backups.list': (_req, { host }) => service(host).overview(),
  'backups.create': (_req, { host }) => service(host).create('manual'),
  'backups.restore': async (req, { host }) => {
    const s = service(host);
    if (req.source === 'list') return { canceled: false, ...s.restore({ name: req.name }) };
    if (req.source === 'dialog') {
      const done = await s.restoreFromChosenFile();
      return done ? { canceled: false, ...done } : { canceled: true };
    }
    const bytes = Buffer.from(req.base64, 'base64');
    if (bytes.length < 512) throw new AppError('invalid_request', 'That file is too small to be a Concordat backup.');
    return { canceled: false, ...s.restore({ bytes, modifiedAt: req.modifiedAt ? new Date(req.modifiedAt) : new Date() }) };
  },
  'backups.updateSettings': (req, { host }) => {
    service(host).setCap(req.capBytes);
    return service(host).overview();
  },
  'backups.chooseFolder': async (_req, { host }) => {
    await service(host).chooseSecondFolder();
    return service(host).overview();
  },
  'backups.clearFolder': (_req, { host }) => {
    service(host).clearSecondFolder();
    return service(host).overview();
  },
  'backups.dismissNotice': (req, { host }) => {
    service(host).notices.dismiss(req.id);
    return service(host).overview();
  },
};
