/**
 * The browser host as the crash test runs it: the real store (encrypted, with backups and the
 * damage checks), the real dispatcher and HTTP server, with the fast test KDF so each restart is
 * quick. Prints the same "running at" line as the real host. Run with `tsx bench/crash-host.ts DIR`.
 */
import os from 'node:os';
import path from 'node:path';
import { handlers } from '../main/handlers';
import { createDispatcher } from '../main/ipc/dispatcher';
import type { HostServices } from '../main/ipc/dispatcher';
import { setLogLevel } from '../main/logger';
import { TEST_KDF } from '../main/store/keys';
import { createAppStore, withAfterCall } from '../main/store/open-store';
import { startWebHost } from '../main/web-host/server';

setLogLevel('warn');
const dataDir = process.argv[2];
const passphrase = process.env.CONCORDAT_PASSPHRASE;
if (!dataDir || !passphrase) throw new Error('usage: CONCORDAT_PASSPHRASE=… tsx bench/crash-host.ts DATA_DIR');

const { store, backups } = createAppStore({ dataDir, kdf: TEST_KDF });
if (store.state === 'needs-setup') store.setUp(passphrase);
else store.unlock(passphrase);
const host: HostServices = {
  kind: 'browser',
  appVersion: 'crash-test',
  dataDir,
  saveFile: async () => ({ status: 'canceled' }),
  backups,
};
const staticDir = path.join(os.tmpdir());
const web = await startWebHost({
  dispatch: withAfterCall(createDispatcher(handlers, { store, host }), () => backups.afterCall()),
  staticDir,
  port: 0,
});
process.stdout.write(`Concordat is running at ${web.url}\n`);
process.on('SIGINT', () => {
  void web.close().then(() => {
    store.close();
    process.exit(0);
  });
});
