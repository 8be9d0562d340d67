// A small pool of parse workers: batches in, results out, crash-tolerant, and stoppable at once for cancellation.
import { Worker } from 'node:worker_threads';
import { ArkError } from '../../shared/errors';
import type { ParseJob } from './parseFile';
import type { FileResult, WorkerReply, WorkerRequest } from './protocol';
import type { WorkerScript } from '../workerScript';

export type { WorkerScript } from '../workerScript';

export type WorkerPool = {
  readonly size: number;
  /** Parses a batch on the next free worker; results come back in the batch's order. */
  parse(jobs: ParseJob[]): Promise<FileResult[]>;
  /** Starts the workers now, so their WASM start-up overlaps the walk. */
  warm(): void;
  /** Stops every worker at once; batches in flight or queued fail with ArkError('cancelled'). */
  cancel(): Promise<void>;
  close(): Promise<void>;
};

type Batch = { id: number; jobs: ParseJob[]; resolve(results: FileResult[]): void; reject(err: unknown): void };
type Slot = { worker: Worker; ready: boolean; batches: Batch[]; replied: boolean };

// Two workers that die before saying they are ready mean the script itself is broken, not one file.
const maxStartFailures = 2;
// A second batch waits in each worker's own queue, so a worker starts on it the moment it finishes the first instead
// of idling until the main thread (busy storing the other worker's results) gets round to sending more.
const batchesPerWorker = 2;

export function createWorkerPool(options: { script: WorkerScript; size: number; maxFileBytes: number }): WorkerPool {
  const { script, size, maxFileBytes } = options;
  const slots = new Set<Slot>();
  const queue: Batch[] = [];
  let nextId = 1;
  let startFailures = 0;
  let closed = false;

  function spawn(): Slot {
    const worker = new Worker(script.path, { execArgv: script.execArgv ?? [] });
    const slot: Slot = { worker, ready: false, batches: [], replied: false };
    slots.add(slot);
    worker.on('message', (reply: WorkerReply) => {
      slot.replied = true;
      if (reply.type === 'ready') {
        slot.ready = true;
        startFailures = 0;
        return;
      }
      const index = slot.batches.findIndex((batch) => batch.id === reply.id);
      const [batch] = index === -1 ? [] : slot.batches.splice(index, 1);
      if (batch) {
        if (reply.type === 'results') batch.resolve(reply.results);
        else batch.reject(new ArkError('internal', `A parse worker failed: ${reply.message}`));
      }
      dispatch();
    });
    const lost = (reason: string) => {
      if (!slots.has(slot)) return;
      slots.delete(slot);
      if (!slot.replied) startFailures++;
      // Only the batch the worker was on can be at fault; the one waiting behind it goes back to the front of the queue.
      const [current, ...waiting] = slot.batches.splice(0);
      queue.unshift(...waiting);
      if (current) recover(current, reason);
      if (startFailures >= maxStartFailures) {
        failAll(new ArkError('unavailable', `The index worker could not start (${script.path}): ${reason}. Check the worker script path the app was built with.`));
        return;
      }
      dispatch();
    };
    worker.on('error', (err) => lost(err instanceof Error ? err.message : String(err)));
    worker.on('exit', (code) => lost(`it exited with code ${code}`));
    return slot;
  }

  // A worker that dies mid-batch (a WASM trap, memory) is retried file by file, so one bad file costs only itself.
  function recover(batch: Batch, reason: string): void {
    if (batch.jobs.length > 1) {
      Promise.all(batch.jobs.map((job) => enqueue([job]))).then((parts) => batch.resolve(parts.flat()), batch.reject);
      return;
    }
    const job = batch.jobs[0];
    batch.resolve(
      job ? [{ kind: 'skipped', path: job.path, skip: { path: job.path, reason: 'unreadable', detail: `The parser stopped on this file (${reason}).` } }] : [],
    );
  }

  function failAll(err: ArkError): void {
    for (const batch of queue.splice(0)) batch.reject(err);
    for (const slot of slots) for (const batch of slot.batches.splice(0)) batch.reject(err);
  }

  function dispatch(): void {
    if (closed) return;
    // Every worker gets one batch (starting workers up to `size`) before any gets a second.
    for (const slot of slots) if (queue.length > 0 && slot.batches.length === 0) send(slot, queue.shift() as Batch);
    while (queue.length > 0 && slots.size < size) send(spawn(), queue.shift() as Batch);
    for (const slot of slots) while (queue.length > 0 && slot.batches.length < batchesPerWorker) send(slot, queue.shift() as Batch);
  }

  function send(slot: Slot, batch: Batch): void {
    slot.batches.push(batch);
    const request: WorkerRequest = { id: batch.id, jobs: batch.jobs, maxFileBytes };
    slot.worker.postMessage(request);
  }

  function enqueue(jobs: ParseJob[]): Promise<FileResult[]> {
    if (closed) return Promise.reject(new ArkError('unavailable', 'The indexer is closed.'));
    return new Promise((resolve, reject) => {
      queue.push({ id: nextId++, jobs, resolve, reject });
      dispatch();
    });
  }

  async function stopAll(): Promise<void> {
    const workers = [...slots].map((slot) => slot.worker);
    slots.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  return {
    size,
    parse: enqueue,
    warm() {
      while (!closed && slots.size < size) spawn();
    },
    async cancel() {
      const cancelled = new ArkError('cancelled', 'Indexing was cancelled.');
      const pending = [...queue.splice(0), ...[...slots].flatMap((slot) => slot.batches.splice(0))];
      await stopAll();
      for (const batch of pending) batch.reject(cancelled);
    },
    async close() {
      closed = true;
      const pending = [...queue.splice(0), ...[...slots].flatMap((slot) => slot.batches.splice(0))];
      await stopAll();
      for (const batch of pending) batch.reject(new ArkError('cancelled', 'The indexer was closed.'));
    },
  };
}
