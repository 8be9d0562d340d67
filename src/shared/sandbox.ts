// The sandbox's vocabulary as it crosses the contract: what a run asks for, how it ends, and what history reports.
import { z } from 'zod';
import { IsolationLevel, Tier } from './domain';

/** A run's id: the row id of its execution, stable across restarts. */
export const RunId = z.number().int().positive();
export type RunId = z.infer<typeof RunId>;

/** The languages the sandbox can run (TypeScript is indexed and validated, but runs only once compiled to JavaScript). */
export const RunLanguage = z.enum(['python', 'javascript']);
export type RunLanguage = z.infer<typeof RunLanguage>;

/** Batch runs capture stdout and stderr through pipes; console runs get a terminal (PTY) so `input()` works. */
export const RunMode = z.enum(['batch', 'console']);
export type RunMode = z.infer<typeof RunMode>;

/** Every limit a run is held to. Bounds are what one desktop machine can sensibly grant one untrusted program. */
export const RunLimits = z.object({
  /** Wall-clock time before the run is stopped (status `timeout`). */
  timeoutMs: z.number().int().min(100).max(3_600_000),
  /** CPU seconds per process (RLIMIT_CPU); past it the process gets SIGXCPU (status `timeout`). */
  cpuSeconds: z.number().int().min(1).max(3600),
  /** Address space per process in MiB (RLIMIT_AS; for JavaScript, the V8 heap cap plus the room V8 reserves). */
  memoryMb: z.number().int().min(16).max(65_536),
  /** Processes and threads the run may have at once (RLIMIT_NPROC, counted inside the run's own user namespace). */
  processes: z.number().int().min(1).max(4096),
  /** Largest file the run may write, in MiB (RLIMIT_FSIZE). */
  fileSizeMb: z.number().int().min(1).max(4096),
  /** Open file descriptors per process (RLIMIT_NOFILE). */
  openFiles: z.number().int().min(16).max(65_536),
  /** Total output kept, in bytes; past it the run is stopped (status `output-limit`). */
  outputBytes: z.number().int().min(1024).max(1_073_741_824),
  /** Size of the run's writable folders (/work and /tmp are each a tmpfs of this size), in MiB. */
  diskMb: z.number().int().min(1).max(16_384),
});
export type RunLimits = z.infer<typeof RunLimits>;

export const defaultRunLimits: RunLimits = {
  timeoutMs: 10_000,
  cpuSeconds: 10,
  memoryMb: 512,
  processes: 64,
  fileSizeMb: 16,
  openFiles: 256,
  outputBytes: 10 * 1024 * 1024,
  diskMb: 64,
};

/** Running blocked code anyway: only at the trusted and core tiers, only with a confirmation and a reason on record. */
export const RunOverride = z.object({
  confirmed: z.literal(true),
  reason: z.string().trim().min(1).max(2000),
});
export type RunOverride = z.infer<typeof RunOverride>;

export const TerminalSize = z.object({ cols: z.number().int().min(2).max(1000), rows: z.number().int().min(1).max(500) });
export type TerminalSize = z.infer<typeof TerminalSize>;

/**
 * Rows of scrollback in the console's terminal. The service relies on it: while a program floods the console, it leaves
 * out lines that would scroll past this many rows anyway (src/main/sandbox/consoleFeed.ts).
 */
export const consoleScrollback = 1000;

/** One request to run code. Batch or console is decided by the call (`sandbox.run` or `sandbox.start`), not here. */
export const RunRequest = z.object({
  code: z.string().max(1_000_000),
  language: RunLanguage,
  tier: Tier,
  limits: RunLimits.partial().optional(),
  /** Standard input for a batch run; without it stdin is closed (reads see end of file). */
  stdin: z.string().max(1_048_576).optional(),
  args: z.array(z.string().max(4096)).max(64).optional(),
  /** The project the code belongs to: its `.venv` (if any) supplies the Python interpreter above the sandbox tier. */
  projectRoot: z.string().min(1).max(4096).optional(),
  override: RunOverride.optional(),
  /** Core-tier code runs only with this explicit confirmation (it may do anything the validator allows at core). */
  confirmCore: z.literal(true).optional(),
  artifactId: z.number().int().positive().optional(),
  /** Initial terminal size of a console run. */
  terminal: TerminalSize.optional(),
});
export type RunRequest = z.infer<typeof RunRequest>;

/**
 * How a run ended (or `running`). `timeout`: wall clock or CPU seconds ran out. `memory-limit`: an allocation failed
 * at the address-space limit. `output-limit`: too much output. `killed`: stopped by the user or by a signal.
 * `blocked`: the validator refused it. `failed-to-start`: the interpreter or the sandbox could not be started.
 */
export const RunStatus = z.enum(['running', 'success', 'error', 'timeout', 'memory-limit', 'output-limit', 'killed', 'blocked', 'failed-to-start']);
export type RunStatus = z.infer<typeof RunStatus>;

