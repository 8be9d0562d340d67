// The review service: the queue of artefacts that reached `ready-for-review`, decisions recorded with the reviewer's
// name, and deployment of approved code into the indexed project's git repository (previewed first, undoable).
import fs from 'node:fs';
import path from 'node:path';
import { ArkError } from '../../shared/errors';
import type { DeploymentRecord, DeployPreview, DeployTarget, HunkChoice, ReviewDecision, ReviewDetail, ReviewItem, ReviewRecord } from '../../shared/review';
import { sha256 } from '../hash';
import { isInside, readRegularFile } from '../paths';
import type { GitDeployer, DeployTarget as GitTarget } from '../deploy/gitDeployer';
import type { ReviewRepo, SymbolTarget } from '../store/reviewRepo';
import { applyHunks, diffHunks, splitLines } from './lineDiff';

export type ReviewServiceDeps = {
  repo: ReviewRepo;
  git: GitDeployer;
  /** Records a decision or a deployment in the audit trail. */
  audit: (kind: string, data: Record<string, unknown>) => void;
  user: string;
  /** Adds approved code to the built-in library; returns the entry's name. Throws for code that does not qualify. */
  joinLibrary?: (artifactId: number) => string;
};

export type DeployInput = { artifactId: number; projectId: number; target: DeployTarget; testCommand?: string | undefined };

export type ReviewService = ReturnType<typeof createReviewService>;

