// Bundles the main process, the preload and the browser host with esbuild.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Native modules are loaded from node_modules at run time (electron-builder.yml unpacks their .node files).
  external: ['electron', 'better-sqlite3', '@resvg/resvg-js'],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
};
// An ESM bundle of CommonJS dependencies needs require().
const banner = { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" };

await Promise.all([
  build({ ...common, entryPoints: ['main/index.ts'], outfile: 'dist/main/index.js', format: 'esm', banner }),
  build({ ...common, entryPoints: ['main/web-host/cli.ts'], outfile: 'dist/main/web-host.js', format: 'esm', banner }),
  // Backups and the full check run on a worker thread (main/store/run-in-worker.ts).
  build({ ...common, entryPoints: ['main/store/store-worker.ts'], outfile: 'dist/main/store-worker.js', format: 'esm', banner }),
  // A sandboxed preload must be CommonJS.
  build({ ...common, entryPoints: ['main/preload.ts'], outfile: 'dist/main/preload.cjs', format: 'cjs' }),
]);
