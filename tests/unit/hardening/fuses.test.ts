import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// electron-builder's own loader reads electron-builder.yml exactly as packaging will, and checks it against its schema.
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig: (projectDir: string, configPath: string | null, fromOptions: null) => Promise<Configuration>;
  validateConfiguration: (config: Configuration, logger: { isEnabled: boolean; add: () => void }) => Promise<void>;
};

describe('Electron fuses at packaging', () => {
  it('turn off running as Node, NODE_OPTIONS, --inspect and file:// privileges; turn on cookie encryption and asar checks', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    await validateConfiguration(config, { isEnabled: false, add: () => {} });
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });
});
