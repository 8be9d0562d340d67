// Test helpers for the generator: finding a Python (with or without pytest) and running processes with a timeout.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';

export type ProcessResult = { code: number | null; stdout: string; stderr: string; timedOut: boolean };

/** Runs a process to completion (no shell); never rejects, so tests assert on the result. */
export function run(command: string, args: string[], options: { cwd?: string; timeoutMs?: number; input?: string } = {}): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = execFile(command, args, { cwd: options.cwd, timeout: options.timeoutMs ?? 30_000, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      const failed = error as (NodeJS.ErrnoException & { code?: number | string; killed?: boolean }) | null;
      resolve({
        code: failed ? (typeof failed.code === 'number' ? failed.code : null) : 0,
        stdout,
        stderr,
        timedOut: Boolean(failed?.killed),
      });
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
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
