// Makes a file or folder unwritable for this process, for tests of read-only databases, and undoes it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { canWrite } from '../store/db';

/**
 * Takes write permission away (0o444 for a file, 0o555 for a folder). Root ignores modes, so as root the immutable
 * attribute is set too (chattr +i, which stops root as well). Returns the undo, or null — with everything restored —
 * when the path stays writable (root on a file system without the attribute).
 */
export function makeUnwritable(target: string): (() => void) | null {
  const original = fs.statSync(target).mode & 0o7777;
  fs.chmodSync(target, fs.statSync(target).isDirectory() ? 0o555 : 0o444);
  let immutable = false;
  if (process.getuid?.() === 0) {
    try {
      execFileSync('chattr', ['+i', target], { stdio: 'ignore' });
      immutable = true;
    } catch {
      // No chattr, or a file system without the attribute: checked below.
    }
  }
  const undo = (): void => {
    if (immutable) execFileSync('chattr', ['-i', target], { stdio: 'ignore' });
    fs.chmodSync(target, original);
  };
  if (canWrite(target)) {
    undo();
    return null;
  }
  return undo;
}
