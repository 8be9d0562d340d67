// The socket bridge against a real WebSocket server with the web host's size cap: a request over the cap is refused
// alone, before it is sent, instead of getting the socket closed (1009) under every other request in flight.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import { maxMessageBytes } from '../../shared/bridge';
import { createSocketBridge } from './bridgeSocket';

let server: WebSocketServer;
let url: string;
let closes: number[];
let received: number[];

beforeEach(async () => {
  // Each test's own arrays: a socket of the test before may still report its close after this one started.
  const closed: number[] = (closes = []);
  const sizes: number[] = (received = []);
  // Like hosts/web.ts: the same maxPayload, and a reply to each invoke (after a pause, so requests stay in flight).
  server = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: maxMessageBytes });
  server.on('connection', (ws) => {
    ws.on('close', (code) => closed.push(code));
    ws.on('message', (data: Buffer) => {
      sizes.push(data.length);
      const { id, name } = JSON.parse(data.toString()) as { id: string; name: string };
      setTimeout(() => ws.send(JSON.stringify({ type: 'reply', id, reply: { ok: true, value: name } })), 200);
    });
  });
  await new Promise((resolve) => server.once('listening', resolve));
  url = `ws://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterEach(async () => {
  for (const ws of server.clients) ws.terminate();
  await new Promise((resolve) => server.close(resolve));
});

function connect() {
  const client = createSocketBridge({ url, open: (address) => new NodeWebSocket(address) as unknown as WebSocket });
  return client;
}

describe('socket bridge', () => {
  it('refuses a request over the host limit with a clear error; the socket and the requests in flight go on', async () => {
    const client = connect();
    const inFlight = client.bridge.invoke('app.info', {} as never);
    const big = await client.bridge.invoke('project.open', { root: 'x'.repeat(maxMessageBytes) });
    expect(big).toEqual({ ok: false, error: { code: 'invalid-input', message: `The request "project.open" is too large to send: ${(maxMessageBytes + 68).toLocaleString('en')} bytes, over the limit of 4,194,304.` } });
    expect(await inFlight).toEqual({ ok: true, value: 'app.info' });
    expect(await client.bridge.invoke('app.info', {} as never)).toEqual({ ok: true, value: 'app.info' });
    expect(closes).toEqual([]);
    expect(client.connection()).toBe('open');
    client.close();
  });

  it('counts UTF-8 bytes, not characters, and sends a message of exactly the limit', async () => {
    const client = connect();
    // Under the limit in characters, over it in bytes: é is two bytes of UTF-8.
    const wide = await client.bridge.invoke('project.open', { root: 'é'.repeat(maxMessageBytes / 2 + 1) });
    expect(wide.ok).toBe(false);
    if (!wide.ok) expect(wide.error.message).toMatch(/^The request "project.open" is too large to send: 4,194,3\d\d bytes, over the limit of 4,194,304\.$/);
    // The refused request took id "1", so this one is "2": padded to exactly maxMessageBytes, which the host still takes.
    const overhead = JSON.stringify({ type: 'invoke', id: '2', name: 'project.open', input: { root: '' } }).length;
    const exact = await client.bridge.invoke('project.open', { root: 'x'.repeat(maxMessageBytes - overhead) });
    expect(exact).toEqual({ ok: true, value: 'project.open' });
    expect(received).toEqual([maxMessageBytes]);
    expect(closes).toEqual([]);
    client.close();
  });
});
