// Reads the process table from /proc: who is whose child, which group and session, so a run's processes can be found.
import fs from 'node:fs';

export type ProcessInfo = { pid: number; ppid: number; pgrp: number; session: number; state: string };

/** Parses /proc/<pid>/stat; the command name may hold spaces and parentheses, so fields are read after the last ')'. */
export function parseStat(pid: number, line: string): ProcessInfo | null {
  const close = line.lastIndexOf(')');
  if (close < 0) return null;
  const fields = line.slice(close + 2).split(' ');
  const [state, ppid, pgrp, session] = [fields[0], Number(fields[1]), Number(fields[2]), Number(fields[3])];
  if (state === undefined || !Number.isInteger(ppid) || !Number.isInteger(pgrp) || !Number.isInteger(session)) return null;
  return { pid, ppid, pgrp, session, state };
}

export function readProcess(pid: number): ProcessInfo | null {
  try {
    return parseStat(pid, fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

/** Every live process (zombies excluded: they hold no resources and cannot be killed again). */
export function listProcesses(): ProcessInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  const out: ProcessInfo[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    const info = readProcess(pid);
    if (info && info.state !== 'Z' && info.state !== 'X') out.push(info);
  }
  return out;
}

/** Direct children of a process, from /proc/<pid>/task/<tid>/children when the kernel has it, else by a full scan. */
export function childrenOf(pid: number): number[] {
  try {
    const children: number[] = [];
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      const text = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (text) for (const child of text.split(/\s+/)) children.push(Number(child));
    }
    return children;
  } catch {
    return listProcesses()
      .filter((p) => p.ppid === pid)
      .map((p) => p.pid);
  }
}

/** Every descendant of `root` (not `root` itself), from one snapshot of the process table. */
export function descendantsOf(root: number, processes: readonly ProcessInfo[] = listProcesses()): ProcessInfo[] {
  const byParent = new Map<number, ProcessInfo[]>();
  for (const p of processes) {
    const list = byParent.get(p.ppid);
    if (list) list.push(p);
    else byParent.set(p.ppid, [p]);
  }
  const out: ProcessInfo[] = [];
  const queue = [root];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of byParent.get(next) ?? []) {
      out.push(child);
      queue.push(child.pid);
    }
  }
  return out;
}

export function uidOf(pid: number): number | null {
  try {
    const match = /^Uid:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export function cwdOf(pid: number): string | null {
  try {
    return fs.readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return null;
  }
}

export function pidNamespaceOf(pid: number): string | null {
  try {
    return fs.readlinkSync(`/proc/${pid}/ns/pid`);
  } catch {
    return null;
  }
}

/** True while a process exists (EPERM means it exists but belongs to someone else). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    process.kill(pid, name);
    return true;
  } catch {
    return false;
  }
}
