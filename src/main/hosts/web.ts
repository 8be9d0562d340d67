// The headless web host: serves the built renderer on loopback and carries the contract over HTTP and a WebSocket.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { maxMessageBytes } from '../../shared/bridge';
import type { Handlers } from '../../shared/contract';
import { failure } from '../../shared/errors';
import { encodeOutputFrame } from '../../shared/outputFrame';
import type { OutputChunk } from '../../shared/sandbox';
import type { EventHub } from '../events';
import { dispatch } from './dispatch';
import { contentSecurityPolicy } from './csp';

export type WebHostOptions = {
  handlers: Handlers;
  events: EventHub;
  /** The built renderer (out/renderer); requests outside it are refused. */
  rendererDir: string;
  port?: number;
  /** Fixed only by tests; otherwise a fresh random token per start. */
  token?: string;
};

export type WebHost = { url: string; port: number; token: string; close(): Promise<void> };

// Bodies and WebSocket frames above maxMessageBytes (shared with the renderer's bridge) are refused: no request of
// the contract needs more, and a cap keeps a hostile page on another origin (or a runaway client) from filling memory.

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  const server = http.createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  let port = 0;

  // DNS rebinding: a foreign site that points its name at 127.0.0.1 still sends its own name as Host.
  const isAllowedHost = (host: string | undefined) => host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  // Browsers always send Origin on WebSocket upgrades and cross-origin POSTs; a page on any other origin is refused.
  const isAllowedOrigin = (origin: string | undefined) => origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
  const hasToken = (candidate: string | null | undefined) => {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && crypto.timingSafeEqual(a, b);
  };

  server.on('request', (req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (!isAllowedHost(req.headers.host)) return sendJson(res, 403, failure('unauthorized', 'Host not allowed: open the URL that `ark serve` printed.'));
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      if (!isAllowedOrigin(req.headers.origin)) return sendJson(res, 403, failure('unauthorized', 'Requests from other origins are refused.'));
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!hasToken(bearer)) return sendJson(res, 401, failure('unauthorized', 'Missing or wrong token: open the URL that `ark serve` printed.'));
      const match = /^\/api\/invoke\/([\w.-]{1,100})$/.exec(url.pathname);
      if (req.method !== 'POST' || !match) return sendJson(res, 404, failure('not-found', 'No such API route. Use POST /api/invoke/<request> or the WebSocket at /api/ws.'));
      return void handleInvoke(req, res, match[1] as string);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, failure('invalid-input', 'Only GET is served here.'));
    serveStatic(url.pathname, res);
  });

  async function handleInvoke(req: http.IncomingMessage, res: http.ServerResponse, name: string) {
    const controller = new AbortController();
    res.on('close', () => controller.abort());
    if (Number(req.headers['content-length'] ?? 0) > maxMessageBytes) {
      res.setHeader('Connection', 'close');
      return sendJson(res, 413, failure('invalid-input', `The request body is over ${maxMessageBytes} bytes.`));
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (err) {
      if (err instanceof BodyTooLarge) return sendJson(res, 413, failure('invalid-input', err.message));
      return sendJson(res, 400, failure('invalid-input', 'The request body is not valid JSON.'));
    }
    const reply = await dispatch(options.handlers, name, body, controller.signal);
    sendJson(res, 200, reply);
  }

  function serveStatic(pathname: string, res: http.ServerResponse) {
    let relative: string;
    try {
      relative = decodeURIComponent(pathname);
    } catch {
      return sendJson(res, 400, failure('invalid-input', 'Malformed path.'));
    }
    const file = path.resolve(rendererDir, '.' + path.posix.normalize(relative));
    const inside = file === rendererDir || file.startsWith(rendererDir + path.sep);
    const target = inside && isFile(file) ? file : path.join(rendererDir, 'index.html');
    if (!inside && relative !== '/') return sendJson(res, 404, failure('not-found', 'Not found.'));
    fs.readFile(target, (err, data) => {
      if (err) return sendJson(res, 404, failure('not-found', `The renderer is not built (${rendererDir}). Run "npm run build".`));
      const isIndex = target.endsWith('index.html');
      res.writeHead(200, {
        'Content-Type': contentTypes[path.extname(target)] ?? 'application/octet-stream',
        'Cache-Control': isIndex ? 'no-store' : 'public, max-age=3600',
        ...(isIndex ? { 'Content-Security-Policy': contentSecurityPolicy, 'X-Frame-Options': 'DENY' } : {}),
      });
      res.end(data);
    });
  }

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const refuse = (status: number, message: string) => {
      socket.end(`HTTP/1.1 ${status} ${message}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (!isAllowedHost(req.headers.host)) return refuse(403, 'Forbidden');
    if (!isAllowedOrigin(req.headers.origin)) return refuse(403, 'Forbidden');
    if (url.pathname !== '/api/ws') return refuse(404, 'Not Found');
    if (!hasToken(url.searchParams.get('token'))) return refuse(401, 'Unauthorized');
    sockets.handleUpgrade(req, socket, head, (ws) => serveSocket(ws));
  });

  function serveSocket(ws: WebSocket) {
    const inFlight = new Map<string, AbortController>();
    const unsubscribe = options.events.subscribe((name, payload) => {
      if (ws.readyState !== ws.OPEN) return;
      // Console output goes out as a binary frame (see outputFrame.ts); every other event as JSON.
      if (name === 'sandbox.output') ws.send(encodeOutputFrame(payload as OutputChunk), { binary: true });
      else ws.send(JSON.stringify({ type: 'event', name, payload }));
    });
    ws.on('message', async (data, isBinary) => {
      const message = parseMessage(isBinary ? null : data.toString());
      if (!message) {
        ws.send(JSON.stringify({ type: 'error', error: { code: 'invalid-input', message: 'Malformed message: expected {"type":"invoke","id","name","input"}.' } }));
        return;
      }
      if (message.type === 'cancel') {
        inFlight.get(message.id)?.abort();
        return;
      }
      const controller = new AbortController();
      inFlight.set(message.id, controller);
      const reply = await dispatch(options.handlers, message.name, message.input, controller.signal);
      inFlight.delete(message.id);
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'reply', id: message.id, reply }));
    });
    ws.on('close', () => {
      unsubscribe();
      for (const controller of inFlight.values()) controller.abort();
    });
    ws.on('error', () => ws.terminate());
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type SocketMessage = { type: 'invoke'; id: string; name: unknown; input: unknown } | { type: 'cancel'; id: string };

function parseMessage(text: string | null): SocketMessage | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.id !== 'string' || record.id.length > 100) return null;
  if (record.type === 'cancel') return { type: 'cancel', id: record.id };
  if (record.type === 'invoke') return { type: 'invoke', id: record.id, name: record.name, input: record.input };
  return null;
}

class BodyTooLarge extends Error {}

// A body over the cap is drained and discarded rather than cut off mid-upload, so the client reads a clear 413
// instead of a reset connection.
function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxMessageBytes) chunks.push(chunk);
    });
    req.on('end', () => (size > maxMessageBytes ? reject(new BodyTooLarge(`The request body is over ${maxMessageBytes} bytes.`)) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, value: unknown) {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(value));
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
