#!/usr/bin/env node
// Keeps the native modules built for the runtime that is about to use them.
//
//   node scripts/native.mjs node      better-sqlite3 and node-pty load in this Node (tests, CLI, web host)
//   node scripts/native.mjs electron  better-sqlite3 is also built for Electron's ABI, beside the Node build
//
// better-sqlite3 12 is not Node-API, so one build cannot serve both runtimes. Rather than rebuilding node_modules
// back and forth, the Electron build lives in .native/electron-<version>/ and the desktop app passes it to
// better-sqlite3's `nativeBinding` option; node_modules keeps the Node build. node-pty is Node-API: one build serves both.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modulesDir = path.join(root, 'node_modules');

function log(message) {
  process.stdout.write(`[native] ${message}\n`);
}

/** npm's own node-gyp: npm sets npm_config_node_gyp for scripts; otherwise look beside npm. */
function nodeGypPath() {
  const candidates = [
    process.env.npm_config_node_gyp,
    path.join(modulesDir, 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  const found = candidates.find((candidate) => candidate && fs.existsSync(candidate));
  if (!found) throw new Error('node-gyp was not found; install it with "npm install -g node-gyp".');
  return found;
}

/** Loads a module in a child process, so a failed dlopen cannot poison this one. */
function loadsInNode(check) {
  const result = spawnSync(process.execPath, ['-e', check], { cwd: root, encoding: 'utf8' });
  return { ok: result.status === 0, error: (result.stderr || '').split('\n').find((line) => line.trim()) ?? '' };
}

const checks = {
  'better-sqlite3': "const D = require('better-sqlite3'); new D(':memory:').prepare('select 1').get();",
  'node-pty': "require('node-pty')",
};

function ensureNode() {
  for (const [name, check] of Object.entries(checks)) {
    const first = loadsInNode(check);
    if (first.ok) continue;
    log(`${name} does not load in Node ${process.version} (${first.error}); building it from source…`);
    execFileSync(process.execPath, [nodeGypPath(), 'rebuild', '--release'], { cwd: path.join(modulesDir, name), stdio: 'inherit' });
    const second = loadsInNode(check);
    if (!second.ok) throw new Error(`${name} still does not load after a rebuild: ${second.error}`);
    log(`${name} built for Node ${process.version}.`);
  }
}

function electronVersion() {
  return JSON.parse(fs.readFileSync(path.join(modulesDir, 'electron', 'package.json'), 'utf8')).version;
}

export function electronBindingPath(version = electronVersion()) {
  return path.join(root, '.native', `electron-${version}`, 'better_sqlite3.node');
}

function ensureElectronBinary() {
  if (fs.existsSync(path.join(modulesDir, 'electron', 'path.txt'))) return;
  log('Electron itself is not downloaded yet; fetching it (install-electron)…');
  const result = spawnSync(process.execPath, [path.join(modulesDir, 'electron', 'install.js')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(
      'Electron could not be downloaded. The desktop app needs it; everything else runs without it: use "npx ark serve" for the web host.',
    );
  }
}

function ensureElectron() {
  ensureElectronBinary();
  const version = electronVersion();
  const target = electronBindingPath(version);
  if (fs.existsSync(target)) return;
  log(`Building better-sqlite3 for Electron ${version} (once per Electron version)…`);
  // Build in a copy: node-gyp writes build/ inside the package, and the Node build there must stay as it is.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ark-native-'));
  try {
    fs.cpSync(path.join(modulesDir, 'better-sqlite3'), work, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
    const env = { ...process.env };
    // A user-level nodedir (set for Node's own headers) would make node-gyp build against Node instead of Electron.
    delete env.npm_config_nodedir;
    delete env.NPM_CONFIG_NODEDIR;
    execFileSync(
      process.execPath,
      [nodeGypPath(), 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers', '--nodedir='],
      { cwd: work, stdio: 'inherit', env },
    );
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
    log(`better-sqlite3 for Electron ${version}: ${path.relative(root, target)}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const mode = process.argv[2];
try {
  if (mode === 'node') ensureNode();
  else if (mode === 'electron') ensureElectron();
  else {
    process.stderr.write('usage: node scripts/native.mjs node|electron\n');
    process.exit(2);
  }
} catch (err) {
  process.stderr.write(`[native] ${err.message}\n`);
  process.exit(1);
}
