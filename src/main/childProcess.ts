// Runs a short-lived helper process (an interpreter probe, a checker, git-free tools) to completion and collects its
// output, with a time limit that a busy main thread cannot turn into a false timeout.
//
// Why not execFile's `timeout`: its timer can fire only after the event loop is free again. When the main thread was
// busy for longer than the limit (validating a large file, compiling a WebAssembly module on a loaded machine), the
// timer runs before the already-finished child's output is read, execFile destroys stdout and stderr, and the call
// "succeeds" with exit code 0 and no output at all. Here an expired timer first lets pending I/O through
// (setImmediate runs after the poll phase) and only kills a child that is really still running.
import { spawn } from 'node:child_process';

export type ProcessOutcome = {
  stdout: string;
  stderr: string;
  /** null when the process ended by a signal or could not start. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** It ran past the time limit and was killed. */
  timedOut: boolean;
  /** Its output passed maxBytes and it was killed. */
  truncated: boolean;
  /** It could not be started (no such file, permission): the reason. */
  startError: string | null;
};

export type ProcessOptions = {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
  signal?: AbortSignal;
  uid?: number;
  gid?: number;
  /** Written to its standard input, which is then closed; without it stdin is /dev/null. */
  input?: string;
  /** stdout + stderr kept at most (default 64 MiB); past it the process is killed. */
  maxBytes?: number;
};

/** Never rejects: the caller decides what a non-zero exit, a timeout or a start failure means for it. */
export function runProcess(command: string, args: readonly string[], options: ProcessOptions): Promise<ProcessOutcome> {
  return new Promise((resolve) => {
    const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let bytes = 0;
    let timedOut = false;
    let truncated = false;
    let startError: string | null = null;
    let finished = false;

    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      windowsHide: true,
      ...(options.uid !== undefined ? { uid: options.uid } : {}),
      ...(options.gid !== undefined ? { gid: options.gid } : {}),
    });
    const running = () => child.exitCode === null && child.signalCode === null && startError === null;
    const kill = () => {
      if (running()) child.kill('SIGKILL');
    };
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      if (truncated) return;
      bytes += chunk.length;
      into.push(chunk);
      if (bytes > maxBytes) {
        truncated = true;
        kill();
      }
    };
    child.stdout?.on('data', collect(stdout));
    child.stderr?.on('data', collect(stderr));
    if (options.input !== undefined && child.stdin) {
      // It may exit without reading its input; a broken pipe is not its failure.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input);
    }

    const timer = setTimeout(
      () =>
        setImmediate(() => {
          if (finished || !running()) return;
          timedOut = true;
          kill();
        }),
      options.timeoutMs,
    );
    const onAbort = () => kill();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) kill();

    const finish = (exitCode: number | null, signal: NodeJS.Signals | null) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        exitCode,
        signal,
        timedOut,
        truncated,
        startError,
      });
    };
    child.on('error', (err) => {
      // Spawning failed; there is no process (a failed kill also lands here, harmlessly, while it still runs).
      if (child.pid === undefined) {
        startError = (err as NodeJS.ErrnoException).code ?? err.message;
        finish(null, null);
      }
    });
    // 'close' comes after the process ended and its output streams were read to the end.
    child.on('close', (code, signal) => finish(code, signal));
  });
}
