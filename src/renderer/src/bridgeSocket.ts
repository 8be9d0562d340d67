// The web host's side of the bridge: the contract over one WebSocket, reconnecting, with the same shape as window.ark.
import { maxMessageBytes, type ArkBridge } from '../../shared/bridge';
import type { Input, Output, RequestName } from '../../shared/contract';
import type { ErrorData, Reply } from '../../shared/errors';
import { decodeOutputFrame } from '../../shared/outputFrame';

export type ConnectionState = 'connecting' | 'open' | 'closed' | 'no-token';

type Pending = { resolve: (reply: Reply<unknown>) => void };

export type SocketBridgeOptions = {
  /** The host's WebSocket address with its token; null when the page has no token (nothing connects). */
  url: string | null;
  /** Opens a socket: the browser's WebSocket in the renderer, any object of the same shape in a test. */
  open: (url: string) => WebSocket;
};

/** The UTF-8 size of a message, counted only when it could be over the limit (a UTF-16 unit is at most 3 bytes). */
function encodedBytes(message: string): number {
  return message.length * 3 <= maxMessageBytes ? message.length : new TextEncoder().encode(message).byteLength;
}

export function createSocketBridge({ url, open }: SocketBridgeOptions) {
  const pending = new Map<string, Pending>();
  const listeners = new Set<(name: string, payload: unknown) => void>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  const queue: string[] = [];
  let socket: WebSocket | null = null;
  let state: ConnectionState = url ? 'connecting' : 'no-token';
  let nextId = 1;
  let retryMs = 250;
  let closed = false;

  const setState = (next: ConnectionState) => {
    state = next;
    for (const listener of connectionListeners) listener(next);
  };

  const failed = (code: ErrorData['code'], message: string): Reply<never> => ({ ok: false, error: { code, message } satisfies ErrorData });

  function connect() {
    if (!url || closed) return;
    const ws = open(url);
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
        entry.resolve(failed('unavailable', 'The connection to ARK Workbench was lost. Reconnecting…'));
        pending.delete(id);
      }
      setState('closed');
      if (closed) return;
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  }
  connect();

  const bridge: ArkBridge = {
    invoke<N extends RequestName>(name: N, input: Input<N>): Promise<Reply<Output<N>>> {
      if (!url) return Promise.resolve(failed('unavailable', 'This page has no access token. Open the URL that `ark serve` printed.'));
      const id = String(nextId++);
      const message = JSON.stringify({ type: 'invoke', id, name, input });
      // The host closes the socket on a message over its limit, which would fail every other request in flight
      // with "connection lost": refuse this one alone, before it is sent.
      const bytes = encodedBytes(message);
      if (bytes > maxMessageBytes) {
        return Promise.resolve(failed('invalid-input', `The request "${name}" is too large to send: ${bytes.toLocaleString('en')} bytes, over the limit of ${maxMessageBytes.toLocaleString('en')}.`));
      }
      return new Promise((resolve) => {
        pending.set(id, { resolve: resolve as Pending['resolve'] });
        if (socket && socket.readyState === socket.OPEN) socket.send(message);
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
    /** Closes the socket for good (no reconnect); for tests and teardown. */
    close() {
      closed = true;
      socket?.close();
    },
  };
}
