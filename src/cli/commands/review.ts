// `ark review` (the queue and decisions) and `ark deploy` (commit approved code into the project, or undo it).
import type { App } from '../../main/app';
import { ArkError } from '../../shared/errors';
import type { DeployTarget, ReviewDecision } from '../../shared/review';
import { call, exitCodes, expectArgs, intOption, stringOption, UsageError, type CliCommand } from '../command';

function idArg(raw: string | undefined, what: string): number {
  const id = Number(raw);
  if (!raw || !Number.isInteger(id) || id < 1) throw new UsageError(`${what} must be a positive whole number, got "${raw ?? ''}".`);
  return id;
}

const decisions: Record<string, ReviewDecision> = { approve: 'approved', reject: 'rejected', 'request-changes': 'changes-requested' };

export const reviewCommand: CliCommand = {
  name: 'review',
  usage: [
    'ark review list [--all|--approved]  artefacts waiting for review (or all reviewed, or approved)',
    'ark review show ID            an artefact with its code, tests, validation, runs and decisions',
    'ark review approve|reject|request-changes ID [--comment TEXT]',
  ],
  options: { comment: { type: 'string' }, all: { type: 'boolean' }, approved: { type: 'boolean' }, limit: { type: 'string' } },
  async run({ args, values, json, io, withApp }) {
    const [sub, ...rest] = args;
    return withApp(async (app) => {
      if (sub === 'list') {
        expectArgs(rest, 0, 'review list');
        const state = values.all ? 'all' : values.approved ? 'approved' : 'pending';
        const items = await call(app, 'review.list', { state, limit: intOption(values, 'limit', 1, 500) ?? 100 });
        if (json) io.out(JSON.stringify(items, null, 2));
        else if (!items.length) io.out(state === 'pending' ? 'Nothing is waiting for review.' : 'No artefacts.');
        else for (const item of items) io.out(`#${item.artifactId}  ${item.specName} v${item.specVersion ?? '-'}  ${item.language}  ${item.bodySource}  ${item.decision ?? 'waiting'}${item.deployed ? '  deployed' : ''}`);
        return exitCodes.ok;
      }
      if (sub === 'show') {
        const [id] = rest;
        expectArgs(rest, 1, 'review show');
        const detail = await call(app, 'review.show', { artifactId: idArg(id, 'ID') });
        if (json) io.out(JSON.stringify(detail, null, 2));
        else {
          io.out(`Artefact #${detail.item.artifactId}: ${detail.item.specName} v${detail.item.specVersion ?? '-'} (${detail.item.language}, ${detail.item.bodySource}, ${detail.item.status})`);
          io.out(`Decision: ${detail.item.decision ?? 'waiting for review'}`);
          io.out('\n--- code ---\n' + detail.code + '\n--- tests ---\n' + detail.tests);
          for (const review of detail.reviews) io.out(`${review.createdAt}  ${review.reviewer}: ${review.decision}${review.comment ? ` — ${review.comment}` : ''}`);
          for (const d of detail.deployments) io.out(`Deployment #${d.id}: ${d.status} on ${d.branch} ${d.commit ?? ''}`);
        }
        return exitCodes.ok;
      }
      const decision = sub ? decisions[sub] : undefined;
      if (!decision) throw new UsageError(`unknown "review" command "${sub ?? ''}": try list, show, approve, reject or request-changes.`);
      expectArgs(rest, 1, `review ${sub}`);
      const comment = stringOption(values, 'comment');
      const record = await call(app, 'review.decide', { artifactId: idArg(rest[0], 'ID'), decision, ...(comment !== undefined ? { comment } : {}) });
      if (json) io.out(JSON.stringify(record, null, 2));
      else io.out(`Artefact #${record.artifactId}: ${record.decision} by ${record.reviewer}.`);
      return exitCodes.ok;
    });
  },
};

/** The project a deployment goes into: --project, else the one opened most recently. */
function projectFor(app: App, raw: number | undefined): number {
  if (raw !== undefined) return raw;
  const latest = app.services.review.latestProject();
  if (!latest) throw new ArkError('not-found', 'No project is indexed yet: run "ark index DIR" first, or pass --project ID.');
  return latest.id;
}

