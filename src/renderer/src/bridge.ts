// The renderer's only way to the services: window.ark in Electron, or a WebSocket client of the same shape.
import type { ArkBridge } from '../../shared/bridge';
import { createSocketBridge, type ConnectionState } from './bridgeSocket';

export type { ConnectionState } from './bridgeSocket';

declare global {
  interface Window {
    ark?: ArkBridge;
  }
}

const tokenKey = 'ark.token';

/** Reads the web host's token from the URL fragment once, then keeps it for reloads of this tab only. */
function takeToken(): string | null {
  const match = /(?:^#|&)token=([\w-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(tokenKey, match[1]);
    // The fragment is never sent to a server, but clearing it keeps the token out of screenshots and history.
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(tokenKey);
}

function createWebSocketBridge() {
  const token = takeToken();
  const url = token ? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/ws?token=${encodeURIComponent(token)}` : null;
  return createSocketBridge({ url, open: (address) => new WebSocket(address) });
}

function createHostBridge() {
  if (window.ark) {
    return { bridge: window.ark, connection: (): ConnectionState => 'open', onConnection: () => () => undefined, kind: 'electron' as const };
  }
  return { ...createWebSocketBridge(), kind: 'web' as const };
}

const host = createHostBridge();

/** The bridge every slice and component uses. */
export const bridge: ArkBridge = host.bridge;
export const bridgeKind = host.kind;
export const connectionState = host.connection;
export const onConnectionChange = host.onConnection;
