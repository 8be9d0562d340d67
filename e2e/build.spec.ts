// Checks the built app the way Electron will load it: a sandboxed CommonJS preload, an offline renderer, a CLI.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { expect, test } from '@playwright/test';
import { latestSchemaVersion } from '../src/main/store/migrations';
import { repoRoot } from './host';

const out = path.join(repoRoot, 'out');

test('the preload is one CommonJS file that requires nothing but electron', () => {
  const file = path.join(out, 'preload', 'index.cjs');
  const source = fs.readFileSync(file, 'utf8');
  expect(source).not.toMatch(/^\s*(import|export)\s/m);
  const required: string[] = [];
  const exposed: string[] = [];
  // Run it as Electron's sandboxed preload would, with a require that records what it asks for.
  const fakeElectron = {
    contextBridge: { exposeInMainWorld: (key: string) => exposed.push(key) },
    ipcRenderer: {},
    webUtils: {},
  };
  vm.runInNewContext(source, {
    require: (name: string) => {
      required.push(name);
      return fakeElectron;
    },
    exports: {},
    module: { exports: {} },
    File: class {},
  });
  expect([...new Set(required)]).toEqual(['electron']);
  expect(exposed).toEqual(['ark']);
});

test('the renderer loads nothing from the network and carries its CSP', () => {
  const rendererDir = path.join(out, 'renderer');
  const html = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  expect(html).toContain('Content-Security-Policy');
  expect(html).not.toMatch(/(src|href)=["']https?:/);
  for (const file of fs.readdirSync(path.join(rendererDir, 'assets'))) {
    if (!file.endsWith('.js')) continue;
    const source = fs.readFileSync(path.join(rendererDir, 'assets', file), 'utf8');
    expect(source, file).not.toMatch(/cdn\.jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com/);
  }
});

test('the main bundle imports electron and the CLI bundle does not', () => {
  expect(fs.readFileSync(path.join(out, 'main', 'index.js'), 'utf8')).toContain('require("electron")');
  const cliFiles = [path.join(out, 'main', 'ark.js'), ...fs.readdirSync(path.join(out, 'main', 'chunks')).map((f) => path.join(out, 'main', 'chunks', f))];
  for (const file of cliFiles) expect(fs.readFileSync(file, 'utf8'), file).not.toContain('require("electron")');
});

test('`ark db info --json` reports the schema version from the built CLI', () => {
  const db = path.join(fs.mkdtempSync(path.join(repoRoot, 'test-results', 'cli-')), 'ark.db');
  const output = execFileSync(process.execPath, [path.join(repoRoot, 'bin', 'ark.cjs'), 'db', 'info', '--json', '--db', db], { encoding: 'utf8' });
  expect(JSON.parse(output)).toMatchObject({ path: db, schemaVersion: latestSchemaVersion });
});
