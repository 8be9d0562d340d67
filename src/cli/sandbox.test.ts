// `ark run`, `ark history` and `ark stats` on a temporary database, running real programs in the sandbox.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../main/testing/tempDir';
import { makeUnwritable } from '../main/testing/unwritable';
import { runCli } from './testing';

let temp: ReturnType<typeof makeTempDir>;
let db: string;
beforeAll(() => {
  temp = makeTempDir();
  db = path.join(temp.dir, 'cli.db');
});
afterAll(() => temp.cleanup());

const ark = (...args: string[]) => runCli(args, db);

function file(name: string, text: string): string {
  const target = path.join(temp.dir, name);
  fs.writeFileSync(target, text);
  return target;
}

const resultKeys = ['id', 'status', 'exitCode', 'signal', 'stdout', 'stderr', 'durationMs', 'cpuMs', 'maxRssKb', 'isolation', 'validation'];

describe('ark run', () => {
  it('runs a Python file and prints the result as JSON, exit 0', async () => {
    const result = await ark('run', file('hello.py', 'print("hello")\n'), '--json');
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.out);
    expect(Object.keys(printed)).toEqual(resultKeys);
    expect(printed).toMatchObject({ status: 'success', exitCode: 0, signal: null, stdout: 'hello\n', stderr: '', validation: { blocked: false } });
    expect(['namespaces', 'limits-only']).toContain(printed.isolation);
    expect(printed.cpuMs).toBeGreaterThanOrEqual(0);
  });

  it('reports a non-zero exit as error with stderr, exit 1', async () => {
    const result = await ark('run', file('fail.js', 'console.error("bad"); process.exit(3);\n'), '--json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out)).toMatchObject({ status: 'error', exitCode: 3, stderr: 'bad\n' });
  });

  it('does not run a file the validator blocks, and says why', async () => {
    const marker = path.join(temp.dir, 'ran-anyway');
    const code = `import os\nos.system("touch ${marker}")\n`;
    const result = await ark('run', file('blocked.py', code), '--json');
    expect(result.code).toBe(1);
    const printed = JSON.parse(result.out);
    expect(printed).toMatchObject({ status: 'blocked', exitCode: null, validation: { blocked: true, overridden: false } });
    expect(printed.validation.summary).toContain('os.system');
    expect(fs.existsSync(marker)).toBe(false);
    const human = await ark('run', path.join(temp.dir, 'blocked.py'));
    expect(human.code).toBe(1);
    expect(human.err).toMatch(/blocked/);
  });

  it('stops a program at --timeout with status timeout', async () => {
    const result = await ark('run', file('sleep.py', 'import time\ntime.sleep(30)\n'), '--timeout', '500', '--json');
    expect(result.code).toBe(1);
    const printed = JSON.parse(result.out);
    expect(printed.status).toBe('timeout');
    expect(printed.durationMs).toBeLessThan(5000);
  });

  it('prints program output to a terminal without its dangerous escape sequences', async () => {
    const result = await ark('run', file('escape.py', 'print("\\x1b]52;c;cm0gLXJmIH4=\\x07\\x1b]0;owned\\x07plain \\x1b[31mred\\x1b[0m")\n'));
    expect(result.code).toBe(0);
    expect(result.out).toBe('plain \x1b[31mred\x1b[0m');
    expect(result.err).toMatch(/run \d+: success \(exit 0\).*isolation (namespaces|limits-only)/);
  });

  it('refuses bad command lines with exit 2: unknown language, TypeScript, core without confirmation, bad limits', async () => {
    expect((await ark('run', file('notes.txt', 'print(1)'))).code).toBe(2);
    const ts = await ark('run', file('app.ts', 'const x: number = 1;'));
    expect(ts.code).toBe(2);
    expect(ts.err).toContain('Compile it to JavaScript');
    const core = await ark('run', path.join(temp.dir, 'hello.py'), '--tier', 'core');
    expect(core.code).toBe(2);
    expect(core.err).toContain('--confirm-core');
    expect((await ark('run', path.join(temp.dir, 'hello.py'), '--tier', 'core', '--confirm-core', '--json')).code).toBe(0);
    expect((await ark('run', path.join(temp.dir, 'hello.py'), '--timeout', '5'))).toMatchObject({ code: 2 });
    expect((await ark('run', path.join(temp.dir, 'missing.py'))).code).toBe(2);
  });
});

