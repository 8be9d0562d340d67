// Runs an external checker (pyright, pylint, mypy) as a child process with a time limit, honouring cancellation.
import { execFile } from 'node:child_process';
import { ArkError } from '../../shared/errors';

export type ToolOutput = { stdout: string; stderr: string; exitCode: number | null };

/**
 * Runs `command args` and resolves with its output whatever its exit code (checkers exit non-zero when they find
 * something). Rejects when it cannot start, runs past `timeoutMs`, or `signal` aborts.
 */
export function runTool(command: string, args: string[], options: { cwd: string; timeoutMs: number; signal?: AbortSignal; env?: NodeJS.ProcessEnv }): Promise<ToolOutput> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new ArkError('cancelled', 'The quality analysis was cancelled.'));
      return;
    }
    execFile(
      command,
      args,
      {
        cwd: options.cwd,
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 1024 * 1024,
        env: options.env ?? process.env,
        signal: options.signal,
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (error && (error as { code?: unknown }).code === 'ABORT_ERR') {
          reject(new ArkError('cancelled', 'The quality analysis was cancelled.'));
          return;
        }
        if (error && error.killed) {
          reject(new ArkError('timeout', `${command} did not finish within ${Math.round(options.timeoutMs / 1000)} s.`));
          return;
        }
        if (error && typeof (error as { code?: unknown }).code === 'string') {
          reject(new ArkError('unavailable', `Cannot run ${command}: ${(error as { code: string }).code}.`));
          return;
        }
        resolve({ stdout, stderr, exitCode: error ? ((error as { code?: number }).code ?? null) : 0 });
      },
    );
  });
}
