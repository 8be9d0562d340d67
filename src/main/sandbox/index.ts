// The sandbox service: validates code, runs it isolated and limited (batch through pipes, console through a PTY),
// streams and stores its output, and keeps the history of runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IPty } from 'node-pty';
import type { IsolationInfo } from '../../shared/app';
import type { EventPayload } from '../../shared/contract';
import type { IsolationLevel, Tier } from '../../shared/domain';
import { ArkError } from '../../shared/errors';
import {
  defaultRunLimits,
  HistoryFilter as HistoryFilterSchema,
  RunLimits as RunLimitsSchema,
  RunRequest as RunRequestSchema,
  StatsFilter as StatsFilterSchema,
  type ExecutionDetail,
  type ExecutionSummary,
  type HistoryFilter,
  type OutputChunk,
  type RunLanguage,
  type RunLimits,
  type RunMode,
  type RunOverride,
  type RunRequest,
  type RunResult,
  type RunStatusEvent,
  type sandboxEvents,
  type Stats,
  type StatsFilter,
  type ValidationSummary,
  consoleScrollback,
} from '../../shared/sandbox';
import { sha256 } from '../hash';
import type { ExecutionRepo, StoredChunk } from '../store/executionRepo';
import { classify, signalName, type StopReason } from './classify';
import { buildCommand, stopGraceMs, type Command, type RunPlan, type Tools } from './command';
import { createPythonResolver, detectVenv, javascriptRuntimeFlags, resolveNode, venvOfInterpreter, type Interpreter, type NodeConfig } from './interpreters';
import { findOnPath, probeIsolation, systemPath, type SandboxIsolation } from './isolation';
import { parseLauncherReport, type LauncherReport } from './launcher';
import { isReachableBy, systemBinds } from './layout';
import { createOutputPump, type OutputPump } from './outputPump';
import { childrenOf, descendantsOf, isAlive, listProcesses, signal as sendSignal, uidOf } from './procfs';
import { seccompFilter } from './seccomp';
import { createStreamFilters } from './terminalFilter';
import { consoleShell, heldBack, type ClosableTerminal } from './console';
import { createConsoleFeed, type ConsoleFeed, type FeedSize } from './consoleFeed';
import { countTasks, restorePermissions, sweepStaleRuns } from './housekeeping';

export { detectVenv } from './interpreters';
export { detectIsolation, probeIsolation } from './isolation';
export { createTerminalFilter, neutralizeTerminalOutput } from './terminalFilter';

/** What the validator says about code; only `blocked` is required, the rest is kept as a summary with the run. */
export type ValidationReport = {
  blocked: boolean;
  id?: number | null;
  findings?: readonly unknown[];
  summary?: string | null;
  [key: string]: unknown;
};

export type Validate = (code: string, language: RunLanguage, tier: Tier) => ValidationReport | Promise<ValidationReport>;

/** Emits one of the sandbox's contract events (typed by the contract, so the event hub's emit fits as is). */
export type SandboxEmit = <N extends keyof typeof sandboxEvents>(name: N, payload: EventPayload<N>) => void;

export type SandboxOptions = {
  executions: ExecutionRepo;
  validate: Validate;
  emit: SandboxEmit;
  /** From detectIsolation()/probeIsolation(); `limits-only` forces runs without namespaces. Probed when absent. */
  isolation?: IsolationInfo | SandboxIsolation;
  /** Where run folders are made (default: <tmp>/ark-runs). When the app runs as root it must be reachable by nobody. */
  baseDir?: string;
  /**
   * The Python to run (a name on PATH or a path; shims are resolved to the real binary once). Default python3. A
   * function is asked at each run, so a changed setting applies to the next run without a restart.
   */
  pythonPath?: string | (() => string);
  /** The JavaScript runtime (default: this Node); in the packaged app, Electron's binary with node.env. */
  nodePath?: string;
  node?: Omit<NodeConfig, 'path'>;
  /** Limits for requests that do not set them. */
  defaults?: Partial<RunLimits>;
  /** Keep each run's folder after it ends (debugging). */
  keepWorkDir?: boolean;
};

/** What Settings shows about Python: the configured interpreter, what it resolves to, and a project's venv. */
export type PythonInfo = {
  configured: string;
  /** The binary runs start (null when it cannot be resolved; `error` says why). */
  executable: string | null;
  version: string | null;
  /** Why another interpreter runs instead, or why none can. */
  note: string | null;
  error: string | null;
  /** The configured path is a virtual environment's python (read from pyvenv.cfg, never run on the host). */
  configuredIsVenv: boolean;
  /** The project's own `.venv`/`venv`, if it has one: runs of its code above the sandbox tier use it. */
  projectVenv: { root: string; python: string; version: string | null } | null;
};

/** The sandbox service. Batch runs resolve with their result; console runs stream and are driven by id. */
export type Sandbox = {
  /** Runs to completion with pipes (stdout and stderr apart); `signal` stops it (status `killed`). */
  run(request: RunRequest, signal?: AbortSignal): Promise<RunResult>;
  /** Starts a console run in a PTY; output arrives as `sandbox.output` events, the end as `sandbox.status`. */
  start(request: RunRequest): Promise<{ runId: number }>;
  /** Types into a console run (Ctrl+C in the data interrupts it, as a terminal would). */
  write(runId: number, data: string): void;
  /** Ctrl+C: SIGINT to the program's process group. */
  interrupt(runId: number): void;
  /** SIGTERM to the run, SIGKILL after a short grace; status `killed`. Stopping a finished run does nothing. */
  stop(runId: number): void;
  resize(runId: number, cols: number, rows: number): void;
  /** The console has parsed `chars` more characters (flow control; see ack thresholds). */
  ack(runId: number, chars: number): void;
  /** Stored output after `seq` (at most `limit` chunks), to replay into a console that reconnects; live chunks follow as events. */
  outputSince(runId: number, seq: number, limit?: number): OutputChunk[];
  /**
   * What a console terminal of `size`, starting afresh, shows of a run's output so far: one update standing for all of
   * it, less what the terminal would scroll out of its scrollback; `more` when it held too much to take at once (the
   * rest follows its `seq`).
   */
  terminalReplay(runId: number, size: { cols: number; rows: number }): { chunk: OutputChunk | null; more: boolean };
  /** Resolves when a run ends (batch or console). */
  wait(runId: number): Promise<RunResult>;
  history(filter?: HistoryFilter): ExecutionSummary[];
  detail(id: number): ExecutionDetail;
  /** Runs a past run's code again with the same language, tier, limits, input and arguments (as a batch run). */
  rerun(id: number, options?: { override?: RunOverride; confirmCore?: true; signal?: AbortSignal }): Promise<RunResult>;
  stats(filter?: StatsFilter): Stats;
  /** The Python runs would use (resolved once, as runs do) and a project's virtual environment, for Settings. */
  pythonInfo(projectRoot?: string): Promise<PythonInfo>;
  /** Stops every run and waits for them to end. */
  close(): Promise<void>;
};

