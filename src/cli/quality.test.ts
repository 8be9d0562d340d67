// `ark quality`: the text report and --json, language inference, exit codes, and refusals of files that are not source.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../main/testing/tempDir';
import { QualityReport } from '../shared/quality';
import { runCli } from './testing';

let temp: ReturnType<typeof makeTempDir>;
let db: string;
beforeEach(() => {
  temp = makeTempDir();
  db = path.join(temp.dir, 'cli.db');
});
afterEach(() => temp.cleanup());

const run = (...args: string[]) => runCli(args, db);

function write(name: string, content: string | Buffer): string {
  const file = path.join(temp.dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const tangled = [
  'import os',
  '',
  '',
  'def route(kind, size):',
  '    if kind == "a":',
  '        return 1',
  '    elif kind == "b":',
  '        return 2',
  '    elif kind == "c":',
  '        return 3',
  '    elif kind == "d":',
  '        return 4',
  '    elif kind == "e":',
  '        return 5',
  '    elif kind == "f":',
  '        return 6',
  '    elif kind == "g":',
  '        return 7',
  '    elif kind == "h":',
  '        return 8',
  '    elif kind == "i":',
  '        return 9',
  '    elif kind == "j":',
  '        return 10',
  '    elif kind == "k":',
  '        return 11',
  '    return size',
  '',
].join('\n');

describe('ark quality', () => {
  it('prints the score, the breakdown, what cost points and each function, and exits 0', { timeout: 120_000 }, async () => {
    const file = write('route.py', tangled);
    const result = await run('quality', file);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: quality score [\\d.]+ / 100 \\(python; scoring 1, tree-sitter [\\d.]+, ruff [\\d.]+, pyright [\\d.]+(, pylint [\\d.]+)?(, mypy [\\d.]+)?\\)`));
    expect(result.out).toContain('Complexity');
    expect(result.out).toContain('route (line 4) has cyclomatic complexity 12, over 10');
    // Cyclomatic 1 + if + 10 elifs; cognitive if 1 + 10 elifs.
    expect(result.out).toMatch(/^\s+4\s+12\s+11\s+route$/m);
    expect(result.out).toContain(`${file}:1:8: warning ruff F401: \`os\` imported but unused`);
    expect(result.out).toContain('Stored as quality report 1.');
  });

  it('writes the whole report as JSON with --json, and infers TypeScript from the extension', { timeout: 60_000 }, async () => {
    const file = write('add.ts', '/** Adds. */\nexport function add(a: number, b: number): number {\n  return a + b;\n}\n');
    const result = await run('quality', file, '--json');
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.out) as { file: string };
    expect(parsed.file).toBe(file);
    const report = QualityReport.parse(parsed);
    expect(report).toMatchObject({ language: 'typescript', score: 100, path: file, findings: [] });
    expect(report.toolVersions).toHaveProperty('tsc');
  });

  it('takes --lang for files whose extension says nothing', { timeout: 60_000 }, async () => {
    const file = write('script', 'const x = 1;\nconsole.log(x);\n');
    expect((await run('quality', file)).code).toBe(2);
    const result = await run('quality', file, '--lang', 'javascript', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ language: 'javascript' });
  });

  it('refuses unreadable, binary and huge input with exit 2 and a clear message', async () => {
    const missing = await run('quality', path.join(temp.dir, 'nope.py'));
    expect(missing).toMatchObject({ code: 2, err: expect.stringContaining('no such file') });
    const binary = await run('quality', write('blob.py', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2])));
    expect(binary).toMatchObject({ code: 2, err: expect.stringContaining('binary') });
    const huge = await run('quality', write('huge.py', 'x = 1\n'.repeat(400_000)));
    expect(huge).toMatchObject({ code: 2, err: expect.stringContaining('MB') });
    const folder = await run('quality', temp.dir, '--lang', 'python');
    expect(folder).toMatchObject({ code: 2, err: expect.stringContaining('folder') });
    const usage = await run('quality');
    expect(usage.code).toBe(2);
  });
});
