// Pure state changes for the console, kept apart from the slice and the terminal so they are tested alone.
import type { OutputChunk, RunResult, RunStatus, RunStatusEvent } from '../../../../shared/sandbox';

/** The run the console shows. Output itself never goes through the store: it is written straight into xterm. */
export type ConsoleRun = {
  runId: number;
  status: RunStatus;
  isolation: RunResult['isolation'] | null;
  result: RunResult | null;
};

/** Applies a `sandbox.status` event: only for the run shown, and an ended run never goes back to running. */
export function withRunStatus(run: ConsoleRun | null, event: RunStatusEvent): ConsoleRun | null {
  if (!run || event.runId !== run.runId) return run;
  if (run.result && !event.result) return run;
  return { ...run, status: event.status, isolation: event.isolation, result: event.result ?? run.result };
}

/** Applies a run's final result (from `sandbox.wait`), whichever of it and the status event arrives first. */
export function withRunResult(run: ConsoleRun | null, result: RunResult): ConsoleRun | null {
  if (!run || run.runId !== result.id) return run;
  return { ...run, status: result.status, isolation: result.isolation, result };
}

/**
 * Orders output for the terminal: live chunks and replayed pages can overlap (a reconnect replays what may also be
 * arriving live), so each chunk is written once, in `seq` order. Sequence numbers can skip (a chunk that held only
 * neutralised escape sequences is never sent), so a skip is not a loss. A live update that stands for several chunks
 * (`fromSeq`) and reaches back into what was written cannot be cut: `overlap` says so, and the caller fetches what
 * follows `lastSeq` from the store instead.
 */
export function takeNew(lastSeq: number, chunks: readonly OutputChunk[]): { text: string; lastSeq: number; overlap: boolean } {
  let text = '';
  let seq = lastSeq;
  for (const chunk of [...chunks].sort((a, b) => a.seq - b.seq)) {
    if (chunk.seq <= seq) continue;
    if ((chunk.fromSeq ?? chunk.seq) <= seq) return { text, lastSeq: seq, overlap: true };
    text += chunk.data;
    seq = chunk.seq;
  }
  return { text, lastSeq: seq, overlap: false };
}

/**
 * Counts characters xterm has parsed and says when to acknowledge them (VS Code acks every 5 000): the service
 * pauses the program while too many characters are unacknowledged (see `flowControl` in the sandbox service).
 */
export function createAckCounter(every: number, send: (chars: number) => void) {
  let pending = 0;
  return {
    parsed(chars: number) {
      pending += chars;
      if (pending >= every) {
        send(pending);
        pending = 0;
      }
    },
    /** Sends what is left (the run ended, or the console switches to another run). */
    flush() {
      if (pending > 0) send(pending);
      pending = 0;
    },
  };
}

/** One line on how a run ended, for the console and history: status, exit or signal, wall time, isolation. */
export function describeEnd(result: RunResult): string {
  const ending = result.signal ? `signal ${result.signal}` : result.exitCode !== null ? `exit code ${result.exitCode}` : 'did not run';
  return `${result.status} · ${ending} · ${formatDuration(result.durationMs)} · isolation ${result.isolation}`;
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
