// Puts approved code into a project's git repository on a branch of its own, without touching the user's checkout:
// the change is written and committed in a temporary worktree of the new branch, after the project's own tests pass.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { ArkError } from '../../shared/errors';
import { sha256 } from '../hash';

/** Where the code goes: a new file, the lines of an existing symbol, or the end of an existing file. */
export type DeployTarget =
  | { kind: 'new-file'; path: string }
  | { kind: 'replace'; path: string; startLine: number; endLine: number; expectedFileHash: string }
  | { kind: 'append'; path: string; expectedFileHash?: string }
  /** The whole new text of an existing file (the caller merged the change into it). */
  | { kind: 'rewrite'; path: string; expectedFileHash: string };

export type DeployRequest = {
  /** The project folder: the repository's top level or a folder inside it. */
  root: string;
  target: DeployTarget;
  /** The code to write (a whole file for `new-file`; the replacement or addition otherwise). */
  content: string;
  /** The branch to create, e.g. `ark/is-prime`; a free name is chosen (`ark/is-prime-2`) when it exists. */
  branch: string;
  message: string;
  /** The project's own test command, run in the new branch's worktree; a failure means no commit. */
  testCommand?: string | null;
  testTimeoutMs?: number;
  signal?: AbortSignal;
};

export type FileChange = { path: string; action: 'create' | 'modify'; before: string | null; after: string };

/** The dry run: exactly what would change, on which branch, from which commit. */
export type DeployPlan = { repoRoot: string; branch: string; base: string; changes: FileChange[] };

export type TestRun = { command: string; exitCode: number | null; signal: string | null; timedOut: boolean; output: string; durationMs: number };

export type DeployOutcome =
  | { status: 'committed'; plan: DeployPlan; commit: string; testRun: TestRun | null }
  | { status: 'tests-failed'; plan: DeployPlan; commit: null; testRun: TestRun };

export type GitDeployer = {
  /** Checks everything a deployment needs and computes the change, writing nothing. */
  plan(request: DeployRequest): Promise<DeployPlan>;
  deploy(request: DeployRequest): Promise<DeployOutcome>;
  /** Reverts a deployment's commit with a new commit on the same branch; returns the revert commit. */
  undo(options: { root: string; branch: string; commit: string }): Promise<{ commit: string }>;
  /** `git init` plus a first commit of what is there (offered when a project is not a repository yet). */
  init(root: string, user: string): Promise<{ commit: string }>;
  /** The commit checked out in the repository holding `root`, or null when it is not a repository with commits. */
  head(root: string): Promise<string | null>;
  /** The installed git's version, or null when git is missing. */
  version(): Promise<string | null>;
};

const maxTestOutput = 1_000_000;


