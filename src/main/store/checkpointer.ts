// WAL checkpoints on a thread of their own, for the long-lived hosts (desktop app, web host).
//
// SQLite's automatic checkpoint runs inside whichever commit pushes the WAL past 1000 pages, on the main thread: it
// copies the pages into the database file and syncs it. A console flood stores ~4 MB/s of output and more, and those
// checkpoints were ~10 of the ~16 ms per MB that storing output held the event loop (the PTY was not read meanwhile;
// docs/performance.md). Here the main connection stops checkpointing and a worker thread with its own connection runs
// a PASSIVE checkpoint every `intervalMs`, which waits for no reader or writer. If the worker cannot start or dies, the
// main connection checkpoints again by itself, so the WAL never grows without bound.
import { Worker } from 'node:worker_threads';
import type { Db } from './db';
import { workerScript, type WorkerScript } from '../workerScript';

export type CheckpointWorkerData = { file: string; nativeBinding?: string; intervalMs: number };
export type CheckpointWorkerReply = 'ready';

export type Checkpointer = {
  /** Stops the thread after a last checkpoint; the main connection checkpoints by itself again. */
  stop(): Promise<void>;
};

/** SQLite's default: checkpoint when a commit leaves the WAL above this many pages. */
const automaticCheckpointPages = 1000;

export function startCheckpointer(
  db: Db,
  options: { file: string; nativeBinding?: string; intervalMs?: number; script?: WorkerScript },
): Checkpointer {
  const script = options.script ?? workerScript('checkpointWorker', new URL('./checkpointWorker.ts', import.meta.url));
  const data: CheckpointWorkerData = {
    file: options.file,
    intervalMs: options.intervalMs ?? 250,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  };
  const worker = new Worker(script.path, { execArgv: script.execArgv ?? [], workerData: data });
  let stopping = false;
  const automatic = () => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${automaticCheckpointPages}`);
  };
  worker.on('message', (reply: CheckpointWorkerReply) => {
    if (reply === 'ready' && !stopping && db.open) db.pragma('wal_autocheckpoint = 0');
  });
  worker.on('error', (err) => {
    console.error('[ark] store: the checkpoint thread failed; checkpoints run on the main thread again:', err);
    automatic();
  });
  const exited = new Promise<void>((resolve) =>
    worker.on('exit', () => {
      automatic();
      resolve();
    }),
  );
  return {
    stop() {
      if (!stopping) {
        stopping = true;
        automatic();
        worker.postMessage('stop');
        // A worker stuck in a checkpoint is not waited for long: closing the database checkpoints anyway.
        const timeout = setTimeout(() => void worker.terminate(), 5000);
        void exited.then(() => clearTimeout(timeout));
      }
      return exited;
    },
  };
}
