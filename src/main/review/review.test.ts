import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArkError } from '../../shared/errors';
import { createGitDeployer } from '../deploy/gitDeployer';
import { sha256 } from '../hash';
import { openDatabase, type Db } from '../store/db';
import { createReviewRepo } from '../store/reviewRepo';
import { makeTempDir } from '../testing/tempDir';
import { branchSlug, createReviewService } from './index';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });

const geometry = '"""Geometry helpers."""\nimport math\n\n\n@staticmethod\ndef area(r):\n    """Area of a circle."""\n    return 3.14 * r * r\n\n\ndef keep():\n    return 1\n';
const generated = 'import math\n\n\ndef area(r: float) -> float:\n    """Area of a circle."""\n    return math.pi * r * r\n';

let dir: string;
let cleanup: () => void;
let db: Db;
let audit: { kind: string; data: Record<string, unknown> }[];

function setup() {
  const repo = createReviewRepo(db);
  audit = [];
  const service = createReviewService({ repo, git: createGitDeployer({ user: 'reviewer' }), audit: (kind, data) => audit.push({ kind, data }), user: 'reviewer' });
  return { repo, service };
}

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir('ark-review-test-'));
  const project = path.join(dir, 'project');
  fs.mkdirSync(path.join(project, 'pkg'), { recursive: true });
  fs.writeFileSync(path.join(project, 'pkg', 'geometry.py'), geometry);
  git(project, 'init', '--quiet', '-b', 'main');
  git(project, 'add', '.');
  git(project, 'commit', '--quiet', '-m', 'initial');
  db = openDatabase(path.join(dir, 'ark.db'));
  db.prepare("INSERT INTO projects (id, root, name) VALUES (1, ?, 'project')").run(project);
  db.prepare("INSERT INTO files (id, project_id, path, language, tier, size, mtime_ms, content_hash) VALUES (1, 1, 'pkg/geometry.py', 'python', 'trusted', ?, 0, ?)").run(geometry.length, sha256(geometry));
  db.prepare("INSERT INTO symbols (id, project_id, file_id, kind, name, qualified_name, start_line, start_column, end_line, end_column) VALUES (7, 1, 1, 'function', 'area', 'area', 6, 0, 8, 22)").run();
  db.prepare("INSERT INTO specs (id, name) VALUES (3, 'area')").run();
  db.prepare("INSERT INTO spec_versions (id, spec_id, version, format, source, spec_json) VALUES (4, 3, 1, 'json', '{}', '{\"name\":\"area\"}')").run();
  db.prepare("INSERT INTO artifacts (id, spec_version_id, language, body_source, code, tests, code_hash, status) VALUES (5, 4, 'python', 'library', ?, 'def test_area(): pass', 'h', 'ready-for-review')").run(generated);
  db.prepare("INSERT INTO artifacts (id, spec_version_id, language, body_source, code, code_hash, status) VALUES (6, 4, 'python', 'none', 'x', 'h', 'failed')").run();
});
afterEach(() => {
  db.close();
  cleanup();
});

async function rejection(promise: Promise<unknown>): Promise<ArkError> {
  const error = await promise.then(() => null, (err: unknown) => err);
  expect(error).toBeInstanceOf(ArkError);
  return error as ArkError;
}

