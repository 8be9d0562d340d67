// Binds the contract to Electron IPC: one invoke channel, one event channel, only for our own window's frames.
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Handlers } from '../../shared/contract';
import { failure } from '../../shared/errors';
import type { EventHub } from '../events';
import { dispatch } from './dispatch';

export const invokeChannel = 'ark:invoke';
export const eventChannel = 'ark:event';
export const pickFolderChannel = 'ark:pick-folder';

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