export const OutputStream = z.enum(['stdout', 'stderr', 'pty']);
export type OutputStream = z.infer<typeof OutputStream>;

/** What the validator said about the code, as kept with the run. */
export const ValidationSummary = z.object({
  id: z.number().int().positive().nullable(),
  blocked: z.boolean(),
  /** True when the code was blocked and ran anyway on a confirmed override. */
  overridden: z.boolean(),
  findingCount: z.number().int().min(0),
  summary: z.string().nullable(),
});
export type ValidationSummary = z.infer<typeof ValidationSummary>;

/**
 * The outcome of a run; the first eleven fields are what `ark run --json` prints. A console run's output is not in
 * `stdout`/`stderr` (it was streamed as `sandbox.output` events and is replayed by `outputSince`).
 */
export const RunResult = z.object({
  id: RunId,
  status: RunStatus,
  exitCode: z.number().int().nullable(),
  signal: z.string().nullable(),
  stdout: z.string(),
  stderr: z.string(),
  durationMs: z.number().min(0),
  /** CPU time, user plus system, of every process of the run (null when it could not be measured). */
  cpuMs: z.number().min(0).nullable(),
  maxRssKb: z.number().int().min(0).nullable(),
  isolation: IsolationLevel,
  validation: ValidationSummary.nullable(),
  cpuUserMs: z.number().min(0).nullable(),
  cpuSystemMs: z.number().min(0).nullable(),
  outputTruncated: z.boolean(),
  /** One sentence on why the run ended as it did, when the status alone does not say (limit hit, start failure). */
  detail: z.string().nullable(),
});
export type RunResult = z.infer<typeof RunResult>;

/** One piece of a run's output, in order (`seq` counts from 1 across both streams). Also the `sandbox.output` event. */
export const OutputChunk = z.object({
  runId: RunId,
  seq: z.number().int().positive(),
  /**
   * The first `seq` the chunk stands for, when it stands for several: a console update while the program floods it,
   * which leaves out what the terminal would not keep (so it cannot be cut at a `seq`). Absent: just `seq`.
   */
  fromSeq: z.number().int().positive().optional(),
  stream: OutputStream,
  data: z.string(),
});
export type OutputChunk = z.infer<typeof OutputChunk>;

/** The `sandbox.status` event: once when a run starts (`running`) and once when it ends (with its result). */
export const RunStatusEvent = z.object({
  runId: RunId,
  status: RunStatus,
  mode: RunMode,
  isolation: IsolationLevel,
  result: RunResult.optional(),
});
export type RunStatusEvent = z.infer<typeof RunStatusEvent>;

/** Everything a console view hears about a run, as one stream. */
export const ConsoleEvent = z.discriminatedUnion('kind', [
  OutputChunk.extend({ kind: z.literal('output') }),
  RunStatusEvent.extend({ kind: z.literal('status') }),
]);
export type ConsoleEvent = z.infer<typeof ConsoleEvent>;

