// Decides how a run ended, from what the service did to it and what the launcher saw.
import os from 'node:os';
import type { RunLanguage, RunLimits, RunStatus } from '../../shared/sandbox';

export type StopReason = 'timeout' | 'stopped' | 'output-limit';

export type Ending = {
  /** Why the service stopped the run, if it did. */
  reason: StopReason | null;
  exitCode: number | null;
  signal: number | null;
  cpuMs: number | null;
  maxRssKb: number | null;
  /** The last few KiB of error output (stderr, or the terminal's output for console runs). */
  errorTail: string;
  language: RunLanguage;
  limits: RunLimits;
  /** The address-space limit in MiB, or null when none was set (Electron's runtime). */
  addressSpaceMb: number | null;
  /** The launcher ended the run because its processes together passed the memory limit. */
  overMemory: boolean;
};

export type Verdict = { status: RunStatus; detail: string | null };

const signals = os.constants.signals as Record<string, number>;

export function signalName(signal: number | null): string | null {
  if (signal === null) return null;
  return Object.keys(signals).find((name) => signals[name] === signal) ?? `SIG${signal}`;
}

// Messages interpreters print when an allocation fails at the address-space limit. Python raises MemoryError; V8 aborts
// with "heap out of memory" at --max-old-space-size, or "Fatal process out of memory" / "Fatal process OOM in ..." when
// a reservation fails (a Worker's or WebAssembly's address space at the limit, SIGTRAP far below the RSS limit), and
// throws a RangeError when an ArrayBuffer (Buffer.alloc too) or a WebAssembly memory cannot be had; C code reports
// ENOMEM or std::bad_alloc.
const pythonMemory = /(^|\n)MemoryError\b/;
const nodeMemory =
  /JavaScript heap out of memory|Fatal process (out of memory|OOM)|Fatal JavaScript invalid size error|Allocation failed|Array buffer allocation failed|WebAssembly\.Memory(\(\): could not allocate memory|\.grow\(\): Unable to grow instance memory)|ERR_MEMORY_ALLOCATION_FAILED/;
const nativeMemory = /Cannot allocate memory|std::bad_alloc|out of memory/i;

// Signals a process dies of when memory runs out without a message: the kernel's OOM killer (SIGKILL), a failed
// allocation that was used anyway (SIGSEGV, SIGBUS), or an abort() after one (SIGABRT); V8 traps (SIGTRAP).
const memorySignals = new Set([signals.SIGKILL, signals.SIGSEGV, signals.SIGBUS, signals.SIGABRT, signals.SIGTRAP]);

function isMemoryFailure(ending: Ending): boolean {
  const failed = ending.signal !== null || (ending.exitCode !== null && ending.exitCode !== 0);
  if (!failed) return false;
  const tail = ending.errorTail;
  if (ending.language === 'python' && pythonMemory.test(tail)) return true;
  if (ending.language === 'javascript' && nodeMemory.test(tail)) return true;
  if (nativeMemory.test(tail)) return true;
  if (ending.signal !== null && memorySignals.has(ending.signal) && ending.maxRssKb !== null) {
    // A silent death counts as memory only near the limit: peak RSS at 80% of it or more.
    const limitKb = (ending.language === 'javascript' ? ending.limits.memoryMb : (ending.addressSpaceMb ?? ending.limits.memoryMb)) * 1024;
    return ending.maxRssKb >= 0.8 * limitKb;
  }
  return false;
}

export function classify(ending: Ending): Verdict {
  if (ending.reason === 'timeout') return { status: 'timeout', detail: `Stopped after ${ending.limits.timeoutMs} ms: the wall-clock limit.` };
  if (ending.reason === 'output-limit') return { status: 'output-limit', detail: `Stopped after ${ending.limits.outputBytes} bytes of output: the output limit.` };
  if (ending.reason === 'stopped') return { status: 'killed', detail: 'Stopped on request.' };
  if (ending.overMemory) return { status: 'memory-limit', detail: `Its processes, with what they keep in kernel memory (files in /tmp and /work, socket queues), together used more than the ${ending.limits.memoryMb} MiB memory limit.` };
  if (isMemoryFailure(ending)) return { status: 'memory-limit', detail: `Ran out of memory at the ${ending.limits.memoryMb} MiB limit.` };
  const cpuLimitMs = ending.limits.cpuSeconds * 1000;
  // RLIMIT_CPU: SIGXCPU at the soft limit, SIGKILL at the hard one (a second later) if SIGXCPU was caught or ignored.
  if (ending.signal === signals.SIGXCPU || (ending.signal === signals.SIGKILL && ending.cpuMs !== null && ending.cpuMs >= cpuLimitMs)) {
    return { status: 'timeout', detail: `Stopped after ${ending.limits.cpuSeconds} s of CPU time: the CPU limit.` };
  }
  if (ending.signal === signals.SIGXFSZ) return { status: 'error', detail: `Stopped for writing a file past the ${ending.limits.fileSizeMb} MiB limit.` };
  if (ending.signal !== null) return { status: 'killed', detail: `Ended by ${signalName(ending.signal)}.` };
  if (ending.exitCode === 0) return { status: 'success', detail: null };
  return { status: 'error', detail: `Exited with code ${ending.exitCode}.` };
}