export function createReviewService({ repo, git, audit, user, joinLibrary }: ReviewServiceDeps) {
  function requireItem(artifactId: number): ReviewItem {
    const item = repo.item(artifactId);
    if (!item) throw new ArkError('not-found', `There is no artefact #${artifactId}.`);
    return item;
  }

  function requireProject(projectId: number) {
    const project = repo.project(projectId);
    if (!project) throw new ArkError('not-found', `There is no project #${projectId}; open and index it first.`);
    return project;
  }

  /** The file text, the range replaced and the new text, computed from the project as it is on disk now. */
  function proposal(input: DeployInput, hunkChoices: readonly HunkChoice[] | null) {
    const artifact = repo.artifact(input.artifactId);
    if (!artifact) throw new ArkError('not-found', `There is no artefact #${input.artifactId}.`);
    const project = requireProject(input.projectId);
    const item = requireItem(input.artifactId);
    const branch = `ark/${branchSlug(item.specName)}`;
    const target = input.target;
    if (target.kind === 'new-file') {
      return { project, branch, path: target.path, before: null, after: ensureNewline(artifact.code), gitTarget: { kind: 'new-file', path: target.path } as GitTarget, hunks: [], mode: 'new-file' };
    }
    if (target.kind === 'append') {
      const file = readProjectFile(project.root, target.path);
      const after = appendCode(file.text, artifact.code);
      return { project, branch, path: target.path, before: file.text, after, gitTarget: { kind: 'rewrite', path: target.path, expectedFileHash: file.hash } as GitTarget, hunks: diffHunks(file.text, after), mode: 'append' };
    }
    const symbol = repo.symbolTarget(target.symbolId);
    if (!symbol) throw new ArkError('not-found', `There is no indexed symbol #${target.symbolId}; re-index the project.`);
    if (symbol.projectId !== project.id) throw new ArkError('invalid-input', `Symbol ${symbol.qualifiedName} belongs to another project.`);
    const file = readProjectFile(project.root, symbol.path);
    if (file.hash !== symbol.contentHash) throw new ArkError('conflict', `${symbol.path} changed since it was indexed. Re-index the project, then review the change again.`);
    const { text: after, before, hunks } = replaceSymbol(file.text, symbol, artifact.code, hunkChoices);
    return { project, branch, path: symbol.path, before, after, gitTarget: { kind: 'rewrite', path: symbol.path, expectedFileHash: file.hash } as GitTarget, hunks, mode: `replace:${symbol.qualifiedName}` };
  }

  /** A deployment whose commit stands on its branch is the artefact's outcome: undo it before deciding or deploying again. */
  function refuseWhileDeployed(artifactId: number, doing: string): void {
    const standing = repo.deployments({ artifactId, limit: 100 }).find((deployment) => deployment.status === 'committed');
    if (standing) {
      throw new ArkError(
        'conflict',
        `Artefact #${artifactId} is deployed to ${standing.branch}${standing.commit ? ` @ ${standing.commit.slice(0, 12)}` : ''} (deployment #${standing.id}): undo that deployment before ${doing}.`,
      );
    }
  }

  // Artefacts with a deployment under way in this process.
  const deploying = new Set<number>();

  async function deployApproved(input: DeployInput, latest: ReviewRecord): Promise<DeploymentRecord> {
    const p = proposal(input, latest.hunks);
    const spec = repo.specOf(input.artifactId);
    const item = requireItem(input.artifactId);
    const message = `ARK: ${p.before === null ? 'add' : 'update'} ${spec?.name ?? `artefact ${input.artifactId}`} in ${p.path}\n\nSpec #${item.specId ?? '-'} v${item.specVersion ?? '-'}, artefact #${input.artifactId}, approved by ${latest.reviewer} (review #${latest.id}).`;
    const testCommand = input.testCommand !== undefined ? input.testCommand : p.project.testCommand;
    const outcome = await git.deploy({ root: p.project.root, target: p.gitTarget, content: p.after, branch: p.branch, message, testCommand });
    const record = repo.addDeployment({
      artifactId: input.artifactId,
      projectId: p.project.id,
      branch: outcome.plan.branch,
      targetPath: p.path,
      mode: p.mode,
      status: outcome.status,
      commit: outcome.commit,
      files: outcome.plan.changes,
      testRun: outcome.testRun,
    });
    audit(outcome.status === 'committed' ? 'deploy.committed' : 'deploy.tests-failed', {
      deploymentId: record.id,
      artifactId: input.artifactId,
      branch: record.branch,
      commit: record.commit,
      path: p.path,
    });
    return record;
  }

  return {
    list(state: 'pending' | 'approved' | 'all', limit: number): ReviewItem[] {
      return repo.queue(state, limit);
    },

    show(artifactId: number): ReviewDetail {
      const item = requireItem(artifactId);
      const artifact = repo.artifact(artifactId)!;
      return {
        item,
        code: artifact.code,
        tests: artifact.tests,
        spec: repo.specOf(artifactId)?.json ?? null,
        ...repo.trail(artifactId),
        reviews: repo.reviews(artifactId),
        deployments: repo.deployments({ artifactId, limit: 100 }),
      };
    },

    decide(input: { artifactId: number; decision: ReviewDecision; comment?: string | undefined; hunks?: HunkChoice[] | undefined }): ReviewRecord {
      const item = requireItem(input.artifactId);
      if (item.status !== 'ready-for-review') {
        throw new ArkError('conflict', `Artefact #${input.artifactId} is "${item.status}", not ready for review: only code that passed validation and its tests can be approved.`);
      }
      refuseWhileDeployed(input.artifactId, 'reviewing it again');
      const comment = input.comment?.trim() || null;
      if (input.decision !== 'approved' && !comment && !(input.hunks ?? []).some((hunk) => !hunk.accepted && hunk.reason)) {
        throw new ArkError('invalid-input', 'Say why: a comment is required to request changes or reject, so the next generation can use it.');
      }
      const record = repo.addReview({ artifactId: input.artifactId, decision: input.decision, comment, hunks: input.hunks ?? [], reviewer: user });
      let library: string | null = null;
      if (input.decision === 'approved' && joinLibrary) {
        try {
          library = `joined the library as ${joinLibrary(input.artifactId)}`;
        } catch (err) {
          // Only verified Python bodies join (not a stub, not code the library already gave): the approval stands.
          library = err instanceof ArkError ? `not added to the library: ${err.message}` : 'not added to the library';
        }
      }
      audit(`review.${input.decision}`, {
        artifactId: input.artifactId,
        reviewId: record.id,
        comment,
        rejectedHunks: record.hunks.filter((hunk) => !hunk.accepted).length,
        ...(library ? { library } : {}),
      });
      return record;
    },

    async preview(input: DeployInput): Promise<DeployPreview> {
      const latest = repo.latestReview(input.artifactId);
      const p = proposal(input, latest?.decision === 'approved' ? latest.hunks : null);
      const problems: DeployPreview['problems'] = [];
      let repoRoot: string | null = null;
      let branch = p.branch;
      let changes: DeployPreview['changes'] = [{ path: p.path, action: p.before === null ? 'create' : 'modify', before: p.before, after: p.after }];
      try {
        const plan = await git.plan({ root: p.project.root, target: p.gitTarget, content: p.after, branch: p.branch, message: '' });
        repoRoot = plan.repoRoot;
        branch = plan.branch;
        changes = plan.changes;
      } catch (err) {
        if (!(err instanceof ArkError)) throw err;
        problems.push({ code: err.code, message: err.message, ...(err.details?.canInit ? { canInit: true } : {}) });
      }
      if (latest?.decision !== 'approved') problems.push({ code: 'not-approved', message: 'Nothing deploys without an approval: approve the artefact first.' });
      return { projectId: p.project.id, repoRoot, branch, path: p.path, before: p.before, after: p.after, hunks: p.hunks, changes, problems };
    },

    async deploy(input: DeployInput): Promise<DeploymentRecord> {
      const latest = repo.latestReview(input.artifactId);
      if (latest?.decision !== 'approved') throw new ArkError('conflict', `Artefact #${input.artifactId} is not approved. Nothing deploys without an approval.`);
      refuseWhileDeployed(input.artifactId, 'deploying it again');
      // Two deploy requests for one artefact (a double click, two windows) would both pass the check above before
      // either is recorded: the second is refused while the first is under way.
      if (deploying.has(input.artifactId)) throw new ArkError('conflict', `Artefact #${input.artifactId} is being deployed already.`);
      deploying.add(input.artifactId);
      try {
        return await deployApproved(input, latest);
      } finally {
        deploying.delete(input.artifactId);
      }
    },

    async undo(deploymentId: number): Promise<DeploymentRecord> {
      const deployment = repo.deployment(deploymentId);
      if (!deployment) throw new ArkError('not-found', `There is no deployment #${deploymentId}.`);
      // Undoing twice is not an error: the first revert stands, and the record says so.
      if (deployment.status === 'reverted') return deployment;
      if (deployment.status !== 'committed' || !deployment.commit) throw new ArkError('conflict', `Deployment #${deploymentId} is "${deployment.status}": there is no commit to undo.`);
      const project = requireProject(deployment.projectId);
      const { commit } = await git.undo({ root: project.root, branch: deployment.branch, commit: deployment.commit });
      const record = repo.markReverted(deploymentId, commit);
      audit('deploy.reverted', { deploymentId, branch: deployment.branch, commit: deployment.commit, revertCommit: commit });
      return record;
    },

    latestProject(): { id: number; root: string } | null {
      return repo.latestProject();
    },

    deployments(filter: { artifactId?: number | undefined; limit: number }): DeploymentRecord[] {
      return repo.deployments(filter);
    },

    async initRepository(projectId: number): Promise<{ commit: string; created: boolean }> {
      const project = requireProject(projectId);
      const existing = await git.head(project.root);
      if (existing) return { commit: existing, created: false };
      const result = await git.init(project.root, user);
      audit('deploy.repository-initialised', { projectId, root: project.root, commit: result.commit });
      return { commit: result.commit, created: true };
    },
  };
}

