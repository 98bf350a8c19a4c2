import type { Channel } from '../../shared/contract';
import type { HandlerGroup } from '../ipc/dispatcher';
import { cancelImportJob, importJobProgress, startImportJob } from './import-job';

type ImportJobChannel = Extract<Channel, `partners.import.${string}`>;

export const partnersImportHandlers: HandlerGroup<ImportJobChannel> = {
  'partners.import.start': (req, { db }) =>
    startImportJob(db, req.text, {
      mapping: req.mapping,
      skipBadRows: req.skipBadRows,
      duplicates: req.duplicates,
      organisations: req.organisations,
    }),
  'partners.import.progress': (req, { db }) => importJobProgress(db, req.jobId),
  'partners.import.cancel': (req, { db }) => cancelImportJob(db, req.jobId),
};
