import { describe, expect, it } from 'vitest';
import { decodeOutputFrame, encodeOutputFrame } from './outputFrame';
import type { OutputChunk } from './sandbox';

describe('output frames', () => {
  it('carry every stream, large ids and any text, byte for byte', () => {
    const chunks: OutputChunk[] = [
      { runId: 1, seq: 1, stream: 'pty', data: 'x'.repeat(65_536) + '\r\n' },
      { runId: 2 ** 40 + 3, seq: 2 ** 35, stream: 'stdout', data: 'naïve – 日本語 – 🙂 \u0000 "quoted" \\ \x1b[31mred\x1b[0m' },
      { runId: 7, seq: 9, stream: 'stderr', data: '' },
      { runId: 7, seq: 12, fromSeq: 10, stream: 'pty', data: 'a console update standing for chunks 10 to 12' },
    ];
    for (const chunk of chunks) {
      const frame = encodeOutputFrame(chunk);
      expect(frame.byteLength).toBe(32 + new TextEncoder().encode(chunk.data).length);
      expect(decodeOutputFrame(frame)).toEqual(chunk);
      // As received: a view into a larger buffer (ws hands Node clients such Buffers).
      const shifted = new Uint8Array(frame.byteLength + 5);
      shifted.set(frame, 5);
      expect(decodeOutputFrame(shifted.subarray(5))).toEqual(chunk);
    }
  });

  it('refuses frames that are not output frames', () => {
    const frame = encodeOutputFrame({ runId: 1, seq: 1, stream: 'pty', data: 'hi' });
    expect(decodeOutputFrame(frame.subarray(0, 31))).toBeNull();
    expect(decodeOutputFrame(Uint8Array.from([9, ...frame.subarray(1)]))).toBeNull();
    expect(decodeOutputFrame(Uint8Array.from([frame[0]!, 7, ...frame.subarray(2)]))).toBeNull();
  });
});