describe('review and deployment', () => {
  it('queues ready artefacts, records decisions with the reviewer, and deploys only after approval', async () => {
    const { service } = setup();
    expect(service.list('pending', 10).map((item) => item.artifactId)).toEqual([5]);
    const target = { kind: 'replace-symbol' as const, symbolId: 7 };
    await expect(service.deploy({ artifactId: 5, projectId: 1, target })).rejects.toThrow(/not approved/);
    const preview = await service.preview({ artifactId: 5, projectId: 1, target });
    expect(preview.problems.map((problem) => problem.code)).toEqual(['not-approved']);
    expect(preview.before).toBe('@staticmethod\ndef area(r):\n    """Area of a circle."""\n    return 3.14 * r * r\n');
    expect(preview.hunks.length).toBeGreaterThan(0);
    expect(() => service.decide({ artifactId: 5, decision: 'rejected' })).toThrow(/comment is required/);
    expect(() => service.decide({ artifactId: 6, decision: 'approved' })).toThrow(/not ready for review/);
    const review = service.decide({ artifactId: 5, decision: 'approved', comment: 'fine' });
    expect(review).toMatchObject({ decision: 'approved', reviewer: 'reviewer' });
    expect(service.list('pending', 10)).toEqual([]);
    expect(service.list('approved', 10).map((item) => item.artifactId)).toEqual([5]);

    const deployment = await service.deploy({ artifactId: 5, projectId: 1, target });
    expect(deployment).toMatchObject({ status: 'committed', branch: 'ark/area', targetPath: 'pkg/geometry.py' });
    const project = path.join(dir, 'project');
    const content = git(project, 'show', 'ark/area:pkg/geometry.py');
    expect(content).toBe('"""Geometry helpers."""\nimport math\n\n\ndef area(r: float) -> float:\n    """Area of a circle."""\n    return math.pi * r * r\n\n\ndef keep():\n    return 1\n');
    expect(git(project, 'log', '-1', '--format=%B', 'ark/area')).toMatch(/artefact #5, approved by reviewer/);
    expect(fs.readFileSync(path.join(project, 'pkg', 'geometry.py'), 'utf8')).toBe(geometry);
    // While the commit stands, the artefact is neither deployed again nor re-decided; a second request at the same
    // moment as a first is refused too.
    await expect(service.deploy({ artifactId: 5, projectId: 1, target })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/deployed to ark\/area .*undo that deployment/) });
    expect(() => service.decide({ artifactId: 5, decision: 'rejected', comment: 'changed my mind' })).toThrow(/undo that deployment before reviewing/);

    const undone = await service.undo(deployment.id);
    expect(undone.status).toBe('reverted');
    expect(git(project, 'show', 'ark/area:pkg/geometry.py')).toBe(geometry);
    expect(audit.map((entry) => entry.kind)).toEqual(['review.approved', 'deploy.committed', 'deploy.reverted']);
    expect(service.show(5).deployments.map((d) => d.status)).toEqual(['reverted']);

    // Undone, it may be deployed again, once at a time.
    const [first, second] = await Promise.allSettled([service.deploy({ artifactId: 5, projectId: 1, target }), service.deploy({ artifactId: 5, projectId: 1, target })]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { status: 'committed' } });
    expect(second).toMatchObject({ status: 'rejected', reason: { code: 'conflict', message: expect.stringMatching(/being deployed already/) } });
  });

  it('applies only the hunks the reviewer accepted, and keeps rejected reasons as feedback for the spec', async () => {
    const { service, repo } = setup();
    const target = { kind: 'replace-symbol' as const, symbolId: 7 };
    const preview = await service.preview({ artifactId: 5, projectId: 1, target });
    const choices = preview.hunks.map((hunk, index) => ({ index: hunk.index, accepted: index !== 0, ...(index === 0 ? { reason: 'keep the decorator' } : {}) }));
    service.decide({ artifactId: 5, decision: 'approved', hunks: choices });
    const deployment = await service.deploy({ artifactId: 5, projectId: 1, target });
    const content = git(path.join(dir, 'project'), 'show', `${deployment.commit}:pkg/geometry.py`);
    expect(content).toContain('@staticmethod');
    expect(content).toContain('return math.pi * r * r');
    db.prepare("INSERT INTO artifacts (id, spec_version_id, language, body_source, code, code_hash, status) VALUES (8, 4, 'python', 'library', 'y', 'h', 'ready-for-review')").run();
    service.decide({ artifactId: 8, decision: 'changes-requested', comment: 'Handle negative radius', hunks: [{ index: 0, accepted: false, reason: 'wrong constant' }] });
    expect(repo.feedbackForSpec(3)).toEqual(['Handle negative radius', 'Rejected change 1: wrong constant']);
  });

  it('refuses a changed file, a new file over an existing one, and explains a folder that is not a repository', async () => {
    const { service } = setup();
    service.decide({ artifactId: 5, decision: 'approved' });
    fs.appendFileSync(path.join(dir, 'project', 'pkg', 'geometry.py'), '# edited\n');
    expect((await rejection(service.deploy({ artifactId: 5, projectId: 1, target: { kind: 'replace-symbol', symbolId: 7 } }))).message).toMatch(/changed since it was indexed/);
    const existing = await service.preview({ artifactId: 5, projectId: 1, target: { kind: 'new-file', path: 'pkg/geometry.py' } });
    expect(existing.problems[0]?.message).toMatch(/already exists/);
    fs.rmSync(path.join(dir, 'project', '.git'), { recursive: true, force: true });
    const notRepo = await service.preview({ artifactId: 5, projectId: 1, target: { kind: 'new-file', path: 'pkg/area.py' } });
    expect(notRepo.problems[0]).toMatchObject({ code: 'conflict', canInit: true });
    await service.initRepository(1);
    const deployed = await service.deploy({ artifactId: 5, projectId: 1, target: { kind: 'new-file', path: 'pkg/area.py' } });
    expect(git(path.join(dir, 'project'), 'show', `${deployed.branch}:pkg/area.py`)).toBe(generated);
  });

  it('appends only to a regular file inside the project: not through a link that leaves it, not to a named pipe', async () => {
    const { service } = setup();
    service.decide({ artifactId: 5, decision: 'approved' });
    const project = path.join(dir, 'project');
    fs.writeFileSync(path.join(dir, 'outside.py'), 'SECRET = 1\n');
    fs.symlinkSync(path.join(dir, 'outside.py'), path.join(project, 'pkg', 'linked.py'));
    execFileSync('mkfifo', [path.join(project, 'pkg', 'pipe.py')]);
    const attempt = (file: string) => service.preview({ artifactId: 5, projectId: 1, target: { kind: 'append', path: file } }).then(
      (preview) => preview.problems.map((problem) => problem.message).join(' '),
      (err: unknown) => (err as Error).message,
    );
    expect(await attempt('pkg/linked.py')).toMatch(/leads outside the project/);
    // Opened without waiting for a writer: the answer comes at once.
    expect(await attempt('pkg/pipe.py')).toMatch(/not a regular file/);
    expect(await attempt('../outside.py')).toMatch(/outside the project/);
    const appended = await service.preview({ artifactId: 5, projectId: 1, target: { kind: 'append', path: 'pkg/geometry.py' } });
    expect(appended.problems).toEqual([]);
  });

  it('makes branch names from spec names', () => {
    expect(branchSlug('is_prime')).toBe('is-prime');
    expect(branchSlug('  Ünïcode / weird..name  ')).toBe('n-code-weird-name');
    expect(branchSlug('---')).toBe('change');
  });
});
