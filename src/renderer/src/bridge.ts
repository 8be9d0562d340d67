// The renderer's only way to the services: window.ark in Electron, or a WebSocket client of the same shape.
import type { ArkBridge } from '../../shared/bridge';
import type { Input, Output, RequestName } from '../../shared/contract';
import type { ErrorData, Reply } from '../../shared/errors';
import { decodeOutputFrame } from '../../shared/outputFrame';

export type ConnectionState = 'connecting' | 'open' | 'closed' | 'no-token';

declare global {
  interface Window {
    ark?: ArkBridge;
  }
}

type Pending = { resolve: (reply: Reply<unknown>) => void };

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
  const pending = new Map<string, Pending>();
  const listeners = new Set<(name: string, payload: unknown) => void>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  const queue: string[] = [];
  let socket: WebSocket | null = null;
  let state: ConnectionState = token ? 'connecting' : 'no-token';
  let nextId = 1;
  let retryMs = 250;

  const setState = (next: ConnectionState) => {
    state = next;
    for (const listener of connectionListeners) listener(next);
  };

  const unavailable = (message: string): Reply<never> => ({ ok: false, error: { code: 'unavailable', message } satisfies ErrorData });

  function connect() {
    if (!token) return;
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/ws?token=${encodeURIComponent(token)}`);
    socket = ws;
    setState('connecting');
    ws.onopen = () => {
      retryMs = 250;
      setState('open');
      for (const message of queue.splice(0)) ws.send(message);
    };
    // Console output arrives as binary frames (see outputFrame.ts), decoded here into the same event as over IPC.
    ws.binaryType = 'arraybuffer';
    ws.onmessage = (event) => {
      if (event.data instanceof ArrayBuffer) {
        const chunk = decodeOutputFrame(new Uint8Array(event.data));
        if (chunk) for (const listener of listeners) listener('sandbox.output', chunk);
        return;
      }
      let message: { type?: string; id?: string; reply?: Reply<unknown>; name?: string; payload?: unknown };
      try {
        message = JSON.parse(String(event.data));
      } catch {
        return;
      }
      if (message.type === 'reply' && message.id && message.reply) {
        pending.get(message.id)?.resolve(message.reply);
        pending.delete(message.id);
      } else if (message.type === 'event' && typeof message.name === 'string') {
        for (const listener of listeners) listener(message.name, message.payload);
      }
    };
    ws.onclose = () => {
      socket = null;
      // Requests in flight have no one to answer them any more; fail them clearly instead of hanging.
      for (const [id, entry] of pending) {
        entry.resolve(unavailable('The connection to ARK Workbench was lost. Reconnecting…'));
        pending.delete(id);
      }
      setState('closed');
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  }
  connect();

  const bridge: ArkBridge = {
    invoke<N extends RequestName>(name: N, input: Input<N>): Promise<Reply<Output<N>>> {
      if (!token) return Promise.resolve(unavailable('This page has no access token. Open the URL that `ark serve` printed.'));
      const id = String(nextId++);
      const message = JSON.stringify({ type: 'invoke', id, name, input });
      return new Promise((resolve) => {
        pending.set(id, { resolve: resolve as Pending['resolve'] });
        if (socket?.readyState === WebSocket.OPEN) socket.send(message);
        else queue.push(message);
      });
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pathForFile: () => '',
  };
  return {
    bridge,
    connection: () => state,
    onConnection(listener: (state: ConnectionState) => void) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
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
