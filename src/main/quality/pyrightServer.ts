// Type-checks Python with ONE long-lived pyright language server (`pyright-langserver --stdio` from npm): started on
// first use, reused by every check, started again after it dies, closed with the app. A cold pyright CLI run costs
// 3–10 s (a Node start plus loading typeshed's builtins); a warm server answers a small file in about 0.1 s.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { ArkError } from '../../shared/errors';
import type { QualityFinding } from '../../shared/quality';
import { checkedFileName, pyrightFinding, pyrightPackageVersion, type PyrightResult } from './pyright';

const require = createRequire(import.meta.url);

/** Where pyright's language server entry is, or null when the package is not installed. */
export function pyrightServerPath(): string | null {
  try {
    return require.resolve('pyright/langserver.index.js');
  } catch {
    return null;
  }
}

// LSP's DiagnosticSeverity: 1 error, 2 warning, 3 information, 4 hint.
const Diagnostic = z.object({
  range: z.object({ start: z.object({ line: z.number(), character: z.number() }), end: z.object({ line: z.number(), character: z.number() }) }),
  severity: z.number().optional(),
  code: z.union([z.string(), z.number()]).optional(),
  message: z.string(),
});
const DocumentDiagnosticReport = z.object({ kind: z.literal('full'), items: z.array(Diagnostic) });

type Message = { id?: number | string; method?: string; params?: unknown; result?: unknown; error?: { code: number; message: string } };
type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export type PyrightServer = {
  /** Checks one piece of code as a document of its own; rejects with `timeout` after timeoutMs, `cancelled` on abort. */
  check(code: string, options: { filename?: string | undefined; timeoutMs: number; signal?: AbortSignal | undefined }): Promise<PyrightResult>;
  /** Starts the server now (a pipeline run does this early, so its quality stage finds it warm). */
  warmUp(): void;
  /** The running server's process id, or null when none is running. */
  pid(): number | null;
  /** Asks the server to shut down (killing it if it does not within a second) and removes its workspace. */
  close(): Promise<void>;
};

/** One running server: its process, the JSON-RPC state, and the workspace folder it was given. */
type Connection = {
  child: ChildProcessWithoutNullStreams;
  request(method: string, params: unknown): { id: number; reply: Promise<unknown> };
  notify(method: string, params: unknown): void;
  ready: Promise<void>;
  exited: Promise<void>;
  /** The last lines it logged, for an error message when it dies. */
  log: string[];
};