export const deployCommand: CliCommand = {
  name: 'deploy',
  usage: [
    'ark deploy ID --to PATH [--replace SYMBOL] [--project P] [--dry-run] [--test-command CMD]',
    '                              commit approved artefact ID on branch ark/<spec> (new file, or replace SYMBOL in PATH)',
    'ark deploy undo DEPLOYMENT    revert a deployment with a new commit on its branch',
  ],
  options: { to: { type: 'string' }, replace: { type: 'string' }, project: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'test-command': { type: 'string' }, append: { type: 'boolean' } },
  async run({ args, values, json, io, withApp }) {
    return withApp(async (app) => {
      if (args[0] === 'undo') {
        expectArgs(args, 2, 'deploy undo');
        const record = await call(app, 'deploy.undo', { deploymentId: idArg(args[1], 'DEPLOYMENT') });
        if (json) io.out(JSON.stringify(record, null, 2));
        else io.out(`Deployment #${record.id} reverted on ${record.branch}: ${record.revertCommit}`);
        return exitCodes.ok;
      }
      expectArgs(args, 1, 'deploy');
      const artifactId = idArg(args[0], 'ID');
      const to = stringOption(values, 'to');
      if (!to) throw new UsageError('deploy needs --to PATH (the file in the project, relative to its folder).');
      const projectId = projectFor(app, intOption(values, 'project', 1, Number.MAX_SAFE_INTEGER));
      const replace = stringOption(values, 'replace');
      let target: DeployTarget;
      if (replace) {
        const found = await call(app, 'deploy.findSymbol', { projectId, name: replace, path: to });
        if (found.length === 0) throw new ArkError('not-found', `No indexed symbol "${replace}" in ${to}; re-index the project or check the name.`);
        if (found.length > 1) throw new ArkError('invalid-input', `"${replace}" names ${found.length} symbols in ${to}: use the qualified name (${found.map((s) => s.qualifiedName).join(', ')}).`);
        target = { kind: 'replace-symbol', symbolId: found[0]!.id };
      } else target = values.append ? { kind: 'append', path: to } : { kind: 'new-file', path: to };
      const testCommand = stringOption(values, 'test-command');
      const input = { artifactId, projectId, target, ...(testCommand !== undefined ? { testCommand } : {}) };
      if (values['dry-run']) {
        const preview = await call(app, 'deploy.preview', input);
        if (json) io.out(JSON.stringify(preview, null, 2));
        else {
          io.out(`Would commit on branch ${preview.branch}:`);
          for (const change of preview.changes) io.out(`  ${change.action === 'create' ? 'create' : 'modify'} ${change.path}`);
          for (const problem of preview.problems) io.out(`  ! ${problem.message}`);
        }
        return preview.problems.length ? exitCodes.failed : exitCodes.ok;
      }
      const record = await call(app, 'deploy.run', input);
      if (json) io.out(JSON.stringify(record, null, 2));
      else if (record.status === 'committed') io.out(`Committed ${record.commit} on branch ${record.branch} (${record.files.map((f) => f.path).join(', ')}).`);
      else io.out(`Not committed: the project's tests failed (${record.testRun?.command}, exit ${record.testRun?.exitCode}).\n${record.testRun?.output ?? ''}`);
      return record.status === 'committed' ? exitCodes.ok : exitCodes.failed;
    });
  },
};

export const suggestCommand: CliCommand = {
  name: 'suggest',
  usage: ['ark suggest ID [--apply SUGGESTION]  improvement suggestions for artefact ID; --apply makes a new version through the pipeline'],
  options: { apply: { type: 'string' } },
  async run({ args, values, json, io, withApp }) {
    expectArgs(args, 1, 'suggest');
    const artifactId = idArg(args[0], 'ID');
    const apply = stringOption(values, 'apply');
    return withApp(async (app) => {
      if (apply) {
        const result = await call(app, 'suggestions.apply', { artifactId, suggestionId: apply });
        if (json) io.out(JSON.stringify(result, null, 2));
        else io.out(`New version: artefact #${result.artifactId} (spec v${result.specVersion}) — ${result.status}${result.reasons.length ? `: ${result.reasons.join('; ')}` : ''}`);
        return result.status === 'ready-for-review' ? exitCodes.ok : exitCodes.failed;
      }
      const list = await call(app, 'suggestions.list', { artifactId });
      if (json) io.out(JSON.stringify(list, null, 2));
      else {
        io.out(`Artefact #${artifactId}: quality ${Math.round(list.score)}/100, ${list.suggestions.length} suggestion(s).`);
        for (const s of list.suggestions) io.out(`  ${s.id.padEnd(28)} [${s.apply}] ${s.title}${s.line ? ` (line ${s.line})` : ''}`);
      }
      return exitCodes.ok;
    });
  },
};
