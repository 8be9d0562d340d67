// Runs an external checker (pyright, pylint, mypy) as a child process with a time limit, honouring cancellation.
import { ArkError } from '../../shared/errors';
import { runProcess } from '../childProcess';

export type ToolOutput = { stdout: string; stderr: string; exitCode: number | null };

/**
 * Runs `command args` and resolves with its output whatever its exit code (checkers exit non-zero when they find
 * something). Rejects when it cannot start, runs past `timeoutMs`, or `signal` aborts.
 */
export async function runTool(command: string, args: string[], options: { cwd: string; timeoutMs: number; signal?: AbortSignal; env?: NodeJS.ProcessEnv }): Promise<ToolOutput> {
  const cancelled = () => new ArkError('cancelled', 'The quality analysis was cancelled.');
  if (options.signal?.aborted) throw cancelled();
  const outcome = await runProcess(command, args, {
    cwd: options.cwd,
    timeoutMs: options.timeoutMs,
    env: options.env ?? process.env,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (options.signal?.aborted) throw cancelled();
  if (outcome.timedOut) throw new ArkError('timeout', `${command} did not finish within ${Math.round(options.timeoutMs / 1000)} s.`);
  if (outcome.startError !== null) throw new ArkError('unavailable', `Cannot run ${command}: ${outcome.startError}.`);
  if (outcome.truncated) throw new ArkError('unavailable', `${command} printed more than 64 MiB; its output was not read.`);
  return { stdout: outcome.stdout, stderr: outcome.stderr, exitCode: outcome.exitCode };
}
