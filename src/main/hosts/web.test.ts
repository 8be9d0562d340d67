// The web host's gatekeeping: token, Origin, Host (DNS rebinding), path traversal, size caps, malformed frames.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeOutputFrame } from '../../shared/outputFrame';
import type { OutputChunk } from '../../shared/sandbox';
import { createApp, type App } from '../app';
import { makeTempDir } from '../testing/tempDir';
import { startWebHost, type WebHost } from './web';

let app: App;
let host: WebHost;
let temp: ReturnType<typeof makeTempDir>;
let rendererDir: string;

beforeAll(async () => {
  temp = makeTempDir();
  rendererDir = path.join(temp.dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>ARK</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(temp.dir, 'secret.txt'), 'do not serve');
  app = await createApp({ host: 'web', dataDir: temp.dir, dbPath: path.join(temp.dir, 'ark.db'), appRoot: temp.dir, version: '0.0.0-test' });
  host = await startWebHost({ handlers: app.handlers, events: app.events, rendererDir });
});

afterAll(async () => {
  await host.close();
  await app.close();
  temp.cleanup();
});

/** A raw request, so tests can send the Host and Origin headers a browser or an attacker would. */
function request(options: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: options.path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const invoke = (headers: Record<string, string>, body = '{}', name = 'app.info') => request({ path: `/api/invoke/${name}`, method: 'POST', headers, body });

describe('web host', () => {
  it('prints a loopback URL carrying a fresh token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=[\\w-]{20,}$`));
  });

  it('refuses API requests without the token or with a wrong one', async () => {
    expect((await invoke({})).status).toBe(401);
    expect((await invoke({ authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await invoke({ authorization: `Bearer ${host.token}x` })).status).toBe(401);
    const ok = await invoke({ authorization: `Bearer ${host.token}` });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { host: 'web' } });
  });

  it('refuses a foreign Origin even with the token', async () => {
    const res = await invoke({ authorization: `Bearer ${host.token}`, origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });

  it('refuses a Host header other than the loopback name it serves (DNS rebinding)', async () => {
    for (const hostHeader of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, 'localhost', '127.0.0.1']) {
      const res = await request({ path: '/', headers: { host: hostHeader } });
      expect(res.status, `Host: "${hostHeader}"`).toBe(403);
      const api = await invoke({ host: hostHeader, authorization: `Bearer ${host.token}` });
      expect(api.status, hostHeader).toBe(403);
    }
    expect((await request({ path: '/', headers: { host: `localhost:${host.port}` } })).status).toBe(200);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const index = await request({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await request({ path: '/assets/app.js' })).body).toBe('console.log(1)');
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const res = await request({ path: attempt });
      expect(res.body, attempt).not.toContain('do not serve');
    }
  });

  it('refuses a body over the size cap and malformed JSON with a clear error', async () => {
    const big = await invoke({ authorization: `Bearer ${host.token}` }, JSON.stringify({ pad: 'x'.repeat(5 * 1024 * 1024) }));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error.message).toContain('over');
    const broken = await invoke({ authorization: `Bearer ${host.token}` }, '{not json');
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('opens the WebSocket only with the token and an allowed Origin, and survives malformed frames', async () => {
    const url = `ws://127.0.0.1:${host.port}/api/ws`;
    const outcome = (ws: WebSocket) =>
      new Promise<string>((resolve) => {
        ws.on('open', () => resolve('open'));
        ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
        ws.on('error', () => resolve('error'));
      });
    expect(await outcome(new WebSocket(url))).toBe('401');
    expect(await outcome(new WebSocket(`${url}?token=${host.token}`, { origin: 'http://evil.example' }))).toBe('403');
    expect(await outcome(new WebSocket(`${url}?token=${host.token}`, { headers: { host: 'evil.example' } }))).toBe('403');

    const ws = new WebSocket(`${url}?token=${host.token}`, { origin: `http://127.0.0.1:${host.port}` });
    expect(await outcome(ws)).toBe('open');
    const messages: { type: string; id?: string; reply?: { ok: boolean }; error?: unknown }[] = [];
    ws.on('message', (data, isBinary) => {
      if (!isBinary) messages.push(JSON.parse(String(data)));
    });
    for (const frame of ['not json', '[]', '{"type":"invoke"}', '{"type":"invoke","id":{}}', JSON.stringify({ type: 'invoke', id: '1', name: '__proto__', input: {} })]) ws.send(frame);
    ws.send(JSON.stringify({ type: 'invoke', id: '2', name: 'app.info', input: {} }));
    await expect.poll(() => messages.find((m) => m.id === '2')).toBeTruthy();
    expect(messages.filter((m) => m.type === 'error')).toHaveLength(4);
    expect(messages.find((m) => m.id === '1')).toMatchObject({ reply: { ok: false } });
    expect(messages.find((m) => m.id === '2')).toMatchObject({ reply: { ok: true } });

    // Events reach connected clients; console output as a binary frame.
    await app.handlers['settings.set']({ key: 'ui.theme', value: 'light' }, new AbortController().signal);
    await expect.poll(() => messages.some((m) => m.type === 'event')).toBe(true);
    const frames: (OutputChunk | null)[] = [];
    ws.on('message', (data, isBinary) => {
      if (isBinary) frames.push(decodeOutputFrame(data as Buffer));
    });
    const chunk: OutputChunk = { runId: 3, seq: 4, stream: 'pty', data: 'héllo\r\n' };
    app.events.emit('sandbox.output', chunk);
    await expect.poll(() => frames).toEqual([chunk]);
    ws.close();
  });
});
