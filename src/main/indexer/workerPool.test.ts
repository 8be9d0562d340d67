// The worker pool with a real worker thread running a tiny protocol-speaking script: order, queueing and crash recovery.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ParseJob } from './parseFile';
import { createWorkerPool, type WorkerPool } from './workerPool';

// Answers each batch after a short pause (so batches queue up behind each other) and exits outright on a job whose
// path contains "crash", as a WASM trap would take the thread down.
const workerSource = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (request) => {
  setTimeout(() => {
    if (request.jobs.some((job) => job.path.includes('crash'))) process.exit(3);
    parentPort.postMessage({ type: 'results', id: request.id, results: request.jobs.map((job) => ({ kind: 'unchanged', path: job.path, size: 0, mtimeMs: 0 })) });
  }, 20);
});
parentPort.postMessage({ type: 'ready' });
`;

let script: string;
let pool: WorkerPool | undefined;

beforeAll(() => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ark-pool-'));
  script = path.join(folder, 'worker.cjs');
  fs.writeFileSync(script, workerSource);
});

afterAll(() => {
  fs.rmSync(path.dirname(script), { recursive: true, force: true });
});

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

const jobs = (...paths: string[]): ParseJob[] => paths.map((file) => ({ path: file, absolutePath: file, size: 1, mtimeMs: 0, knownHash: null }));

describe('worker pool', () => {
  it('answers every batch, in each batch’s order, when more batches than workers are queued', async () => {
    pool = createWorkerPool({ script: { path: script }, size: 1, maxFileBytes: 1024 });
    const batches = await Promise.all([pool.parse(jobs('a', 'b')), pool.parse(jobs('c')), pool.parse(jobs('d', 'e')), pool.parse(jobs('f'))]);
    expect(batches.map((results) => results.map((result) => result.path))).toEqual([['a', 'b'], ['c'], ['d', 'e'], ['f']]);
    expect(batches.flat().every((result) => result.kind === 'unchanged')).toBe(true);
  });

  it('skips only the file that crashed a worker; the rest of its batch and the batch waiting behind it are parsed', async () => {
    pool = createWorkerPool({ script: { path: script }, size: 1, maxFileBytes: 1024 });
    const [first, second] = await Promise.all([pool.parse(jobs('one', 'crash.py', 'two')), pool.parse(jobs('three'))]);
    expect(first?.map((result) => [result.path, result.kind])).toEqual([
      ['one', 'unchanged'],
      ['crash.py', 'skipped'],
      ['two', 'unchanged'],
    ]);
    expect(second?.map((result) => [result.path, result.kind])).toEqual([['three', 'unchanged']]);
  });
});
