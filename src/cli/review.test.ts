// `ark review` and `ark deploy` on a real git repository indexed with `ark index`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../main/store/db';
import { makeTempDir } from '../main/testing/tempDir';
import { runCli } from './testing';

let temp: ReturnType<typeof makeTempDir>;
let db: string;
let project: string;
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: project, encoding: 'utf8' });

const run = (...args: string[]) => runCli(args, db);

beforeEach(() => {
  temp = makeTempDir('ark-cli-review-');
  db = path.join(temp.dir, 'ark.db');
  project = path.join(temp.dir, 'project');
  fs.mkdirSync(path.join(project, 'pkg'), { recursive: true });
  fs.writeFileSync(path.join(project, 'pkg', 'numbers.py'), 'def is_even(n):\n    return n % 2 == 1\n\n\ndef other():\n    return 2\n');
  git('init', '--quiet', '-b', 'main');
  git('add', '.');
  git('commit', '--quiet', '-m', 'initial');
});
afterEach(() => temp.cleanup());

/** An artefact as the pipeline leaves one: ready for review, linked to its spec version. */
function seedArtifact(code: string): number {
  const store = openDatabase(db);
  try {
    store.prepare("INSERT INTO specs (name) VALUES ('is_even')").run();
    store.prepare("INSERT INTO spec_versions (spec_id, version, format, source, spec_json) VALUES (last_insert_rowid(), 1, 'json', '{}', '{}')").run();
    return Number(
      store
        .prepare("INSERT INTO artifacts (spec_version_id, language, body_source, code, code_hash, status) VALUES (last_insert_rowid(), 'python', 'library', ?, 'h', 'ready-for-review')")
        .run(code).lastInsertRowid,
    );
  } finally {
    store.close();
  }
}

describe('ark review and ark deploy', () => {
  it('lists, approves, previews, deploys on ark/<spec> replacing the indexed function, and undoes it', async () => {
    expect((await run('index', project, '--json')).code).toBe(0);
    const id = seedArtifact('def is_even(n: int) -> bool:\n    """True when n is even."""\n    return n % 2 == 0\n');
    const list = await run('review', 'list', '--json');
    expect(JSON.parse(list.out)).toMatchObject([{ artifactId: id, specName: 'is_even', decision: null }]);

    const early = await run('deploy', String(id), '--to', 'pkg/numbers.py', '--replace', 'is_even', '--json');
    expect(early.code).toBe(3);
    expect(early.out).toMatch(/not approved/);

    expect((await run('review', 'reject', String(id))).code).toBe(2);
    const approve = await run('review', 'approve', String(id), '--comment', 'Looks right', '--json');
    expect(JSON.parse(approve.out)).toMatchObject({ decision: 'approved', comment: 'Looks right' });

    const dry = await run('deploy', String(id), '--to', 'pkg/numbers.py', '--replace', 'is_even', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ branch: 'ark/is-even', changes: [{ path: 'pkg/numbers.py', action: 'modify' }], problems: [] });
    expect(git('branch', '--list', 'ark/*').trim()).toBe('');

    const deployed = await run('deploy', String(id), '--to', 'pkg/numbers.py', '--replace', 'is_even', '--test-command', 'python3 -c "from pkg.numbers import is_even; assert is_even(4)"', '--json');
    expect(deployed.code).toBe(0);
    const record = JSON.parse(deployed.out) as { id: number; branch: string; commit: string; testRun: { exitCode: number } };
    expect(record).toMatchObject({ branch: 'ark/is-even', testRun: { exitCode: 0 } });
    expect(git('show', 'ark/is-even:pkg/numbers.py')).toBe('def is_even(n: int) -> bool:\n    """True when n is even."""\n    return n % 2 == 0\n\n\ndef other():\n    return 2\n');
    expect(git('log', '--format=%s', 'ark/is-even').split('\n')[0]).toBe('ARK: update is_even in pkg/numbers.py');

    const undo = await run('deploy', 'undo', String(record.id), '--json');
    expect(undo.code).toBe(0);
    expect(JSON.parse(undo.out)).toMatchObject({ status: 'reverted' });
    expect(git('show', 'ark/is-even:pkg/numbers.py')).toContain('return n % 2 == 1');
  });

  it('does not commit when the project tests fail, and reports bad usage with exit 2', async () => {
    expect((await run('index', project)).code).toBe(0);
    const id = seedArtifact('def is_odd(n):\n    return n % 2 == 1\n');
    await run('review', 'approve', String(id));
    const failed = await run('deploy', String(id), '--to', 'pkg/odd.py', '--test-command', 'exit 4', '--json');
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.out)).toMatchObject({ status: 'tests-failed', commit: null, testRun: { exitCode: 4 } });
    expect((await run('deploy', String(id))).code).toBe(2);
    expect((await run('deploy', 'x', '--to', 'a.py')).code).toBe(2);
    expect((await run('review', 'frobnicate', '1')).code).toBe(2);
  });
});