// Flow control for the console, as VS Code's terminal does it: pause the PTY when this many characters wait for the
// UI's ack, resume when fewer than the low mark do; the UI acks every `ackChars` characters it has parsed. VS Code's
// own marks (100 000 / 5 000) are sized for its small data events; with 64 KiB batches they let two batches out and then
// wait until xterm has parsed both, so the PTY and xterm took turns instead of working at once (half the throughput
// measured in bench/sandbox.ts). Here the window holds ~4 full batches (256 KiB, see outputPump.ts) and the PTY resumes
// while xterm still has half of it to parse, so neither side waits for the other's round trip. Memory stays bounded:
// at most ~1 MB (plus one batch) is ever on its way to or queued in the renderer, and Stop or Ctrl+C shows at most that
// much more output.
export const flowControl = { highWatermarkChars: 1_000_000, lowWatermarkChars: 500_000, ackChars: 5_000 } as const;

// While a program floods the console (the feed leaves lines out, see consoleFeed.ts, or holds more than `floodChars`),
// the console is sent what its terminal would show at most this often, so the page parses a screenful and its
// scrollback ten times a second instead of every line. Output that does not flood is sent as soon as the pump flushes it.
export const floodUpdateMs = 100;
const floodChars = 64 * 1024;

type ActiveRun = {
  id: number;
  mode: RunMode;
  isolation: IsolationLevel;
  limits: RunLimits;
  language: RunLanguage;
  interpreter: Interpreter;
  command: Command;
  hostRunDir: string;
  reportPath: string;
  startedAt: number;
  rootPid: number | null;
  /** Generations from rootPid down to the launcher (a console adds its shell on top of the command). */
  launcherDepth: number;
  launcherPid: number | null;
  reason: StopReason | null;
  exited: boolean;
  child: ChildProcess | null;
  terminal: IPty | null;
  pump: OutputPump;
  /** A console run's output on its way to the UI (see consoleFeed.ts); null for batch runs. */
  feed: ConsoleFeed | null;
  /** The widest and tallest the console's terminal has been in this run. */
  terminalSize: FeedSize;
  lastSentAt: number;
  sendTimer: NodeJS.Timeout | null;
  unacked: number;
  paused: boolean;
  timers: NodeJS.Timeout[];
  validation: ValidationSummary | null;
  result: Promise<RunResult>;
  settle: (result: RunResult) => void;
};

type Prepared = {
  id: number;
  request: RunRequest;
  limits: RunLimits;
  validation: ValidationSummary | null;
};

const defaultTerminalSize = { cols: 80, rows: 24 };

// A terminal replay reads stored output this many chunks at a time, and stops once it holds this much it cannot
// leave out (the console then takes the rest in pages).
const replayPageChunks = 200;
const replayHeldChars = 16 * 1024 * 1024;

const scriptNames: Record<RunLanguage, string> = { python: 'main.py', javascript: 'main.js' };

/** Where bwrap reads the seccomp filter from: the descriptor after the launcher's report (3). */
const seccompFd = 4;




function isSandboxIsolation(value: IsolationInfo | SandboxIsolation): value is SandboxIsolation {
  return 'user' in value && 'bwrap' in value;
}

function summarizeValidation(report: ValidationReport, overridden: boolean): ValidationSummary {
  return {
    id: typeof report.id === 'number' && Number.isInteger(report.id) && report.id > 0 ? report.id : null,
    blocked: report.blocked === true,
    overridden,
    findingCount: Array.isArray(report.findings) ? report.findings.length : 0,
    summary: typeof report.summary === 'string' ? report.summary.slice(0, 2000) : null,
  };
}


