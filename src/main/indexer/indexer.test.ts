// The indexer end to end: real folders, real worker threads, a real SQLite file. Skips, tiers, re-index, watch, cancel.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IndexProgress, IndexSummary, SkipReason } from '../../shared/indexing';
import { openDatabase, type Db } from '../store/db';
import { newFilesMoveSymbols } from '../store/indexRepo';
import { makeTempDir } from '../testing/tempDir';
import { createIndexer, sourceWorkerScript, type Indexer } from './index';

let temp: ReturnType<typeof makeTempDir>;
let db: Db;
let indexer: Indexer;
let root: string;

function write(relativePath: string, content: string | Buffer): string {
  const file = path.join(root, relativePath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

function skipOf(summary: IndexSummary, relativePath: string): SkipReason | undefined {
  return summary.skipped.find((skip) => skip.path === relativePath)?.reason;
}

/** Runs `change` on `file` right after the walk has measured it (its stat), before a worker reads it. */
function afterWalkMeasures(file: string, change: () => void): void {
  const statSync = fs.statSync;
  vi.spyOn(fs, 'statSync').mockImplementation(((target: fs.PathLike, options?: unknown) => {
    const stat = statSync(target, options as never);
    if (String(target) === file) change();
    return stat;
  }) as typeof fs.statSync);
}

function paths(projectId: number): string[] {
  return indexer.listFiles(projectId).map((file) => file.path);
}

beforeEach(() => {
  temp = makeTempDir('ark-indexer-');
  root = path.join(temp.dir, 'project');
  fs.mkdirSync(root);
  db = openDatabase(path.join(temp.dir, 'ark.db'));
  indexer = createIndexer({ db, workerScript: sourceWorkerScript(), maxFileBytes: 4096, watchDebounceMs: 50 });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await indexer.close();
  db.close();
  temp.cleanup();
});

describe('walking a project', () => {
  it('records each skip reason: too large, binary, not UTF-8, symlink loops, broken links', async () => {
    write('ok.py', 'def fine():\n    return 1\n');
    write('big.py', `# ${'x'.repeat(5000)}\n`);
    write('blob.js', Buffer.from([0x63, 0x6f, 0x6e, 0x73, 0x74, 0x00, 0x01, 0x02]));
    write('latin1.py', Buffer.concat([Buffer.from('def caf'), Buffer.from([0xe9]), Buffer.from('():\n    return 1\n')]));
    fs.mkdirSync(path.join(root, 'pkg'));
    fs.symlinkSync('..', path.join(root, 'pkg', 'up'));
    fs.symlinkSync('self.py', path.join(root, 'self.py'));
    fs.symlinkSync('missing.py', path.join(root, 'dangling.py'));
    const summary = await indexer.indexProject(root);
    expect(skipOf(summary, 'big.py')).toBe('too-large');
    expect(skipOf(summary, 'blob.js')).toBe('binary');
    expect(skipOf(summary, 'pkg/up')).toBe('symlink-loop');
    expect(skipOf(summary, 'self.py')).toBe('symlink-loop');
    expect(skipOf(summary, 'dangling.py')).toBe('unreadable');
    // A non-UTF-8 file is still indexed (with U+FFFD), and the notice says so.
    expect(skipOf(summary, 'latin1.py')).toBe('not-utf8');
    expect(paths(summary.projectId)).toEqual(['latin1.py', 'ok.py']);
    for (const skip of summary.skipped) expect(skip.detail.length).toBeGreaterThan(10);
  });

  it('names named pipes and links to devices with source names (not-a-file) and never opens them', async () => {
    write('ok.py', 'def fine():\n    return 1\n');
    execFileSync('mkfifo', [path.join(root, 'pipe.py')]);
    fs.symlinkSync('/dev/zero', path.join(root, 'zero.py'));
    // Not a source file's name: left out quietly, as any other file would be.
    execFileSync('mkfifo', [path.join(root, 'queue')]);
    // A .gitignore that is a pipe (the walk would wait on it forever) or a link to an endless device is no .gitignore.
    fs.mkdirSync(path.join(root, 'sub'));
    execFileSync('mkfifo', [path.join(root, 'sub', '.gitignore')]);
    write('sub/kept.py', 'k = 1\n');
    fs.mkdirSync(path.join(root, 'dev'));
    fs.symlinkSync('/dev/zero', path.join(root, 'dev', '.gitignore'));
    write('dev/also.py', 'a = 1\n');
    const summary = await indexer.indexProject(root);
    expect(skipOf(summary, 'pipe.py')).toBe('not-a-file');
    expect(summary.skipped.find((skip) => skip.path === 'pipe.py')?.detail).toContain('named pipe');
    expect(skipOf(summary, 'zero.py')).toBe('not-a-file');
    expect(summary.skipped.find((skip) => skip.path === 'zero.py')?.detail).toContain('/dev/zero, a character device');
    expect(skipOf(summary, 'queue')).toBeUndefined();
    expect(paths(summary.projectId)).toEqual(['dev/also.py', 'ok.py', 'sub/kept.py']);
  });

  it('names a file whose name is not valid UTF-8 as unreadable, saying why, instead of as vanished', async () => {
    write('ok.py', 'a = 1\n');
    fs.writeFileSync(Buffer.concat([Buffer.from(`${root}/bad`), Buffer.from([0xff]), Buffer.from('name.py')]), 'b = 2\n');
    const summary = await indexer.indexProject(root);
    const skip = summary.skipped.find((entry) => entry.path.startsWith('bad'));
    expect(skip).toMatchObject({ path: 'bad\uFFFDname.py', reason: 'unreadable' });
    expect(skip?.detail).toContain('not valid UTF-8');
    expect(paths(summary.projectId)).toEqual(['ok.py']);
  });

  it('does not wait on a file replaced by a named pipe between the walk and the worker (vanished)', async () => {
    write('stays.py', 'a = 1\n');
    const swapped = write('swapped.py', 'b = 2\n');
    afterWalkMeasures(swapped, () => {
      fs.rmSync(swapped);
      execFileSync('mkfifo', [swapped]);
    });
    // Opening a pipe for reading waits for a writer unless it is opened non-blocking: without that, this never ends.
    const summary = await indexer.indexProject(root);
    expect(skipOf(summary, 'swapped.py')).toBe('vanished');
    expect(paths(summary.projectId)).toEqual(['stays.py']);
  });

  it('shows a file read-only, and refuses a link that leaves the project and a named pipe in a file\'s place', async () => {
    write('shown.py', 'def shown():\n    return 1\n');
    write('later.py', 'x = 1\n');
    const { projectId } = await indexer.indexProject(root);
    expect((await indexer.fileContent(projectId, 'shown.py')).content).toBe('def shown():\n    return 1\n');
    fs.writeFileSync(path.join(temp.dir, 'secret.py'), 'TOKEN = 1\n');
    fs.symlinkSync(path.join(temp.dir, 'secret.py'), path.join(root, 'escape.py'));
    await expect(indexer.fileContent(projectId, 'escape.py')).rejects.toThrow(/leads outside the project/);
    fs.rmSync(path.join(root, 'later.py'));
    execFileSync('mkfifo', [path.join(root, 'later.py')]);
    await expect(indexer.fileContent(projectId, 'later.py')).rejects.toThrow(/is not a file/);
  });

  it('records unreadable folders and files (permission denied) and goes on with the rest', async () => {
    write('locked/secret.py', 'x = 1\n');
    write('private.py', 'y = 2\n');
    write('open.py', 'def visible():\n    pass\n');
    if (process.getuid?.() === 0) {
      // root reads through any permission bits, so the kernel's EACCES is reproduced at the two calls the walk makes.
      const denied = (target: string) => Object.assign(new Error(`EACCES: permission denied, open '${target}'`), { code: 'EACCES' });
      const readdirSync = fs.readdirSync;
      vi.spyOn(fs, 'readdirSync').mockImplementation(((target: fs.PathLike, options?: unknown) => {
        if (String(target).endsWith(`${path.sep}locked`)) throw denied(String(target));
        return readdirSync(target, options as never);
      }) as typeof fs.readdirSync);
      const statSync = fs.statSync;
      vi.spyOn(fs, 'statSync').mockImplementation(((target: fs.PathLike, options?: unknown) => {
        if (String(target).endsWith('private.py')) throw denied(String(target));
        return statSync(target, options as never);
      }) as typeof fs.statSync);
    } else {
      fs.chmodSync(path.join(root, 'locked'), 0o000);
      fs.chmodSync(path.join(root, 'private.py'), 0o000);
    }
    try {
      const summary = await indexer.indexProject(root);
      expect(skipOf(summary, 'locked')).toBe('unreadable');
      expect(skipOf(summary, 'private.py')).toBe('unreadable');
      expect(summary.skipped.find((skip) => skip.path === 'locked')?.detail).toContain('permission denied');
      expect(paths(summary.projectId)).toEqual(['open.py']);
    } finally {
      fs.chmodSync(path.join(root, 'locked'), 0o755);
      fs.chmodSync(path.join(root, 'private.py'), 0o644);
    }
  });

  it('records a file deleted between the walk finding it and a worker reading it as vanished', async () => {
    write('stays.py', 'a = 1\n');
    const doomed = write('doomed.py', 'b = 2\n');
    // Delete the file right after the walk has listed and measured it: the worker then finds it gone.
    afterWalkMeasures(doomed, () => fs.rmSync(doomed));
    const summary = await indexer.indexProject(root);
    expect(skipOf(summary, 'doomed.py')).toBe('vanished');
    expect(paths(summary.projectId)).toEqual(['stays.py']);
  });

  it('leaves out default folders, virtualenvs and gitignored paths, nested .gitignore files included', async () => {
    write('app.py', 'def main():\n    pass\n');
    write('node_modules/lib/index.js', 'function dep() {}\n');
    write('.git/hooks/pre-commit.py', 'x = 1\n');
    write('__pycache__/app.py', 'x = 1\n');
    write('dist/bundle.js', 'x = 1\n');
    write('build/lib/app.py', 'x = 1\n');
    write('env/pyvenv.cfg', 'home = /usr/bin\n');
    write('env/lib/site.py', 'x = 1\n');
    write('.gitignore', '*.log.py\nscratch/\n/generated_at_root.py\n');
    write('scratch/try.py', 'x = 1\n');
    write('debug.log.py', 'x = 1\n');
    write('generated_at_root.py', 'x = 1\n');
    write('sub/generated_at_root.py', 'def kept():\n    pass\n');
    write('sub/.gitignore', 'private_*.py\n!private_keep.py\n');
    write('sub/private_notes.py', 'x = 1\n');
    write('sub/private_keep.py', 'def keep():\n    pass\n');
    write('other/private_notes.py', 'def not_ignored_here():\n    pass\n');
    const summary = await indexer.indexProject(root);
    expect(paths(summary.projectId)).toEqual(['app.py', 'other/private_notes.py', 'sub/generated_at_root.py', 'sub/private_keep.py']);
    // Ignored paths are left out quietly, not listed as skipped.
    expect(summary.skipped).toEqual([]);
  });

  it('explains a root that is not a folder, does not exist or is empty', async () => {
    const file = write('single.py', 'x = 1\n');
    await expect(indexer.indexProject(file)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('is a file, not a folder') });
    await expect(indexer.indexProject(path.join(root, 'nope'))).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('no such folder') });
    await expect(indexer.indexProject('  ')).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(indexer.indexProject(`${root}\0/x`)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('NUL character') });
    fs.rmSync(file);
    const empty = await indexer.indexProject(root);
    expect(empty).toMatchObject({ files: 0, symbols: 0, lines: 0 });
  });

  it('keeps a file with a syntax error, with the error positions and the symbols around it', async () => {
    write('broken.py', 'def ok():\n    return 1\n\ndef broken(:\n    pass\n\nclass Later:\n    pass\n');
    const summary = await indexer.indexProject(root);
    expect(summary.errors).toHaveLength(1);
    expect(summary.errors[0]).toMatchObject({ path: 'broken.py', line: 4 });
    expect(indexer.search({ text: 'Later' })[0]).toMatchObject({ name: 'Later', path: 'broken.py' });
    expect(indexer.listFiles(summary.projectId)[0]).toMatchObject({ path: 'broken.py', errors: 1 });
    expect(indexer.search({ text: 'ok' }).map((hit) => hit.name)).toContain('ok');
  });
});