describe('ark history and ark stats', () => {
  it('lists the runs above, newest first, filtered by status', async () => {
    const all = await ark('history', '--limit', '50', '--json');
    expect(all.code).toBe(0);
    const runs = JSON.parse(all.out) as { id: number; status: string; isolation: string }[];
    expect(runs.map((run) => run.status)).toEqual(expect.arrayContaining(['success', 'error', 'blocked', 'timeout']));
    expect(runs.map((run) => run.id)).toEqual([...runs.map((run) => run.id)].sort((a, b) => b - a));
    const timeouts = JSON.parse((await ark('history', '--status', 'timeout', '--json')).out) as { status: string }[];
    expect(timeouts.length).toBe(1);
    expect((await ark('history', '--status', 'exploded')).code).toBe(2);
    expect((await ark('history')).out).toContain('timeout');
  });

  it('tells "no runs match" from "no runs yet"', async () => {
    expect((await ark('history', '--from', '2001-01-01', '--to', '2001-01-02')).out.trim()).toBe('No runs match these filters.');
    expect((await runCli(['history'], path.join(temp.dir, 'fresh.db'))).out.trim()).toBe('No runs yet.');
  });

  it('reports statistics over those runs', async () => {
    const result = await ark('stats', '--json');
    expect(result.code).toBe(0);
    const stats = JSON.parse(result.out);
    expect(stats.total).toBeGreaterThanOrEqual(6);
    expect(stats.byStatus).toMatchObject({ error: 1, timeout: 1 });
    expect(stats.byStatus.blocked).toBeGreaterThanOrEqual(2);
    expect(stats.successRate).toBeGreaterThan(0);
    expect(stats.successRate).toBeLessThan(1);
    expect(stats.durationP95Ms).toBeGreaterThanOrEqual(stats.durationP50Ms);
  });
});

describe('run, validate and quality on a path without an extension', () => {
  it('say the file is missing or is a folder (exit 2), not that its language is unknown', async () => {
    const folder = path.join(temp.dir, 'some-folder');
    fs.mkdirSync(folder);
    const missing = path.join(temp.dir, 'no-such-file');
    for (const command of ['run', 'validate', 'quality']) {
      const onFolder = await ark(command, folder);
      expect(onFolder.code, command).toBe(2);
      expect(onFolder.err, command).toContain('is a folder');
      const onMissing = await ark(command, missing);
      expect(onMissing.code, command).toBe(2);
      expect(onMissing.err, command).toContain('no such file');
    }
  });

  it('refuse a device or a named pipe at once (neither read without end nor waited on)', async () => {
    const fifo = path.join(temp.dir, 'pipe.py');
    execFileSync('mkfifo', [fifo]);
    for (const file of ['/dev/zero', fifo]) {
      for (const command of ['run', 'validate', 'quality']) {
        const result = await ark(command, file, '--lang', 'python');
        expect(result.code, `${command} ${file}`).toBe(2);
        expect(result.err, `${command} ${file}`).toContain('not a regular file');
      }
    }
  });
});

describe('a database this user cannot write', () => {
  it('still answers history, stats, search and db info; a command that writes is refused naming the file', async () => {
    const folder = path.join(temp.dir, 'read-only');
    fs.mkdirSync(folder);
    const readOnlyDb = path.join(folder, 'ark.db');
    const script = file('kept.py', 'print("kept")\n');
    expect((await runCli(['run', script], readOnlyDb)).code).toBe(0);
    const undo = makeUnwritable(folder);
    if (!undo) return console.warn('SKIPPED: cannot make the folder unwritable here.');
    try {
      const history = await runCli(['history', '--json'], readOnlyDb);
      expect(history.code, history.err).toBe(0);
      expect(JSON.parse(history.out)).toHaveLength(1);
      expect(JSON.parse((await runCli(['stats', '--json'], readOnlyDb)).out)).toMatchObject({ total: 1 });
      expect(JSON.parse((await runCli(['db', 'info', '--json'], readOnlyDb)).out)).toMatchObject({ path: readOnlyDb, counts: { executions: 1 } });
      expect((await runCli(['search', 'anything'], readOnlyDb)).out).toContain('no project is indexed yet');
      const writing = await runCli(['run', script], readOnlyDb);
      expect(writing.code).toBe(3);
      expect(writing.err).toContain(`The database ${readOnlyDb} is read-only for this user`);
    } finally {
      undo();
    }
  });
});
