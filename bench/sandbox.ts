// Sandbox benchmark: start latency against bare bubblewrap, leaks over 200 runs, console and pipe throughput, and
// 50 MB end to end into the browser console of the web host.
// Run with `npx tsx bench/sandbox.ts` (after `npm run build`); prints a Markdown report (copied into docs/performance.md).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import inspector from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { buildSync } from 'esbuild';
import { chromiumArgs } from '../e2e/host';
import { createApp } from '../src/main/app';
import { startWebHost } from '../src/main/hosts/web';
import { createSandbox, flowControl } from '../src/main/sandbox/index';
import { flushBytes, flushIntervalMs } from '../src/main/sandbox/outputPump';
import { probeIsolation } from '../src/main/sandbox/isolation';
import { bindArgs, systemBinds } from '../src/main/sandbox/layout';
import { descendantsOf } from '../src/main/sandbox/procfs';
import { openDatabase } from '../src/main/store/db';
import { createExecutionRepo } from '../src/main/store/executionRepo';

const repoRoot = path.resolve(__dirname, '..');
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
  say(`| console: PTY, ${flushIntervalMs} ms / ${flushBytes / 1024} KiB batches, flow control, consumer acks each chunk | ${consoleResult.status} | ${consoleSeconds.toFixed(2)} s | ${(megabytes / consoleSeconds).toFixed(0)} MB/s (${(consoleChars / 1e6).toFixed(1)} MB sent to the consumer: lines the console's terminal would scroll out are left out) |`);
  say(`| batch: pipes, stdout captured | ${batchResult.status} | ${batchSeconds.toFixed(2)} s | ${(megabytes / batchSeconds).toFixed(0)} MB/s |`);

  await sandbox.close();
  db.close();
  say();
  await browserConsole(dir, megabytes, say);
  fs.rmSync(dir, { recursive: true, force: true });
}

const appProcess = 'app';
const appMainThread = 'app main thread';

// The web host's output frame decoder (src/shared/outputFrame.ts) as a script for the bench's own clients: the page of
// hop 3 and the Node client of hop 2 decode frames exactly as the renderer's bridge does.
const outputFrameScript = buildSync({
  entryPoints: [path.join(repoRoot, 'src', 'shared', 'outputFrame.ts')],
  bundle: true,
  format: 'iife',
  globalName: 'outputFrame',
  write: false,
}).outputFiles[0]!.text;

/** CPU seconds (user + system) used so far by this process and by each kind of live process under it. */
function cpuByProcess(): Map<string, number> {
  const tick = 100;
  const totals = new Map<string, number>();
  const add = (name: string, pid: number | string) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      totals.set(name, (totals.get(name) ?? 0) + (Number(fields[11]) + Number(fields[12])) / tick);
    } catch {
      // Gone meanwhile.
    }
  };
  add(appProcess, process.pid);
  // The app's main thread on its own (its task id is the process id): the event loop that reads the PTY.
  add(appMainThread, `${process.pid}/task/${process.pid}`);
  for (const { pid } of descendantsOf(process.pid)) {
    let comm: string;
    try {
      comm = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    add(comm.startsWith('chrom') ? chromiumProcess(pid) : comm, pid);
  }
  return totals;
}

/** Chromium's renderer (the page's main thread and its raster workers) apart from its other processes (browser, GPU, network). */
function chromiumProcess(pid: number): 'chromium renderer' | 'chromium other' {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer') ? 'chromium renderer' : 'chromium other';
  } catch {
    return 'chromium other';
  }
}

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string } };

/** Self time by event name on the page's main thread (CrRendererMain), from a Chrome trace: what its busy time is made of. */
function mainThreadSelfTimes(trace: Buffer, megabytes: number): string {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
  const mains = new Set(traceEvents.filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  const self = new Map<string, number>();
  let frames = 0;
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of traceEvents) {
    const thread = `${event.pid}:${event.tid}`;
    if (event.ph !== 'X' || event.dur === undefined || !mains.has(thread)) continue;
    const list = byThread.get(thread) ?? [];
    list.push(event);
    byThread.set(thread, list);
  }
  for (const events of byThread.values()) {
    events.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const stack: { end: number; name: string }[] = [];
    for (const event of events) {
      while (stack.length && stack[stack.length - 1]!.end <= event.ts) stack.pop();
      if (event.name === 'PrePaint') frames++;
      const parent = stack[stack.length - 1];
      if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - event.dur!);
      self.set(event.name, (self.get(event.name) ?? 0) + event.dur!);
      stack.push({ end: event.ts + event.dur!, name: event.name });
    }
  }
  // Style, layout and the paint steps are done once per frame that changed, whatever the bytes: per frame too.
  const frameWork = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Layerize', 'Paint', 'Commit'].reduce((sum, name) => sum + Math.max(0, self.get(name) ?? 0), 0);
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([name, micros]) => `${name} ${(micros / 1000 / megabytes).toFixed(1)} ms`).join(', ');
  return `${top}; ${frames} frames, style + layout + paint steps ${(frameWork / 1000 / Math.max(1, frames)).toFixed(2)} ms per frame`;
}

