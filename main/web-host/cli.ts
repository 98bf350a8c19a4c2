import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDataDir } from '../data-dir';
import { handlers } from '../handlers';
import { createDispatcher } from '../ipc/dispatcher';
import type { HostServices } from '../ipc/dispatcher';
import { log } from '../logger';
import { PASSPHRASE_ENV, StoreHolder } from '../store/holder';
import { startWebHost } from './server';

declare const __APP_VERSION__: string;

function portFromArgs(argv: readonly string[]): number | undefined {
  const i = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
  if (i < 0) return undefined;
  const raw = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port needs a number from 0 to 65535, not "${raw}"`);
  return n;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dataDir = resolveDataDir(argv);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const staticDir = path.resolve(here, '../renderer');
  // The store opens locked: nothing is read until a passphrase arrives (env or the unlock screen).
  const store = new StoreHolder({ dataDir });
  const passphrase = process.env[PASSPHRASE_ENV];
  if (passphrase) {
    if (store.state === 'needs-setup') {
      const { recoveryKey } = store.setUp(passphrase);
      process.stdout.write(
        `New encrypted store set up with the passphrase from ${PASSPHRASE_ENV}.\nRecovery key (shown once; keep it somewhere safe): ${recoveryKey}\n`,
      );
    } else {
      store.unlock(passphrase);
    }
  }

  const host: HostServices = {
    kind: 'browser',
    appVersion: __APP_VERSION__,
    dataDir,
    saveFile: async ({ suggestedName, mimeType, bytes }) => ({
      status: 'download',
      fileName: suggestedName,
      mimeType,
      base64: Buffer.from(bytes).toString('base64'),
    }),
  };
  const web = await startWebHost({ dispatch: createDispatcher(handlers, { store, host }), staticDir, port: portFromArgs(argv) });
  process.stdout.write(`Concordat is running at ${web.url}\nData folder: ${dataDir}\nPress Ctrl-C to stop.\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await web.close();
    store.close();
    log.info('stopped; database closed');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`Concordat could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
