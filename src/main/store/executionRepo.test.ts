// The run history in a real SQLite file: rows, output chunks, filters, statistics, crash recovery, restarts.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRunLimits, type RunStatus } from '../../shared/sandbox';
import { makeTempDir } from '../testing/tempDir';
import { openDatabase, type Db } from './db';
import { createExecutionRepo, type ExecutionRepo, type NewExecution } from './executionRepo';

let dir: string;
let cleanup: () => void;
let db: Db;
let repo: ExecutionRepo;

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir('ark-executions-'));
  db = openDatabase(path.join(dir, 'ark.db'));
  repo = createExecutionRepo(db);
});
afterEach(() => {
  db.close();
  cleanup();
});

function newExecution(overrides: Partial<NewExecution> = {}): NewExecution {
  return {
    artifactId: null,
    validationId: null,
    language: 'python',
    tier: 'sandbox',
    mode: 'batch',
    code: 'print("hello")\nprint("again")\n',
    codeHash: 'abc123',
    limits: defaultRunLimits,
    isolation: 'namespaces',
    status: 'running',
    overrideConfirmed: false,
    overrideReason: null,
    validation: { id: null, blocked: false, overridden: false, findingCount: 0, summary: null },
    request: { language: 'python', tier: 'sandbox', stdin: 'input' },
    interpreter: null,
    hostPid: process.pid,
    ...overrides,
  };
}

function finished(status: RunStatus, wallMs: number, startedAt: string, language: 'python' | 'javascript' = 'python'): number {
  const id = repo.create(newExecution({ startedAt, language }));
  repo.finish(id, { status, exitCode: status === 'success' ? 0 : 1, signal: null, wallMs, cpuUserMs: 1, cpuSystemMs: 1, maxRssKb: 1000, outputBytes: 0, outputTruncated: false, detail: null });
  return id;
}

