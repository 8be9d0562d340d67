// The long-lived pyright language server: the same findings as the CLI, one process reused across checks, a new one
// after it dies or a check times out, cancellation, and nothing left running after close.
import { afterAll, describe, expect, it } from 'vitest';
import { pyrightCliPath, runPyright } from './pyright';
import { createPyrightServer, pyrightServerPath } from './pyrightServer';

const serverPath = pyrightServerPath();
const cliPath = pyrightCliPath();
if (!serverPath || !cliPath) throw new Error('the pyright npm package is a dependency; run npm install');
const server = createPyrightServer({ serverPath });
afterAll(() => server.close());

const code = [
  'import os',
  '',
  '',
  'def greet(name: str) -> int:',
  '    """Say hello."""',
  '    unused = 1',
  '    return "hello " + name',
  '',
  '',
  'greet(3)',
  'os.nothing_here',
  '',
].join('\n');

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('pyright language server', () => {
  it('reports what the pyright CLI reports for the same code, and reuses one process', { timeout: 120_000 }, async () => {
    const viaServer = await server.check(code, { filename: 'greet.py', timeoutMs: 90_000 });
    const viaCli = await runPyright(code, { cliPath, filename: 'greet.py', timeoutMs: 90_000 });
    expect(viaServer.findings.map((finding) => [finding.ruleId, finding.line, finding.severity])).toEqual([
      ['reportAttributeAccessIssue', 11, 'error'],
      ['reportReturnType', 7, 'error'],
      ['reportArgumentType', 10, 'error'],
    ].sort((a, b) => Number(a[1]) - Number(b[1])));
    const order = (findings: typeof viaCli.findings) => [...findings].sort((a, b) => a.line - b.line || a.column - b.column);
    expect(order(viaServer.findings)).toEqual(order(viaCli.findings));
    expect(viaServer.version).toBe(viaCli.version);
    const pid = server.pid();
    expect(pid).toEqual(expect.any(Number));
    const clean = await server.check('def add(a: int, b: int) -> int:\n    return a + b\n', { timeoutMs: 30_000 });
    expect(clean.findings).toEqual([]);
    expect(server.pid()).toBe(pid);
  });

  it('starts a new server when the running one dies', { timeout: 120_000 }, async () => {
    await server.check('x: int = 1\n', { timeoutMs: 90_000 });
    const first = server.pid()!;
    process.kill(first, 'SIGKILL');
    await expect.poll(() => server.pid(), { timeout: 5000 }).toBeNull();
    const again = await server.check('x: int = "one"\n', { timeoutMs: 90_000 });
    expect(again.findings).toEqual([expect.objectContaining({ ruleId: 'reportAssignmentType', line: 1 })]);
    expect(server.pid()).not.toBe(first);
  });

  it('gives up on a check past its time limit with a clear error, and the next check still works', { timeout: 120_000 }, async () => {
    const before = server.pid();
    await expect(server.check('x = 1\n', { timeoutMs: 1 })).rejects.toMatchObject({ code: 'timeout', message: 'type check timed out after 1 ms' });
    // The stuck server was stopped, not left to delay every later check.
    if (before) await expect.poll(() => isAlive(before), { timeout: 5000 }).toBe(false);
    expect((await server.check('y: str = 2\n', { timeoutMs: 90_000 })).findings).toHaveLength(1);
  });

  it('honours cancellation, and leaves no process behind after close', { timeout: 120_000 }, async () => {
    const controller = new AbortController();
    const pending = server.check('z = 1\n', { timeoutMs: 90_000, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    const other = createPyrightServer({ serverPath });
    await other.check('a = 1\n', { timeoutMs: 90_000 });
    const pid = other.pid()!;
    await other.close();
    expect(isAlive(pid)).toBe(false);
    expect(other.pid()).toBeNull();
    await expect(other.check('a = 1\n', { timeoutMs: 1000 })).rejects.toMatchObject({ code: 'unavailable' });
  });
});
