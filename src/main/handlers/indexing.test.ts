// Keeping an open project current when that fails: the watcher's errors and failed re-indexes reach the UI as
// `index.watchProblem`, and opening the project again starts a fresh watcher. chokidar is replaced by a watcher this
// test drives, because the failures it reports (the inotify limit, too many open files) cannot be caused here without
// changing the whole machine's limits.
import Database from 'better-sqlite3';
import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Input, RequestName } from '../../shared/contract';
import { createApp, type App } from '../app';
import { requestValue } from '../testing/requests';
import { makeTempDir } from '../testing/tempDir';

const fakeWatchers = vi.hoisted(() => [] as (EventEmitter & { closed: boolean })[]);

vi.mock('chokidar', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  return {
    watch: () => {
      const watcher = Object.assign(new Emitter(), {
        closed: false,
        close: async () => {
          watcher.closed = true;
        },
      });
      fakeWatchers.push(watcher);
      // chokidar reports `ready` once it has seen the tree.
      setImmediate(() => watcher.emit('ready'));
      return watcher;
    },
  };
});

let app: App;
let temp: ReturnType<typeof makeTempDir>;
let root: string;
let problems: { projectId: number; message: string }[];

beforeEach(async () => {
  fakeWatchers.length = 0;
  temp = makeTempDir('ark-watch-problem-');
  root = path.join(temp.dir, 'project');
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(root, 'a.py'), 'def alpha():\n    return 1\n');
  app = await createApp({ host: 'web', dataDir: temp.dir, dbPath: path.join(temp.dir, 'ark.db'), appRoot: temp.dir, version: '0.0.0-test' });
  problems = [];
  app.events.subscribe((name, payload) => {
    if (name === 'index.watchProblem') problems.push(payload as { projectId: number; message: string });
  });
});

afterEach(async () => {
  await app.close();
  temp.cleanup();
});

const value = <N extends RequestName>(name: N, input: Input<N>) => requestValue(app, name, input);

function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

describe('a live project whose watcher fails', () => {
  it('tells the UI why (the inotify limit, in words) and restarts the watcher when the project is opened again', async () => {
    const { projectId } = await value('project.open', { root, watch: true });
    expect(fakeWatchers).toHaveLength(1);
    // Opening the same, healthy project again keeps its watcher.
    await value('project.open', { root, watch: true });
    expect(fakeWatchers).toHaveLength(1);

    fakeWatchers[0]?.emit('error', errno('ENOSPC', 'ENOSPC: System limit for number of file watchers reached, watch'));
    expect(problems).toEqual([{ projectId, message: expect.stringContaining('fs.inotify.max_user_watches') }]);

    fakeWatchers[0]?.emit('error', errno('EMFILE', 'EMFILE: too many open files'));
    expect(problems[1]?.message).toContain('Too many files are open');

    await value('project.open', { root, watch: true });
    expect(fakeWatchers).toHaveLength(2);
    expect(fakeWatchers[0]?.closed).toBe(true);
    expect(fakeWatchers[1]?.closed).toBe(false);
  });

  it('keeps the index of a project folder that was moved away, and says so', async () => {
    const { projectId } = await value('project.open', { root, watch: true });
    fs.renameSync(root, `${root}-moved`);
    fakeWatchers[0]?.emit('unlink', path.join(root, 'a.py'));
    await vi.waitFor(() => expect(problems).toHaveLength(1), { timeout: 5000, interval: 20 });
    expect(problems[0]).toEqual({ projectId, message: `The folder ${root} is gone (moved or deleted). The index shows it as it was; open the folder where it is now to index it there.` });
    expect((await value('search.symbols', { text: 'alpha', projectId })).map((hit) => hit.name)).toEqual(['alpha']);
  });

  it('reports a re-index of saved files that fails (the database locked by another program), with the reason', async () => {
    const { projectId } = await value('project.open', { root, watch: true });
    app.db.pragma('busy_timeout = 100');
    const other = new Database(path.join(temp.dir, 'ark.db'));
    other.exec('BEGIN EXCLUSIVE');
    try {
      fs.writeFileSync(path.join(root, 'a.py'), 'def beta():\n    return 2\n');
      fakeWatchers[0]?.emit('change', path.join(root, 'a.py'));
      await vi.waitFor(() => expect(problems).toHaveLength(1), { timeout: 5000, interval: 20 });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(problems[0]).toEqual({ projectId, message: expect.stringMatching(/^Re-indexing saved files failed: The database .* is locked by another program .*open the project again to bring it up to date\.$/) });
    // Opening the project again brings the index up to date and makes it live again.
    await value('project.open', { root, watch: true });
    expect(fakeWatchers).toHaveLength(2);
    expect((await value('search.symbols', { text: 'beta', projectId })).map((hit) => hit.name)).toEqual(['beta']);
  });

  it('says what failed for an error it has no special words for', async () => {
    await value('project.open', { root, watch: true });
    fakeWatchers[0]?.emit('error', new Error('watch /x EIO'));
    expect(problems[0]?.message).toBe('Watching the folder for saves failed (watch /x EIO), so some changes may not be seen. Open the project again to bring the index up to date.');
  });
});