describe('execution repository', () => {
  it('records a run and how it ended', () => {
    const id = repo.create(newExecution({ overrideConfirmed: true, overrideReason: 'reviewed by hand', tier: 'trusted' }));
    expect(repo.get(id)).toMatchObject({ id, status: 'running', finishedAt: null, overrideConfirmed: true, overrideReason: 'reviewed by hand', codePreview: 'print("hello")' });
    repo.finish(id, {
      status: 'error',
      exitCode: 2,
      signal: null,
      wallMs: 12.5,
      cpuUserMs: 4,
      cpuSystemMs: 1.5,
      maxRssKb: 9000,
      outputBytes: 11,
      outputTruncated: false,
      detail: 'Exited with code 2.',
      interpreter: '/usr/bin/python3.11',
    });
    const detail = repo.get(id);
    expect(detail).toMatchObject({
      status: 'error',
      exitCode: 2,
      durationMs: 12.5,
      cpuUserMs: 4,
      cpuSystemMs: 1.5,
      maxRssKb: 9000,
      detail: 'Exited with code 2.',
      interpreter: '/usr/bin/python3.11',
      limits: defaultRunLimits,
      request: { language: 'python', tier: 'sandbox', stdin: 'input' },
      code: 'print("hello")\nprint("again")\n',
    });
    expect(detail?.finishedAt).not.toBeNull();
    expect(repo.get(9999)).toBeNull();
  });

  it('drops a validation id the store does not hold instead of failing on the foreign key', () => {
    const id = repo.create(newExecution({ validationId: 424242 }));
    expect(repo.get(id)?.id).toBe(id);
  });

  it('stores output in chunks and replays everything after a seq', () => {
    const id = repo.create(newExecution());
    repo.appendOutput(id, [
      { seq: 1, stream: 'stdout', data: 'one\n' },
      { seq: 2, stream: 'stderr', data: 'two\n' },
    ]);
    repo.finish(id, { status: 'success', exitCode: 0, signal: null, wallMs: 1, cpuUserMs: 0, cpuSystemMs: 0, maxRssKb: 1, outputBytes: 14, outputTruncated: false, detail: null }, [
      { seq: 3, stream: 'stdout', data: 'three ✓\n' },
    ]);
    expect(repo.outputSince(id, 0).map((c) => c.data)).toEqual(['one\n', 'two\n', 'three ✓\n']);
    expect(repo.outputSince(id, 1)).toEqual([
      { seq: 2, stream: 'stderr', data: 'two\n' },
      { seq: 3, stream: 'stdout', data: 'three ✓\n' },
    ]);
    expect(repo.outputSince(id, 1, 1)).toHaveLength(1);
    expect(repo.outputSince(id, 3)).toEqual([]);
  });

  it('lists history newest first, filtered by status, language and dates, page by page', () => {
    finished('success', 10, '2025-03-01T10:00:00.000Z');
    finished('error', 20, '2025-03-02T10:00:00.000Z');
    finished('success', 30, '2025-03-03T10:00:00.000Z', 'javascript');
    finished('timeout', 40, '2025-03-04T10:00:00.000Z');
    expect(repo.list().map((r) => r.durationMs)).toEqual([40, 30, 20, 10]);
    expect(repo.list({ status: 'success' }).map((r) => r.durationMs)).toEqual([30, 10]);
    expect(repo.list({ language: 'javascript' }).map((r) => r.durationMs)).toEqual([30]);
    expect(repo.list({ from: '2025-03-02', to: '2025-03-04' }).map((r) => r.durationMs)).toEqual([30, 20]);
    expect(repo.list({ limit: 2, offset: 1 }).map((r) => r.durationMs)).toEqual([30, 20]);
  });

  it('computes success rate, duration percentiles, status counts and a per-day trend', () => {
    for (let i = 1; i <= 18; i++) finished('success', i * 10, `2025-04-01T0${i % 9}:00:00.000Z`);
    finished('error', 500, '2025-04-02T01:00:00.000Z');
    finished('timeout', 1000, '2025-04-02T02:00:00.000Z');
    const blocked = repo.create(newExecution({ startedAt: '2025-04-02T03:00:00.000Z' }));
    repo.finish(blocked, { status: 'blocked', exitCode: null, signal: null, wallMs: null, cpuUserMs: null, cpuSystemMs: null, maxRssKb: null, outputBytes: 0, outputTruncated: false, detail: null });
    repo.create(newExecution({ startedAt: '2025-04-02T04:00:00.000Z' }));
    const stats = repo.stats();
    expect(stats.total).toBe(21);
    expect(stats.byStatus).toEqual({ success: 18, error: 1, timeout: 1, blocked: 1 });
    expect(stats.successRate).toBeCloseTo(18 / 20);
    // Durations of the 20 runs that ran: 10..180, 500, 1000.
    expect(stats.durationP50Ms).toBe(100);
    expect(stats.durationP95Ms).toBe(500);
    expect(stats.perDay).toEqual([
      { day: '2025-04-01', runs: 18, successRate: 1 },
      { day: '2025-04-02', runs: 3, successRate: 0 },
    ]);
    expect(repo.stats({ from: '2025-04-02' }).total).toBe(3);
    expect(repo.stats({ language: 'javascript' })).toMatchObject({ total: 0, successRate: null, durationP50Ms: null, perDay: [] });
  });

  it('closes runs left running by a process that is gone, and leaves live ones alone', () => {
    const orphan = repo.create(newExecution({ hostPid: 999_999 }));
    const live = repo.create(newExecution({ hostPid: process.pid }));
    expect(repo.closeOrphans((pid) => pid === process.pid)).toBe(1);
    expect(repo.get(orphan)).toMatchObject({ status: 'killed', detail: 'The app stopped while this run was in progress.' });
    expect(repo.get(live)?.status).toBe('running');
  });

  it('keeps everything across a restart', () => {
    const id = finished('success', 42, '2025-05-01T00:00:00.000Z');
    repo.appendOutput(id, [{ seq: 1, stream: 'pty', data: 'kept' }]);
    db.close();
    db = openDatabase(path.join(dir, 'ark.db'));
    repo = createExecutionRepo(db);
    expect(repo.get(id)).toMatchObject({ status: 'success', durationMs: 42 });
    expect(repo.outputSince(id, 0).map((c) => c.data)).toEqual(['kept']);
  });
});
