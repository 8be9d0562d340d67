// Binds the contract to Electron IPC: one invoke channel, one event channel, only for our own window's frames.
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent, MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/bridge';
import type { Handlers } from '../../shared/contract';
import { failure } from '../../shared/errors';
import type { EventHub } from '../events';
import { dispatch } from './dispatch';

export const invokeChannel = 'ark:invoke';
export const eventChannel = 'ark:event';
export const pickFolderChannel = 'ark:pick-folder';
export const menuChannel = 'ark:menu';

export type ElectronHostOptions = {
  ipcMain: IpcMain;
  /** Electron's dialog module, for the native Open Folder dialog. */
  dialog: Pick<Dialog, 'showOpenDialog'>;
  handlers: Handlers;
  events: EventHub;
  window: BrowserWindow;
  /** True for URLs the app itself serves (the ark:// protocol or the dev server). */
  isAppUrl: (url: string) => boolean;
};

/** Registers the IPC handler and event forwarding; returns the function that removes both. */
export function bindElectronHost({ ipcMain, dialog, handlers, events, window, isAppUrl }: ElectronHostOptions): () => void {
  // Electron's checklist: validate the sender of every IPC message. Only the main frame of our window, showing our
  // own content, may call the services; an iframe or a page navigated elsewhere gets an error, not an answer.
  const isTrustedSender = (event: IpcMainInvokeEvent) =>
    event.sender.id === window.webContents.id && event.senderFrame !== null && event.senderFrame === window.webContents.mainFrame && isAppUrl(event.senderFrame.url);

  ipcMain.handle(invokeChannel, async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event)) return failure('unauthorized', 'This frame may not call ARK Workbench services.');
    const controller = new AbortController();
    const abort = () => controller.abort();
    event.sender.once('destroyed', abort);
    try {
      return await dispatch(handlers, name, input, controller.signal);
    } finally {
      event.sender.off('destroyed', abort);
    }
  });

  // The native folder picker, for File ▸ Open Folder: only the path the person chose comes back.
  ipcMain.handle(pickFolderChannel, async (event) => {
    if (!isTrustedSender(event)) return null;
    const result = await dialog.showOpenDialog(window, { title: 'Open a project folder', properties: ['openDirectory'] });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });

  const unsubscribe = events.subscribe((name, payload) => {
    if (!window.isDestroyed() && isAppUrl(window.webContents.getURL())) window.webContents.send(eventChannel, name, payload);
  });

  return () => {
    ipcMain.removeHandler(invokeChannel);
    ipcMain.removeHandler(pickFolderChannel);
    unsubscribe();
  };
}

/**
 * The application menu: File ▸ Open Folder… (CmdOrCtrl+O) plus Electron's standard edit, view and window roles (and
 * the app menu on macOS). A command is only sent to the window's page; the page runs the same flow as its own
 * Open Folder… button, so the dialog still goes through the checked `ark:pick-folder` handler.
 */
export function applicationMenuTemplate(options: { isMac: boolean; send: (command: MenuCommand) => void }): MenuItemConstructorOptions[] {
  const { isMac, send } = options;
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [{ label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: () => send('open-folder') }, { type: 'separator' }, isMac ? { role: 'close' } : { role: 'quit' }],
  };
  return [...(isMac ? [{ role: 'appMenu' } as const] : []), file, { role: 'editMenu' }, { role: 'viewMenu' }, { role: 'windowMenu' }];
}

/** Sends a menu command to the window, but only while it shows our own content (as events are). */
export function sendMenuCommand(window: BrowserWindow, isAppUrl: (url: string) => boolean, command: MenuCommand): void {
  if (window.isDestroyed() || !isAppUrl(window.webContents.getURL())) return;
  if (window.isMinimized()) window.restore();
  window.focus();
  window.webContents.send(menuChannel, command);
}
