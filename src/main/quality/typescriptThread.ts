// Runs TypeScript checks on one worker thread (typescriptWorker.ts), started on first use and kept for the next:
// the main thread stays free for requests and events while a program is built and checked.
import { Worker } from 'node:worker_threads';
import { ArkError } from '../../shared/errors';
import type { Language } from '../../shared/domain';
import type { QualityFinding } from '../../shared/quality';
import { workerScript, type WorkerScript } from '../workerScript';

export type TypeScriptCheckRequest = { id: number; code: string; language: Exclude<Language, 'python'>; filename: string | undefined };
export type TypeScriptCheckReply = { id: number; ok: true; findings: QualityFinding[] } | { id: number; ok: false; message: string };

export type TypeScriptThread = {
  /** Rejects with `timeout` (the thread is then replaced), `cancelled` on abort, `unavailable` when the check failed. */
  check(code: string, language: Exclude<Language, 'python'>, options: { filename?: string | undefined; timeoutMs: number; signal?: AbortSignal | undefined }): Promise<QualityFinding[]>;
  close(): Promise<void>;
};

export function defaultTypeScriptWorker(): WorkerScript {
  return workerScript('typescriptWorker', new URL('./typescriptWorker.ts', import.meta.url));
}

type Pending = { worker: Worker; resolve(findings: QualityFinding[]): void; reject(error: Error): void };

export function createTypeScriptThread(script: WorkerScript = defaultTypeScriptWorker()): TypeScriptThread {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  /** Fails the checks sent to `on` (a thread that stopped), or all of them. */
  const failAll = (error: Error, on?: Worker) => {
    for (const [id, waiting] of pending) {
      if (on && waiting.worker !== on) continue;
      pending.delete(id);
      waiting.reject(error);
    }
  };
  const stop = async () => {
    const running = worker;
    worker = null;
    if (running) await running.terminate();
  };
  const start = (): Worker => {
    const started = new Worker(script.path, { execArgv: script.execArgv ?? [] });
    started.on('message', (reply: TypeScriptCheckReply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.findings);
      else waiting.reject(new ArkError('unavailable', `The TypeScript check failed: ${reply.message}`));
    });
    started.on('error', (err) => {
      if (worker === started) worker = null;
      failAll(new ArkError('unavailable', `The TypeScript checker stopped: ${err.message}`), started);
    });
    started.on('exit', () => {
      if (worker === started) worker = null;
      failAll(new ArkError('unavailable', 'The TypeScript checker stopped.'), started);
    });
    return started;
  };

  return {
    check(code, language, options) {
      if (options.signal?.aborted) return Promise.reject(new ArkError('cancelled', 'The quality analysis was cancelled.'));
      worker ??= start();
      const running = worker;
      const id = nextId++;
      return new Promise<QualityFinding[]>((resolve, reject) => {
        const finish = () => {
          clearTimeout(timer);
          options.signal?.removeEventListener('abort', onAbort);
        };
        const timer = setTimeout(() => {
          // A check stuck on pathological code: the thread is replaced so the next check does not wait behind it.
          pending.delete(id);
          finish();
          if (worker === running) void stop();
          reject(new ArkError('timeout', `The TypeScript check did not finish within ${Math.round(options.timeoutMs / 1000)} s.`));
        }, options.timeoutMs);
        const onAbort = () => {
          pending.delete(id);
          finish();
          reject(new ArkError('cancelled', 'The quality analysis was cancelled.'));
        };
        options.signal?.addEventListener('abort', onAbort, { once: true });
        pending.set(id, {
          worker: running,
          resolve: (findings) => {
            finish();
            resolve(findings);
          },
          reject: (error) => {
            finish();
            reject(error);
          },
        });
        const request: TypeScriptCheckRequest = { id, code, language, filename: options.filename };
        running.postMessage(request);
      });
    },
    async close() {
      failAll(new ArkError('unavailable', 'The quality analyzer was closed.'));
      await stop();
    },
  };
}
