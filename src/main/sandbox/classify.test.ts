// How the status of a run is decided from what happened to it.
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultRunLimits } from '../../shared/sandbox';
import { classify, signalName, type Ending } from './classify';

const base: Ending = { reason: null, exitCode: 0, signal: null, cpuMs: 10, maxRssKb: 8000, errorTail: '', language: 'python', limits: defaultRunLimits, addressSpaceMb: 512, overMemory: false };
const { SIGKILL, SIGXCPU, SIGSEGV, SIGTERM, SIGABRT, SIGTRAP } = os.constants.signals;

describe('classify', () => {
  it.each<[string, Partial<Ending>, string]>([
    ['a clean exit', {}, 'success'],
    ['a non-zero exit', { exitCode: 2 }, 'error'],
    ['the wall-clock timer, whatever the exit', { reason: 'timeout', exitCode: null, signal: SIGKILL }, 'timeout'],
    ['a stop on request', { reason: 'stopped', exitCode: null, signal: SIGTERM }, 'killed'],
    ['the output cap', { reason: 'output-limit', exitCode: null, signal: SIGTERM }, 'output-limit'],
    ['Python MemoryError', { exitCode: 1, errorTail: 'Traceback (most recent call last):\n  ...\nMemoryError\n' }, 'memory-limit'],
    ['V8 heap exhaustion', { language: 'javascript', exitCode: null, signal: SIGABRT, errorTail: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory' }, 'memory-limit'],
    ['V8 failing to reserve a Worker\'s code range (SIGTRAP far below the RSS limit)', { language: 'javascript', exitCode: null, signal: SIGTRAP, maxRssKb: 42_000, errorTail: '\n#\n# Fatal process OOM in Failed to reserve virtual memory for CodeRange\n#\n' }, 'memory-limit'],
    ['an ArrayBuffer (or Buffer.alloc) V8 cannot allocate', { language: 'javascript', exitCode: 1, errorTail: 'RangeError: Array buffer allocation failed\n    at new ArrayBuffer (<anonymous>)' }, 'memory-limit'],
    ['a WebAssembly memory V8 cannot allocate', { language: 'javascript', exitCode: 1, errorTail: 'RangeError: WebAssembly.Memory(): could not allocate memory' }, 'memory-limit'],
    ['a WebAssembly memory that cannot grow', { language: 'javascript', exitCode: 1, errorTail: 'RangeError: WebAssembly.Memory.grow(): Unable to grow instance memory' }, 'memory-limit'],
    ['a WebAssembly memory grown past its own declared maximum (a bug, not memory)', { language: 'javascript', exitCode: 1, errorTail: 'RangeError: WebAssembly.Memory.grow(): Maximum memory size exceeded' }, 'error'],
    ['a silent SIGSEGV near the limit', { exitCode: null, signal: SIGSEGV, maxRssKb: 500 * 1024 }, 'memory-limit'],
    ['a silent SIGSEGV far from the limit', { exitCode: null, signal: SIGSEGV, maxRssKb: 9000 }, 'killed'],
    ['SIGXCPU (the CPU limit)', { exitCode: null, signal: SIGXCPU, cpuMs: 10_000 }, 'timeout'],
    ['SIGKILL after the CPU hard limit', { exitCode: null, signal: SIGKILL, cpuMs: 10_900 }, 'timeout'],
    ['a SIGKILL from elsewhere', { exitCode: null, signal: SIGKILL, cpuMs: 50 }, 'killed'],
    ['the total-memory watch of the launcher', { exitCode: null, signal: SIGKILL, overMemory: true }, 'memory-limit'],
    ['a MemoryError printed by a program that then exits cleanly', { exitCode: 0, errorTail: 'MemoryError' }, 'success'],
  ])('%s', (_name, ending, status) => {
    expect(classify({ ...base, ...ending }).status).toBe(status);
  });

  it('names signals', () => {
    expect(signalName(SIGKILL)).toBe('SIGKILL');
    expect(signalName(null)).toBeNull();
  });
});
