// The preload: sandboxed, bundled to one CommonJS file, exposing exactly one object, window.ark.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { ArkBridge } from '../shared/bridge';

// Channel names are repeated here rather than imported from main: the preload bundle must stay self-contained.
const ark: ArkBridge = {
  invoke: (name, input) => ipcRenderer.invoke('ark:invoke', name, input),
  on: (listener) => {
    const forward = (_event: unknown, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on('ark:event', forward);
    return () => {
      ipcRenderer.off('ark:event', forward);
    };
  },
  // File.path is gone since Electron 32; only the preload can map a dropped File to its path.
  pathForFile: (file) => (file instanceof File ? webUtils.getPathForFile(file) : ''),
  pickFolder: () => ipcRenderer.invoke('ark:pick-folder') as Promise<string | null>,
  // The application menu (File ▸ Open Folder…) lives in the main process; only known commands reach the page.
  onMenuCommand: (listener) => {
    const forward = (_event: unknown, command: unknown) => {
      if (command === 'open-folder') listener(command);
    };
    ipcRenderer.on('ark:menu', forward);
    return () => {
      ipcRenderer.off('ark:menu', forward);
    };
  },
};

contextBridge.exposeInMainWorld('ark', ark);