export function createGitDeployer(options: { user: string; gitBinary?: string } = { user: 'ark' }): GitDeployer {
  const binary = options.gitBinary ?? 'git';
  const identity = { name: options.user, email: `${options.user.replace(/[^\w.-]/g, '') || 'ark'}@localhost` };

  const gitIn = (dir: string): SimpleGit =>
    simpleGit({ baseDir: dir, binary, timeout: { block: 120_000 }, trimmed: false }).env(gitEnv(identity));

  async function version(): Promise<string | null> {
    try {
      const out = await gitIn(os.tmpdir()).raw(['--version']);
      return out.trim().replace(/^git version /, '');
    } catch {
      return null;
    }
  }

  async function requireGit(): Promise<void> {
    if ((await version()) === null) throw new ArkError('unavailable', 'git is not installed (or not on PATH). Install git to deploy code into a project.');
  }

  async function repoRootOf(root: string): Promise<string> {
    if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new ArkError('not-found', `The project folder ${root} does not exist.`);
    let top: string;
    try {
      top = (await gitIn(root).raw(['rev-parse', '--show-toplevel'])).trim();
    } catch {
      throw new ArkError('conflict', `${root} is not a git repository. Initialise one (git init and a first commit) to deploy into it.`, { canInit: true, root });
    }
    return fs.realpathSync(top);
  }

  async function headOf(git: SimpleGit): Promise<string> {
    try {
      return (await git.raw(['rev-parse', '--verify', 'HEAD^{commit}'])).trim();
    } catch {
      throw new ArkError('conflict', 'The repository has no commits yet. Make a first commit, then deploy.');
    }
  }

  /**
   * Throws when the target, or a folder on its way, is a symbolic link: a repository may hold links (a dropped project
   * is untrusted), and writing through one would put the code wherever it points, outside the project.
   */
  function refuseLinks(top: string, relative: string): void {
    let current = top;
    for (const part of relative.split('/')) {
      current = path.join(current, part);
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(current);
      } catch {
        return; // Not there yet, so nothing below it is either: it is created as a real folder or file.
      }
      if (stat.isSymbolicLink()) {
        throw new ArkError('invalid-input', `${relative} goes through the symbolic link ${path.relative(top, current)}; deployments write only real files and folders, so no link can carry the code elsewhere.`);
      }
    }
  }

  /** The target's path relative to the repository, checked to stay inside it. */
  function relativeTarget(repoRoot: string, projectRoot: string, target: string): string {
    if (!target || target.includes('\0')) throw new ArkError('invalid-input', 'The target path is empty or malformed.');
    const absolute = path.resolve(projectRoot, target);
    const relative = path.relative(repoRoot, absolute);
    if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) throw new ArkError('invalid-input', `The target ${target} is outside the repository ${repoRoot}.`);
    if (relative.split(path.sep).includes('.git')) throw new ArkError('invalid-input', 'The target cannot be inside the .git folder.');
    return relative.split(path.sep).join('/');
  }

  async function freeBranch(git: SimpleGit, wanted: string): Promise<string> {
    const valid = async (name: string) => {
      try {
        await git.raw(['check-ref-format', '--branch', name]);
        return true;
      } catch {
        return false;
      }
    };
    if (!(await valid(wanted))) throw new ArkError('invalid-input', `"${wanted}" is not a valid branch name.`);
    const existing = new Set((await git.raw(['for-each-ref', '--format=%(refname:short)', 'refs/heads/'])).split('\n').filter(Boolean));
    if (!existing.has(wanted)) return wanted;
    for (let n = 2; n < 1000; n++) if (!existing.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
    throw new ArkError('conflict', `Too many branches named ${wanted}-N; delete some first.`);
  }

  async function plan(request: DeployRequest): Promise<DeployPlan> {
    await requireGit();
    const projectRoot = path.resolve(request.root);
    const repoRoot = await repoRootOf(projectRoot);
    const git = gitIn(repoRoot);
    const base = await headOf(git);
    const relative = relativeTarget(repoRoot, fs.realpathSync(projectRoot), request.target.path);
    const absolute = path.join(repoRoot, relative);
    refuseLinks(repoRoot, relative);
    const dirty = (await git.raw(['status', '--porcelain', '--untracked-files=all', '--', relative])).trim();
    const inHead = await blobAt(git, base, relative);

    let change: FileChange;
    if (request.target.kind === 'new-file') {
      if (inHead !== null || fs.existsSync(absolute)) throw new ArkError('conflict', `${relative} already exists; choose another file, or replace a function in it.`);
      change = { path: relative, action: 'create', before: null, after: withFinalNewline(request.content) };
    } else {
      if (inHead === null) throw new ArkError('not-found', `${relative} is not in the repository's last commit.`);
      if (dirty) throw new ArkError('conflict', `${relative} has uncommitted changes. Commit or discard them first, so nothing of yours is overwritten.`);
      const expected = request.target.expectedFileHash;
      if (expected !== undefined && sha256(inHead) !== expected) {
        throw new ArkError('conflict', `${relative} changed since it was indexed. Re-index the project and review the change again.`);
      }
      const after = request.target.kind === 'rewrite' ? withFinalNewline(request.content) : applyEdit(inHead, request.target, request.content);
      if (after === inHead) throw new ArkError('conflict', `${relative} already holds exactly this code: there is nothing to deploy.`);
      change = { path: relative, action: 'modify', before: inHead, after };
    }
    return { repoRoot, branch: await freeBranch(git, request.branch), base, changes: [change] };
  }

  async function deploy(request: DeployRequest): Promise<DeployOutcome> {
    const planned = await plan(request);
    const git = gitIn(planned.repoRoot);
    const worktree = fs.mkdtempSync(path.join(os.tmpdir(), 'ark-deploy-'));
    let committed = false;
    try {
      await git.raw(['worktree', 'add', '--quiet', '-b', planned.branch, worktree, planned.base]);
      const tree = gitIn(worktree);
      for (const change of planned.changes) {
        const file = path.join(worktree, change.path);
        // Checked again in the fresh checkout of the commit, which is what the write goes through.
        refuseLinks(worktree, change.path);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, change.after);
      }
      let testRun: TestRun | null = null;
      if (request.testCommand?.trim()) {
        testRun = await runTests(request.testCommand, worktree, request.testTimeoutMs ?? 300_000, request.signal);
        if (testRun.exitCode !== 0) return { status: 'tests-failed', plan: planned, commit: null, testRun };
      }
      await tree.raw(['add', '--', ...planned.changes.map((change) => change.path)]);
      await tree.raw(['commit', '--quiet', '-m', request.message]);
      committed = true;
      const commit = (await tree.raw(['rev-parse', 'HEAD'])).trim();
      return { status: 'committed', plan: planned, commit, testRun };
    } finally {
      await git.raw(['worktree', 'remove', '--force', worktree]).catch(() => fs.rmSync(worktree, { recursive: true, force: true }));
      await git.raw(['worktree', 'prune']).catch(() => undefined);
      // A branch without the deployment's commit is noise: remove it when nothing was committed.
      if (!committed) await git.raw(['branch', '-D', planned.branch]).catch(() => undefined);
    }
  }

  async function undo({ root, branch, commit }: { root: string; branch: string; commit: string }): Promise<{ commit: string }> {
    await requireGit();
    const repoRoot = await repoRootOf(path.resolve(root));
    const git = gitIn(repoRoot);
    if (!/^[0-9a-f]{7,64}$/i.test(commit)) throw new ArkError('invalid-input', `"${commit}" is not a commit id.`);
    try {
      await git.raw(['rev-parse', '--verify', `refs/heads/${branch}`]);
    } catch {
      throw new ArkError('not-found', `The branch ${branch} no longer exists, so there is nothing to undo on it.`);
    }
    try {
      await git.raw(['merge-base', '--is-ancestor', commit, `refs/heads/${branch}`]);
    } catch {
      throw new ArkError('conflict', `Commit ${commit.slice(0, 12)} is not on ${branch}.`);
    }
    const checkedOutHere = (await git.raw(['symbolic-ref', '--quiet', '--short', 'HEAD']).catch(() => '')).trim() === branch;
    if (checkedOutHere) {
      if ((await git.raw(['status', '--porcelain'])).trim()) throw new ArkError('conflict', `${branch} is checked out with uncommitted changes; commit or discard them, then undo.`);
      await git.raw(['revert', '--no-edit', commit]);
      return { commit: (await git.raw(['rev-parse', 'HEAD'])).trim() };
    }
    const worktree = fs.mkdtempSync(path.join(os.tmpdir(), 'ark-undo-'));
    try {
      await git.raw(['worktree', 'add', '--quiet', worktree, branch]);
      const tree = gitIn(worktree);
      try {
        await tree.raw(['revert', '--no-edit', commit]);
      } catch (err) {
        await tree.raw(['revert', '--abort']).catch(() => undefined);
        throw new ArkError('conflict', `The deployment cannot be reverted cleanly: later commits on ${branch} changed the same lines. (${firstLine(err)})`);
      }
      return { commit: (await tree.raw(['rev-parse', 'HEAD'])).trim() };
    } finally {
      await git.raw(['worktree', 'remove', '--force', worktree]).catch(() => fs.rmSync(worktree, { recursive: true, force: true }));
      await git.raw(['worktree', 'prune']).catch(() => undefined);
    }
  }

  async function init(root: string, user: string): Promise<{ commit: string }> {
    await requireGit();
    const resolved = path.resolve(root);
    if (!fs.existsSync(resolved) || !fs.statSync(resolved).isDirectory()) throw new ArkError('not-found', `The project folder ${root} does not exist.`);
    const git = gitIn(resolved);
    const inside = await git.raw(['rev-parse', '--is-inside-work-tree']).then(
      (out) => out.trim() === 'true',
      () => false,
    );
    if (inside) throw new ArkError('conflict', `${root} is already inside a git repository.`);
    await git.raw(['init', '--quiet']);
    await git.raw(['add', '--all']);
    await git.raw(['commit', '--quiet', '--allow-empty', '-m', `Initial commit (made by ARK Workbench for ${user})`]);
    return { commit: (await git.raw(['rev-parse', 'HEAD'])).trim() };
  }

  async function head(root: string): Promise<string | null> {
    if (!fs.existsSync(root)) return null;
    try {
      return (await gitIn(root).raw(['rev-parse', '--verify', 'HEAD^{commit}'])).trim();
    } catch {
      return null;
    }
  }

  return { plan, deploy, undo, init, head, version };
}

