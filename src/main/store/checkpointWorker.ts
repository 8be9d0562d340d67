// The checkpoint thread's entry: its own connection to the database, moving the WAL's pages into the database file
// (and syncing it) off the main thread. See checkpointer.ts.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckpointWorkerData, CheckpointWorkerReply } from './checkpointer';

const port = parentPort;
if (!port) throw new Error('The checkpoint worker must run in a worker thread.');
const { file, nativeBinding, intervalMs } = workerData as CheckpointWorkerData;

// No busy wait: a checkpoint that finds another under way is simply tried again on the next tick.
const db = new Database(file, { timeout: 0, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
const checkpoint = () => {
  try {
    // PASSIVE: copies what no reader still needs, without waiting for readers or writers, so the app never waits on it.
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
  }
};
const timer = setInterval(checkpoint, intervalMs);

port.on('message', (message: 'stop') => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  port.close();
});

const ready: CheckpointWorkerReply = 'ready';
port.postMessage(ready);
