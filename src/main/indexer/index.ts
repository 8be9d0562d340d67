// The indexer service: walks a project, parses it in worker threads, stores symbols, answers searches, stays live.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { EventPayload } from '../../shared/contract';
import { ArkError, isArkError } from '../../shared/errors';
import {
  TierRules,
  type FileContent,
  type FileEntry,
  type IndexChanged,
  type IndexProgress,
  type IndexSummary,
  type IndexWatchProblem,
  type RecentProject,
  type SearchHit,
  type SearchQuery,
  type SkippedPath,
  type SymbolDetail,
  type TierRule,
} from '../../shared/indexing';
import { describeDatabaseError } from '../store/db';
import { createIndexRepo, type IndexRepo, type IndexStaging, type ProjectRecord, type StoredFile } from '../store/indexRepo';
import { errnoOf, formatBytes } from './fsFailures';
import { createIgnoreRules, type IgnoreRules } from './ignoreRules';
import { isIndexable, languageOf } from './languages';
import type { ParseJob } from './parseFile';
import type { FileResult } from './protocol';
import { createProgressTracker, type ProgressTracker } from './progress';
import { compileTierRules, defaultTierRules, type TierClassifier } from './tiers';
import { isInside, openForReadingNoWait } from '../paths';
import { walkProject } from './walk';
import { watchProject } from './watcher';
import { sourceWorker, type WorkerScript } from '../workerScript';
import { createWorkerPool } from './workerPool';

export type { WorkerScript } from './workerPool';
export { defaultTierRules } from './tiers';

/** The events the indexer emits, by name. */
export type IndexerEvents = { 'index.progress': IndexProgress; 'index.changed': IndexChanged; 'index.watchProblem': IndexWatchProblem };
export type IndexerEmit = <N extends keyof IndexerEvents>(name: N, payload: EventPayload<N>) => void;

export type IndexerDeps = {
  /** The workbench database (migrated); or pass `repo` instead. */
  db?: Database.Database;
  repo?: IndexRepo;
  /** The parse worker entry: `sourceWorkerScript()` in tests and dev, the built `indexWorker.js` in the app. */
  workerScript: WorkerScript;
  emit?: IndexerEmit;
  /** Files larger than this are skipped as `too-large` (default 1 MiB). */
  maxFileBytes?: number;
  /** Parse workers (default min(2, CPUs)). */
  workers?: number;
  /** The most `fileContent` returns (default 2 MiB); longer files come back truncated. */
  maxContentBytes?: number;
  /** How long the watcher waits for a burst of saves to settle before re-indexing (default 150 ms). */
  watchDebounceMs?: number;
};

/**
 * Stops a watcher; `ready` settles once the watcher has seen the whole tree (tests wait for it before editing);
 * `problem` is the last failure to keep the project current, or null while it is live.
 */
export type StopWatching = (() => Promise<void>) & { ready: Promise<void>; problem(): string | null };

export type IndexOptions = { signal?: AbortSignal; onProgress?: (progress: IndexProgress) => void };

/** The indexer's face: everything the handlers and the CLI call. */
export type Indexer = {
  /** Indexes (or incrementally re-indexes) the folder at `root`; cancelling leaves the previous index as it was. */
  indexProject(root: string, options?: IndexOptions): Promise<IndexSummary>;
  /** Re-reads some files or folders of a project (a deleted path leaves the index); emits `index.changed`. */
  reindexFiles(projectId: number, paths: readonly string[], options?: { force?: boolean; signal?: AbortSignal }): Promise<IndexChanged>;
  search(query: SearchQuery): SearchHit[];
  /** Projects opened before, newest first. */
  recentProjects(limit: number): RecentProject[];
  summary(projectId: number): IndexSummary;
  listFiles(projectId: number): FileEntry[];
  symbol(id: number): SymbolDetail;
  /** A file's text for the viewer: read-only, capped, and only from inside the project root. */
  fileContent(projectId: number, relativePath: string): Promise<FileContent>;
  tierRules(projectId: number): TierRule[];
  /** Replaces a project's tier rules and re-tiers its files without parsing them again. */
  setTierRules(projectId: number, rules: readonly TierRule[]): { rules: TierRule[]; retiered: number };
  /** Keeps an indexed project current as files are saved or deleted; returns the function that stops watching. */
  watch(projectId: number): StopWatching;
  close(): Promise<void>;
};