type ProfileNode = { id: number; callFrame: { functionName: string; url: string } };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** A V8 CPU profile's self time by function (`name file`), in ms, `(idle)` included. */
function selfTimes(profile: CpuProfile): Map<string, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)?.callFrame;
    const name = frame ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}`.trim() : '?';
    selfMs.set(name, (selfMs.get(name) ?? 0) + (profile.timeDeltas[index + 1] ?? 0) / 1000);
  });
  return selfMs;
}

/** A V8 CPU profile's top functions by self time, in ms per MB (idle time left out). */
function topFunctions(profile: CpuProfile, megabytes: number, count = 12): string {
  const selfMs = selfTimes(profile);
  selfMs.delete('(idle)');
  const busy = [...selfMs.values()].reduce((sum, value) => sum + value, 0);
  const top = [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, count);
  return `${(busy / megabytes).toFixed(1)} ms per MB busy: ${top.map(([name, value]) => `${name} ${(value / megabytes).toFixed(1)}`).join(', ')}`;
}

/**
 * The page's main thread over one hop, from Chromium's own counters (CDP `Performance.getMetrics`): its CPU time
 * (`ThreadTime`), and its busy time in tasks, of which JavaScript, layout and style. The page's main thread is serial,
 * so its CPU per MB bounds the hop's throughput whatever the other processes do; busy time is wall time and grows when
 * the thread waits for a core, so on a loaded machine the CPU time is the figure to compare. With ARK_BENCH_PROFILE=1
 * a sampling CPU profile of the page is taken too and its top functions by share of self time printed; with ARK_BENCH_TRACE=1 a
 * Chrome trace, summed by event (both cost some throughput: compare hops within one such run only).
 */
async function watchMainThread(page: Page, label: string, report: string[]) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const profiling = process.env.ARK_BENCH_PROFILE === '1';
  const tracing = process.env.ARK_BENCH_TRACE === '1' ? page.context().browser() : null;
  if (tracing) await tracing.startTracing(page, { categories: ['devtools.timeline'] });
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return new Map(metrics.map((metric) => [metric.name, metric.value]));
  };
  const before = await read();
  return async (megabytes: number): Promise<string> => {
    const after = await read();
    const perMb = (name: string) => `${Math.round((((after.get(name) ?? 0) - (before.get(name) ?? 0)) * 1000) / megabytes)} ms`;
    if (tracing) report.push(`${label}, main thread self time per MB by trace event: ${mainThreadSelfTimes(await tracing.stopTracing(), megabytes)}`);
    if (profiling) {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      const selfMs = selfTimes(profile);
      const total = [...selfMs.values()].reduce((sum, value) => sum + value, 0);
      const top = [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, 15);
      report.push(`${label}: ${top.map(([name, value]) => `${name} ${((100 * value) / total).toFixed(1)}%`).join(', ')}`);
    }
    await cdp.detach();
    return `${perMb('ThreadTime')} | ${perMb('TaskDuration')} (JS ${perMb('ScriptDuration')}, layout ${perMb('LayoutDuration')}, style ${perMb('RecalcStyleDuration')})`;
  };
}

// The console panel's terminal in hop 5's 1400 × 860 window, as its fit addon sizes it (hop 5 prints what it found).
const consoleSize = { cols: 142, rows: 15 };

/**
 * End to end into the web host's browser console, and each hop of that path on its own, all in one run (the machine is
 * shared, so hops are compared within a run, not across runs). Every measurement starts the same program, which waits
 * for Enter (so the reader is attached before the first byte) and then prints `megabytes` MB of 1 KiB lines:
 *  1. PTY → service: the sandbox's pump (PTY reads, batches, escape filter, SQLite), acked in-process as emitted;
 *  2. … → WebSocket: a Node `ws` client of the web host that decodes each output frame and acks every 5 000 characters;
 *  3. … → the browser: a page's own WebSocket, output frames decoded and the same acks, no xterm;
 *  4. xterm.js alone in that Chromium, fed the same lines from memory (no service, no socket), at the console panel's
 *     size; 4a first, its parser alone (the terminal never opened);
 *  5. end to end: the console panel of the built renderer (xterm.js writes, acks every 5 000 parsed characters),
 *     timed from the Enter that releases the program to its last line drawn in the terminal.
 * The PTY is paused whenever the reader is `flowControl.highWatermarkChars` behind. Needs `npm run build` and
 * Chromium; skipped with a message otherwise.
 */
async function browserConsole(dir: string, megabytes: number, say: (line?: string) => void): Promise<void> {
  // ARK_BENCH_RENDERER points at another build of the renderer (say, the committed tree built apart), for an A/B in turns.
  const rendererDir = process.env.ARK_BENCH_RENDERER ?? path.join(repoRoot, 'out', 'renderer');
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(path.join(rendererDir, 'index.html')) || !fs.existsSync(chromiumPath)) {
    say(`(Browser console throughput skipped: needs the built renderer in ${rendererDir} and Chromium at ${chromiumPath}.)`);
    return;
  }
  const app = await createApp({ host: 'web', dataDir: dir, dbPath: path.join(dir, 'web.db'), appRoot: repoRoot, version: 'bench' });
  const host = await startWebHost({ handlers: app.handlers, events: app.events, rendererDir });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const bytes = megabytes * 16 * 64 * 1024;
  // ARK_BENCH_HOPS=5 (or 3,5 …) measures only those hops, for comparing a change; the report measures all five.
  const hops = new Set((process.env.ARK_BENCH_HOPS ?? '1,2,3,4,5').split(',').map(Number));
  const rows: string[] = [];
  // CPU per MB of the app's process (service and web host; the bench's own share is small) and of Chromium's processes
  // (browser, network service, renderer), over each hop: on two shared cores, what a hop costs in CPU says more about
  // its speed on a quiet machine than its wall time here.
  // Counted from `measureFrom()`, called once a hop's setup (a page load, a client's start) is done, to its row.
  let cpuBefore = cpuByProcess();
  // With ARK_BENCH_PROFILE=1 the app's main thread is profiled over each hop too (top functions by self time).
  const appProfiler = process.env.ARK_BENCH_PROFILE === '1' ? new inspector.Session() : null;
  appProfiler?.connect();
  await appProfiler?.post('Profiler.enable');
  const measureFrom = async () => {
    await appProfiler?.post('Profiler.start');
    cpuBefore = cpuByProcess();
  };
  const profiles: string[] = [];
  const row = async (label: string, seconds: number, mainThread = '— | —') => {
    const cpu = cpuByProcess();
    if (appProfiler) {
      const { profile } = (await appProfiler.post('Profiler.stop')) as unknown as { profile: CpuProfile };
      profiles.push(`${label.replace(/\*/g, '').split(':')[0]}, app main thread: ${topFunctions(profile, bytes / 1e6)}`);
    }
    const used = (name: string) => (cpu.get(name) ?? 0) - (cpuBefore.get(name) ?? 0);
    const perMb = (seconds: number) => (seconds > 0 ? `${Math.round((seconds * 1000) / (bytes / 1e6))} ms` : '—');
    const chromium = used('chromium renderer') + used('chromium other');
    rows.push(`| ${label} | ${seconds.toFixed(2)} s | ${(bytes / 1e6 / seconds).toFixed(1)} MB/s | ${perMb(used(appProcess))} (main thread ${perMb(used(appMainThread))}) | ${perMb(used('chromium renderer'))} | ${perMb(used('chromium other'))} | ${perMb(chromium)} | ${mainThread} |`);
    cpuBefore = cpu;
  };
  try {
    const invoke = async (name: string, input: unknown) => {
      const response = await fetch(`http://127.0.0.1:${host.port}/api/invoke/${name}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const reply = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!reply.ok) throw new Error(`${name}: ${reply.error?.message}`);
      return reply.value;
    };
    // (print, not sys.stdout: this run goes through the validator, and `sys` is not allowed at the sandbox tier.)
    const code = `input()\nblock = ("x" * 1023 + "\\n") * 64\nfor _ in range(${megabytes * 16}):\n    print(block, end="")\nprint("BENCH-END")\n`;
    const start = async () =>
      ((await invoke('sandbox.start', {
        code,
        language: 'python',
        tier: 'sandbox',
        limits: { outputBytes: 200 * 1024 * 1024, timeoutMs: 600_000, cpuSeconds: 600 },
      })) as { runId: number }).runId;
    const ended = async (runId: number) => {
      const result = await app.services.sandbox.wait(runId);
      if (result.status !== 'success') throw new Error(`run ${runId}: ${result.status} ${result.detail ?? ''}`);
    };

    // A first run warms the app up: the validator's WebAssembly parsers are compiled to optimised code in background
    // threads for seconds after their first use, which would otherwise compete with whichever hop came first.
    {
      const runId = await start();
      const stop = app.events.subscribe((name, payload) => {
        const chunk = payload as { runId: number; data: string };
        if (name === 'sandbox.output' && chunk.runId === runId) queueMicrotask(() => app.services.sandbox.ack(runId, chunk.data.length));
      });
      app.services.sandbox.write(runId, '\r');
      await ended(runId);
      stop();
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }

    // 1. The pump alone: chunks acked as they are emitted, in the same process.
    if (hops.has(1)) {
      const runId = await start();
      let events = 0;
      let chars = 0;
      let finished: () => void = () => undefined;
      const done = new Promise<void>((resolve) => (finished = resolve));
      const stop = app.events.subscribe((name, payload) => {
        const chunk = payload as { runId: number; data: string };
        if (name !== 'sandbox.output' || chunk.runId !== runId) return;
        events++;
        chars += chunk.data.length;
        // After the pump has counted this chunk (it counts after emitting), as a consumer that keeps up would.
        queueMicrotask(() => app.services.sandbox.ack(runId, chunk.data.length));
        if (chunk.data.includes('BENCH-END')) finished();
      });
      await measureFrom();
      const started = performance.now();
      app.services.sandbox.write(runId, '\r');
      await done;
      await row(`1. PTY → service: reads, batches (${events} events, ${(chars / events / 1024).toFixed(0)} KiB on average), escape filter, SQLite; acked in-process`, (performance.now() - started) / 1000);
      stop();
      await ended(runId);
    }

    // 2. Through the web host's WebSocket to a Node client (its own process, as a browser would be) that acks like the console.
    if (hops.has(2)) {
      const runId = await start();
      const client = `
        ${outputFrameScript}
        const WebSocket = require('ws');
        const socket = new WebSocket('ws://127.0.0.1:${host.port}/api/ws?token=${host.token}');
        let pending = 0, id = 0, started = 0;
        socket.on('open', () => {
          started = performance.now();
          socket.send(JSON.stringify({ type: 'invoke', id: 'enter', name: 'sandbox.write', input: { runId: ${runId}, data: '\\r' } }));
        });
        socket.on('message', (data, isBinary) => {
          const chunk = isBinary ? outputFrame.decodeOutputFrame(data) : null;
          if (!chunk || chunk.runId !== ${runId}) return;
          pending += chunk.data.length;
          if (pending >= ${flowControl.ackChars}) {
            socket.send(JSON.stringify({ type: 'invoke', id: String(++id), name: 'sandbox.ack', input: { runId: ${runId}, chars: pending } }));
            pending = 0;
          }
          if (chunk.data.includes('BENCH-END')) { console.log(performance.now() - started); socket.close(); }
        });`;
      await measureFrom();
      const ms = await new Promise<number>((resolve, reject) => {
        const child = spawn(process.execPath, ['-e', client], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.on('close', (code) => (code === 0 && Number(out) > 0 ? resolve(Number(out)) : reject(new Error(`the WebSocket client failed (${code}): ${out}`))));
      });
      await row('2. … → WebSocket → a Node client process decoding each output frame, acking every 5 000 characters', ms / 1000);
      await ended(runId);
    }

    // 3. Into the browser: a page's own WebSocket, output frames decoded and acked, no xterm.
    if (hops.has(3)) {
      const runId = await start();
      const page = await browser.newPage();
      // A page of the host's origin without the app (whose own bridge would take the events too): an API error page.
      await page.goto(`http://127.0.0.1:${host.port}/api/bench`);
      await page.addScriptTag({ content: outputFrameScript });
      const mainThread = await watchMainThread(page, 'hop 3', profiles);
      await measureFrom();
      const ms = await page.evaluate(`(async () => {
        const socket = new WebSocket('ws://' + location.host + '/api/ws?token=${host.token}');
        socket.binaryType = 'arraybuffer';
        await new Promise((resolve) => (socket.onopen = resolve));
        let pending = 0, id = 0;
        const started = performance.now();
        await new Promise((resolve) => {
          socket.onmessage = (event) => {
            const chunk = event.data instanceof ArrayBuffer ? outputFrame.decodeOutputFrame(new Uint8Array(event.data)) : null;
            if (!chunk || chunk.runId !== ${runId}) return;
            pending += chunk.data.length;
            if (pending >= ${flowControl.ackChars}) {
              socket.send(JSON.stringify({ type: 'invoke', id: String(++id), name: 'sandbox.ack', input: { runId: ${runId}, chars: pending } }));
              pending = 0;
            }
            if (chunk.data.includes('BENCH-END')) resolve();
          };
          socket.send(JSON.stringify({ type: 'invoke', id: 'enter', name: 'sandbox.write', input: { runId: ${runId}, data: '\\r' } }));
        });
        socket.close();
        return performance.now() - started;
      })()`);
      await row('3. … → the browser: WebSocket, output frames decoded and acked in the page, no xterm', Number(ms) / 1000, await mainThread(bytes / 1e6));
      await page.close();
      await ended(runId);
    }

    // 4. xterm.js alone in the same Chromium, the console's options and size, fed the same lines from memory: first
    // its parser alone (a terminal never opened: no DOM, no renderer, no viewport), then opened as the console is.
    if (hops.has(4)) {
      for (const opened of [false, true]) {
        const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
        await page.setContent('<div id="terminal" style="width: 1350px; height: 260px"></div>');
        await page.addStyleTag({ path: path.join(repoRoot, 'node_modules', '@xterm', 'xterm', 'css', 'xterm.css') });
        await page.addScriptTag({ path: path.join(repoRoot, 'node_modules', '@xterm', 'xterm', 'lib', 'xterm.js') });
        // The console panel's size in hop 5's window (1400 × 860): its width decides how many rows a 1 KiB line wraps
        // into, and much of xterm's work is per row.
        await page.evaluate(`window.term = new Terminal({ cols: ${consoleSize.cols}, rows: ${consoleSize.rows}, scrollback: 1000, cursorBlink: true, fontSize: 12, fontFamily: 'monospace' });
          ${opened ? "term.open(document.getElementById('terminal'));" : ''} 0`);
        const mainThread = await watchMainThread(page, opened ? 'hop 4' : 'hop 4a', profiles);
        await measureFrom();
        const ms = await page.evaluate(`(async () => {
          const block = ('x'.repeat(1023) + '\\r\\n').repeat(64);
          const writes = ${megabytes} * 16;
          const started = performance.now();
          // At most 16 blocks (1 MiB) queued at a time, as flow control keeps it in the app (xterm drops writes past 50 MB).
          await new Promise((resolve) => {
            let sent = 0, done = 0;
            const next = () => { if (sent < writes) { sent++; term.write(block, () => { if (++done === writes) resolve(); else next(); }); } };
            for (let i = 0; i < 16; i++) next();
          });
          return performance.now() - started;
        })()`);
        const label = opened
          ? `4. xterm.js alone in the same Chromium (${consoleSize.cols} × ${consoleSize.rows}): write() of the same lines from memory, DOM renderer`
          : '4a. … its parser alone: a terminal never opened (no DOM, renderer or viewport)';
        await row(label, Number(ms) / 1000, await mainThread(bytes / 1e6));
        await page.close();
      }
    }

    // 5. End to end into the console panel, several times: the shared machine's speed drifts by up to 2× within minutes
    // (the same work costs Chromium 11 or 22 ms per MB), so one run says little about the target; the median says more.
    const consoleRuns = hops.has(5) ? Number(process.env.ARK_BENCH_CONSOLE_RUNS ?? 3) : 0;
    const endToEnd: number[] = [];
    for (let attempt = 1; attempt <= consoleRuns; attempt++) {
      const runId = await start();
      const page = await (await browser.newContext({ viewport: { width: 1400, height: 860 } })).newPage();
      await page.goto(host.url);
      // The console shows the run its tab remembers (as after a reload).
      await page.evaluate(`sessionStorage.setItem('ark.console.runId', '${runId}')`);
      await page.reload();
      await page.getByTestId('activity-console').click();
      await page.getByTestId('console-status').filter({ hasText: `Run ${runId}` }).waitFor();
      // As a console that has been open a while: the bundle's background compilation and the first layout are over.
      await page.waitForLoadState('networkidle');
      await new Promise((resolve) => setTimeout(resolve, 2000));
      // The end is seen in the page, when xterm.js puts the last line into the rows' DOM (Playwright's own waiting
      // polls every 500 ms, and a requestAnimationFrame loop would keep Chromium drawing 60 frames a second).
      const lastLineShown = page.evaluate(`new Promise((resolve) => {
        const rows = document.querySelector('[data-testid="console-terminal"] .xterm-rows');
        const observer = new MutationObserver(() => {
          if (!rows.textContent.includes('BENCH-END')) return;
          observer.disconnect();
          resolve(performance.timeOrigin + performance.now());
        });
        observer.observe(rows, { childList: true, subtree: true, characterData: true });
      })`);
      const mainThread = await watchMainThread(page, 'hop 5', profiles);
      // What the service sent the page: while the program floods, lines the terminal would scroll out anyway are left out.
      let sentChars = 0;
      const stopCounting = app.events.subscribe((name, payload) => {
        const chunk = payload as { runId: number; data: string };
        if (name === 'sandbox.output' && chunk.runId === runId) sentChars += chunk.data.length;
      });
      await measureFrom();
      const started = performance.timeOrigin + performance.now();
      await invoke('sandbox.write', { runId, data: '\r' });
      const shownAt = Number(await lastLineShown);
      const seconds = (shownAt - started) / 1000;
      endToEnd.push(bytes / 1e6 / seconds);
      const used = await mainThread(bytes / 1e6);
      // The terminal's width decides how many rows each 1 KiB line wraps into (xterm's work per row is a good part of its cost).
      const size = await page.evaluate(`(() => {
        const rows = [...document.querySelectorAll('[data-testid="console-terminal"] .xterm-rows > div')];
        return Math.max(...rows.map((row) => row.textContent.trimEnd().length)) + ' × ' + rows.length;
      })()`);
      stopCounting();
      await row(
        `**5. end to end** (run ${attempt} of ${consoleRuns}): PTY → service → WebSocket → the console panel's xterm.js (${size}), acking every 5 000 parsed characters; ${(sentChars / 1e6).toFixed(1)} MB of the ${(bytes / 1e6).toFixed(1)} MB sent to the page`,
        seconds,
        used,
      );
      await page.locator('[data-testid="console-status"][data-status="success"]').waitFor({ timeout: 60_000 });
      await ended(runId);
      await page.context().close();
    }
    say(`### ${megabytes} MB into the browser console, hop by hop (web host, headless Chromium, flow control ${flowControl.highWatermarkChars} / ${flowControl.lowWatermarkChars} characters)`);
    say();
    say('| hop | time | throughput | CPU per MB: app process | Chromium renderer | Chromium other (browser, GPU, network) | Chromium total | page main thread CPU per MB | page main thread busy (wall) per MB |');
    say('|---|---|---|---|---|---|---|---|---|');
    for (const line of rows) say(line);
    if (endToEnd.length) {
      say();
      say(`End to end over ${endToEnd.length} runs: median **${percentile(endToEnd, 0.5).toFixed(1)} MB/s** (${Math.min(...endToEnd).toFixed(1)}–${Math.max(...endToEnd).toFixed(1)}).`);
    }
    if (profiles.length) {
      say();
      say('Profiles (ARK_BENCH_PROFILE: the page\'s top functions by share of its time, the app main thread\'s in ms per MB; ARK_BENCH_TRACE: the page\'s main thread self time by trace event):');
      for (const line of profiles) say(`- ${line}`);
    }
  } finally {
    await browser.close();
    await host.close();
    await app.close();
  }
}

// ARK_BENCH_PART=browser measures only the browser console (while tuning it); the report is the full run.
const part = process.env.ARK_BENCH_PART === 'browser'
  ? (async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ark-bench-'));
      fs.chmodSync(dir, 0o711);
      try {
        await browserConsole(dir, Number(process.env.ARK_BENCH_MB ?? 50), (line = '') => console.log(line));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    })()
  : main();
part.catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