/** A branch-safe form of a spec name: `is_prime` → `is-prime`. */
export function branchSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'change';
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * Reads a file of the project, refusing paths that leave it (symbolic links included) and anything but a regular file;
 * the hash is of the bytes, as the indexer computes it.
 */
function readProjectFile(root: string, relative: string): { text: string; hash: string } {
  const absolute = path.resolve(root, relative);
  if (absolute === path.resolve(root) || !isInside(absolute, path.resolve(root))) throw new ArkError('invalid-input', `${relative} is outside the project.`);
  let bytes: Buffer;
  try {
    const real = fs.realpathSync(absolute);
    if (!isInside(real, fs.realpathSync(root))) throw new ArkError('invalid-input', `${relative} leads outside the project.`);
    // This runs on the main thread: a named pipe put in the file's place must not make it wait.
    const read = readRegularFile(real);
    if (!read) throw new ArkError('invalid-input', `${relative} is not a regular file.`);
    bytes = read;
  } catch (err) {
    if (err instanceof ArkError) throw err;
    throw new ArkError('not-found', `${relative} cannot be read in ${root}.`);
  }
  return { text: bytes.toString('utf8'), hash: sha256(bytes) };
}

/** Splits generated code into its leading import lines and the rest (the definitions). */
function splitImports(code: string): { imports: string[]; body: string } {
  const lines = splitLines(code);
  const imports: string[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^(import\s|from\s+\S+\s+import\s)/.test(line)) imports.push(line);
    else if (line.trim() !== '') break;
  }
  return { imports, body: lines.slice(i).join('\n').replace(/\n+$/, '') };
}

