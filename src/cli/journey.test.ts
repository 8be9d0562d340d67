// The whole journey from the command line, on a git repository made from the bundled sample project:
// index → plain words → spec → generate (validate, run tests, assess) → review → approve → deploy → undo.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAppRoot } from '../main/appRoot';
import { makeTempDir } from '../main/testing/tempDir';
import { GenerationResult } from '../shared/generation';
import { DeploymentRecord } from '../shared/review';
import { runCli } from './testing';

let temp: ReturnType<typeof makeTempDir>;
let project: string;
let db: string;
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const ark = (...args: string[]) => runCli(args, db);

beforeAll(() => {
  temp = makeTempDir('ark-journey-');
  db = path.join(temp.dir, 'ark.db');
  project = path.join(temp.dir, 'sample-project');
  fs.cpSync(path.join(findAppRoot(__dirname), 'resources', 'sample-project'), project, { recursive: true });
  git('init', '--quiet', '-b', 'main');
  git('add', '.');
  git('commit', '--quiet', '-m', 'Sample project');
});
afterAll(() => temp.cleanup());

describe('the journey through the CLI', () => {
  it('indexes, generates from plain words, approves, deploys on ark/<name> and undoes it', async () => {
    const indexed = await ark('index', project, '--json');
    expect(indexed.code, indexed.err).toBe(0);
    expect(JSON.parse(indexed.out)).toMatchObject({ files: 11 });

    const generated = await ark('generate', 'Create a function that checks if a number is prime', '--json');
    expect(generated.code, generated.out + generated.err).toBe(0);
    const result = GenerationResult.parse(JSON.parse(generated.out));
    expect(result).toMatchObject({ status: 'ready-for-review', spec: { name: 'is_prime' } });
    expect(result.validation?.ok).toBe(true);
    expect(result.testRun?.failed).toBe(0);

    const queue = JSON.parse((await ark('review', 'list', '--json')).out) as { artifactId: number }[];
    expect(queue.map((item) => item.artifactId)).toContain(result.artifactId);
    const shown = JSON.parse((await ark('review', 'show', String(result.artifactId), '--json')).out) as { code: string; validations: unknown[]; testRuns: unknown[] };
    expect(shown.code).toBe(result.code);
    expect(shown.validations.length).toBeGreaterThan(0);
    expect(shown.testRuns.length).toBeGreaterThan(0);

    const suggested = await ark('suggest', String(result.artifactId), '--json');
    expect(suggested.code, suggested.err).toBe(0);
    expect(JSON.parse(suggested.out)).toMatchObject({ artifactId: result.artifactId, suggestions: expect.any(Array) });

    expect((await ark('review', 'approve', String(result.artifactId), '--comment', 'Verified against its examples')).code).toBe(0);
    const dry = await ark('deploy', String(result.artifactId), '--to', 'inventory/primes.py', '--dry-run', '--json');
    expect(dry.code, dry.out).toBe(0);
    expect(git('branch', '--list', 'ark/*').trim()).toBe('');

    const deployed = await ark('deploy', String(result.artifactId), '--to', 'inventory/primes.py', '--json');
    expect(deployed.code, deployed.out + deployed.err).toBe(0);
    const deployment = DeploymentRecord.parse(JSON.parse(deployed.out));
    expect(deployment).toMatchObject({ status: 'committed', branch: 'ark/is-prime' });
    expect(git('show', 'ark/is-prime:inventory/primes.py')).toBe(result.code.endsWith('\n') ? result.code : `${result.code}\n`);
    expect(git('log', '-1', '--format=%B', 'ark/is-prime')).toContain(`artefact #${result.artifactId}`);
    expect(git('rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('main');

    const undone = await ark('deploy', 'undo', String(deployment.id), '--json');
    expect(undone.code).toBe(0);
    expect(() => git('cat-file', '-e', 'ark/is-prime:inventory/primes.py')).toThrow();
    expect(git('log', '-1', '--format=%s', 'ark/is-prime')).toMatch(/^Revert /);
  }, 180_000);
});
