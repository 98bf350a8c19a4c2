// Builds better-sqlite3 for Electron into .electron-native/ without touching node_modules,
// so `npm test` (Node) and `npm start` (Electron) each load a binary built for them.
// Needs network access to Electron's headers or the driver's prebuilt binaries.
// `better-sqlite3` is an npm alias for better-sqlite3-multiple-ciphers (the encrypting fork): resolving
// `better-sqlite3/package.json` finds the fork, whose package keeps the same layout (binding.gyp target
// better_sqlite3, prebuild-install from its own GitHub releases, node-gyp fallback).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, '.electron-native');
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const sqlitePackage = JSON.parse(readFileSync(path.join(sqliteDir, 'package.json'), 'utf8'));
// The package name is in the stamp: plain better-sqlite3 and the fork share version numbers, and an
// Electron build of the plain driver would ignore the key and fail to read the encrypted store.
const stamp = `electron ${electronVersion} / ${sqlitePackage.name} ${sqlitePackage.version} / ${process.platform}-${process.arch}`;
const stampFile = path.join(out, 'built-for.txt');

if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && existsSync(path.join(out, 'better_sqlite3.node'))) {
  process.exit(0);
}

console.log(`Preparing better-sqlite3 for ${stamp} …`);
const work = path.join(out, 'build');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });

const run = (cmd, args) => execFileSync(cmd, args, { cwd: work, stdio: 'inherit', shell: process.platform === 'win32' });
try {
  run(process.execPath, [
    require.resolve('prebuild-install/bin.js'),
    '--runtime',
    'electron',
    '--target',
    electronVersion,
    '--arch',
    process.arch,
  ]);
} catch {
  console.log('No prebuilt binary; compiling against Electron headers …');
  run(process.execPath, [
    require.resolve('node-gyp/bin/node-gyp.js'),
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ]);
}
const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
// An Electron binary cannot be loaded under Node to test it, so check it carries the cipher code.
if (!readFileSync(built).includes('sqlite3mc_')) {
  console.error('The driver built for Electron has no encryption support (is better-sqlite3 the multiple-ciphers fork?).');
  process.exit(1);
}
cpSync(built, path.join(out, 'better_sqlite3.node'));
rmSync(work, { recursive: true, force: true });
writeFileSync(stampFile, stamp);
console.log(`${sqlitePackage.name} is ready for Electron.`);