/** A row of the run history. */
export const ExecutionSummary = z.object({
  id: RunId,
  artifactId: z.number().int().nullable(),
  language: RunLanguage,
  tier: Tier,
  mode: RunMode,
  status: RunStatus,
  isolation: IsolationLevel,
  exitCode: z.number().int().nullable(),
  signal: z.string().nullable(),
  durationMs: z.number().nullable(),
  cpuUserMs: z.number().nullable(),
  cpuSystemMs: z.number().nullable(),
  maxRssKb: z.number().int().nullable(),
  outputBytes: z.number().int(),
  outputTruncated: z.boolean(),
  overrideConfirmed: z.boolean(),
  codeHash: z.string(),
  /** The first line of the code, for lists. */
  codePreview: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ExecutionSummary = z.infer<typeof ExecutionSummary>;

/** One run in full: what ran, under which limits, what the validator said, and why it ended. */
export const ExecutionDetail = ExecutionSummary.extend({
  code: z.string(),
  limits: RunLimits,
  validation: ValidationSummary.nullable(),
  overrideReason: z.string().nullable(),
  detail: z.string().nullable(),
  interpreter: z.string().nullable(),
  /** The request as made (without the code), so a run can be repeated or reopened in the console. */
  request: RunRequest.omit({ code: true }),
});
export type ExecutionDetail = z.infer<typeof ExecutionDetail>;

// Timestamps are compared as text in SQLite: only an ISO date (optionally with a time) orders correctly.
const isoStart = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

export const HistoryFilter = z.object({
  status: RunStatus.optional(),
  language: RunLanguage.optional(),
  /** ISO timestamps (or dates); `from` inclusive, `to` exclusive. */
  from: z.string().max(40).regex(isoStart, 'expected an ISO date such as 2026-11-30 or 2026-11-30T08:00:00Z').optional(),
  to: z.string().max(40).regex(isoStart, 'expected an ISO date such as 2026-11-30 or 2026-11-30T08:00:00Z').optional(),
  limit: z.number().int().min(1).max(1000).default(50),
  offset: z.number().int().min(0).default(0),
});
export type HistoryFilter = z.input<typeof HistoryFilter>;

export const StatsFilter = HistoryFilter.pick({ language: true, from: true, to: true });
export type StatsFilter = z.input<typeof StatsFilter>;

/** Run statistics over the history (finished runs only). */
export const Stats = z.object({
  total: z.number().int(),
  successRate: z.number().min(0).max(1).nullable(),
  durationP50Ms: z.number().nullable(),
  durationP95Ms: z.number().nullable(),
  byStatus: z.record(z.string(), z.number().int()),
  perDay: z.array(z.object({ day: z.string(), runs: z.number().int(), successRate: z.number().min(0).max(1) })),
});
export type Stats = z.infer<typeof Stats>;

/** The sandbox's events in the contract: console output as it arrives, and each run's start and end. */
export const sandboxEvents = { 'sandbox.output': OutputChunk, 'sandbox.status': RunStatusEvent } as const;

/** What Settings shows about Python: the configured interpreter, the binary it resolves to, and a project's venv. */
export const PythonInfo = z.object({
  configured: z.string(),
  executable: z.string().nullable(),
  version: z.string().nullable(),
  note: z.string().nullable(),
  error: z.string().nullable(),
  configuredIsVenv: z.boolean(),
  projectVenv: z.object({ root: z.string(), python: z.string(), version: z.string().nullable() }).nullable(),
});
export type PythonInfo = z.infer<typeof PythonInfo>;

/** A run's stored output after a sequence number, in pages; `status` tells a replaying console whether to expect more. */
export const OutputPage = z.object({ chunks: z.array(OutputChunk), status: RunStatus, more: z.boolean() });
export type OutputPage = z.infer<typeof OutputPage>;

const ById = z.object({ runId: RunId }).strict();

/**
 * The sandbox's requests. Limits a request leaves out come from the settings (sandbox.timeoutMs, sandbox.memoryMb)
 * at the time of the request; the interpreter from sandbox.pythonPath.
 */
export const sandboxRequests = {
  /** Runs to completion with pipes and returns the result (stdout and stderr apart). */
  'sandbox.run': { input: RunRequest.strict(), output: RunResult },
  /** Starts a console run (a PTY); output follows as `sandbox.output` events, the end as `sandbox.status`. */
  'sandbox.start': { input: RunRequest.strict(), output: z.object({ runId: RunId }) },
  'sandbox.write': { input: z.object({ runId: RunId, data: z.string().min(1).max(65_536) }).strict(), output: z.null() },
  'sandbox.interrupt': { input: ById, output: z.null() },
  'sandbox.stop': { input: ById, output: z.null() },
  'sandbox.resize': { input: z.object({ runId: RunId }).extend(TerminalSize.shape).strict(), output: z.null() },
  /** The console parsed this many more characters (flow control). */
  'sandbox.ack': { input: z.object({ runId: RunId, chars: z.number().int().min(1).max(100_000_000) }).strict(), output: z.null() },
  /**
   * Output after `afterSeq`, page by page. With `terminal` (a console starting from the beginning, so only with
   * `afterSeq` 0): one update standing for all the output so far, less what a terminal of that size would scroll out
   * of its scrollback (see src/main/sandbox/consoleFeed.ts); `more` if the rest follows as pages.
   */
  'sandbox.outputSince': {
    input: z
      .object({ runId: RunId, afterSeq: z.number().int().min(0), limit: z.number().int().min(1).max(2000).default(500), terminal: TerminalSize.optional() })
      .strict()
      .refine((request) => request.terminal === undefined || request.afterSeq === 0, { message: 'terminal replays start from the beginning: afterSeq must be 0' }),
    output: OutputPage,
  },
  /** Resolves when the run ends. */
  'sandbox.wait': { input: ById, output: RunResult },
  'sandbox.history': { input: HistoryFilter.strict(), output: z.array(ExecutionSummary) },
  'sandbox.detail': { input: z.object({ id: RunId }).strict(), output: ExecutionDetail },
  /** Runs a past run's code again (batch) with its language, tier, limits, input and arguments; validated again. */
  'sandbox.rerun': {
    input: z.object({ id: RunId, override: RunOverride.optional(), confirmCore: z.literal(true).optional() }).strict(),
    output: RunResult,
  },
  'sandbox.stats': { input: StatsFilter.strict(), output: Stats },
  /** The Python runs use, and the project's detected virtual environment (the last opened project unless given). */
  'sandbox.python': { input: z.object({ projectRoot: z.string().min(1).max(4096).optional() }).strict(), output: PythonInfo },
} as const;
