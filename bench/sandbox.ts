// Sandbox benchmark: start latency against bare bubblewrap, leaks over 200 runs, console and pipe throughput.
// Run with `npx tsx bench/sandbox.ts`; prints a Markdown report (copied into docs/performance-sandbox.md).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSandbox } from '../src/main/sandbox/index';
import { probeIsolation } from '../src/main/sandbox/isolation';
import { bindArgs, systemBinds } from '../src/main/sandbox/layout';
import { descendantsOf } from '../src/main/sandbox/procfs';
import { openDatabase } from '../src/main/store/db';
import { createExecutionRepo } from '../src/main/store/executionRepo';

const rounds = Number(process.env.ARK_BENCH_ROUNDS ?? 100);

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** One start of a command, from spawn to exit, as the sandbox's account when the app runs as root. */
function timeSpawn(file: string, args: string[], uid?: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], env: {}, detached: true, ...(uid !== undefined ? { uid, gid: uid } : {}) });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => (code === 0 && out === '1\n' ? resolve(performance.now() - started) : reject(new Error(`${file}: ${code} ${err}${out}`))));
  });
}

function openFiles(): number {
  return fs.readdirSync('/proc/self/fd').length;
}

async function main(): Promise<void> {
  const isolation = await probeIsolation();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ark-bench-'));
  fs.chmodSync(dir, 0o711);
  const db = openDatabase(path.join(dir, 'ark.db'));
  let emitted = 0;
  let onOutput: ((runId: number, chars: number) => void) | null = null;
  const sandbox = createSandbox({
    executions: createExecutionRepo(db),
    validate: () => ({ blocked: false }),
    emit: (name, payload) => {
      if (name !== 'sandbox.output') return;
      const chunk = payload as { runId: number; data: string };
      emitted += chunk.data.length;
      onOutput?.(chunk.runId, chunk.data.length);
    },
    baseDir: path.join(dir, 'runs'),
  });
  const trivial = { code: 'print(1)', language: 'python' as const, tier: 'sandbox' as const };
  const first = await sandbox.run(trivial);
  const python = sandbox.detail(first.id).interpreter ?? '/usr/bin/python3';
  const uid = isolation.user.dropsPrivileges ? isolation.user.uid : undefined;
  const say = (line = '') => console.log(line);

  say(`## Sandbox benchmark (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.versions.node}, isolation: ${isolation.level})`);
  say();
  say(`Interpreter: ${python}. ${rounds} rounds, floor and runner interleaved so machine noise hits both alike.`);
  say();

  // The floor: bubblewrap with every namespace and the fewest mounts Python needs, started directly.
  const floorArgs = ['--unshare-all', '--die-with-parent', '--new-session', ...bindArgs(systemBinds()), '--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp', python, '-I', '-S', '-c', 'print(1)'];
  const floor: number[] = [];
  const runnerWall: number[] = [];
  const whole: number[] = [];
  for (let i = 0; i < rounds; i++) {
    if (isolation.bwrap) floor.push(await timeSpawn(isolation.bwrap, floorArgs, uid));
    const started = performance.now();
    const result = await sandbox.run(trivial);
    whole.push(performance.now() - started);
    if (result.status !== 'success') throw new Error(`run ${result.id}: ${result.status} ${result.detail}`);
    runnerWall.push(result.durationMs);
  }
  say('### Starting `print(1)`');
  say();
  say('| | p50 | p95 | × floor (p50) |');
  say('|---|---|---|---|');
  if (floor.length) say(`| bare \`bwrap --unshare-all … python3 -I -S -c 'print(1)'\` (the floor) | ${ms(percentile(floor, 0.5))} | ${ms(percentile(floor, 0.95))} | 1.00 |`);
  const ratio = (values: number[]) => (floor.length ? (percentile(values, 0.5) / percentile(floor, 0.5)).toFixed(2) : 'n/a');
  say(`| the runner: sandbox process from spawn to exit (\`durationMs\`) | ${ms(percentile(runnerWall, 0.5))} | ${ms(percentile(runnerWall, 0.95))} | ${ratio(runnerWall)} |`);
  say(`| a whole run: \`sandbox.run()\` with validation, SQLite writes, folder and clean-up | ${ms(percentile(whole, 0.5))} | ${ms(percentile(whole, 0.95))} | ${ratio(whole)} |`);
  say();

  // Known costs, each measured once here so the figures above can be read against them.
  const shim = (() => {
    try {
      return execFileSync('sh', ['-c', 'command -v python3'], { encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  })();
  const costs: string[] = [];
  const timeDirect = async (file: string, args: string[]) => {
    const values: number[] = [];
    for (let i = 0; i < 15; i++) values.push(await timeSpawn(file, args));
    return percentile(values, 0.5);
  };
  if (shim && shim !== python && fs.realpathSync(shim) !== fs.realpathSync(python)) {
    costs.push(`\`${shim} -I -S -c 'print(1)'\` (PATH's python3, a shim here): ${ms(await timeDirect(shim, ['-I', '-S', '-c', 'print(1)']))}`);
  }
  costs.push(`\`${python} -I -S -c 'print(1)'\` (the resolved binary): ${ms(await timeDirect(python, ['-I', '-S', '-c', 'print(1)']))}`);
  costs.push(`\`${python} -I -c 'print(1)'\` (with site): ${ms(await timeDirect(python, ['-I', '-c', 'print(1)']))}`);
  say('Known costs, outside any sandbox (p50 of 15):');
  say();
  for (const cost of costs) say(`- ${cost}`);
  say();

  // Leaks: 200 runs back to back; the app's open files and child processes before and after.
  const filesBefore = openFiles();
  const childrenBefore = descendantsOf(process.pid).length;
  const leakStarted = performance.now();
  for (let i = 0; i < 200; i++) await sandbox.run(trivial);
  const leakSeconds = (performance.now() - leakStarted) / 1000;
  say('### 200 runs back to back');
  say();
  say(`| | before | after |`);
  say(`|---|---|---|`);
  say(`| open file descriptors of the app | ${filesBefore} | ${openFiles()} |`);
  say(`| processes under the app | ${childrenBefore} | ${descendantsOf(process.pid).length} |`);
  say();
  say(`200 runs took ${leakSeconds.toFixed(1)} s (${(200 / leakSeconds).toFixed(0)} runs/s).`);
  say();

  // Throughput: 50 MB through the console (PTY, flow control, a consumer acking every chunk) and through pipes.
  const megabytes = 50;
  const flood = `import sys\nblock = ("x" * 1023 + "\\n") * 64\nfor _ in range(${megabytes * 16}):\n    sys.stdout.write(block)\nsys.stdout.flush()\n`;
  const limits = { outputBytes: 200 * 1024 * 1024, timeoutMs: 300_000 };
  onOutput = (runId, chars) => sandbox.ack(runId, chars);
  emitted = 0;
  let started = performance.now();
  const { runId } = await sandbox.start({ ...trivial, code: flood, limits });
  const consoleResult = await sandbox.wait(runId);
  const consoleSeconds = (performance.now() - started) / 1000;
  const consoleChars = emitted;
  onOutput = null;
  started = performance.now();
  const batchResult = await sandbox.run({ ...trivial, code: flood, limits });
  const batchSeconds = (performance.now() - started) / 1000;
  say(`### ${megabytes} MB of output`);
  say();
  say('| path | status | time | throughput |');
  say('|---|---|---|---|');
  say(`| console: PTY, 16 ms / 64 KiB batches, flow control, consumer acks each chunk | ${consoleResult.status} | ${consoleSeconds.toFixed(2)} s | ${(consoleChars / 1e6 / consoleSeconds).toFixed(0)} MB/s |`);
  say(`| batch: pipes, stdout captured | ${batchResult.status} | ${batchSeconds.toFixed(2)} s | ${(megabytes / batchSeconds).toFixed(0)} MB/s |`);

  await sandbox.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
