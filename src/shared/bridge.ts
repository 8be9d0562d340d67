// The one object a UI uses to reach the services, whichever host it runs in (Electron preload or WebSocket).
import type { Reply } from './errors';
import type { EventName, EventPayload, Input, Output, RequestName } from './contract';

export type EventListener = <N extends EventName>(name: N, payload: EventPayload<N>) => void;

/** What the native application menu asks the window to do (Electron only). */
export type MenuCommand = 'open-folder';

/** `window.ark` in Electron; a WebSocket client of the same shape in the web host. */
export type ArkBridge = {
  invoke<N extends RequestName>(name: N, input: Input<N>): Promise<Reply<Output<N>>>;
  /** Subscribes to every event; returns the unsubscribe function. */
  on(listener: (name: string, payload: unknown) => void): () => void;
  /** The filesystem path of a dropped File (Electron only; the web host has no access to it and returns ''). */
  pathForFile(file: unknown): string;
  /** The native Open Folder dialog: the chosen folder, or null when cancelled. Absent in the web host. */
  pickFolder?: () => Promise<string | null>;
  /** Subscribes to the application menu's commands (File ▸ Open Folder…); returns the unsubscribe function. Absent in the web host. */
  onMenuCommand?: (listener: (command: MenuCommand) => void) => () => void;
};

/**
 * The largest message a UI may send the web host: one WebSocket frame or HTTP body, in bytes of UTF-8. The host
 * closes a socket that sends more (code 1009), failing every request in flight on it, so the renderer's bridge
 * refuses such a request before sending it. No request of the contract needs more.
 */
export const maxMessageBytes = 4 * 1024 * 1024;
