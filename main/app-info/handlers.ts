import { readUserVersion } from '../store/database';
import type { HandlerGroup } from '../ipc/dispatcher';

export const appInfoHandlers: HandlerGroup<'app.info'> = {
  'app.info': (_req, { db, host }) => ({
    name: 'Concordat',
    version: host.appVersion,
    dataDir: host.dataDir,
    schemaVersion: readUserVersion(db),
    host: host.kind,
  }),
};
