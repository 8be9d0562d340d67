import { describe, expect, it } from 'vitest';
import { runProcess } from './childProcess';

/** Keeps the main thread busy, as a long synchronous validation or WebAssembly compile does. */
function blockFor(ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // busy
  }
}

describe('runProcess', () => {
  it('keeps the output of a child that finished in time although the main thread was busy past the limit', async () => {
    const pending = runProcess('/bin/sh', ['-c', 'echo ready'], { timeoutMs: 50 });
    blockFor(400);
    await expect(pending).resolves.toMatchObject({ stdout: 'ready\n', exitCode: 0, timedOut: false, signal: null });
  });

  it('kills a child that runs past the limit and says so', async () => {
    const started = Date.now();
    const outcome = await runProcess('/bin/sleep', ['10'], { timeoutMs: 100 });
    expect(outcome).toMatchObject({ timedOut: true, exitCode: null, signal: 'SIGKILL' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reports a command that cannot start instead of throwing', async () => {
    const outcome = await runProcess('/nonexistent/tool', [], { timeoutMs: 1000 });
    expect(outcome).toMatchObject({ startError: 'ENOENT', exitCode: null, timedOut: false });
  });

  it('passes input, keeps stdout and stderr apart, and returns a non-zero exit code', async () => {
    const outcome = await runProcess('/bin/sh', ['-c', 'cat; echo oops >&2; exit 3'], { timeoutMs: 5000, input: 'data' });
    expect(outcome).toMatchObject({ stdout: 'data', stderr: 'oops\n', exitCode: 3 });
  });

  it('stops a child whose output passes the cap, and one whose caller aborts', async () => {
    const flood = await runProcess('/usr/bin/yes', [], { timeoutMs: 10_000, maxBytes: 100_000 });
    expect(flood.truncated).toBe(true);
    const controller = new AbortController();
    const pending = runProcess('/bin/sleep', ['10'], { timeoutMs: 10_000, signal: controller.signal });
    controller.abort();
    await expect(pending).resolves.toMatchObject({ signal: 'SIGKILL', timedOut: false });
  });
});