describe('tiers', () => {
  it('gives every file a tier from the ordered glob rules, and re-tiers without parsing when the rules change', async () => {
    write('src/core/engine.py', 'def run():\n    pass\n');
    write('src/util.py', 'def helper():\n    pass\n');
    write('tests/test_util.py', 'def test_helper():\n    pass\n');
    write('web/app.test.ts', 'export function check() {}\n');
    write('generated/out.py', 'def made():\n    pass\n');
    const summary = await indexer.indexProject(root);
    const tierOf = () => Object.fromEntries(indexer.listFiles(summary.projectId).map((file) => [file.path, file.tier]));
    expect(tierOf()).toEqual({
      'generated/out.py': 'sandbox',
      'src/core/engine.py': 'trusted',
      'src/util.py': 'trusted',
      'tests/test_util.py': 'testing',
      'web/app.test.ts': 'testing',
    });
    expect(summary.byTier).toMatchObject({ trusted: { files: 2 }, testing: { files: 2 }, sandbox: { files: 1 } });
    const rules = [{ glob: 'src/core/**', tier: 'core' as const }, ...indexer.tierRules(summary.projectId)];
    const result = indexer.setTierRules(summary.projectId, rules);
    expect(result.retiered).toBe(1);
    expect(tierOf()['src/core/engine.py']).toBe('core');
    expect(indexer.tierRules(summary.projectId)[0]).toEqual({ glob: 'src/core/**', tier: 'core' });
    expect(indexer.search({ text: 'run' })[0]?.tier).toBe('core');
    // A new file is tiered by the stored rules.
    write('src/core/more.py', 'x = 1\n');
    await indexer.indexProject(root);
    expect(tierOf()['src/core/more.py']).toBe('core');
  });
});