export const defaultMaxFileBytes = 1024 * 1024;
const defaultMaxContentBytes = 2 * 1024 * 1024;

// Batches of about half a megabyte keep both workers busy, make progress tick several times a second, and let
// cancellation land within one batch; the per-message cost is noise at this size.
const batchMaxFiles = 64;
const batchMaxBytes = 512 * 1024;


/** The worker entry as TypeScript source, loaded through tsx: for tests, benchmarks and `npm start`, not the build. */
export function sourceWorkerScript(): WorkerScript {
  return sourceWorker(new URL('./worker.ts', import.meta.url));
}

export function createIndexer(deps: IndexerDeps): Indexer {
  const repo = deps.repo ?? (deps.db ? createIndexRepo(deps.db) : undefined);
  if (!repo) throw new Error('createIndexer needs a database or an index repository.');
  const emit: IndexerEmit = deps.emit ?? (() => undefined);
  const maxFileBytes = deps.maxFileBytes ?? defaultMaxFileBytes;
  const maxContentBytes = deps.maxContentBytes ?? defaultMaxContentBytes;
  const pool = createWorkerPool({ script: deps.workerScript, size: Math.max(1, deps.workers ?? Math.min(2, os.cpus().length)), maxFileBytes });
  const lastRuns = new Map<number, { durationMs: number; changes: IndexSummary['changes'] }>();
  const ignoreRules = new Map<number, IgnoreRules>();
  const watchers = new Set<() => Promise<void>>();
  let closed = false;

  // One run at a time: runs share the connection's staging tables and the workers.
  let lane: Promise<unknown> = Promise.resolve();
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = lane.then(work, work);
    lane = run.catch(() => undefined);
    return run;
  }

  function requireProject(projectId: number): ProjectRecord {
    const project = repo?.project(projectId);
    if (!project) throw new ArkError('not-found', `There is no project ${projectId}. Open the project's folder to index it.`);
    return project;
  }

  function rulesOf(project: ProjectRecord): IgnoreRules {
    let rules = ignoreRules.get(project.id);
    if (!rules) {
      rules = createIgnoreRules(project.root);
      ignoreRules.set(project.id, rules);
    }
    return rules;
  }

  function summaryOf(projectId: number): IndexSummary {
    const stored = repo?.summary(projectId);
    if (!stored) throw new ArkError('not-found', `There is no project ${projectId}. Open the project's folder to index it.`);
    const last = lastRuns.get(projectId);
    return { ...stored, durationMs: last?.durationMs ?? 0, changes: last?.changes ?? { parsed: 0, unchanged: 0, removed: 0 } };
  }

  /** Parses jobs in batches as they come, staging each batch's results as it lands. */
  function createParseRun(staging: IndexStaging, classify: TierClassifier, progress: ProgressTracker | null, signal: AbortSignal | undefined) {
    const pending: Promise<void>[] = [];
    const skipped: SkippedPath[] = [];
    const dropped = new Set<string>();
    const parsedPaths: string[] = [];
    let unchanged = 0;
    let failure: unknown = null;
    let batch: ParseJob[] = [];
    let batchBytes = 0;

    function stage(results: FileResult[], bytes: number): void {
      const files: StoredFile[] = [];
      const touched: { path: string; size: number; mtimeMs: number }[] = [];
      for (const result of results) {
        if (result.kind === 'parsed') {
          files.push({ ...result.file, tier: classify(result.path) });
          parsedPaths.push(result.path);
          if (result.notice) skipped.push(result.notice);
        } else if (result.kind === 'unchanged') {
          touched.push({ path: result.path, size: result.size, mtimeMs: result.mtimeMs });
          unchanged++;
        } else {
          skipped.push(result.skip);
          dropped.add(result.path);
        }
      }
      if (files.length > 0) staging.addFiles(files);
      if (touched.length > 0) staging.touch(touched);
      const last = results[results.length - 1];
      progress?.done(results.length, bytes, last ? last.path : null);
    }

    function flush(): void {
      if (batch.length === 0) return;
      const jobs = batch;
      const bytes = batchBytes;
      batch = [];
      batchBytes = 0;
      pending.push(
        pool.parse(jobs).then(
          (results) => {
            if (!failure && !signal?.aborted) stage(results, bytes);
          },
          (err: unknown) => {
            failure ??= err;
          },
        ),
      );
    }

    return {
      skipped,
      dropped,
      parsedPaths,
      get unchanged() {
        return unchanged;
      },
      add(job: ParseJob): void {
        if (failure) throw failure;
        batch.push(job);
        batchBytes += job.size;
        progress?.queued(1, job.size);
        if (batch.length >= batchMaxFiles || batchBytes >= batchMaxBytes) flush();
      },
      async finish(): Promise<void> {
        flush();
        await Promise.all(pending);
        if (failure) throw failure;
      },
    };
  }

  /** Runs `work`, turning an abort into ArkError('cancelled') that stops the workers at once. */
  async function cancellable<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    if (signal?.aborted) throw new ArkError('cancelled', 'Indexing was cancelled.');
    const onAbort = () => void pool.cancel();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await work();
      if (signal?.aborted) throw new ArkError('cancelled', 'Indexing was cancelled.');
      return result;
    } catch (err) {
      if (signal?.aborted) throw new ArkError('cancelled', 'Indexing was cancelled.');
      throw err;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async function runIndex(root: string, options: IndexOptions): Promise<IndexSummary> {
    const started = performance.now();
    const { signal, onProgress } = options;
    const project = repo!.upsertProject(root, defaultTierRules);
    const send = (progress: IndexProgress) => {
      emit('index.progress', progress);
      onProgress?.(progress);
    };
    const progress = createProgressTracker(project.id, send);
    const staging = repo!.beginStaging(project.id);
    try {
      const summary = await cancellable(signal, async () => {
        progress.phase('walking');
        const classify = compileTierRules(repo!.tierRules(project.id));
        const states = repo!.fileStates(project.id);
        // A full run re-reads every .gitignore; the watcher's rules for this project start afresh too.
        const rules = createIgnoreRules(root);
        ignoreRules.set(project.id, rules);
        const run = createParseRun(staging, classify, progress, signal);
        const walkSkips: SkippedPath[] = [];
        const seen = new Set<string>();
        pool.warm();
        for await (const files of walkProject({ root, rules, maxFileBytes, signal, onSkip: (skip) => walkSkips.push(skip) })) {
          let unchangedByStat = 0;
          for (const file of files) {
            seen.add(file.path);
            const state = states.get(file.path);
            if (state && state.size === file.size && state.mtimeMs === file.mtimeMs) {
              unchangedByStat++;
              continue;
            }
            run.add({ ...file, knownHash: state?.contentHash ?? null });
          }
          progress.skippedAhead(unchangedByStat);
        }
        progress.walkFinished();
        progress.phase('parsing');
        await run.finish();
        if (signal?.aborted) throw new ArkError('cancelled', 'Indexing was cancelled.');
        progress.phase('writing');
        const removed = [...states.keys()].filter((file) => !seen.has(file) || run.dropped.has(file));
        staging.remove(removed);
        staging.commit({ entries: [...walkSkips, ...run.skipped] });
        const unchanged = seen.size - run.parsedPaths.length - run.dropped.size;
        lastRuns.set(project.id, {
          durationMs: Math.round(performance.now() - started),
          changes: { parsed: run.parsedPaths.length, unchanged: Math.max(0, unchanged), removed: removed.length },
        });
        return summaryOf(project.id);
      });
      progress.phase('done');
      return summary;
    } catch (err) {
      await staging.discard();
      if (isArkError(err) && err.code === 'cancelled') progress.phase('cancelled');
      throw err;
    }
  }

  async function runReindex(project: ProjectRecord, paths: readonly string[], force: boolean, signal: AbortSignal | undefined): Promise<IndexChanged> {
    const root = project.root;
    if (!isDirectory(root)) throw new ArkError('not-found', `The project folder ${root} is gone. Open it again from its new place.`);
    const rules = rulesOf(project);
    const relativePaths = [...new Set(paths.map((item) => toRelative(root, item)))];
    const staging = repo!.beginStaging(project.id);
    try {
      return await cancellable(signal, async () => {
        const classify = compileTierRules(repo!.tierRules(project.id));
        // Only the states of the paths asked about: loading every file's state costs more than re-indexing one file.
        const states = { get: (file: string) => repo!.fileState(project.id, file), has: (file: string) => repo!.fileState(project.id, file) !== undefined };
        const run = createParseRun(staging, classify, null, signal);
        const walkSkips: SkippedPath[] = [];
        const removed = new Set<string>();
        const queue = (file: { path: string; absolutePath: string; size: number; mtimeMs: number }) =>
          run.add({ ...file, knownHash: force ? null : (states.get(file.path)?.contentHash ?? null) });
        const dropIndexed = (relativePath: string) => {
          for (const indexed of repo!.pathsUnder(project.id, relativePath)) removed.add(indexed);
        };
        for (const relativePath of relativePaths) {
          if (relativePath.split('/').pop() === '.gitignore') rules.invalidate(path.posix.dirname(relativePath) === '.' ? '' : path.posix.dirname(relativePath));
          const absolutePath = path.join(root, relativePath);
          let stat: fs.Stats;
          try {
            stat = fs.statSync(absolutePath);
          } catch (err) {
            const code = errnoOf(err);
            if (code === 'ENOENT' || code === 'ENOTDIR') dropIndexed(relativePath);
            else walkSkips.push({ path: relativePath, reason: 'unreadable', detail: `Cannot read this path: ${err instanceof Error ? err.message : String(err)}.` });
            continue;
          }
          if (!isInside(realPathOrSelf(absolutePath), root)) {
            dropIndexed(relativePath);
            walkSkips.push({ path: relativePath, reason: 'outside-root', detail: 'This path leads outside the project; not followed.' });
            continue;
          }
          if (stat.isDirectory()) {
            if (relativePath !== '' && rules.isIgnored(relativePath, true)) {
              dropIndexed(relativePath);
              continue;
            }
            const seen = new Set<string>();
            for await (const files of walkProject({ root, rules, maxFileBytes, signal, start: relativePath, onSkip: (skip) => walkSkips.push(skip) })) {
              for (const file of files) {
                seen.add(file.path);
                queue(file);
              }
            }
            for (const indexed of repo!.pathsUnder(project.id, relativePath)) if (!seen.has(indexed)) removed.add(indexed);
            continue;
          }
          if (!stat.isFile() || !isIndexable(relativePath) || rules.isIgnored(relativePath, false)) {
            dropIndexed(relativePath);
            continue;
          }
          if (stat.size > maxFileBytes) {
            dropIndexed(relativePath);
            walkSkips.push({ path: relativePath, reason: 'too-large', detail: `${formatBytes(stat.size)} is over the ${formatBytes(maxFileBytes)} limit for indexed files.` });
            continue;
          }
          queue({ path: relativePath, absolutePath, size: stat.size, mtimeMs: Math.trunc(stat.mtimeMs) });
        }
        await run.finish();
        if (signal?.aborted) throw new ArkError('cancelled', 'Indexing was cancelled.');
        for (const dropped of run.dropped) if (states.has(dropped)) removed.add(dropped);
        staging.remove([...removed]);
        staging.commit({ entries: [...walkSkips, ...run.skipped], forPaths: relativePaths });
        const changed: IndexChanged = { projectId: project.id, changed: run.parsedPaths, removed: [...removed].sort() };
        if (changed.changed.length > 0 || changed.removed.length > 0) emit('index.changed', changed);
        return changed;
      });
    } catch (err) {
      await staging.discard();
      throw err;
    }
  }

  function ensureOpen(): void {
    if (closed) throw new ArkError('unavailable', 'The indexer is closed.');
  }

  // Runs under way, stopped by close() as a cancel stops them (a first run's files come out again), so the app does not
  // wait for a whole project's index before it can quit. Plain listeners rather than AbortSignal.any, which keeps
  // every signal made from a long-lived one alive on Node 20.
  const running = new Set<AbortController>();
  async function stoppedByClose<T>(signal: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const forward = () => controller.abort();
    signal?.addEventListener('abort', forward, { once: true });
    if (signal?.aborted || closed) controller.abort();
    running.add(controller);
    try {
      return await work(controller.signal);
    } finally {
      running.delete(controller);
      signal?.removeEventListener('abort', forward);
    }
  }

  const indexer: Indexer = {
    async indexProject(root, options = {}) {
      ensureOpen();
      const resolved = resolveRoot(root);
      return exclusive(() => stoppedByClose(options.signal, (signal) => runIndex(resolved, { ...options, signal })));
    },
    async reindexFiles(projectId, paths, options = {}) {
      ensureOpen();
      const project = requireProject(projectId);
      return exclusive(() => stoppedByClose(options.signal, (signal) => runReindex(project, paths, options.force === true, signal)));
    },
    search(query) {
      return repo.search(query);
    },
    recentProjects(limit) {
      return repo.recentProjects(limit);
    },
    summary(projectId) {
      return summaryOf(projectId);
    },
    listFiles(projectId) {
      requireProject(projectId);
      return repo.listFiles(projectId);
    },
    symbol(id) {
      const symbol = repo.symbol(id);
      if (!symbol) throw new ArkError('not-found', `There is no symbol ${id}; the file that held it may have changed. Search again.`);
      return symbol;
    },
    async fileContent(projectId, relativePath) {
      const project = requireProject(projectId);
      return readContent(project.root, relativePath, maxContentBytes);
    },
    tierRules(projectId) {
      requireProject(projectId);
      return repo.tierRules(projectId);
    },
    setTierRules(projectId, input) {
      requireProject(projectId);
      const parsed = TierRules.safeParse(input);
      if (!parsed.success) throw new ArkError('invalid-input', `Tier rules must be up to 200 rules of { glob, tier }: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
      const rules = parsed.data;
      const classify = compileTierRules(rules);
      repo.setTierRules(projectId, rules);
      const retiered = repo.retier(projectId, classify);
      return { rules, retiered };
    },
    watch(projectId) {
      ensureOpen();
      const project = requireProject(projectId);
      let problem: string | null = null;
      const report = (message: string) => {
        if (closed) return;
        problem = message;
        emit('index.watchProblem', { projectId, message });
      };
      const watcher = watchProject({
        root: project.root,
        rules: () => rulesOf(project),
        debounceMs: deps.watchDebounceMs ?? 150,
        onChanges: async (changes) => {
          if (closed) return;
          // A moved or deleted project folder shows as every file deleted: keep the index as it was and say so.
          if (!isDirectory(project.root)) {
            report(`The folder ${project.root} is gone (moved or deleted). The index shows it as it was; open the folder where it is now to index it there.`);
            return;
          }
          try {
            if (changes.gitignoreChanged) await indexer.indexProject(project.root);
            else await indexer.reindexFiles(projectId, changes.paths);
          } catch (err) {
            console.error(`[ark] keeping ${project.root} indexed failed:`, err);
            // A locked or read-only database is worth naming: the person can act on it.
            const described = (deps.db && describeDatabaseError(deps.db.name, err)) || err;
            const detail = (described instanceof Error ? described.message : String(described)).replace(/\.?$/, '.');
            report(`Re-indexing saved files failed: ${detail} The index may miss these changes; open the project again to bring it up to date.`);
          }
        },
        onProblem: report,
      });
      const stop = async () => {
        watchers.delete(stop);
        await watcher.stop();
      };
      watchers.add(stop);
      return Object.assign(stop, { ready: watcher.ready, problem: () => problem });
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const run of running) run.abort();
      await Promise.all([...watchers].map((stop) => stop()));
      await lane.catch(() => undefined);
      await pool.close();
    },
  };
  return indexer;
}

function isDirectory(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

function realPathOrSelf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/** Checks a root a person gave and returns its real path, or says plainly why it cannot be indexed. */
export function resolveRoot(root: string): string {
  if (!root || !root.trim()) throw new ArkError('invalid-input', 'Choose a folder to index.');
  // No file system allows NUL in a name; Node's own message about it names an argument, not the user's folder.
  if (root.includes('\0')) throw new ArkError('invalid-input', 'Cannot index that folder: its path contains a NUL character, which no folder name can hold.');
  const absolute = path.resolve(root);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch (err) {
    throw rootError(absolute, err);
  }
  if (!stat.isDirectory()) throw new ArkError('invalid-input', `Cannot index ${absolute}: it is a file, not a folder. Choose the project's folder.`);
  try {
    fs.opendirSync(absolute).closeSync();
  } catch (err) {
    throw rootError(absolute, err);
  }
  return fs.realpathSync(absolute);
}

function rootError(folder: string, err: unknown): ArkError {
  switch (errnoOf(err)) {
    case 'ENOENT':
      return new ArkError('not-found', `Cannot index ${folder}: there is no such folder. Check the path and try again.`);
    case 'ENOTDIR':
      return new ArkError('not-found', `Cannot index ${folder}: part of that path is a file, not a folder. Check the path and try again.`);
    case 'EACCES':
    case 'EPERM':
      return new ArkError('invalid-input', `Cannot read ${folder}: permission denied. Check the folder's permissions, or choose another folder.`);
    default:
      return new ArkError('invalid-input', `Cannot read ${folder}: ${err instanceof Error ? err.message : String(err)}.`);
  }
}

/** A project-relative path with forward slashes; a path that climbs out of the root is refused. */
function toRelative(root: string, input: string): string {
  const absolute = path.resolve(root, input);
  const relative = path.relative(root, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new ArkError('invalid-input', `${input} is outside the project ${root}.`);
  }
  return relative.split(path.sep).join('/');
}

async function readContent(root: string, relativePath: string, maxBytes: number): Promise<FileContent> {
  const relative = toRelative(root, relativePath);
  const absolute = path.join(root, relative);
  let real: string;
  try {
    real = await fs.promises.realpath(absolute);
  } catch (err) {
    throw contentError(relative, err);
  }
  // A symbolic link inside the project must not open a file outside it.
  if (!isInside(real, root)) throw new ArkError('invalid-input', `${relative} leads outside the project; it cannot be shown.`);
  let handle: fs.promises.FileHandle;
  try {
    // A named pipe in the file's place would otherwise hold a thread of libuv's pool until a writer came.
    handle = await fs.promises.open(real, openForReadingNoWait);
  } catch (err) {
    throw contentError(relative, err);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new ArkError('invalid-input', `${relative} is not a file.`);
    const length = Math.min(stat.size, maxBytes);
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    const bytes = buffer.subarray(0, bytesRead);
    if (bytes.subarray(0, 8192).includes(0)) throw new ArkError('invalid-input', `${relative} is a binary file; it cannot be shown as text.`);
    let content = bytes.toString('utf8');
    if (stat.size > maxBytes) content = content.replace(/\uFFFD$/, '');
    return { path: relative, language: languageOf(relative)?.language ?? null, content, size: stat.size, truncated: stat.size > bytesRead };
  } finally {
    await handle.close();
  }
}

function contentError(relative: string, err: unknown): ArkError {
  switch (errnoOf(err)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new ArkError('not-found', `${relative} does not exist (it may have been moved or deleted).`);
    case 'EACCES':
    case 'EPERM':
      return new ArkError('invalid-input', `Cannot read ${relative}: permission denied.`);
    default:
      return new ArkError('invalid-input', `Cannot read ${relative}: ${err instanceof Error ? err.message : String(err)}.`);
  }
}
