// Test helpers for the generator: finding a Python (with or without pytest) and running processes with a timeout.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { runProcess } from '../childProcess';

export type ProcessResult = { code: number | null; stdout: string; stderr: string; timedOut: boolean };

/** Runs a process to completion (no shell); never rejects, so tests assert on the result. */
export async function run(command: string, args: string[], options: { cwd?: string; timeoutMs?: number; input?: string } = {}): Promise<ProcessResult> {
  const outcome = await runProcess(command, args, {
    timeoutMs: options.timeoutMs ?? 30_000,
    maxBytes: 16 * 1024 * 1024,
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
  return { code: outcome.exitCode, stdout: outcome.stdout, stderr: outcome.stderr, timedOut: outcome.timedOut };
}

function works(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

// Debian's python3 is where pytest is installed on the build machines; any python3 on PATH runs the runner.
const CANDIDATES = ['/usr/bin/python3', 'python3'];

/** A python3 that starts, or undefined. */
export const python = CANDIDATES.find((candidate) => (candidate.startsWith('/') ? fs.existsSync(candidate) : true) && works(candidate, ['-I', '-c', 'import sys']));

/** A python3 with pytest importable, or undefined. */
export const pythonWithPytest = CANDIDATES.find((candidate) => (candidate.startsWith('/') ? fs.existsSync(candidate) : true) && works(candidate, ['-m', 'pytest', '--version']));
