// The checkpoint thread: the main connection stops checkpointing, the thread moves the WAL into the database file, and
// checkpoints fall back to the main connection when the thread stops or cannot start.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../testing/tempDir';
import { startCheckpointer } from './checkpointer';
import { openDatabase, type Db } from './db';

describe('checkpointer', () => {
  let dir: string;
  let cleanup: () => void;
  let db: Db;
  let file: string;
  beforeEach(() => {
    ({ dir, cleanup } = makeTempDir('ark-checkpoint-'));
    file = path.join(dir, 'ark.db');
    db = openDatabase(file);
    db.exec('CREATE TABLE blobs (data BLOB)');
  });
  afterEach(() => {
    db.close();
    cleanup();
  });

  const until = async (check: () => boolean, what: string) => {
    for (const started = Date.now(); !check(); ) {
      if (Date.now() - started > 10_000) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const autocheckpoint = () => db.pragma('wal_autocheckpoint', { simple: true });

  it('moves the WAL into the database file from its own thread, and hands checkpoints back when stopped', async () => {
    const checkpointer = startCheckpointer(db, { file, intervalMs: 50 });
    await until(() => autocheckpoint() === 0, 'the thread to take over');
    const before = fs.statSync(file).size;
    const insert = db.prepare('INSERT INTO blobs VALUES (?)');
    // 8 MB in 1 MB commits: past SQLite's 1000-page automatic checkpoint, which the main connection no longer runs.
    for (let i = 0; i < 8; i++) db.transaction(() => insert.run(Buffer.alloc(1024 * 1024, i)))();
    await until(() => fs.statSync(file).size > before + 8 * 1024 * 1024, 'the database file to receive the pages');
    await checkpointer.stop();
    expect(autocheckpoint()).toBe(1000);
    expect(db.prepare('SELECT count(*) AS n FROM blobs').get()).toEqual({ n: 8 });
  });

  it('leaves checkpoints on the main connection when the thread cannot start', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const checkpointer = startCheckpointer(db, { file, script: { path: path.join(dir, 'missing-worker.js') } });
    await checkpointer.stop();
    expect(autocheckpoint()).toBe(1000);
    expect(logged.mock.calls.some((call) => String(call[0]).includes('checkpoint thread failed'))).toBe(true);
    logged.mockRestore();
  });
});
