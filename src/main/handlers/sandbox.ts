// The sandbox's requests: batch and console runs (with the settings' defaults), console input and flow control,
// replay, history, statistics and the Python interpreter. Overrides and core-tier confirmations go to the audit trail.
import type { RunLimits, RunRequest, RunResult } from '../../shared/sandbox';
import type { AreaHandlers, HandlerDeps } from './types';

/**
 * Limits a request leaves out, from the settings as they are now (a changed setting applies to the next run). The CPU
 * allowance follows the timeout, so a longer timeout is not cut short by the default 10 CPU seconds.
 */
export function limitsFromSettings(timeoutMs: number, memoryMb: number, given: Partial<RunLimits> | undefined): Partial<RunLimits> {
  const timeout = given?.timeoutMs ?? timeoutMs;
  return { timeoutMs: timeout, memoryMb, cpuSeconds: Math.min(3600, Math.max(1, Math.ceil(timeout / 1000))), ...given };
}

export function sandboxHandlers({ repos, services, events, db, user }: HandlerDeps): AreaHandlers<'sandbox.'> {
  const { sandbox } = services;
  const lastProject = db.prepare<[], { root: string }>('SELECT root FROM projects ORDER BY last_opened_at DESC, id DESC LIMIT 1');

  const withDefaults = (request: RunRequest): RunRequest => {
    const settings = repos.settings.all();
    return { ...request, limits: limitsFromSettings(settings['sandbox.timeoutMs'], settings['sandbox.memoryMb'], request.limits) };
  };

  /** Decisions a person made to let code run that otherwise would not: kept in the append-only trail. */
  const recordDecisions = (id: number, tier: RunRequest['tier'], overridden: boolean, reason: string | null) => {
    const record = (kind: string, data: Record<string, unknown>) =>
      events.emit('audit.appended', repos.audit.append({ kind, actor: user, subjectType: 'execution', subjectId: id, data }));
    if (overridden) record('sandbox.override', { runId: id, tier, reason });
    if (tier === 'core') record('sandbox.coreConfirmed', { runId: id });
  };
  const recordResult = (request: RunRequest, result: RunResult) => {
    if (result.status === 'blocked') return;
    recordDecisions(result.id, request.tier, result.validation?.overridden === true, request.override?.reason ?? null);
  };

  return {
    'sandbox.run': async (request, signal) => {
      const result = await sandbox.run(withDefaults(request), signal);
      recordResult(request, result);
      return result;
    },
    'sandbox.start': async (request) => {
      const started = await sandbox.start(withDefaults(request));
      const detail = sandbox.detail(started.runId);
      if (detail.status !== 'blocked') recordDecisions(started.runId, request.tier, detail.validation?.overridden === true, detail.overrideReason);
      return started;
    },
    'sandbox.write': async ({ runId, data }) => {
      sandbox.write(runId, data);
      return null;
    },
    'sandbox.interrupt': async ({ runId }) => {
      sandbox.interrupt(runId);
      return null;
    },
    'sandbox.stop': async ({ runId }) => {
      sandbox.stop(runId);
      return null;
    },
    'sandbox.resize': async ({ runId, cols, rows }) => {
      sandbox.resize(runId, cols, rows);
      return null;
    },
    'sandbox.ack': async ({ runId, chars }) => {
      sandbox.ack(runId, chars);
      return null;
    },
    'sandbox.outputSince': async ({ runId, afterSeq, limit, terminal }) => {
      if (terminal) {
        const { chunk, more } = sandbox.terminalReplay(runId, terminal);
        return { chunks: chunk ? [chunk] : [], more, status: sandbox.detail(runId).status };
      }
      // One more than asked tells whether another page follows.
      const chunks = sandbox.outputSince(runId, afterSeq, limit + 1);
      return { chunks: chunks.slice(0, limit), more: chunks.length > limit, status: sandbox.detail(runId).status };
    },
    'sandbox.wait': async ({ runId }) => sandbox.wait(runId),
    'sandbox.history': async (filter) => sandbox.history(filter),
    'sandbox.detail': async ({ id }) => sandbox.detail(id),
    'sandbox.rerun': async ({ id, override, confirmCore }, signal) => {
      const past = sandbox.detail(id);
      const result = await sandbox.rerun(id, { ...(override ? { override } : {}), ...(confirmCore ? { confirmCore } : {}), signal });
      recordResult({ ...past.request, code: past.code, ...(override ? { override } : {}) }, result);
      return result;
    },
    'sandbox.stats': async (filter) => sandbox.stats(filter),
    'sandbox.python': async ({ projectRoot }) => sandbox.pythonInfo(projectRoot ?? lastProject.get()?.root),
  };
}
