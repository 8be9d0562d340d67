// Watches an open project's folder and reports saved, added and deleted files in debounced bursts.
import path from 'node:path';
import { watch } from 'chokidar';
import { errnoOf } from './fsFailures';
import type { IgnoreRules } from './ignoreRules';
import { isIndexable } from './languages';

export type WatchChanges = { paths: string[]; gitignoreChanged: boolean };

export type WatchOptions = {
  root: string;
  /** The project's ignore rules (looked up on each event, since a full re-index replaces them). */
  rules: () => IgnoreRules;
  debounceMs: number;
  onChanges(changes: WatchChanges): Promise<void>;
  /** The watcher failed (it may go on watching part of the tree): says why, in words for the person. */
  onProblem(message: string): void;
};

// However busy the disk, a save shows in the index within about a second.
const maxWaitMs = 1000;

export function watchProject(options: WatchOptions): { stop(): Promise<void>; ready: Promise<void> } {
  const { root, rules, debounceMs, onChanges, onProblem } = options;
  let paths = new Set<string>();
  let gitignoreChanged = false;
  let timer: NodeJS.Timeout | undefined;
  let firstPendingAt = 0;
  let running: Promise<void> | null = null;
  let stopped = false;

  const relativeOf = (absolute: string) => path.relative(root, absolute).split(path.sep).join('/');

  const watcher = watch(root, {
    ignoreInitial: true,
    followSymlinks: false,
    ignored: (absolute, stats) => {
      const relative = relativeOf(absolute);
      if (relative === '') return false;
      if (relative.startsWith('..')) return true;
      const ignore = rules();
      if (stats?.isFile()) {
        const name = path.basename(absolute);
        if (name === '.gitignore') return false;
        return !isIndexable(name) || ignore.isIgnored(relative, false);
      }
      if (stats?.isDirectory()) return ignore.isIgnored(relative, true);
      // Without stats the type is unknown: ignore only what would be ignored either way.
      return ignore.isIgnored(relative, true) && ignore.isIgnored(relative, false);
    },
  });

  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  function schedule(): void {
    if (stopped) return;
    const now = Date.now();
    if (firstPendingAt === 0) firstPendingAt = now;
    clearTimeout(timer);
    const wait = Math.max(0, Math.min(debounceMs, firstPendingAt + maxWaitMs - now));
    timer = setTimeout(() => void flush(), wait);
  }

  async function flush(): Promise<void> {
    if (stopped) return;
    if (running) {
      // A re-index is still writing; the changes that came meanwhile go in the next one.
      await running;
      if (paths.size > 0 || gitignoreChanged) schedule();
      return;
    }
    const changes: WatchChanges = { paths: [...paths], gitignoreChanged };
    paths = new Set();
    gitignoreChanged = false;
    firstPendingAt = 0;
    if (changes.paths.length === 0 && !changes.gitignoreChanged) return;
    running = onChanges(changes).finally(() => {
      running = null;
    });
    await running;
  }

  const record = (absolute: string) => {
    const relative = relativeOf(absolute);
    if (!relative || relative.startsWith('..')) return;
    if (path.basename(absolute) === '.gitignore') gitignoreChanged = true;
    else paths.add(relative);
    schedule();
  };
  watcher.on('add', record);
  watcher.on('change', record);
  watcher.on('unlink', record);
  watcher.on('unlinkDir', record);
  watcher.on('error', (err) => {
    console.error(`[ark] watching ${root} failed:`, err);
    onProblem(describeWatchError(err));
  });

  return {
    ready,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}

/** What a watcher error means for the person, with what to do about it where there is something to do. */
export function describeWatchError(err: unknown): string {
  const code = errnoOf(err);
  if (code === 'ENOSPC') {
    return 'The system limit on watched folders is reached (fs.inotify.max_user_watches), so saves in some folders are not seen. Raise the limit, or open the project again after changing files.';
  }
  if (code === 'EMFILE' || code === 'ENFILE') {
    return 'Too many files are open to watch every folder, so saves in some folders are not seen. Close other programs, or open the project again after changing files.';
  }
  const detail = err instanceof Error ? err.message : String(err);
  return `Watching the folder for saves failed (${detail}), so some changes may not be seen. Open the project again to bring the index up to date.`;
}