export function createPyrightServer(options: { serverPath: string }): PyrightServer {
  // One workspace for the server's whole life: an empty folder with the same configuration the CLI check used, so
  // nothing of the user's project is read and "standard" mode applies. Documents are opened in memory, never written.
  let workspace: string | null = null;
  let connection: Connection | null = null;
  let documents = 0;
  let closed = false;

  function workspaceFolder(): string {
    if (!workspace) {
      workspace = mkdtempSync(path.join(os.tmpdir(), 'ark-pyright-server-'));
      writeFileSync(path.join(workspace, 'pyrightconfig.json'), JSON.stringify({ typeCheckingMode: 'standard' }), 'utf8');
    }
    return workspace;
  }

  function start(): Connection {
    const folder = workspaceFolder();
    // Electron's binary runs scripts as plain Node only with ELECTRON_RUN_AS_NODE; under Node the variable is ignored.
    const child = spawn(process.execPath, [options.serverPath, '--stdio'], {
      cwd: folder,
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NODE_OPTIONS: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const pending = new Map<number, Pending>();
    const log: string[] = [];
    const remember = (line: string) => {
      log.push(line);
      if (log.length > 20) log.shift();
    };
    let nextId = 0;
    let buffer = Buffer.alloc(0);

    const send = (message: Message) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
      if (!child.stdin.writable) return;
      child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      child.stdin.write(body);
    };

    // The server asks the client a few things; it needs an answer to each, but none needs more than "nothing".
    const answer = (message: Message) => {
      const items = (message.params as { items?: unknown[] } | undefined)?.items;
      send({ id: message.id!, result: message.method === 'workspace/configuration' && Array.isArray(items) ? items.map(() => null) : null });
    };

    const receive = (message: Message) => {
      if (message.method !== undefined && message.id !== undefined) answer(message);
      else if (message.method === 'window/logMessage') remember(String((message.params as { message?: unknown } | undefined)?.message ?? ''));
      else if (message.id !== undefined && message.method === undefined) {
        const waiting = pending.get(Number(message.id));
        pending.delete(Number(message.id));
        if (!waiting) return;
        if (message.error) waiting.reject(new Error(`pyright: ${message.error.message}`));
        else waiting.resolve(message.result);
      }
    };

    child.stdout.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1] ?? NaN);
        if (!Number.isFinite(length)) {
          child.kill('SIGKILL');
          return;
        }
        if (buffer.length < headerEnd + 4 + length) return;
        const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
        buffer = buffer.subarray(headerEnd + 4 + length);
        try {
          receive(JSON.parse(body) as Message);
        } catch {
          remember(`unreadable message: ${body.slice(0, 200)}`);
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) remember(line.trim());
    });
    // A failed write to a dead server surfaces through 'exit'; the stream error itself carries nothing more.
    child.stdin.on('error', () => {});

    const exited = new Promise<void>((resolve) => {
      const finish = (reason: string) => {
        if (connection === self) connection = null;
        const detail = log.slice(-3).join(' ');
        for (const waiting of pending.values()) waiting.reject(new Error(`the pyright language server ${reason}${detail ? `: ${detail}` : ''}`));
        pending.clear();
        resolve();
      };
      child.on('error', (error) => finish(`could not start (${error.message})`));
      child.on('exit', (code, signal) => finish(signal ? `was stopped (${signal})` : `exited with code ${code}`));
    });

    const request = (method: string, params: unknown) => {
      nextId += 1;
      const id = nextId;
      const reply = new Promise<unknown>((resolve, reject) => pending.set(id, { resolve, reject }));
      send({ id, method, params });
      return { id, reply };
    };
    const notify = (method: string, params: unknown) => send({ method, params });

    const rootUri = pathToFileURL(folder).href;
    const ready = request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'ark' }],
      // Pull diagnostics (textDocument/diagnostic) need dynamic registration on pyright's side: it registers the
      // request once initialized, and answers each pull with the document's complete, current diagnostics.
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: true }, publishDiagnostics: {} }, workspace: { configuration: true, workspaceFolders: true } },
    }).reply.then(() => notify('initialized', {}));
    const self: Connection = { child, request, notify, ready, exited, log };
    return self;
  }

  function current(): Connection {
    if (closed) throw new ArkError('unavailable', 'The type checker has been shut down.');
    connection ??= start();
    return connection;
  }

  return {
    warmUp() {
      if (!closed) current().ready.catch(() => {});
    },

    pid: () => connection?.child.pid ?? null,

    async check(code, { filename, timeoutMs, signal }) {
      if (signal?.aborted) throw new ArkError('cancelled', 'The quality analysis was cancelled.');
      const server = current();
      documents += 1;
      // A folder per document keeps the user's base name (pyright reads it, e.g. for `__init__.py`) without clashes.
      const uri = pathToFileURL(path.join(workspaceFolder(), `check-${documents}`, checkedFileName(filename, '.py', 'snippet.py'))).href;
      let pull: { id: number; reply: Promise<unknown> } | null = null;
      let timer: NodeJS.Timeout | undefined;
      let onAbort: (() => void) | undefined;
      const stop = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          // A server stuck on one document would hold up every later check: stop it; the next check starts another.
          server.child.kill('SIGKILL');
          reject(new ArkError('timeout', `type check timed out after ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`));
        }, timeoutMs);
        onAbort = () => {
          if (pull) server.notify('$/cancelRequest', { id: pull.id });
          reject(new ArkError('cancelled', 'The quality analysis was cancelled.'));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
      });
      try {
        const diagnostics = await Promise.race([
          (async () => {
            await server.ready;
            server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: code } });
            pull = server.request('textDocument/diagnostic', { textDocument: { uri } });
            const parsed = DocumentDiagnosticReport.safeParse(await pull.reply);
            if (!parsed.success) throw new Error('pyright answered the diagnostics request without a full report');
            return parsed.data.items;
          })(),
          stop,
        ]);
        return { version: pyrightPackageVersion() ?? 'unknown', findings: diagnostics.filter((item) => item.severity !== 4).map(toFinding) };
      } finally {
        clearTimeout(timer);
        if (onAbort) signal?.removeEventListener('abort', onAbort);
        // Closed so the server forgets it: its memory stays that of one document, however many checks run.
        if (connection === server) server.notify('textDocument/didClose', { textDocument: { uri } });
      }
    },

    async close() {
      closed = true;
      const server = connection;
      if (server) {
        const shutdown = server.ready.then(() => server.request('shutdown', null).reply).then(() => server.notify('exit', null));
        const timer = setTimeout(() => server.child.kill('SIGKILL'), 1000);
        await Promise.race([shutdown.catch(() => server.child.kill('SIGKILL')), server.exited]);
        await server.exited;
        clearTimeout(timer);
      }
      if (workspace) rmSync(workspace, { recursive: true, force: true });
      workspace = null;
    },
  };
}

function toFinding(diagnostic: z.infer<typeof Diagnostic>): QualityFinding {
  return pyrightFinding({
    ruleId: diagnostic.code === undefined ? 'pyright' : String(diagnostic.code),
    severity: diagnostic.severity === 1 ? 'error' : diagnostic.severity === 2 ? 'warning' : 'info',
    message: diagnostic.message,
    ...diagnostic.range,
  });
}
