// The Electron entry: one secure window, the ark:// protocol for our files, and the same createApp as every host.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, safeStorage, screen, session, shell } from 'electron';
import type { WindowBounds } from '../shared/settings';
import { createApp, type App } from './app';
import { appVersion } from './appRoot';
import { resolveDbPath } from './config';
import { applicationMenuTemplate, bindElectronHost, sendMenuCommand } from './hosts/electron';
import { createSafeStorageCipher } from './hosts/safeStorage';
import { contentSecurityPolicy } from './hosts/csp';

const scheme = 'ark';
const appOrigin = `${scheme}://app`;
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

// Our files are served from a privileged custom scheme, not file:// (Electron security checklist #18).
protocol.registerSchemesAsPrivileged([{ scheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

app.setName('ARK Workbench');

const isAppUrl = (url: string) => url.startsWith(`${appOrigin}/`) || (devServerUrl !== undefined && url.startsWith(devServerUrl));

function appRoot(): string {
  return app.isPackaged ? process.resourcesPath : app.getAppPath();
}

/** In development, better-sqlite3 is also built for Electron's ABI (scripts/native.mjs) beside the Node build. */
function electronNativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const candidate = path.join(app.getAppPath(), '.native', `electron-${process.versions.electron}`, 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}

function serveRenderer(rendererDir: string) {
  protocol.handle(scheme, (request) => {
    const url = new URL(request.url);
    const relative = path.posix.normalize(decodeURIComponent(url.pathname));
    const file = path.join(rendererDir, relative === '/' ? 'index.html' : relative);
    if (!file.startsWith(rendererDir + path.sep)) return new Response('Not found', { status: 404 });
    return net.fetch(`file://${file}`);
  });
}

function hardenSession() {
  // Checklist #5 (permission requests) and #7 (CSP, also sent as a header for every response we serve).
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
}

function restoredBounds(saved: WindowBounds | null): Partial<WindowBounds> {
  if (!saved) return { width: 1400, height: 900 };
  // A window saved on a monitor that is gone is placed back on a visible one.
  const visible = screen.getAllDisplays().some(({ workArea: a }) => saved.x < a.x + a.width && saved.x + saved.width > a.x && saved.y < a.y + a.height && saved.y + saved.height > a.y);
  return visible ? saved : { width: saved.width, height: saved.height };
}

function createWindow(workbench: App): BrowserWindow {
  const saved = workbench.handlers['settings.get']({}, new AbortController().signal);
  const window = new BrowserWindow({
    show: false,
    title: 'ARK Workbench',
    backgroundColor: '#1e1e1e',
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  void saved.then((settings) => {
    const bounds = restoredBounds(settings['window.bounds']);
    window.setBounds(bounds);
    if (settings['window.bounds']?.maximized) window.maximize();
  });
  window.once('ready-to-show', () => window.show());

  // Checklist #13 and #14: no navigation away from our content and no new windows; external links go to the browser.
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());

  let saveTimer: NodeJS.Timeout | undefined;
  const rememberBounds = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      if (window.isDestroyed()) return;
      const { x, y, width, height } = window.getNormalBounds();
      void workbench.handlers['settings.set']({ key: 'window.bounds', value: { x, y, width, height, maximized: window.isMaximized() } }, new AbortController().signal);
    }, 500);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', rememberBounds);

  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadURL(`${appOrigin}/index.html`);
  return window;
}

async function start() {
  // Single instance: a second launch focuses the first window instead of opening a second database connection.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  hardenSession();
  const root = appRoot();
  serveRenderer(path.join(__dirname, '../renderer'));
  const dataDir = app.getPath('userData');
  let workbench: App;
  try {
    // After 'ready': safeStorage cannot be used before it.
    const secretCipher = await createSafeStorageCipher(safeStorage);
    workbench = await createApp({
      host: 'electron',
      dataDir,
      dbPath: resolveDbPath({ flag: dbFlag(process.argv), dataDir }),
      appRoot: root,
      version: appVersion(root),
      electronVersion: process.versions.electron,
      ...(electronNativeBinding() ? { nativeBinding: electronNativeBinding() as string } : {}),
    }, secretCipher ? { secretCipher } : {});
  } catch (err) {
    dialog.showErrorBox('ARK Workbench cannot start', (err as Error).message);
    app.exit(3);
    return;
  }
  let window = createWindow(workbench);
  // After the first page load: the warm-up holds the main process for about a second, which the window's files wait on.
  window.webContents.once('did-finish-load', () => void workbench.warmUp());
  let unbind = bindElectronHost({ ipcMain, dialog, handlers: workbench.handlers, events: workbench.events, window, isAppUrl });
  // The menu reads `window` when clicked, so it follows the window re-created on macOS's activate.
  const menuTemplate = applicationMenuTemplate({ isMac: process.platform === 'darwin', send: (command) => sendMenuCommand(window, isAppUrl, command) });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate));
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) {
      unbind();
      window = createWindow(workbench);
      unbind = bindElectronHost({ ipcMain, dialog, handlers: workbench.handlers, events: workbench.events, window, isAppUrl });
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let quitting = false;
  app.on('will-quit', (event) => {
    if (quitting) return;
    // Closing stops running programs and workers before the database: hold the quit until that is done.
    quitting = true;
    event.preventDefault();
    unbind();
    void workbench.close().finally(() => app.exit(0));
  });
}

function dbFlag(argv: string[]): string | undefined {
  const index = argv.indexOf('--db');
  if (index >= 0) return argv[index + 1];
  return argv.find((arg) => arg.startsWith('--db='))?.slice('--db='.length);
}

void start();
