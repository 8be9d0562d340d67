// Starts the app for a spec: `ark serve` on a temporary database, opened in Debian's Chromium (the default), or
// the Electron build through Playwright's _electron when ARK_E2E_TARGET=electron and an Electron binary exists.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { _electron, chromium, type Browser, type ElectronApplication, type Page } from '@playwright/test';

export const repoRoot = path.resolve(__dirname, '..');

/** Chromium's flags for a closed network: without the background-networking ones it floods refused connections. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type RunningApp = {
  page: Page;
  /** The web host's URL with its token (web target only). */
  url: string | null;
  port: number | null;
  token: string | null;
  dbPath: string;
  tempDir: string;
  /** Opens another tab on the same web host (web target only). */
  newPage(): Promise<Page>;
  close(): Promise<void>;
};

type ServeInfo = { url: string; port: number; token: string; dbPath: string };

/** Runs `ark serve --json` and waits for its first line, which carries the URL and the token. */
export async function startServe(dbPath: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; info: ServeInfo }> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'ark.cjs'), 'serve', '--json', '--db', dbPath], {
    cwd: repoRoot,
    env: { ...process.env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = readline.createInterface({ input: child.stdout! });
  const info = await new Promise<ServeInfo>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ark serve did not start in 20 s: ${stderr}`)), 20_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line) as ServeInfo);
    });
    child.once('exit', (code) => reject(new Error(`ark serve exited with ${code}: ${stderr}`)));
  });
  return { child, info };
}

export async function launchApp(): Promise<RunningApp> {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ark-e2e-'));
  const dbPath = path.join(tempDir, 'ark.db');
  if (process.env.ARK_E2E_TARGET === 'electron') return launchElectron(tempDir, dbPath);

  const { child, info } = await startServe(dbPath);
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Playwright gives every launch a fresh, temporary profile of its own.
      args: chromiumArgs,
    });
  } catch (err) {
    // A failed launch must not leave the server running after the test run.
    child.kill('SIGTERM');
    throw err;
  }
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  await page.goto(info.url);
  return {
    page,
    url: info.url,
    port: info.port,
    token: info.token,
    dbPath,
    tempDir,
    newPage: async () => {
      const other = await context.newPage();
      await other.goto(info.url);
      return other;
    },
    close: async () => {
      await browser.close();
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      fs.rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

async function launchElectron(tempDir: string, dbPath: string): Promise<RunningApp> {
  const app: ElectronApplication = await _electron.launch({
    args: [path.join(repoRoot, 'out', 'main', 'index.js'), '--db', dbPath],
    env: { ...process.env, ARK_DB: dbPath },
  });
  const page = await app.firstWindow();
  return {
    page,
    url: null,
    port: null,
    token: null,
    dbPath,
    tempDir,
    newPage: () => Promise.reject(new Error('Electron has one window; this spec needs the web target.')),
    close: async () => {
      await app.close();
      fs.rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

/**
 * Types code as a person would. Monaco indents a new line like the one before it (one level more after a colon) and
 * Backspace in leading blanks removes a whole level, so each line is brought to its own indentation that way.
 */
export async function typeCode(page: Page, text: string): Promise<void> {
  await page.getByTestId('editor-code').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  let previous = '';
  for (const [index, line] of text.split('\n').entries()) {
    const indent = line.length - line.trimStart().length;
    if (index > 0) {
      await page.keyboard.press('Enter');
      const previousIndent = previous.length - previous.trimStart().length;
      const auto = previous.trim() === '' ? 0 : previousIndent + (previous.trimEnd().endsWith(':') ? 4 : 0);
      for (let level = auto; level > indent; level -= 4) await page.keyboard.press('Backspace');
      if (indent > auto) await page.keyboard.type(' '.repeat(indent - auto));
    } else if (indent > 0) await page.keyboard.type(' '.repeat(indent));
    await page.keyboard.type(line.trimStart());
    if (line.trim() !== '') previous = line;
  }
}