/**
 * A short, explicit environment for git: the user's own settings (HOME for their config, PATH, locale) and an identity
 * for repositories that have none. Editors, pagers and askpass helpers are left out: there is no terminal to show them.
 */
function gitEnv(identity: { name: string; email: string }): Record<string, string> {
  const env: Record<string, string> = { GIT_TERMINAL_PROMPT: '0' };
  for (const key of ['PATH', 'HOME', 'USERPROFILE', 'SYSTEMROOT', 'LANG', 'LC_ALL', 'TMPDIR', 'TEMP', 'TMP', 'XDG_CONFIG_HOME']) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  env.GIT_AUTHOR_NAME = process.env.GIT_AUTHOR_NAME ?? identity.name;
  env.GIT_AUTHOR_EMAIL = process.env.GIT_AUTHOR_EMAIL ?? identity.email;
  env.GIT_COMMITTER_NAME = process.env.GIT_COMMITTER_NAME ?? identity.name;
  env.GIT_COMMITTER_EMAIL = process.env.GIT_COMMITTER_EMAIL ?? identity.email;
  return env;
}

async function blobAt(git: SimpleGit, commit: string, relative: string): Promise<string | null> {
  try {
    const type = (await git.raw(['cat-file', '-t', `${commit}:${relative}`])).trim();
    if (type !== 'blob') throw new ArkError('conflict', `${relative} is a ${type === 'tree' ? 'folder' : type} in the repository, not a file.`);
    return await git.raw(['show', `${commit}:${relative}`]);
  } catch (err) {
    if (err instanceof ArkError) throw err;
    return null;
  }
}

