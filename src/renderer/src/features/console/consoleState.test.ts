import { describe, expect, it } from 'vitest';
import type { OutputChunk, RunResult } from '../../../../shared/sandbox';
import { createAckCounter, describeEnd, takeNew, withRunResult, withRunStatus, type ConsoleRun } from './consoleState';

const chunk = (seq: number, data: string): OutputChunk => ({ runId: 7, seq, stream: 'pty', data });
const result = (overrides: Partial<RunResult> = {}): RunResult => ({
  id: 7,
  status: 'success',
  exitCode: 0,
  signal: null,
  stdout: '',
  stderr: '',
  durationMs: 1234,
  cpuMs: 10,
  maxRssKb: 9000,
  isolation: 'namespaces',
  validation: null,
  cpuUserMs: 5,
  cpuSystemMs: 5,
  outputTruncated: false,
  detail: null,
  ...overrides,
});
const running: ConsoleRun = { runId: 7, status: 'running', isolation: null, result: null };

describe('takeNew', () => {
  it('writes each chunk once, in order, across a replay page and live events that overlap', () => {
    const page = takeNew(0, [chunk(1, 'a'), chunk(2, 'b'), chunk(3, 'c')]);
    expect(page).toEqual({ text: 'abc', lastSeq: 3, overlap: false });
    // Live events that arrived during the replay: two already written, one new, out of order.
    expect(takeNew(page.lastSeq, [chunk(4, 'd'), chunk(2, 'b'), chunk(3, 'c')])).toEqual({ text: 'd', lastSeq: 4, overlap: false });
  });
  it('accepts skipped sequence numbers (chunks that were all escape sequences are never sent)', () => {
    expect(takeNew(1, [chunk(5, 'x'), chunk(3, 'y')])).toEqual({ text: 'yx', lastSeq: 5, overlap: false });
  });
  it('writes a flood update that starts after what was written, and stops at one that reaches back into it', () => {
    const update = (fromSeq: number, seq: number, data: string) => ({ ...chunk(seq, data), fromSeq });
    expect(takeNew(3, [update(4, 9, 'new')])).toEqual({ text: 'new', lastSeq: 9, overlap: false });
    expect(takeNew(9, [update(4, 9, 'old')])).toEqual({ text: '', lastSeq: 9, overlap: false });
    // A replay reached chunk 6; the update stands for 4 to 9 and cannot be cut at 6.
    expect(takeNew(5, [chunk(6, 'f'), update(4, 9, 'both')])).toEqual({ text: 'f', lastSeq: 6, overlap: true });
  });
});

describe('run status', () => {
  it('applies events of the shown run only, and an ended run never goes back to running', () => {
    expect(withRunStatus(running, { runId: 8, status: 'success', mode: 'console', isolation: 'namespaces' })).toBe(running);
    const ended = withRunStatus(running, { runId: 7, status: 'killed', mode: 'console', isolation: 'limits-only', result: result({ status: 'killed' }) });
    expect(ended).toMatchObject({ status: 'killed', isolation: 'limits-only' });
    expect(withRunStatus(ended, { runId: 7, status: 'running', mode: 'console', isolation: 'limits-only' })).toBe(ended);
  });
  it('takes the result from wait() whichever arrives first', () => {
    expect(withRunResult(running, result())).toMatchObject({ status: 'success', result: { exitCode: 0 } });
    expect(withRunResult(null, result())).toBeNull();
  });
  it('describes how a run ended in one line, with its isolation level', () => {
    expect(describeEnd(result())).toBe('success · exit code 0 · 1.23 s · isolation namespaces');
    expect(describeEnd(result({ status: 'killed', exitCode: null, signal: 'SIGTERM', durationMs: 80 }))).toBe('killed · signal SIGTERM · 80 ms · isolation namespaces');
  });
});

describe('createAckCounter', () => {
  it('acknowledges in batches of at least the given size, and the rest on flush', () => {
    const sent: number[] = [];
    const acks = createAckCounter(5000, (chars) => sent.push(chars));
    acks.parsed(3000);
    acks.parsed(1999);
    expect(sent).toEqual([]);
    acks.parsed(2);
    acks.parsed(70_000);
    acks.parsed(10);
    expect(sent).toEqual([5001, 70_000]);
    acks.flush();
    acks.flush();
    expect(sent).toEqual([5001, 70_000, 10]);
  });
});
