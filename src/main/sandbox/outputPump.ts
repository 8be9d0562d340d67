// Collects a run's output: caps it, batches it into chunks for the store and the UI, and neutralises what the UI sees.
import type { OutputStream } from '../../shared/sandbox';
import type { StoredChunk } from '../store/executionRepo';
import { createStreamFilters } from './terminalFilter';

// Flush every 16 ms or 256 KiB: one message per PTY chunk floods the renderer long before the PTY runs dry, and 16 ms is
// one frame, so the console still feels live. The size only matters in a flood (above 16 MB/s); there every batch costs
// an event, a WebSocket frame, an xterm write and an ack, and xterm.js parsed 256 KiB writes with 15–20% less of the
// page's CPU than 64 KiB ones (bench/sandbox.ts, docs/performance.md).
export const flushIntervalMs = 16;
export const flushBytes = 256 * 1024;

// The store takes the same chunks in bigger transactions (a commit costs far more than a row): every 250 ms or 1 MiB.
// Chunks not yet stored are kept here and served to a console that reconnects meanwhile (see `unstored`).
export const storeIntervalMs = 250;
export const storeBytes = 1024 * 1024;

export type OutputPumpOptions = {
  /** Total bytes kept; the first write past it calls `onLimit` once, and everything after is dropped. */
  capBytes: number;
  /** Receives batches of chunks to store (raw output, as the program wrote it). */
  store: (chunks: StoredChunk[]) => void;
  /** Receives each chunk for the UI, with dangerous escape sequences removed (skipped when nothing is left). */
  emit: (chunk: StoredChunk) => void;
  onLimit: () => void;
  /** Keep the text for the run's result (batch runs return their stdout and stderr). */
  capture: boolean;
};

export type OutputPump = {
  write(stream: OutputStream, text: string): void;
  /** Sends what is pending now. */
  flush(): void;
  /** Ends the output: returns every chunk not yet stored, which the caller stores with the run's end in one transaction. */
  finish(): StoredChunk[];
  captured(stream: OutputStream): string;
  /** Chunks already sent to the UI but not yet stored (raw), oldest first. */
  unstored(): readonly StoredChunk[];
  /** The tail of a stream, for diagnosing how a run ended (MemoryError, heap out of memory). */
  tail(stream: OutputStream): string;
  readonly bytes: number;
  readonly truncated: boolean;
  readonly lastSeq: number;
};

const tailChars = 8192;

export function createOutputPump(options: OutputPumpOptions): OutputPump {
  const pending = new Map<OutputStream, string>();
  const captured = new Map<OutputStream, string[]>();
  const tails = new Map<OutputStream, string>();
  const filters = createStreamFilters();
  let pendingBytes = 0;
  let bytes = 0;
  let truncated = false;
  let seq = 0;
  let timer: NodeJS.Timeout | null = null;
  let finished = false;
  let unstored: StoredChunk[] = [];
  let unstoredBytes = 0;
  let storeTimer: NodeJS.Timeout | null = null;

  const store = () => {
    if (storeTimer) {
      clearTimeout(storeTimer);
      storeTimer = null;
    }
    if (unstored.length === 0) return;
    const batch = unstored;
    unstored = [];
    unstoredBytes = 0;
    options.store(batch);
  };

  const take = (): StoredChunk[] => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    const chunks: StoredChunk[] = [];
    for (const [stream, data] of pending) {
      if (!data) continue;
      chunks.push({ seq: ++seq, stream, data });
      // The tail follows per batch, not per write: a PTY delivers 4 KiB reads, and copying 8 KiB on each cost more
      // than the rest of the pump.
      tails.set(stream, ((tails.get(stream) ?? '') + data).slice(-tailChars));
    }
    pending.clear();
    pendingBytes = 0;
    return chunks;
  };

  const send = (chunks: StoredChunk[], final: boolean) => {
    for (const chunk of chunks) {
      const data = filters.push(chunk.stream, chunk.data) + (final ? filters.flush(chunk.stream) : '');
      if (data) options.emit({ ...chunk, data });
    }
  };

  const flush = () => {
    const chunks = take();
    if (chunks.length === 0) return;
    for (const chunk of chunks) {
      unstored.push(chunk);
      unstoredBytes += chunk.data.length;
    }
    send(chunks, false);
    if (unstoredBytes >= storeBytes) store();
    else if (!storeTimer) storeTimer = setTimeout(store, storeIntervalMs);
  };

  return {
    write(stream, text) {
      if (finished || truncated || text.length === 0) return;
      let size = Buffer.byteLength(text, 'utf8');
      if (bytes + size > options.capBytes) {
        // Keep what fits (cut at a character, never inside one), then stop taking output.
        const room = options.capBytes - bytes;
        text = Buffer.from(text, 'utf8').subarray(0, room).toString('utf8').replace(/\uFFFD$/, '');
        size = Buffer.byteLength(text, 'utf8');
        truncated = true;
      }
      bytes += size;
      pendingBytes += size;
      pending.set(stream, (pending.get(stream) ?? '') + text);
      if (options.capture) {
        const list = captured.get(stream);
        if (list) list.push(text);
        else captured.set(stream, [text]);
      }
      if (pendingBytes >= flushBytes) flush();
      else if (!timer) timer = setTimeout(flush, flushIntervalMs);
      if (truncated) options.onLimit();
    },
    flush,
    finish() {
      finished = true;
      const chunks = take();
      send(chunks, true);
      if (storeTimer) clearTimeout(storeTimer);
      storeTimer = null;
      const last = [...unstored, ...chunks];
      unstored = [];
      unstoredBytes = 0;
      return last;
    },
    unstored() {
      return unstored;
    },
    captured(stream) {
      return (captured.get(stream) ?? []).join('');
    },
    tail(stream) {
      return ((tails.get(stream) ?? '') + (pending.get(stream) ?? '')).slice(-tailChars);
    },
    get bytes() {
      return bytes;
    },
    get truncated() {
      return truncated;
    },
    get lastSeq() {
      return seq;
    },
  };
}
