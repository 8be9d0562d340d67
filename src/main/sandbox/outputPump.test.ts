// The output pump: batching by time and size, the output cap, and filtered events beside raw stored chunks.
import { describe, expect, it, vi } from 'vitest';
import type { StoredChunk } from '../store/executionRepo';
import { createOutputPump, flushBytes, flushIntervalMs, storeBytes, storeIntervalMs } from './outputPump';

function pump(capBytes = 1_000_000) {
  const stored: StoredChunk[] = [];
  const emitted: StoredChunk[] = [];
  const onLimit = vi.fn();
  const p = createOutputPump({ capBytes, capture: true, store: (chunks) => stored.push(...chunks), emit: (chunk) => emitted.push(chunk), onLimit });
  return { p, stored, emitted, onLimit };
}

describe('output pump', () => {
  it('batches many small writes into one chunk per stream per interval', async () => {
    const { p, stored, emitted } = pump();
    for (let i = 0; i < 1000; i++) p.write('stdout', `${i}\n`);
    p.write('stderr', 'oops\n');
    expect(emitted).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, flushIntervalMs * 3));
    expect(emitted.map((c) => c.stream)).toEqual(['stdout', 'stderr']);
    expect(emitted.map((c) => c.seq)).toEqual([1, 2]);
    // Sent at once, stored a little later in one transaction; meanwhile a reconnecting console gets them from memory.
    expect(stored).toEqual([]);
    expect(p.unstored().map((c) => c.seq)).toEqual([1, 2]);
    await new Promise((resolve) => setTimeout(resolve, storeIntervalMs + 50));
    expect(stored.map((c) => c.seq)).toEqual([1, 2]);
    expect(p.unstored()).toEqual([]);
    expect(p.captured('stdout').split('\n')).toHaveLength(1001);
    p.finish();
  });

  it('sends at once when a batch is full (flushBytes), and stores at once when 1 MiB is', () => {
    const { p, stored, emitted } = pump(10 * storeBytes);
    p.write('stdout', 'x'.repeat(flushBytes));
    expect(emitted).toHaveLength(1);
    expect(stored).toHaveLength(0);
    for (let i = 1; i < storeBytes / flushBytes; i++) p.write('stdout', 'x'.repeat(flushBytes));
    expect(stored).toHaveLength(storeBytes / flushBytes);
    expect(p.finish()).toEqual([]);
  });

  it('keeps exactly the cap, calls onLimit once and drops the rest', () => {
    const { p, onLimit } = pump(10_000);
    p.write('stdout', 'a'.repeat(6000));
    p.write('stdout', 'b'.repeat(6000));
    p.write('stdout', 'c'.repeat(6000));
    const last = p.finish();
    expect(p.bytes).toBe(10_000);
    expect(p.truncated).toBe(true);
    expect(onLimit).toHaveBeenCalledTimes(1);
    expect(p.captured('stdout')).toBe('a'.repeat(6000) + 'b'.repeat(4000));
    expect(last.map((c) => c.data).join('')).toHaveLength(10_000);
  });

  it('never cuts a character in two at the cap', () => {
    const { p } = pump(1025);
    p.write('stdout', 'é'.repeat(1000));
    p.finish();
    expect(p.captured('stdout')).toBe('é'.repeat(512));
  });

  it('stores raw output and emits it with dangerous sequences removed', () => {
    const { p, stored, emitted } = pump();
    const raw = 'a\x1b]52;c;QUJD\x07b\x1b[31mc';
    p.write('pty', raw);
    const last = p.finish();
    expect([...stored, ...last].map((c) => c.data).join('')).toBe(raw);
    expect(emitted.map((c) => c.data).join('')).toBe('ab\x1b[31mc');
  });

  it('keeps the tail of each stream, across batches and before the last one is sent', () => {
    const { p } = pump(10 * storeBytes);
    p.write('stdout', 'a'.repeat(flushBytes));
    p.write('stdout', 'b'.repeat(5000));
    p.write('stderr', 'Traceback …\nMemoryError\n');
    // The second stdout write is still pending: the tail counts it all the same.
    const tail = p.tail('stdout');
    expect(tail).toHaveLength(8192);
    expect(tail.endsWith('b'.repeat(5000))).toBe(true);
    expect(tail.startsWith('a')).toBe(true);
    expect(p.tail('stderr')).toBe('Traceback …\nMemoryError\n');
    p.finish();
    expect(p.tail('stdout')).toBe(tail);
    expect(p.tail('pty')).toBe('');
  });
});