export function createSandbox(options: SandboxOptions): Sandbox {
  const { executions, emit } = options;
  const baseDir = path.resolve(options.baseDir ?? path.join(os.tmpdir(), 'ark-runs'));
  const defaults = RunLimitsSchema.parse({ ...defaultRunLimits, ...options.defaults });
  const system = systemBinds();
  const active = new Map<number, ActiveRun>();
  const warned = new Set<string>();
  let closed = false;

  const isolationPromise: Promise<SandboxIsolation> = (async () => {
    const given = options.isolation;
    if (given && isSandboxIsolation(given)) return given;
    const probed = await probeIsolation();
    if (given?.level === 'limits-only' && probed.level !== 'limits-only') {
      return { ...probed, level: 'limits-only', detail: given.detail, bwrap: null };
    }
    return probed;
  })();

  const tools: Tools | null = (() => {
    const perl = findOnPath('perl', systemPath);
    return perl ? { perl, prlimit: findOnPath('prlimit', systemPath), setpriv: findOnPath('setpriv', systemPath) } : null;
  })();

  let pythonResolver: ReturnType<typeof createPythonResolver> | null = null;
  const configuredPython = (): string => {
    const configured = typeof options.pythonPath === 'function' ? options.pythonPath() : options.pythonPath;
    return configured?.trim() || 'python3';
  };
  let setup: Promise<{ isolation: SandboxIsolation; identity: { passwd: string; group: string } | null; seccomp: string | null }> | null = null;

  // Runs left `running` by an app that crashed are closed on start (a row whose process still lives is left alone).
  executions.closeOrphans((pid) => pid !== process.pid && isAlive(pid));

  const prepareBase = async () => {
    const isolation = await isolationPromise;
    const { user } = isolation;
    fs.mkdirSync(baseDir, { recursive: true, mode: 0o700 });
    // As root the runs' account must pass through the base folder (to its own run folder) but not list it.
    fs.chmodSync(baseDir, user.dropsPrivileges ? 0o711 : 0o700);
    if (user.dropsPrivileges && !isReachableBy(baseDir, user.uid, user.gid, 'execute')) {
      throw new ArkError('unavailable', `The sandbox's folder ${baseDir} is out of reach of the sandbox user (uid ${user.uid}). Choose a base folder outside /root, e.g. under /tmp.`);
    }
    sweepStaleRuns(baseDir);
    let identity: { passwd: string; group: string } | null = null;
    if (isolation.level === 'namespaces') {
      const folder = path.join(baseDir, `.identity-${user.uid}`);
      fs.mkdirSync(folder, { recursive: true, mode: 0o755 });
      identity = { passwd: path.join(folder, 'passwd'), group: path.join(folder, 'group') };
      fs.writeFileSync(identity.passwd, `sandbox:x:${user.uid}:${user.gid}:ARK sandbox:/work:/usr/sbin/nologin\n`, { mode: 0o644 });
      fs.writeFileSync(identity.group, `sandbox:x:${user.gid}:\n`, { mode: 0o644 });
    }
    let seccomp: string | null = null;
    const filter = isolation.level === 'namespaces' ? seccompFilter() : null;
    if (filter) {
      seccomp = path.join(baseDir, `.seccomp-${process.arch}.bpf`);
      fs.writeFileSync(seccomp, filter, { mode: 0o644 });
    }
    pythonResolver = createPythonResolver(user, system);
    return { isolation, identity, seccomp };
  };

  const ready = () => {
    if (!setup) {
      setup = prepareBase();
      setup.catch(() => {
        setup = null;
      });
    }
    return setup;
  };

  const parseRequest = (request: RunRequest): RunRequest => {
    const parsed = RunRequestSchema.safeParse(request);
    if (!parsed.success) throw new ArkError('invalid-input', `The run request is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ')}`);
    return parsed.data;
  };

  const resultOf = (id: number): RunResult => {
    const row = executions.get(id);
    if (!row) throw new ArkError('not-found', `Run ${id} does not exist.`);
    return {
      id,
      status: row.status,
      exitCode: row.exitCode,
      signal: row.signal,
      stdout: '',
      stderr: '',
      durationMs: row.durationMs ?? 0,
      cpuMs: row.cpuUserMs !== null && row.cpuSystemMs !== null ? row.cpuUserMs + row.cpuSystemMs : null,
      maxRssKb: row.maxRssKb,
      isolation: row.isolation,
      validation: row.validation,
      cpuUserMs: row.cpuUserMs,
      cpuSystemMs: row.cpuSystemMs,
      outputTruncated: row.outputTruncated,
      detail: row.detail,
    };
  };

  const emitStatus = (run: { id: number; mode: RunMode; isolation: IsolationLevel }, result?: RunResult) => {
    const payload: RunStatusEvent = { runId: run.id, status: result?.status ?? 'running', mode: run.mode, isolation: run.isolation };
    if (result) payload.result = result;
    emit('sandbox.status', payload);
  };

  /** Records a run that never started (blocked, or no way to start it) and reports it like any other. */
  const finishUnstarted = (id: number, mode: RunMode, isolation: IsolationLevel, status: 'blocked' | 'failed-to-start', detail: string): RunResult => {
    executions.finish(id, { status, exitCode: null, signal: null, wallMs: null, cpuUserMs: null, cpuSystemMs: null, maxRssKb: null, outputBytes: 0, outputTruncated: false, detail });
    const result = resultOf(id);
    emitStatus({ id, mode, isolation }, result);
    return result;
  };

  /** Validation, the override rule, and the execution row; returns the run's id and what it will run with. */
  const admit = async (raw: RunRequest, mode: RunMode): Promise<{ prepared: Prepared; blocked: RunResult | null }> => {
    if (closed) throw new ArkError('unavailable', 'The sandbox has been shut down.');
    const request = parseRequest(raw);
    if (request.tier === 'core' && request.confirmCore !== true) {
      // Core code is the project's own and may do anything the validator lets through at core: never run it by accident.
      throw new ArkError('blocked', 'Core-tier code runs only with an explicit confirmation (confirmCore). Confirm the run, or choose a lower tier.');
    }
    const limits = RunLimitsSchema.parse({ ...defaults, ...request.limits });
    const { isolation } = await ready();
    const report = await options.validate(request.code, request.language, request.tier);
    const blocked = report.blocked === true;
    const overrideAllowed = blocked && request.override?.confirmed === true && (request.tier === 'trusted' || request.tier === 'core');
    const validation = summarizeValidation(report, overrideAllowed);
    const { code, confirmCore: _confirmed, ...rest } = request;
    const id = executions.create({
      artifactId: request.artifactId ?? null,
      validationId: validation.id,
      language: request.language,
      tier: request.tier,
      mode,
      code,
      codeHash: sha256(code),
      limits,
      isolation: isolation.level,
      status: 'running',
      overrideConfirmed: overrideAllowed,
      overrideReason: overrideAllowed ? (request.override?.reason ?? null) : null,
      validation,
      request: rest,
      interpreter: null,
      hostPid: process.pid,
    });
    const prepared = { id, request, limits, validation };
    if (blocked && !overrideAllowed) {
      const why =
        request.override && request.tier !== 'trusted' && request.tier !== 'core'
          ? `The validator blocked this code, and an override is only possible at the trusted or core tier (this run is ${request.tier}).`
          : 'The validator blocked this code; it did not run.';
      return { prepared, blocked: finishUnstarted(id, mode, isolation.level, 'blocked', why) };
    }
    return { prepared, blocked: null };
  };

  const findLauncher = (run: ActiveRun): number | null => {
    if (run.launcherPid !== null) return run.launcherPid;
    let pid: number | undefined = run.rootPid ?? undefined;
    for (let depth = 0; depth < run.launcherDepth && pid !== undefined; depth++) [pid] = childrenOf(pid);
    run.launcherPid = pid ?? null;
    return run.launcherPid;
  };

  // The last resort: SIGKILL everything under the spawned process, then it. With a PID namespace, bwrap's death
  // kills the launcher (--die-with-parent) and the kernel empties the namespace.
  const hardKill = (run: ActiveRun) => {
    if (run.rootPid === null || run.exited) return;
    for (let round = 0; round < 20; round++) {
      const rest = descendantsOf(run.rootPid);
      if (rest.length === 0) break;
      for (const proc of rest) sendSignal(proc.pid, 'SIGKILL');
    }
    sendSignal(run.rootPid, 'SIGKILL');
  };

  const terminate = (run: ActiveRun, reason: StopReason) => {
    if (run.exited || run.reason) return;
    run.reason = reason;
    const launcher = findLauncher(run);
    // The launcher sends SIGTERM to the program's group, SIGKILL to everything after the grace, and still reports.
    if (launcher === null || !sendSignal(launcher, 'SIGTERM')) hardKill(run);
    run.timers.push(setTimeout(() => hardKill(run), stopGraceMs + 1500));
  };

  // Processes that escaped a limits-only run (the launcher was killed, so they lost their parent): the run's
  // account, working in the run's folder. With namespaces nothing can escape; this is not needed there.
  const sweepEscapees = (run: ActiveRun, uid: number) => {
    if (run.isolation === 'namespaces') return;
    for (const proc of listProcesses()) {
      if (uidOf(proc.pid) !== uid) continue;
      try {
        const cwd = fs.readlinkSync(`/proc/${proc.pid}/cwd`);
        if (cwd === run.hostRunDir || cwd.startsWith(`${run.hostRunDir}/`)) sendSignal(proc.pid, 'SIGKILL');
      } catch {
        // Gone, or not ours to inspect.
      }
    }
  };

  const reportWritten = (run: ActiveRun): boolean => {
    try {
      return fs.statSync(run.reportPath).size > 0;
    } catch {
      return false;
    }
  };

  const readReport = (run: ActiveRun): LauncherReport | null => {
    try {
      const fd = fs.openSync(run.reportPath, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
      try {
        const buffer = Buffer.alloc(4096);
        const size = fs.readSync(fd, buffer, 0, buffer.length, 0);
        return parseLauncherReport(buffer.subarray(0, size).toString('utf8'));
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      return null;
    }
  };

  const cleanUp = (run: ActiveRun) => {
    for (const timer of run.timers) clearTimeout(timer);
    run.timers = [];
    if (options.keepWorkDir) return;
    fs.rmSync(run.reportPath, { force: true });
    try {
      fs.rmSync(run.hostRunDir, { recursive: true, force: true });
    } catch (err) {
      // Without namespaces the program wrote into this folder and may have made parts of it unreadable (chmod 000):
      // give everything back its owner's permissions and try once more. Never as root: root removes regardless, and
      // a chmod that follows a symlink the program swapped in could reach anything.
      if (process.getuid?.() === 0) throw err;
      restorePermissions(run.hostRunDir);
      fs.rmSync(run.hostRunDir, { recursive: true, force: true });
    }
  };

  const complete = (run: ActiveRun, exit: { code: number | null; signal: number | null }, startError: string | null): void => {
    if (run.exited) return;
    run.exited = true;
    // To a tenth of a millisecond: finer digits are timer noise, and they would show as such in `ark run --json`.
    const wallMs = Math.round((performance.now() - run.startedAt) * 10) / 10;
    const report = startError ? null : readReport(run);
    const isolation = run.isolation;
    const uid = run.command.uid ?? process.getuid?.() ?? -1;
    sweepEscapees(run, uid);
    const errorStream = run.mode === 'console' ? 'pty' : 'stderr';
    const lastChunks = run.pump.finish();
    // The console gets the rest of the output before the run's end, whether or not it has caught up.
    sendToConsole(run, true);
    let status: RunResult['status'];
    let detail: string | null;
    let exitCode: number | null = null;
    let signal: number | null = null;
    let cpuUserMs: number | null = null;
    let cpuSystemMs: number | null = null;
    let maxRssKb: number | null = null;
    const tail = run.pump.tail(errorStream);
    if (startError) {
      status = 'failed-to-start';
      detail = startError;
    } else if (report && !report.started) {
      status = 'failed-to-start';
      detail = `The sandbox could not start the program: ${report.error}`;
    } else if (!report && !run.reason && /^bwrap: /m.test(tail)) {
      status = 'failed-to-start';
      detail = `The sandbox could not be set up: ${/^bwrap: (.*)$/m.exec(tail)?.[1] ?? 'unknown error'}`;
    } else {
      if (report?.started) {
        exitCode = report.exitCode;
        signal = report.signal;
        cpuUserMs = report.userUs === null ? null : report.userUs / 1000;
        cpuSystemMs = report.systemUs === null ? null : report.systemUs / 1000;
        maxRssKb = report.maxRssKb;
      } else {
        // No report: the launcher itself was killed (by the backstop, or by the program); only the outer status is known.
        exitCode = exit.signal === null ? exit.code : null;
        signal = exit.signal;
      }
      const addressSpaceMb =
        run.language === 'javascript' ? (run.interpreter.addressSpaceHeadroomMb === null ? null : run.limits.memoryMb + run.interpreter.addressSpaceHeadroomMb) : run.limits.memoryMb;
      const verdict = classify({
        reason: run.reason,
        exitCode,
        signal,
        cpuMs: cpuUserMs !== null && cpuSystemMs !== null ? cpuUserMs + cpuSystemMs : null,
        maxRssKb,
        errorTail: tail,
        language: run.language,
        limits: run.limits,
        addressSpaceMb,
        overMemory: report?.started === true && report.overMemory,
      });
      status = verdict.status;
      detail = verdict.detail;
      if (!report?.started && !run.reason && status === 'killed') detail = `${detail ?? 'Ended by a signal.'} The sandbox's launcher did not report, so CPU time and memory are unknown.`;
    }
    executions.finish(
      run.id,
      {
        status,
        exitCode,
        signal: signalName(signal),
        wallMs,
        cpuUserMs,
        cpuSystemMs,
        maxRssKb,
        outputBytes: run.pump.bytes,
        outputTruncated: run.pump.truncated,
        detail,
        interpreter: run.interpreter.executable,
      },
      lastChunks,
    );
    const result: RunResult = {
      id: run.id,
      status,
      exitCode,
      signal: signalName(signal),
      stdout: run.pump.captured('stdout'),
      stderr: run.pump.captured('stderr'),
      durationMs: wallMs,
      cpuMs: cpuUserMs !== null && cpuSystemMs !== null ? cpuUserMs + cpuSystemMs : null,
      maxRssKb,
      isolation,
      validation: run.validation,
      cpuUserMs,
      cpuSystemMs,
      outputTruncated: run.pump.truncated,
      detail,
    };
    try {
      cleanUp(run);
    } catch (err) {
      console.error(`[ark] sandbox: could not remove the folder of run ${run.id}:`, err);
    }
    active.delete(run.id);
    emitStatus(run, result);
    run.settle(result);
  };

  /** Everything between admission and spawn: interpreter, run folder, command. Throws ArkError with a next step. */
  const plan = async (prepared: Prepared, mode: RunMode) => {
    const { isolation, identity, seccomp } = await ready();
    if (!tools) throw new ArkError('unavailable', 'The sandbox needs perl (its launcher is a Perl script) and it is not installed. Install perl (Debian/Ubuntu: apt install perl-base) and try again.');
    const { request, limits } = prepared;
    let interpreter: Interpreter;
    if (request.language === 'python') {
      // A project's venv supplies its packages; at the sandbox tier Python starts without site (-S), so it is not used.
      const configured = configuredPython();
      const configuredVenv = venvOfInterpreter(configured);
      const venv = configuredVenv ?? (request.projectRoot && request.tier !== 'sandbox' ? detectVenv(request.projectRoot) : null);
      interpreter = await (pythonResolver ?? createPythonResolver(isolation.user, system))(configuredVenv ? 'python3' : configured, venv);
    } else {
      interpreter = resolveNode({ path: options.nodePath ?? process.execPath, ...options.node }, isolation.user, system);
    }
    const runtimeFlags = await javascriptRuntimeFlags(interpreter);
    if (interpreter.note && !warned.has(interpreter.note)) {
      // Said once per app run (and the interpreter used is kept with every run), not repeated in every result.
      warned.add(interpreter.note);
      console.warn(`[ark] sandbox: ${interpreter.note}`);
    }
    const hostRunDir = fs.mkdtempSync(path.join(baseDir, 'run-'));
    const reportPath = `${hostRunDir}.report`;
    const scriptName = scriptNames[request.language];
    fs.writeFileSync(path.join(hostRunDir, scriptName), request.code, { mode: 0o444 });
    fs.writeFileSync(reportPath, '', { mode: 0o600, flag: 'wx' });
    if (isolation.level !== 'namespaces') fs.mkdirSync(path.join(hostRunDir, '.tmp'));
    if (isolation.user.dropsPrivileges) {
      // The run's account owns its folder (it is the program's cwd without namespaces); the code stays read-only.
      fs.chownSync(hostRunDir, isolation.user.uid, isolation.user.gid);
      if (isolation.level !== 'namespaces') fs.chownSync(path.join(hostRunDir, '.tmp'), isolation.user.uid, isolation.user.gid);
    }
    const programArgs = (workDir: string) => {
      const script = path.posix.join(workDir, scriptName);
      if (request.language === 'python') {
        // -I: no user site, no PYTHON* variables, no script folder on sys.path; -B: no .pyc; -u: output survives a kill;
        // -S at the sandbox tier: no site module (~25 ms, and no site-packages for untrusted code).
        return ['-I', '-B', '-u', ...(request.tier === 'sandbox' ? ['-S'] : []), script, ...(request.args ?? [])];
      }
      return [...runtimeFlags, `--max-old-space-size=${limits.memoryMb}`, script, ...(request.args ?? [])];
    };
    const runPlan: RunPlan = {
      isolation,
      interpreter,
      programArgs,
      scriptName,
      limits,
      mode,
      hostRunDir,
      identityFiles: identity,
      system,
      tools,
      existingTasks: isolation.level === 'namespaces' ? 0 : countTasks(isolation.user.uid),
      seccompFd: seccomp ? seccompFd : null,
    };
    return { isolation, interpreter, hostRunDir, reportPath, seccomp, command: buildCommand(runPlan) };
  };

  const newRun = (prepared: Prepared, mode: RunMode, planned: Awaited<ReturnType<typeof plan>>): ActiveRun => {
    let settle: (result: RunResult) => void = () => undefined;
    const result = new Promise<RunResult>((resolve) => {
      settle = resolve;
    });
    const run: ActiveRun = {
      id: prepared.id,
      mode,
      isolation: planned.isolation.level,
      limits: prepared.limits,
      language: prepared.request.language,
      interpreter: planned.interpreter,
      command: planned.command,
      hostRunDir: planned.hostRunDir,
      reportPath: planned.reportPath,
      startedAt: performance.now(),
      rootPid: null,
      launcherDepth: planned.command.launcherDepth + (mode === 'console' ? 1 : 0),
      launcherPid: null,
      reason: null,
      exited: false,
      child: null,
      terminal: null,
      pump: createOutputPump({
        capBytes: prepared.limits.outputBytes,
        // A batch run returns its output; a console run's output is streamed and stored, not held a third time.
        capture: mode === 'batch',
        store: (chunks: StoredChunk[]) => executions.appendOutput(prepared.id, chunks),
        emit: (chunk) => {
          if (run.feed) {
            run.feed.push(chunk);
            sendToConsole(run);
          } else {
            emit('sandbox.output', { runId: prepared.id, ...chunk });
          }
        },
        onLimit: () => terminate(run, 'output-limit'),
      }),
      feed: mode === 'console' ? createConsoleFeed({ scrollback: consoleScrollback, size: () => run.terminalSize }) : null,
      terminalSize: { ...(prepared.request.terminal ?? defaultTerminalSize) },
      lastSentAt: 0,
      sendTimer: null,
      unacked: 0,
      paused: false,
      timers: [],
      validation: prepared.validation,
      result,
      settle,
    };
    active.set(run.id, run);
    return run;
  };

  /**
   * A run's raw output after `afterSeq`: stored chunks (at most `limit`) and, when those run out before the limit, a
   * live run's chunks still waiting for their transaction. `complete` is false when the limit cut the stored ones short.
   */
  const outputAfter = (runId: number, afterSeq: number, limit: number): { chunks: StoredChunk[]; complete: boolean } => {
    const stored = executions.outputSince(runId, afterSeq, limit);
    if (stored.length >= limit) return { chunks: stored, complete: false };
    const last = stored[stored.length - 1]?.seq ?? afterSeq;
    const pending = active.get(runId)?.pump.unstored().filter((chunk) => chunk.seq > last) ?? [];
    return { chunks: [...stored, ...pending], complete: true };
  };

  // What the console has not parsed yet: sent and not acknowledged, or still held by the feed.
  const consoleBacklog = (run: ActiveRun) => run.unacked + (run.feed?.heldChars ?? 0);

  /**
   * Sends the console what its feed holds: at once, unless the console is a window behind (then on its next ack), or
   * the program floods it (then once `floodUpdateMs` has passed since the last send); `final` sends regardless.
   */
  const sendToConsole = (run: ActiveRun, final = false) => {
    const feed = run.feed;
    if (!feed) return;
    if (!final && run.unacked >= flowControl.highWatermarkChars) return pauseIfBehind(run);
    const wait = run.lastSentAt + floodUpdateMs - performance.now();
    if (!final && (feed.droppedSinceTake || feed.heldChars >= floodChars) && wait > 0) {
      run.sendTimer ??= setTimeout(() => {
        run.sendTimer = null;
        sendToConsole(run);
      }, wait);
      return pauseIfBehind(run);
    }
    if (run.sendTimer) clearTimeout(run.sendTimer);
    run.sendTimer = null;
    const chunk = feed.take();
    if (!chunk) return;
    run.lastSentAt = performance.now();
    const { fromSeq, ...rest } = chunk;
    emit('sandbox.output', { runId: run.id, ...rest, ...(fromSeq !== chunk.seq ? { fromSeq } : {}) });
    run.unacked += chunk.data.length;
    pauseIfBehind(run);
  };

  const pauseIfBehind = (run: ActiveRun) => {
    if (!run.paused && consoleBacklog(run) > flowControl.highWatermarkChars && run.terminal) {
      run.paused = true;
      run.terminal.pause();
      // A paused PTY is not read, so it would never reach its end: once the program is over (the launcher has
      // reported) or being stopped, read the rest regardless of acks (it is bounded by the output cap).
      const watch = setInterval(() => {
        if (!run.paused || run.exited) clearInterval(watch);
        else if (run.reason !== null || reportWritten(run)) {
          run.paused = false;
          run.terminal?.resume();
          clearInterval(watch);
        }
      }, 25);
      run.timers.push(watch);
    }
  };

  const failedStart = (prepared: Prepared, mode: RunMode, isolation: IsolationLevel, err: unknown): RunResult => {
    const message = err instanceof ArkError ? err.message : `The run could not be prepared: ${err instanceof Error ? err.message : String(err)}`;
    return finishUnstarted(prepared.id, mode, isolation, 'failed-to-start', message);
  };

  const runBatch = async (prepared: Prepared, signal?: AbortSignal): Promise<RunResult> => {
    const { isolation } = await ready();
    let planned: Awaited<ReturnType<typeof plan>>;
    try {
      if (closed) throw new ArkError('unavailable', 'The sandbox was shut down before the run could start.');
      planned = await plan(prepared, 'batch');
    } catch (err) {
      return failedStart(prepared, 'batch', isolation.level, err);
    }
    const run = newRun(prepared, 'batch', planned);
    const { command } = run;
    const stdin = prepared.request.stdin;
    let reportFd: number | null = null;
    let filterFd: number | null = null;
    let child: ChildProcess;
    try {
      reportFd = fs.openSync(run.reportPath, 'w');
      filterFd = planned.seccomp ? fs.openSync(planned.seccomp, 'r') : null;
      run.startedAt = performance.now();
      child = spawn(command.file, command.args, {
        cwd: command.cwd,
        env: command.env,
        // Its own session and process group, so a stop reaches everything it started and nothing else.
        detached: true,
        stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe', reportFd, ...(filterFd !== null ? [filterFd] : [])],
        ...(command.uid !== undefined ? { uid: command.uid, gid: command.gid } : {}),
      });
    } catch (err) {
      complete(run, { code: null, signal: null }, `The sandbox could not be started: ${(err as Error).message}`);
      return run.result;
    } finally {
      if (reportFd !== null) fs.closeSync(reportFd);
      if (filterFd !== null) fs.closeSync(filterFd);
    }
    run.child = child;
    run.rootPid = child.pid ?? null;
    child.on('error', (err) => {
      // Spawning failed (no such file, permission): there is no process to wait for.
      if (run.rootPid === null) complete(run, { code: null, signal: null }, `The sandbox could not be started: ${err.message}`);
    });
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stdout?.on('data', (text: string) => run.pump.write('stdout', text));
    child.stderr?.on('data', (text: string) => run.pump.write('stderr', text));
    if (child.stdin) {
      // The program may exit without reading its input; a broken pipe is not the run's failure.
      child.stdin.on('error', () => undefined);
      child.stdin.end(stdin);
    }
    if (run.rootPid === null) return run.result;
    emitStatus(run);
    run.timers.push(setTimeout(() => terminate(run, 'timeout'), run.limits.timeoutMs));
    const onAbort = () => terminate(run, 'stopped');
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
    child.on('exit', () => {
      // Output normally ends with the process; if something that escaped still holds the pipes, stop listening.
      run.timers.push(
        setTimeout(() => {
          child.stdout?.destroy();
          child.stderr?.destroy();
        }, 250),
      );
    });
    child.on('close', (code, name) => {
      signal?.removeEventListener('abort', onAbort);
      const number = name ? ((os.constants.signals as Record<string, number>)[name] ?? null) : null;
      complete(run, { code, signal: number }, null);
    });
    return run.result;
  };

  const runConsole = async (prepared: Prepared): Promise<number> => {
    const { isolation } = await ready();
    let planned: Awaited<ReturnType<typeof plan>>;
    try {
      if (closed) throw new ArkError('unavailable', 'The sandbox was shut down before the run could start.');
      planned = await plan(prepared, 'console');
      if (planned.command.uid !== undefined && !tools?.setpriv) {
        throw new ArkError('unavailable', 'Console runs as root need setpriv (util-linux) to drop to the sandbox user, and it is not installed.');
      }
    } catch (err) {
      failedStart(prepared, 'console', isolation.level, err);
      return prepared.id;
    }
    const { spawn: spawnTerminal } = await import('node-pty');
    const run = newRun(prepared, 'console', planned);
    const { command } = run;
    // As root, setpriv drops to the sandbox user with no supplementary groups (node-pty's own uid option keeps root's).
    const drop = command.uid !== undefined && tools?.setpriv ? [tools.setpriv, `--reuid=${command.uid}`, `--regid=${command.gid}`, '--clear-groups', '--'] : [];
    const size = prepared.request.terminal ?? defaultTerminalSize;
    // Framed as an APC string: were it ever to leak, the escape filter would drop it; and output only ever ends in a
    // prefix of it (and is held back) when it ends in an unfinished escape sequence, which a terminal holds back anyway.
    const endMark = `\x1b_ark-end-${randomBytes(12).toString('hex')}\x1b\\`;
    let terminal: ClosableTerminal;
    try {
      run.startedAt = performance.now();
      terminal = spawnTerminal('/bin/sh', ['-c', consoleShell, run.reportPath, ...drop, command.file, ...command.args], {
        name: 'xterm-256color',
        cols: size.cols,
        rows: size.rows,
        cwd: command.cwd,
        env: { ...command.env, ARK_END_MARK: endMark, ...(planned.seccomp ? { ARK_SECCOMP: planned.seccomp } : {}) },
        encoding: 'utf8',
      }) as ClosableTerminal;
    } catch (err) {
      complete(run, { code: null, signal: null }, `The console could not be started: ${(err as Error).message}`);
      return run.id;
    }
    run.terminal = terminal;
    run.rootPid = terminal.pid;
    // Output passes through except the end mark; a mark split across reads is held back until it is whole.
    let carry = '';
    let ended = false;
    terminal.onData((text) => {
      if (ended) return;
      const joined = carry + text;
      const at = joined.indexOf(endMark);
      if (at >= 0) {
        ended = true;
        carry = '';
        run.pump.write('pty', joined.slice(0, at));
        // Everything the sandbox wrote has been read: let the waiting shell go.
        if (run.rootPid !== null) sendSignal(run.rootPid, 'SIGTERM');
        return;
      }
      const keep = heldBack(joined, endMark);
      carry = joined.slice(joined.length - keep);
      run.pump.write('pty', joined.slice(0, joined.length - keep));
    });
    terminal.on('close', () => {
      if (!ended && carry) run.pump.write('pty', carry);
      carry = '';
    });
    terminal.onExit(({ exitCode, signal }) => {
      complete(run, { code: exitCode, signal: signal ? signal : null }, null);
    });
    emitStatus(run);
    run.timers.push(setTimeout(() => terminate(run, 'timeout'), run.limits.timeoutMs));
    return run.id;
  };

  const live = (runId: number): ActiveRun => {
    const run = active.get(runId);
    if (!run || run.exited) throw new ArkError('not-found', `Run ${runId} is not running.`);
    return run;
  };

  const liveConsole = (runId: number): ActiveRun & { terminal: IPty } => {
    const run = live(runId);
    if (!run.terminal) throw new ArkError('conflict', `Run ${runId} is a batch run; only console runs take input.`);
    return run as ActiveRun & { terminal: IPty };
  };

  const forward = (run: ActiveRun, name: NodeJS.Signals) => {
    const launcher = findLauncher(run);
    if (launcher !== null) sendSignal(launcher, name);
  };

  // Every run or start from its first await to its end: close() waits for these too, so a run still being validated
  // or prepared when the app shuts down never writes to a database that has closed.
  const inflight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    inflight.add(work);
    const forget = () => inflight.delete(work);
    work.then(forget, forget);
    return work;
  };

  const sandbox: Sandbox = {
    run(request, signal) {
      return track(
        (async () => {
          const { prepared, blocked } = await admit(request, 'batch');
          if (blocked) return blocked;
          return runBatch(prepared, signal);
        })(),
      );
    },
    start(request) {
      return track(
        (async () => {
          const { prepared, blocked } = await admit(request, 'console');
          if (blocked) return { runId: prepared.id };
          return { runId: await runConsole(prepared) };
        })(),
      );
    },
    write(runId, data) {
      const run = liveConsole(runId);
      // Ctrl+C: the program has no controlling terminal (its own session), so the terminal cannot signal it; the
      // launcher forwards SIGINT to its group instead, and the rest of the data is typed as usual.
      const parts = data.split('\x03');
      parts.forEach((part, index) => {
        if (index > 0) forward(run, 'SIGINT');
        if (part) run.terminal.write(part);
      });
    },
    interrupt(runId) {
      forward(live(runId), 'SIGINT');
    },
    stop(runId) {
      const run = active.get(runId);
      if (run) terminate(run, 'stopped');
    },
    resize(runId, cols, rows) {
      const run = liveConsole(runId);
      if (!Number.isInteger(cols) || !Number.isInteger(rows) || cols < 1 || rows < 1 || cols > 1000 || rows > 500) {
        throw new ArkError('invalid-input', `A terminal of ${cols}×${rows} is not possible.`);
      }
      run.terminal.resize(cols, rows);
      run.terminalSize = { cols: Math.max(run.terminalSize.cols, cols), rows: Math.max(run.terminalSize.rows, rows) };
      forward(run, 'SIGWINCH');
    },
    ack(runId, chars) {
      const run = active.get(runId);
      if (!run || !Number.isFinite(chars) || chars <= 0) return;
      run.unacked = Math.max(0, run.unacked - chars);
      // What the feed held while the console was behind goes now (or at the next flood update).
      sendToConsole(run);
      if (run.paused && consoleBacklog(run) < flowControl.lowWatermarkChars) {
        run.paused = false;
        run.terminal?.resume();
      }
    },
    outputSince(runId, seq, limit = 100_000) {
      if (!executions.get(runId)) throw new ArkError('not-found', `Run ${runId} does not exist.`);
      const filters = createStreamFilters();
      // Each call filters afresh: a page that begins inside an escape sequence shows at worst its tail as plain text
      // (the ESC that opened it stayed with the page before), never a working sequence.
      return outputAfter(runId, seq, limit).chunks.slice(0, limit).flatMap((chunk) => {
        const data = filters.push(chunk.stream, chunk.data);
        return data ? [{ runId, seq: chunk.seq, stream: chunk.stream, data }] : [];
      });
    },
    terminalReplay(runId, size) {
      if (!executions.get(runId)) throw new ArkError('not-found', `Run ${runId} does not exist.`);
      const run = active.get(runId);
      const widest = { cols: Math.max(size.cols, run?.terminalSize.cols ?? 0), rows: Math.max(size.rows, run?.terminalSize.rows ?? 0) };
      const feed = createConsoleFeed({ scrollback: consoleScrollback, size: () => widest });
      const filters = createStreamFilters();
      let after = 0;
      let more = false;
      for (;;) {
        // A page of stored chunks at a time; the last page brings a live run's chunks not yet stored.
        const { chunks, complete } = outputAfter(runId, after, replayPageChunks);
        for (const chunk of chunks) {
          feed.push({ ...chunk, data: filters.push(chunk.stream, chunk.data) });
          after = chunk.seq;
        }
        if (complete) break;
        // Output a terminal keeps in full (no plain lines to leave out) comes in pages after this one.
        if (feed.heldChars > replayHeldChars) {
          more = true;
          break;
        }
      }
      const taken = feed.take();
      if (!taken) return { chunk: null, more };
      const { fromSeq, ...chunk } = taken;
      return { chunk: { runId, ...chunk, ...(fromSeq !== chunk.seq ? { fromSeq } : {}) }, more };
    },
    async wait(runId) {
      const run = active.get(runId);
      if (run) return run.result;
      return resultOf(runId);
    },
    history(filter) {
      const parsed = HistoryFilterSchema.safeParse(filter ?? {});
      if (!parsed.success) throw new ArkError('invalid-input', `The history filter is not valid: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      return executions.list(parsed.data);
    },
    detail(id) {
      const row = executions.get(id);
      if (!row) throw new ArkError('not-found', `Run ${id} does not exist.`);
      return row;
    },
    async rerun(id, rerunOptions = {}) {
      const past = sandbox.detail(id);
      const { override: _previous, confirmCore: _confirmed, ...request } = past.request;
      return sandbox.run(
        {
          ...request,
          code: past.code,
          limits: past.limits,
          ...(rerunOptions.override ? { override: rerunOptions.override } : {}),
          ...(rerunOptions.confirmCore ? { confirmCore: true as const } : {}),
        },
        rerunOptions.signal,
      );
    },
    stats(filter) {
      const parsed = StatsFilterSchema.safeParse(filter ?? {});
      if (!parsed.success) throw new ArkError('invalid-input', `The statistics filter is not valid: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      return executions.stats(parsed.data);
    },
    async pythonInfo(projectRoot) {
      const configured = configuredPython();
      const configuredVenv = venvOfInterpreter(configured);
      const projectVenv = projectRoot ? detectVenv(projectRoot) : null;
      const base = {
        configured,
        configuredIsVenv: configuredVenv !== null,
        projectVenv: projectVenv ? { root: projectVenv.root, python: projectVenv.python, version: projectVenv.version } : null,
      };
      try {
        const { isolation } = await ready();
        const interpreter = await (pythonResolver ?? createPythonResolver(isolation.user, system))(configuredVenv ? 'python3' : configured, configuredVenv);
        return { ...base, executable: interpreter.executable, version: interpreter.version, note: interpreter.note, error: null };
      } catch (err) {
        return { ...base, executable: null, version: null, note: null, error: err instanceof Error ? err.message : String(err) };
      }
    },
    async close() {
      closed = true;
      // Runs that pass their admission after this point find `closed` and end as failed-to-start; wait for them too.
      for (let round = 0; round < 5 && (inflight.size || active.size); round++) {
        for (const run of active.values()) terminate(run, 'stopped');
        await Promise.allSettled([...inflight, ...[...active.values()].map((run) => run.result)]);
      }
    },
  };
  return sandbox;
}


