import { readUserVersion } from '../store/database';
import type { HandlerGroup } from '../ipc/dispatcher';

export const appInfoHandlers: HandlerGroup<'app.info'> = {
  'app.info': (_req, ctx) => ({
    name: 'Concordat',
    version: ctx.host.appVersion,
    dataDir: ctx.host.dataDir,
    // app.info is served while locked, when there is no database to ask.
    schemaVersion: ctx.store && ctx.store.state !== 'unlocked' ? null : readUserVersion(ctx.db),
    host: ctx.host.kind,
  }),
};
