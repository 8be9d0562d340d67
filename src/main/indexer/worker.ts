// The parse worker's entry: parses batches of files and posts back what it extracted. Never touches the database.
import { parentPort } from 'node:worker_threads';
import { parseFile } from './parseFile';
import { toFileResult, type FileResult, type WorkerReply, type WorkerRequest } from './protocol';

const port = parentPort;
if (!port) throw new Error('The index worker must run in a worker thread.');

// One batch at a time, in arrival order: a batch must not interleave with the next while a grammar loads.
let queue: Promise<void> = Promise.resolve();

port.on('message', (request: WorkerRequest) => {
  queue = queue.then(() => handle(request));
});

async function handle(request: WorkerRequest): Promise<void> {
  const results: FileResult[] = [];
  for (const job of request.jobs) {
    try {
      results.push(toFileResult(await parseFile(job, request.maxFileBytes)));
    } catch (err) {
      // A bug or a grammar failure on one file must not lose the rest of the batch.
      const message = err instanceof Error ? err.message : String(err);
      results.push({ kind: 'skipped', path: job.path, skip: { path: job.path, reason: 'unreadable', detail: `The indexer failed on this file: ${message}` } });
    }
  }
  const reply: WorkerReply = { type: 'results', id: request.id, results };
  port?.postMessage(reply);
}

const ready: WorkerReply = { type: 'ready' };
port.postMessage(ready);
