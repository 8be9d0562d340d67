// `ark validate`: verdicts and exit codes, language inference, --json, and clear refusals of files that are not source.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../main/testing/tempDir';
import { ValidationReport } from '../shared/validation';
import { runCli } from './testing';
import { languageForPath } from './commands/validation';

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

describe('ark validate', () => {
  it('blocks os.system at the sandbox tier with exit 1, naming the rule, the line and a hint', async () => {
    const file = write('job.py', 'import os\nos.system("ls")\n');
    const result = await run('validate', file);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`${file}:2:1: error py.process.exec`);
    expect(result.out).toContain('hint: ');
    expect(result.out).toMatch(/Blocked at sandbox: \d+ errors?/);
  });

  it('passes benign code with exit 0 and says OK', async () => {
    const file = write('mean.py', 'import statistics\n\nprint(statistics.mean([1, 2, 3]))\n');
    const result = await run('validate', file);
    expect(result.code).toBe(0);
    expect(result.out).toContain('OK at sandbox');
  });

  it('lets the tier change the verdict: an import refused in the sandbox is fine at trusted', async () => {
    const file = write('paths.py', 'import glob\nprint(glob.glob("*.txt"))\n');
    expect((await run('validate', file, '--tier', 'sandbox')).code).toBe(1);
    expect((await run('validate', file, '--tier', 'trusted')).code).toBe(0);
  });

  it('prints the report as JSON with --json, matching the report schema', async () => {
    const file = write('run.js', "require('child_process').execSync('ls');\n");
    const result = await run('validate', file, '--json');
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.out) as unknown;
    const report = ValidationReport.parse(parsed);
    expect(report.language).toBe('javascript');
    expect(report.findings.some((finding) => finding.ruleId === 'js.process.child-process' && finding.severity === 'error')).toBe(true);
  });

  it('infers the language from the extension, and --lang overrides it', async () => {
    expect(languageForPath('a/b.PY')).toBe('python');
    expect(languageForPath('view.tsx')).toBe('typescript');
    expect(languageForPath('tool.mjs')).toBe('javascript');
    expect(languageForPath('notes.txt')).toBeUndefined();
    const file = write('script.txt', 'eval("1+1")\n');
    const unknown = await run('validate', file);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--lang');
    const asPython = await run('validate', file, '--lang', 'python', '--json');
    expect(asPython.code).toBe(1);
    expect(JSON.parse(asPython.out).findings.some((finding: { ruleId: string }) => finding.ruleId === 'py.exec.eval')).toBe(true);
  });

  it('refuses a missing file, a folder, a binary file, non-UTF-8 text and a huge file with exit 2 and the reason', async () => {
    const missing = await run('validate', path.join(temp.dir, 'nope.py'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file');
    const folder = await run('validate', temp.dir, '--lang', 'python');
    expect(folder.code).toBe(2);
    expect(folder.err).toContain('is a folder');
    const binary = await run('validate', write('image.py', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02])));
    expect(binary.code).toBe(2);
    expect(binary.err).toContain('binary');
    const latin1 = await run('validate', write('old.py', Buffer.from('name = "caf\xe9"\n', 'latin1')));
    expect(latin1.code).toBe(2);
    expect(latin1.err).toContain('not UTF-8');
    const huge = await run('validate', write('huge.py', 'x = 1\n'.repeat(400_000)));
    expect(huge.code).toBe(2);
    expect(huge.err).toContain('MB');
  });

  it('rejects a bad tier or language and a missing FILE as usage errors', async () => {
    const file = write('ok.py', 'x = 1\n');
    expect((await run('validate', file, '--tier', 'root')).code).toBe(2);
    expect((await run('validate', file, '--lang', 'cobol')).code).toBe(2);
    expect((await run('validate')).code).toBe(2);
  });

  it('follows a stored policy: allowing a module for the sandbox tier in the database changes the verdict', async () => {
    const file = write('paths.py', 'import glob\nprint(glob.glob("*.txt"))\n');
    expect((await run('validate', file)).code).toBe(1);
    const { createApp } = await import('../main/app');
    const { configFor } = await import('./command');
    const app = await createApp(configFor(process.cwd(), db, 'cli'));
    try {
      const handlers = app.handlers;
      const current = await handlers['validate.policies']({}, new AbortController().signal);
      const sandbox = current.policies.sandbox;
      await handlers['validate.setPolicy'](
        { policy: { ...sandbox, imports: { ...sandbox.imports, python: { ...sandbox.imports.python, allow: [...sandbox.imports.python.allow, 'glob'] } } } },
        new AbortController().signal,
      );
    } finally {
      await app.close();
    }
    expect((await run('validate', file)).code).toBe(0);
  });
});
