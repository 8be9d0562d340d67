#!/usr/bin/env node
// After `npm install`: make sure the native modules load in Node, then fetch Electron's binary where that is wanted.
//
// Electron >= 42 no longer downloads its binary during install (it is fetched by `install-electron` or on first
// run), and electron-vite needs it present for `npm start`. Where ELECTRON_SKIP_BINARY_DOWNLOAD=1 is set (CI, offline
// build machines), the download is skipped; a failed download only warns, since tests, the CLI and the web host
// do not need Electron, and `npm start` tries again and explains.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const node = spawnSync(process.execPath, [path.join(root, 'scripts', 'native.mjs'), 'node'], { cwd: root, stdio: 'inherit' });
if (node.status !== 0) process.exit(node.status ?? 1);

const electronDir = path.join(root, 'node_modules', 'electron');
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') {
  process.stdout.write('[postinstall] ELECTRON_SKIP_BINARY_DOWNLOAD=1: not downloading Electron (tests and `ark serve` do not need it).\n');
} else if (fs.existsSync(electronDir) && !fs.existsSync(path.join(electronDir, 'path.txt'))) {
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stdout.write('[postinstall] warning: Electron could not be downloaded. `npm start` will try again; `npm test` and `npx ark serve` work without it.\n');
  }
}
