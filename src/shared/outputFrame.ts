// The web host's binary frame for `sandbox.output`, the one event that carries bulk data: a fixed header and the
// output as UTF-8, so a 64 KiB chunk is neither escaped into JSON by the service nor parsed out of it by the page.
// Electron's IPC needs none of this: it passes the event object by structured clone.
import type { OutputChunk, OutputStream } from './sandbox';

const streams: readonly OutputStream[] = ['stdout', 'stderr', 'pty'];

// Byte 0: the frame's kind, byte 1: the stream, bytes 8–15: runId, 16–23: seq, 24–31: fromSeq (float64,
// little-endian: exact for any id SQLite hands out), then the data. Bytes 2–7 are zero, so the numbers are aligned.
const outputKind = 1;
const headerBytes = 32;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

/** Encodes an output chunk as one binary WebSocket frame. */
export function encodeOutputFrame(chunk: OutputChunk): Uint8Array {
  // Room for the worst case (3 bytes per UTF-16 unit), then cut to what was written: one pass, no second copy.
  const frame = new Uint8Array(headerBytes + chunk.data.length * 3);
  const view = new DataView(frame.buffer);
  frame[0] = outputKind;
  frame[1] = streams.indexOf(chunk.stream);
  view.setFloat64(8, chunk.runId, true);
  view.setFloat64(16, chunk.seq, true);
  view.setFloat64(24, chunk.fromSeq ?? chunk.seq, true);
  const { written } = encoder.encodeInto(chunk.data, frame.subarray(headerBytes));
  return frame.subarray(0, headerBytes + written);
}

/** Decodes a binary frame back into the `sandbox.output` payload; null for anything else (the caller drops it). */
export function decodeOutputFrame(frame: Uint8Array): OutputChunk | null {
  if (frame.length < headerBytes || frame[0] !== outputKind) return null;
  const stream = streams[frame[1] ?? -1];
  if (!stream) return null;
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const seq = view.getFloat64(16, true);
  const fromSeq = view.getFloat64(24, true);
  return { runId: view.getFloat64(8, true), seq, ...(fromSeq !== seq ? { fromSeq } : {}), stream, data: decoder.decode(frame.subarray(headerBytes)) };
}
