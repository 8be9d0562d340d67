// The sandbox's requests through dispatch on a real app: settings as per-request defaults, confirmations and the audit.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, RequestName } from '../../shared/contract';
import { createApp, type App } from '../app';
import { requestValue, sendRequest } from '../testing/requests';
import { makeTempDir } from '../testing/tempDir';

let app: App;
let temp: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  temp = makeTempDir();
  app = await createApp({ host: 'web', dataDir: temp.dir, dbPath: path.join(temp.dir, 'ark.db'), appRoot: temp.dir, version: '0.0.0-test' });
});

afterAll(async () => {
  await app.close();
  temp.cleanup();
});

const send = <N extends RequestName>(name: N, input: Input<N>) => sendRequest(app, name, input);
const value = <N extends RequestName>(name: N, input: Input<N>) => requestValue(app, name, input);

describe('sandbox requests', () => {
  it('takes timeout and memory from the settings at the time of each request', async () => {
    await value('settings.set', { key: 'sandbox.timeoutMs', value: 700 });
    await value('settings.set', { key: 'sandbox.memoryMb', value: 256 });
    const slow = await value('sandbox.run', { code: 'import time\ntime.sleep(5)\n', language: 'python', tier: 'sandbox' });
    expect(slow.status).toBe('timeout');
    expect((await value('sandbox.detail', { id: slow.id })).limits).toMatchObject({ timeoutMs: 700, memoryMb: 256, cpuSeconds: 1 });
    // A limit given in the request wins over the setting.
    const given = await value('sandbox.run', { code: 'print("ok")', language: 'python', tier: 'sandbox', limits: { timeoutMs: 5000 } });
    expect(given.status).toBe('success');
    expect((await value('sandbox.detail', { id: given.id })).limits).toMatchObject({ timeoutMs: 5000, memoryMb: 256 });
    await value('settings.set', { key: 'sandbox.timeoutMs', value: 10_000 });
  });

  it('starts the interpreter the setting names at the time of the run', async () => {
    await value('settings.set', { key: 'sandbox.pythonPath', value: '/nonexistent/python3' });
    const missing = await value('sandbox.run', { code: 'print(1)', language: 'python', tier: 'sandbox' });
    expect(missing.status).toBe('failed-to-start');
    expect(missing.detail).toContain('/nonexistent/python3');
    expect((await value('sandbox.python', {})).error).toContain('/nonexistent/python3');
    await value('settings.set', { key: 'sandbox.pythonPath', value: 'python3' });
    expect((await value('sandbox.run', { code: 'print(1)', language: 'python', tier: 'sandbox' })).status).toBe('success');
    expect((await value('sandbox.python', {})).executable).toMatch(/python/);
  });

  it('runs core-tier code only with an explicit confirmation, and records it', async () => {
    const refused = await send('sandbox.run', { code: 'print("core")', language: 'python', tier: 'core' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'blocked' } });
    const confirmed = await value('sandbox.run', { code: 'print("core")', language: 'python', tier: 'core', confirmCore: true });
    expect(confirmed).toMatchObject({ status: 'success', stdout: 'core\n' });
    const audit = await value('audit.list', { limit: 5, kind: 'sandbox.coreConfirmed' });
    expect(audit[0]).toMatchObject({ subjectType: 'execution', subjectId: confirmed.id });
    // A re-run is a new decision: it needs the confirmation again.
    expect(await send('sandbox.rerun', { id: confirmed.id })).toMatchObject({ ok: false, error: { code: 'blocked' } });
    expect(await value('sandbox.rerun', { id: confirmed.id, confirmCore: true })).toMatchObject({ status: 'success' });
  });

  it('does not run blocked code; a confirmed override at the trusted tier runs it and is audited', async () => {
    const code = 'import subprocess\nprint(subprocess.__name__)\n';
    const blocked = await value('sandbox.run', { code, language: 'python', tier: 'trusted' });
    expect(blocked.status).toBe('blocked');
    expect(blocked.validation?.summary).toContain('subprocess');
    const overridden = await value('sandbox.run', { code, language: 'python', tier: 'trusted', override: { confirmed: true, reason: 'reviewed by hand' } });
    expect(overridden).toMatchObject({ status: 'success', validation: { overridden: true } });
    const audit = await value('audit.list', { limit: 5, kind: 'sandbox.override' });
    expect(audit[0]).toMatchObject({ subjectId: overridden.id, data: { reason: 'reviewed by hand', tier: 'trusted' } });
    const sandboxTier = await value('sandbox.run', { code, language: 'python', tier: 'sandbox', override: { confirmed: true, reason: 'no' } });
    expect(sandboxTier.status).toBe('blocked');
  });

  it('streams a console run, takes input, and replays its output from any point', async () => {
    const { runId } = await value('sandbox.start', { code: 'name = input("Name? ")\nprint("Hello, " + name)\n', language: 'python', tier: 'sandbox' });
    // Wait for the prompt before typing, as a person would.
    for (let i = 0; i < 100; i++) {
      const page = await value('sandbox.outputSince', { runId, afterSeq: 0 });
      if (page.chunks.map((chunk) => chunk.data).join('').includes('Name?')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await value('sandbox.write', { runId, data: 'Ada\r' });
    const result = await value('sandbox.wait', { runId });
    expect(result.status).toBe('success');
    const page = await value('sandbox.outputSince', { runId, afterSeq: 0, limit: 1 });
    expect(page.status).toBe('success');
    const all: string[] = [];
    let after = 0;
    for (;;) {
      const next = await value('sandbox.outputSince', { runId, afterSeq: after, limit: 1 });
      all.push(...next.chunks.map((chunk) => chunk.data));
      after = next.chunks[next.chunks.length - 1]?.seq ?? after;
      if (!next.more) break;
    }
    expect(all.join('')).toContain('Hello, Ada');
    expect(await send('sandbox.write', { runId, data: 'late' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('lists history with filters and reports statistics', async () => {
    const timeouts = await value('sandbox.history', { status: 'timeout' });
    expect(timeouts.length).toBeGreaterThan(0);
    expect(timeouts.every((run) => run.status === 'timeout')).toBe(true);
    expect(await value('sandbox.history', { from: '2999-01-01' })).toEqual([]);
    const stats = await value('sandbox.stats', {});
    expect(stats.total).toBeGreaterThanOrEqual(5);
    expect(stats.byStatus.timeout).toBeGreaterThan(0);
    expect(stats.successRate).toBeGreaterThan(0);
  });
});
