import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArkError } from '../../shared/errors';
import { makeTempDir } from '../testing/tempDir';
import { sha256 } from '../hash';
import { applyEdit, createGitDeployer } from './gitDeployer';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });

const original = 'def add(a, b):\n    return a - b\n\n\ndef keep():\n    return 1\n';

let dir: string;
let cleanup: () => void;
const deployer = createGitDeployer({ user: 'tester' });

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir('ark-deploy-test-'));
  git(dir, 'init', '--quiet', '-b', 'main');
  fs.mkdirSync(path.join(dir, 'pkg'));
  fs.writeFileSync(path.join(dir, 'pkg', 'maths.py'), original);
  git(dir, 'add', '.');
  git(dir, 'commit', '--quiet', '-m', 'initial');
});
afterEach(() => cleanup());

async function rejection(promise: Promise<unknown>): Promise<ArkError> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(ArkError);
  return error as ArkError;
}

describe('git deployment', () => {
  it('commits a new file on its own branch without touching the user checkout', async () => {
    const request = { root: dir, target: { kind: 'new-file' as const, path: 'pkg/primes.py' }, content: 'def is_prime(n):\n    return n > 1', branch: 'ark/is-prime', message: 'Add is_prime (spec 1, artefact 2)' };
    const plan = await deployer.plan(request);
    expect(plan.branch).toBe('ark/is-prime');
    expect(plan.changes).toEqual([{ path: 'pkg/primes.py', action: 'create', before: null, after: 'def is_prime(n):\n    return n > 1\n' }]);
    const outcome = await deployer.deploy(request);
    expect(outcome.status).toBe('committed');
    expect(git(dir, 'show', 'ark/is-prime:pkg/primes.py')).toBe('def is_prime(n):\n    return n > 1\n');
    expect(git(dir, 'log', '-1', '--format=%s', 'ark/is-prime').trim()).toBe('Add is_prime (spec 1, artefact 2)');
    expect(git(dir, 'rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('main');
    expect(fs.existsSync(path.join(dir, 'pkg', 'primes.py'))).toBe(false);
    expect(git(dir, 'worktree', 'list').trim().split('\n')).toHaveLength(1);
    // The same branch name again gets a free variant instead of moving the first deployment.
    const again = await deployer.plan({ ...request, target: { kind: 'new-file', path: 'pkg/other.py' } });
    expect(again.branch).toBe('ark/is-prime-2');
  });

  it('replaces a function by its line range, checked against the indexed content hash, and undo reverts it', async () => {
    const target = { kind: 'replace' as const, path: 'pkg/maths.py', startLine: 1, endLine: 2, expectedFileHash: sha256(original) };
    const outcome = await deployer.deploy({ root: dir, target, content: 'def add(a, b):\n    return a + b\n', branch: 'ark/add', message: 'Fix add' });
    expect(outcome.status).toBe('committed');
    const deployed = git(dir, 'show', 'ark/add:pkg/maths.py');
    expect(deployed).toBe('def add(a, b):\n    return a + b\n\n\ndef keep():\n    return 1\n');
    const undone = await deployer.undo({ root: dir, branch: 'ark/add', commit: outcome.commit! });
    expect(git(dir, 'show', 'ark/add:pkg/maths.py')).toBe(original);
    expect(git(dir, 'log', '-1', '--format=%H', 'ark/add').trim()).toBe(undone.commit);
    expect(git(dir, 'log', '-1', '--format=%s', 'ark/add')).toMatch(/^Revert "Fix add"/);
  });

  it('refuses a file changed since it was indexed, or with uncommitted changes', async () => {
    const stale = { kind: 'replace' as const, path: 'pkg/maths.py', startLine: 1, endLine: 2, expectedFileHash: sha256('something else') };
    expect((await rejection(deployer.plan({ root: dir, target: stale, content: 'x = 1', branch: 'ark/a', message: 'm' }))).message).toMatch(/changed since it was indexed/);
    fs.appendFileSync(path.join(dir, 'pkg', 'maths.py'), '# local edit\n');
    const fresh = { ...stale, expectedFileHash: sha256(original) };
    const dirty = await rejection(deployer.plan({ root: dir, target: fresh, content: 'x = 1', branch: 'ark/a', message: 'm' }));
    expect(dirty.code).toBe('conflict');
    expect(dirty.message).toMatch(/uncommitted changes/);
  });

  it('does not commit when the project tests fail, and removes the branch', async () => {
    const request = { root: dir, target: { kind: 'new-file' as const, path: 'new.py' }, content: 'x = 1\n', branch: 'ark/x', message: 'm' };
    const failed = await deployer.deploy({ ...request, testCommand: 'test -f new.py && echo "1 failed" && exit 3' });
    expect(failed.status).toBe('tests-failed');
    expect(failed.testRun).toMatchObject({ exitCode: 3 });
    expect(failed.testRun?.output).toContain('1 failed');
    expect(git(dir, 'branch', '--list', 'ark/x').trim()).toBe('');
    const passed = await deployer.deploy({ ...request, testCommand: 'test -f new.py' });
    expect(passed.status).toBe('committed');
    expect(passed.testRun?.exitCode).toBe(0);
  });

  it('explains what is wrong: not a repository, no commits, a path outside, an existing file, git missing', async () => {
    const { dir: plain, cleanup: removePlain } = makeTempDir('ark-plain-');
    try {
      fs.writeFileSync(path.join(plain, 'a.py'), 'x = 1\n');
      const notRepo = await rejection(deployer.plan({ root: plain, target: { kind: 'new-file', path: 'b.py' }, content: '', branch: 'ark/b', message: 'm' }));
      expect(notRepo).toMatchObject({ code: 'conflict', details: { canInit: true } });
      await deployer.init(plain, 'tester');
      expect((await deployer.plan({ root: plain, target: { kind: 'new-file', path: 'b.py' }, content: 'y = 2', branch: 'ark/b', message: 'm' })).changes).toHaveLength(1);
    } finally {
      removePlain();
    }
    const { dir: empty, cleanup: removeEmpty } = makeTempDir('ark-empty-');
    try {
      git(empty, 'init', '--quiet');
      expect((await rejection(deployer.plan({ root: empty, target: { kind: 'new-file', path: 'b.py' }, content: '', branch: 'ark/b', message: 'm' }))).message).toMatch(/no commits/);
    } finally {
      removeEmpty();
    }
    expect((await rejection(deployer.plan({ root: dir, target: { kind: 'new-file', path: '../escape.py' }, content: '', branch: 'ark/b', message: 'm' }))).code).toBe('invalid-input');
    expect((await rejection(deployer.plan({ root: dir, target: { kind: 'new-file', path: 'pkg/maths.py' }, content: '', branch: 'ark/b', message: 'm' }))).message).toMatch(/already exists/);
    expect((await rejection(deployer.plan({ root: dir, target: { kind: 'new-file', path: 'b.py' }, content: '', branch: 'bad..name', message: 'm' }))).code).toBe('invalid-input');
    const missing = createGitDeployer({ user: 'tester', gitBinary: '/nonexistent/git' });
    expect(await missing.version()).toBeNull();
    expect((await rejection(missing.plan({ root: dir, target: { kind: 'new-file', path: 'b.py' }, content: '', branch: 'ark/b', message: 'm' }))).code).toBe('unavailable');
  });

  it('never writes through a symbolic link committed to the repository, to a file or a folder on the way', async () => {
    const { dir: outside, cleanup: removeOutside } = makeTempDir('ark-deploy-outside-');
    try {
      fs.writeFileSync(path.join(outside, 'profile.py'), 'KEEP = 1\n');
      fs.symlinkSync(outside, path.join(dir, 'elsewhere'));
      fs.symlinkSync(path.join(outside, 'profile.py'), path.join(dir, 'pkg', 'profile.py'));
      git(dir, 'add', '.');
      git(dir, 'commit', '--quiet', '-m', 'links');
      const base = { root: dir, branch: 'ark/x', message: 'x' };
      const throughFolder = await rejection(deployer.deploy({ ...base, target: { kind: 'new-file', path: 'elsewhere/new.py' }, content: 'x = 1' }));
      expect(throughFolder.message).toMatch(/goes through the symbolic link elsewhere/);
      const throughFile = await rejection(deployer.deploy({ ...base, target: { kind: 'append', path: 'pkg/profile.py' }, content: 'x = 1' }));
      expect(throughFile.message).toMatch(/symbolic link pkg\/profile.py/);
      expect(fs.readdirSync(outside)).toEqual(['profile.py']);
      expect(fs.readFileSync(path.join(outside, 'profile.py'), 'utf8')).toBe('KEEP = 1\n');
      expect(git(dir, 'branch', '--list', 'ark/x').trim()).toBe('');
    } finally {
      removeOutside();
    }
  });
});

describe('applyEdit', () => {
  it('keeps CRLF line endings and appends with a blank-line gap', () => {
    expect(applyEdit('a\r\nb\r\nc\r\n', { kind: 'replace', path: 'f', startLine: 2, endLine: 2, expectedFileHash: '' }, 'B1\nB2\n')).toBe('a\r\nB1\r\nB2\r\nc\r\n');
    expect(applyEdit('x = 1\n', { kind: 'append', path: 'f' }, 'def f():\n    pass\n')).toBe('x = 1\n\n\ndef f():\n    pass\n');
    expect(() => applyEdit('a\n', { kind: 'replace', path: 'f', startLine: 2, endLine: 5, expectedFileHash: '' }, 'x')).toThrow(/not inside/);
  });
});
