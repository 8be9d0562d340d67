// The console's terminal: the shell that leads its session, and how its end is recognised in the output stream.
import type { IPty } from 'node-pty';

/** node-pty's terminal also emits 'close' once its output has been read to the end (not in its typings). */
export type ClosableTerminal = IPty & { on(event: 'close', listener: () => void): void };

// The shell a console run starts in: the session leader of the PTY, which node-pty spawns. node-pty cannot pass extra
// descriptors, so it opens the launcher's report file as fd 3 (and the seccomp filter as fd 4). It turns off the terminal's own signal keys (^C ^Z ^\
// would otherwise signal this shell and bwrap; the service forwards Ctrl+C to the program itself) and XON/XOFF.
// It does not exec the sandbox but waits for it, then prints an end mark (a nonce the program never saw) and stays
// until the service has read up to it: when the terminal's last writer goes, or its session leader exits, Linux may
// drop output not yet read (measured: the last ~10 KB of 1.5 MB in a third of runs), so the end is acknowledged.
export const consoleShell = [
  'exec 3>>"$0" || exit 126',
  'if [ -n "$ARK_SECCOMP" ]; then exec 4<"$ARK_SECCOMP" || exit 126; fi',
  'mark=$ARK_END_MARK',
  'unset ARK_END_MARK ARK_SECCOMP',
  'stty -isig -ixon 2>/dev/null',
  '"$@"',
  'status=$?',
  'exec 3>&- 4<&-',
  'printf %s "$mark"',
  // The wait is a child (so the TERM trap runs at once) kept off the terminal, and taken down with the shell.
  'sleep 5 </dev/null >/dev/null 2>&1 &',
  'waiter=$!',
  "trap 'kill $waiter 2>/dev/null; exit $status' TERM HUP",
  'wait $waiter',
  'exit $status',
].join('\n');

/** How many characters at the end of `text` could be the start of `mark` (and must wait for the next read). */
export function heldBack(text: string, mark: string): number {
  // Almost every read ends without the mark's first character near its end: one native search says so.
  if (text.indexOf(mark.charAt(0), Math.max(0, text.length - mark.length + 1)) < 0) return 0;
  for (let length = Math.min(text.length, mark.length - 1); length > 0; length--) {
    if (text.endsWith(mark.slice(0, length))) return length;
  }
  return 0;
}
