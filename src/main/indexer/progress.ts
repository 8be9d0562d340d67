// Progress of one index run, throttled for the UI, with an ETA from the bytes parsed so far.
import type { IndexPhase, IndexProgress } from '../../shared/indexing';

// Ten updates a second look live to a person and cost the IPC channel nothing; phase changes always go out at once.
const intervalMs = 100;

export type ProgressTracker = {
  phase(phase: IndexPhase): void;
  /** The walk found files (with their sizes) that will be parsed. */
  queued(files: number, bytes: number): void;
  /** The walk found files that need no parsing (unchanged by size and mtime). */
  skippedAhead(files: number): void;
  done(files: number, bytes: number, currentFile: string | null): void;
  walkFinished(): void;
};

export function createProgressTracker(projectId: number, send: (progress: IndexProgress) => void): ProgressTracker {
  let phase: IndexPhase = 'walking';
  let filesTotal = 0;
  let filesDone = 0;
  let bytesTotal = 0;
  let bytesDone = 0;
  let currentFile: string | null = null;
  let walkDone = false;
  let firstDoneAt = 0;
  let lastSent = 0;

  function etaMs(): number | null {
    if (phase === 'done' || phase === 'cancelled') return 0;
    if (!walkDone || bytesDone === 0 || firstDoneAt === 0) return null;
    const rate = bytesDone / Math.max(1, performance.now() - firstDoneAt);
    return Math.round((bytesTotal - bytesDone) / rate);
  }

  function emit(force: boolean): void {
    const now = performance.now();
    if (!force && now - lastSent < intervalMs) return;
    lastSent = now;
    send({ projectId, phase, filesDone, filesTotal, currentFile, etaMs: etaMs() });
  }

  return {
    phase(next) {
      phase = next;
      emit(true);
    },
    queued(files, bytes) {
      filesTotal += files;
      bytesTotal += bytes;
      emit(false);
    },
    skippedAhead(files) {
      filesTotal += files;
      filesDone += files;
      emit(false);
    },
    done(files, bytes, file) {
      if (firstDoneAt === 0) firstDoneAt = performance.now();
      filesDone += files;
      bytesDone += bytes;
      if (file) currentFile = file;
      emit(false);
    },
    walkFinished() {
      walkDone = true;
    },
  };
}