describe('incremental and live indexing', () => {
  it('re-parses only files whose content hash changed, and drops deleted files', async () => {
    write('a.py', 'def alpha():\n    pass\n');
    write('b.py', 'def beta():\n    pass\n');
    write('c.py', 'def gamma():\n    pass\n');
    const first = await indexer.indexProject(root);
    expect(first.changes).toEqual({ parsed: 3, unchanged: 0, removed: 0 });
    const again = await indexer.indexProject(root);
    expect(again.changes).toEqual({ parsed: 0, unchanged: 3, removed: 0 });
    // Same content, new mtime: read and hashed, but not parsed again.
    const future = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(root, 'a.py'), future, future);
    write('b.py', 'def beta_two():\n    pass\n');
    fs.rmSync(path.join(root, 'c.py'));
    const third = await indexer.indexProject(root);
    expect(third.changes).toEqual({ parsed: 1, unchanged: 1, removed: 1 });
    expect(indexer.search({ text: 'beta_two' })).toHaveLength(1);
    expect(indexer.search({ text: 'gamma' })).toHaveLength(0);
    expect(paths(third.projectId)).toEqual(['a.py', 'b.py']);
  });

  it('re-indexes single files on request: changed, unchanged and deleted', async () => {
    write('a.py', 'def alpha():\n    pass\n');
    write('b.py', 'def beta():\n    pass\n');
    const { projectId } = await indexer.indexProject(root);
    write('a.py', 'def alpha():\n    pass\n\n\ndef alpha_two():\n    pass\n');
    fs.rmSync(path.join(root, 'b.py'));
    const changed = await indexer.reindexFiles(projectId, ['a.py', 'b.py']);
    expect(changed).toEqual({ projectId, changed: ['a.py'], removed: ['b.py'] });
    expect(indexer.search({ text: 'alpha_two' })).toHaveLength(1);
    const unchanged = await indexer.reindexFiles(projectId, ['a.py']);
    expect(unchanged.changed).toEqual([]);
    await expect(indexer.reindexFiles(projectId, ['../outside.py'])).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('keeps an open project current: a save and a delete show in the index within about a second', async () => {
    write('live.py', 'def before_save():\n    pass\n');
    write('gone.py', 'def doomed():\n    pass\n');
    const { projectId } = await indexer.indexProject(root);
    const seen: { changed: string[]; removed: string[] }[] = [];
    const local = createIndexer({
      db,
      workerScript: sourceWorkerScript(),
      watchDebounceMs: 50,
      emit: (name, payload) => {
        if (name === 'index.changed') seen.push(payload as { changed: string[]; removed: string[] });
      },
    });
    const stop = local.watch(projectId);
    try {
      await stop.ready;
      // Warm the workers first, so the timing below measures the watcher and a re-index, not thread start-up.
      await local.reindexFiles(projectId, ['live.py'], { force: true });
      seen.length = 0;
      const savedAt = Date.now();
      write('live.py', 'def after_save():\n    pass\n');
      await vi.waitFor(() => expect(local.search({ text: 'after_save' })).toHaveLength(1), { timeout: 3000, interval: 20 });
      const saveMs = Date.now() - savedAt;
      const deletedAt = Date.now();
      fs.rmSync(path.join(root, 'gone.py'));
      await vi.waitFor(() => expect(local.search({ text: 'doomed' })).toHaveLength(0), { timeout: 3000, interval: 20 });
      const deleteMs = Date.now() - deletedAt;
      expect(local.search({ text: 'before_save' })).toHaveLength(0);
      expect(seen.some((event) => event.changed.includes('live.py'))).toBe(true);
      expect(seen.some((event) => event.removed.includes('gone.py'))).toBe(true);
      // "Within about a second": generous for a shared CI machine, strict enough to catch a missing watcher.
      expect(saveMs).toBeLessThan(1500);
      expect(deleteMs).toBeLessThan(1500);
    } finally {
      await stop();
      await local.close();
    }
  });
});

describe('search', () => {
  it('ranks the exact name first, then name prefixes, then camelCase and snake_case word matches, then text', async () => {
    write('a.py', [
      'def parse_config_file(path):\n    pass\n',
      'def parse():\n    pass\n',
      'def parser_for(kind):\n    pass\n',
      'def load(text):\n    """Parse the text and return it."""\n',
      'class ConfigParser:\n    pass\n',
    ].join('\n'));
    write('b.ts', 'export function parseConfig(text: string) {}\nexport const getUserName = () => 1;\n');
    await indexer.indexProject(root);
    const names = (text: string) => indexer.search({ text }).map((hit) => `${hit.match}:${hit.name}`);
    const parse = names('parse');
    expect(parse[0]).toBe('exact:parse');
    expect(parse.slice(1, 4).sort()).toEqual(['prefix:parseConfig', 'prefix:parse_config_file', 'prefix:parser_for']);
    expect(parse.indexOf('text:load')).toBeGreaterThan(parse.indexOf('words:ConfigParser'));
    // Word parts across naming styles: "config parse" finds both spellings; "user name" the camelCase one.
    expect(names('config_parse')).toEqual(expect.arrayContaining(['words:parseConfig', 'words:parse_config_file', 'words:ConfigParser']));
    expect(names('userName')[0]).toBe('words:getUserName');
    expect(names('getUser')[0]).toBe('prefix:getUserName');
    expect(names('GETUSERNAME')[0]).toBe('exact:getUserName');
  });

  it('filters by kind and language, and treats FTS syntax in the query as plain text', async () => {
    write('a.py', 'class Widget:\n    def render(self):\n        pass\n');
    write('b.ts', 'export function render() {}\n');
    const { projectId } = await indexer.indexProject(root);
    expect(indexer.search({ text: 'render', kinds: ['method'] }).map((hit) => hit.qualifiedName)).toEqual(['Widget.render']);
    expect(indexer.search({ text: 'render', languages: ['typescript'] }).map((hit) => hit.path)).toEqual(['b.ts']);
    expect(indexer.search({ text: 'render', projectId: projectId + 1 })).toEqual([]);
    for (const hostile of ['"', 'render*', 'NEAR(render', 'render OR', '-render', 'name:render', '()', '\u0000']) {
      expect(() => indexer.search({ text: hostile })).not.toThrow();
    }
  });
});

describe('progress and cancellation', () => {
  it('reports progress with files done and total, then done', async () => {
    for (let index = 0; index < 40; index++) write(`m${index}.py`, `def f${index}():\n    pass\n`);
    const events: IndexProgress[] = [];
    await indexer.indexProject(root, { onProgress: (progress) => events.push(progress) });
    const last = events[events.length - 1];
    expect(last).toMatchObject({ phase: 'done', filesDone: 40, filesTotal: 40 });
    expect(events.map((event) => event.phase)).toContain('walking');
  });

  it('cancels a run and leaves the previous index as it was', async () => {
    write('kept.py', 'def kept():\n    pass\n');
    const { projectId } = await indexer.indexProject(root);
    for (let index = 0; index < 300; index++) write(`more/m${index}.py`, `def added_${index}():\n    return ${index}\n`);
    const controller = new AbortController();
    const run = indexer.indexProject(root, {
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.phase === 'parsing' || progress.filesDone > 0) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(paths(projectId)).toEqual(['kept.py']);
    // The indexer still works after a cancel (the workers are restarted on demand).
    const after = await indexer.indexProject(root);
    expect(after.files).toBe(301);
  });

  it('makes new files searchable while a first run goes on, and takes them out again when it is cancelled', async () => {
    // New files move into the index in sets of `newFilesMoveSymbols`: four sets' worth, so the run is still going
    // when the first set has become searchable.
    const perFile = 20;
    const fileCount = (4 * newFilesMoveSymbols) / perFile;
    for (let index = 0; index < fileCount; index++) {
      const functions = Array.from({ length: perFile }, (_, n) => `def first_run_${index}_${n}():\n    """Made for the cancel test."""\n    return ${n}\n`);
      write(`pkg/m${index}.py`, functions.join('\n'));
    }
    const controller = new AbortController();
    let hitsDuringRun = 0;
    let projectId = 0;
    const run = indexer.indexProject(root, {
      signal: controller.signal,
      onProgress: (progress) => {
        projectId = progress.projectId;
        if (hitsDuringRun === 0 && progress.phase === 'parsing') {
          hitsDuringRun = indexer.search({ text: 'first_run', limit: 500 }).length;
          if (hitsDuringRun > 0) controller.abort();
        }
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(hitsDuringRun).toBeGreaterThan(0);
    expect(paths(projectId)).toEqual([]);
    // Symbols, their full-text entries and the per-file counts are all gone: by name, by word and by doc text.
    for (const text of ['first_run_1_1', 'first run', 'cancel test']) expect(indexer.search({ text })).toEqual([]);
    const after = await indexer.indexProject(root);
    expect(after).toMatchObject({ files: fileCount, symbols: fileCount * perFile });
    expect(indexer.search({ text: `first_run_${fileCount - 1}_0` })).toHaveLength(1);
  }, 60_000);

  it('stops a run under way when the indexer closes, as a cancel does, instead of finishing it first', async () => {
    for (let index = 0; index < 400; index++) write(`pkg/m${index}.py`, `def closing_${index}():\n    return ${index}\n`);
    let closing: Promise<void> | null = null;
    let filesDoneAtClose = 0;
    let lastFilesDone = 0;
    const run = indexer.indexProject(root, {
      onProgress: (progress) => {
        lastFilesDone = progress.filesDone;
        if (progress.filesDone >= 64 && !closing) {
          filesDoneAtClose = progress.filesDone;
          closing = indexer.close();
        }
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    await closing;
    expect(filesDoneAtClose).toBeGreaterThanOrEqual(64);
    // Stopped within the batches already handed to the workers, not after all 400 files.
    expect(lastFilesDone).toBeLessThan(400);
    expect(indexer.search({ text: 'closing_1' })).toEqual([]);
    await expect(indexer.indexProject(root)).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('keeps one copy of a new file a re-index reaches twice (its folder and itself)', async () => {
    write('kept.py', 'def kept():\n    pass\n');
    const { projectId } = await indexer.indexProject(root);
    write('sub/new.py', 'def brand_new():\n    pass\n');
    const changed = await indexer.reindexFiles(projectId, ['sub', 'sub/new.py']);
    expect(changed.changed).toContain('sub/new.py');
    expect(paths(projectId)).toEqual(['kept.py', 'sub/new.py']);
    expect(indexer.search({ text: 'brand_new' })).toHaveLength(1);
    expect(indexer.summary(projectId)).toMatchObject({ files: 2, symbols: 2 });
  });
});