/** Replaces lines start..end (1-based, inclusive) or appends, keeping the file's line endings. */
export function applyEdit(original: string, target: Extract<DeployTarget, { kind: 'replace' | 'append' }>, content: string): string {
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const replacement = content.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
  const lines = original.split(/\r?\n/);
  const hadFinalNewline = lines.length > 1 && lines[lines.length - 1] === '';
  if (hadFinalNewline) lines.pop();
  if (target.kind === 'append') {
    const gap = lines.length && lines[lines.length - 1]?.trim() !== '' ? ['', ''] : [];
    return [...lines, ...gap, ...replacement].join(eol) + eol;
  }
  const { startLine, endLine } = target;
  if (!Number.isInteger(startLine) || !Number.isInteger(endLine) || startLine < 1 || endLine < startLine || endLine > lines.length) {
    throw new ArkError('invalid-input', `Lines ${startLine}–${endLine} are not inside ${target.path} (${lines.length} lines).`);
  }
  const next = [...lines.slice(0, startLine - 1), ...replacement, ...lines.slice(endLine)];
  return next.join(eol) + (hadFinalNewline ? eol : '');
}

function withFinalNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0] ?? '';
}

/** Runs the project's own test command in the worktree; its output is kept (capped) for the review trail. */
function runTests(command: string, cwd: string, timeoutMs: number, signal?: AbortSignal): Promise<TestRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, { cwd, shell: true, detached: process.platform !== 'win32', stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    const collect = (chunk: Buffer) => {
      if (output.length < maxTestOutput) output += chunk.toString('utf8').slice(0, maxTestOutput - output.length);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const kill = () => {
      try {
        if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    signal?.addEventListener('abort', kill, { once: true });
    const finish = (exitCode: number | null, sig: NodeJS.Signals | null) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', kill);
      resolve({ command, exitCode, signal: sig, timedOut, output, durationMs: performance.now() - started });
    };
    child.on('error', (err) => {
      output += `\n${err.message}`;
      finish(127, null);
    });
    child.on('close', finish);
  });
}
