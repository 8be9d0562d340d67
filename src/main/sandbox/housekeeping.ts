// Housekeeping around runs: counting an account's tasks, and removing run folders a crashed app left behind.
import fs from 'node:fs';
import path from 'node:path';
import { listProcesses } from './procfs';

/** Tasks (threads included) an account has now: they count against RLIMIT_NPROC when a run has no user namespace. */
export function countTasks(uid: number): number | null {
  if (!fs.existsSync('/proc/self/status')) return null;
  let tasks = 0;
  for (const proc of listProcesses()) {
    try {
      const status = fs.readFileSync(`/proc/${proc.pid}/status`, 'utf8');
      if (Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]) === uid) tasks += Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? 1);
    } catch {
      // Gone meanwhile.
    }
  }
  return tasks;
}

// Run folders outlive their run only if the app died mid-run; another app (the CLI beside the desktop app) may share the
// base folder, so only folders a day old are taken.
const staleAfterMs = 24 * 60 * 60 * 1000;

export function sweepStaleRuns(baseDir: string): void {
  const now = Date.now();
  for (const name of fs.readdirSync(baseDir)) {
    if (!name.startsWith('run-')) continue;
    const full = path.join(baseDir, name);
    try {
      if (now - fs.lstatSync(full).mtimeMs < staleAfterMs) continue;
      if (process.getuid?.() !== 0) restorePermissions(full);
      fs.rmSync(full, { recursive: true, force: true });
    } catch {
      // Left for the next start.
    }
  }
}

export function restorePermissions(folder: string): void {
  try {
    fs.chmodSync(folder, 0o700);
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) restorePermissions(path.join(folder, entry.name));
    }
  } catch {
    // What cannot be restored is left for the stale-folder sweep.
  }
}
