import os from 'node:os';
import path from 'node:path';

export const DATA_DIR_ENV = 'CONCORDAT_DATA_DIR';

/** `--data-dir PATH` or `--data-dir=PATH` from an argument list. */
export function dataDirFromArgs(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data-dir') return argv[i + 1];
    if (a.startsWith('--data-dir=')) return a.slice('--data-dir='.length);
  }
  return undefined;
}

/** Where Electron keeps userData for an app named Concordat, so both hosts share one store by default. */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Concordat');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Concordat');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Concordat');
}

export function resolveDataDir(argv: readonly string[], env = process.env, fallback = defaultUserDataDir()): string {
  const chosen = dataDirFromArgs(argv) ?? env[DATA_DIR_ENV];
  return path.resolve(chosen && chosen.trim() !== '' ? chosen : fallback);
}