/** Adds the import lines a file lacks after its own leading imports (or after its docstring and comments). */
function addImports(lines: string[], imports: readonly string[]): string[] {
  const missing = imports.filter((line) => !lines.includes(line));
  if (!missing.length) return lines;
  let at = 0;
  let lastImport = -1;
  let inDocstring: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (inDocstring) {
      if (line.includes(inDocstring)) {
        inDocstring = null;
        at = i + 1;
      }
      continue;
    }
    if (line.startsWith('"""') || line.startsWith("'''")) {
      const quote = line.slice(0, 3);
      if (line.length < 6 || !line.endsWith(quote)) inDocstring = quote;
      at = i + 1;
      continue;
    }
    if (line === '' || line.startsWith('#')) continue;
    if (/^(import\s|from\s+\S+\s+import\s)/.test(line)) {
      lastImport = i;
      continue;
    }
    break;
  }
  const insertAt = lastImport >= 0 ? lastImport + 1 : at;
  return [...lines.slice(0, insertAt), ...missing, ...(lastImport < 0 && insertAt < lines.length ? [''] : []), ...lines.slice(insertAt)];
}

function appendCode(fileText: string, code: string): string {
  const { imports, body } = splitImports(code);
  const lines = addImports(splitLines(fileText), imports);
  while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
  return [...lines, '', '', ...splitLines(body)].join('\n') + '\n';
}

/**
 * The file with the symbol's lines (and its decorators) replaced by the generated definition. When the reviewer chose
 * hunks, only the accepted ones are applied to the symbol's old text.
 */
function replaceSymbol(fileText: string, symbol: SymbolTarget, code: string, hunkChoices: readonly HunkChoice[] | null) {
  const lines = splitLines(fileText);
  if (symbol.endLine > lines.length || symbol.startLine < 1) throw new ArkError('conflict', `${symbol.path} no longer has lines ${symbol.startLine}–${symbol.endLine}; re-index the project.`);
  let start = symbol.startLine;
  while (start > 1 && lines[start - 2]!.trim().startsWith('@')) start--;
  const indent = /^\s*/.exec(lines[symbol.startLine - 1]!)?.[0] ?? '';
  const oldText = lines.slice(start - 1, symbol.endLine).join('\n') + '\n';
  const { imports, body } = splitImports(code);
  const newText = splitLines(body).map((line) => (line ? indent + line : line)).join('\n') + '\n';
  const hunks = diffHunks(oldText, newText);
  const accepted = hunkChoices && hunkChoices.length ? new Set(hunkChoices.filter((choice) => choice.accepted).map((choice) => choice.index)) : new Set(hunks.map((hunk) => hunk.index));
  const merged = splitLines(applyHunks(oldText, hunks, accepted));
  const next = [...lines.slice(0, start - 1), ...merged, ...lines.slice(symbol.endLine)];
  const withImports = indent ? next : addImports(next, imports);
  return { text: withImports.join('\n') + '\n', before: oldText, hunks };
}
