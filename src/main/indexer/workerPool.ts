// A small pool of parse workers: batches in, results out, crash-tolerant, and stoppable at once for cancellation.
import { Worker } from 'node:worker_threads';
import { ArkError } from '../../shared/errors';
import type { ParseJob, ParseResult } from './parseFile';
import type { WorkerReply, WorkerRequest } from './protocol';

/** Where the worker entry lives: the built JS file in the app, or the TypeScript source with a loader in tests. */
export type WorkerScript = { path: string; execArgv?: string[] };

export type WorkerPool = {
  readonly size: number;
  /** Parses a batch on the next free worker; results come back in the batch's order. */
  parse(jobs: ParseJob[]): Promise<ParseResult[]>;
  /** Starts the workers now, so their WASM start-up overlaps the walk. */
  warm(): void;
  /** Stops every worker at once; batches in flight or queued fail with ArkError('cancelled'). */
  cancel(): Promise<void>;
  close(): Promise<void>;
};

type Batch = { id: number; jobs: ParseJob[]; resolve(results: ParseResult[]): void; reject(err: unknown): void };
type Slot = { worker: Worker; ready: boolean; batch: Batch | null; replied: boolean };

// Two workers that die before saying they are ready mean the script itself is broken, not one file.
const maxStartFailures = 2;

export function createWorkerPool(options: { script: WorkerScript; size: number; maxFileBytes: number }): WorkerPool {
  const { script, size, maxFileBytes } = options;
  const slots = new Set<Slot>();
  const queue: Batch[] = [];
  let nextId = 1;
  let startFailures = 0;
  let closed = false;

  function spawn(): Slot {
    const worker = new Worker(script.path, { execArgv: script.execArgv ?? [] });
    const slot: Slot = { worker, ready: false, batch: null, replied: false };
    slots.add(slot);
    worker.on('message', (reply: WorkerReply) => {
      slot.replied = true;
      if (reply.type === 'ready') {
        slot.ready = true;
        startFailures = 0;
        return;
      }
      const batch = slot.batch;
      slot.batch = null;
      if (batch && reply.id === batch.id) {
        if (reply.type === 'results') batch.resolve(reply.results);
        else batch.reject(new ArkError('internal', `A parse worker failed: ${reply.message}`));
      }
      dispatch();
    });
    const lost = (reason: string) => {
      if (!slots.has(slot)) return;
      slots.delete(slot);
      if (!slot.replied) startFailures++;
      const batch = slot.batch;
      slot.batch = null;
      if (batch) recover(batch, reason);
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
    for (const slot of slots) {
      if (slot.batch) slot.batch.reject(err);
      slot.batch = null;
    }
  }

  function dispatch(): void {
    if (closed) return;
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (slot.batch) continue;
      send(slot, queue.shift() as Batch);
    }
    while (queue.length > 0 && slots.size < size) send(spawn(), queue.shift() as Batch);
  }

  function send(slot: Slot, batch: Batch): void {
    slot.batch = batch;
    const request: WorkerRequest = { id: batch.id, jobs: batch.jobs, maxFileBytes };
    slot.worker.postMessage(request);
  }

  function enqueue(jobs: ParseJob[]): Promise<ParseResult[]> {
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
      const pending = [...queue.splice(0), ...[...slots].flatMap((slot) => (slot.batch ? [slot.batch] : []))];
      await stopAll();
      for (const batch of pending) batch.reject(cancelled);
    },
    async close() {
      closed = true;
      const pending = [...queue.splice(0), ...[...slots].flatMap((slot) => (slot.batch ? [slot.batch] : []))];
      await stopAll();
      for (const batch of pending) batch.reject(new ArkError('cancelled', 'The indexer was closed.'));
    },
  };
}
