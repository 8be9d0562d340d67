// What the sandbox's file system is made of: the host's system folders, read-only, and nothing from home or /etc
// beyond a few named files. Shared by the isolation probe and the runner so the probe tests what runs use.
import fs from 'node:fs';
import path from 'node:path';
import { isInside } from '../paths';

export type Bind = { kind: 'ro-bind' | 'symlink'; source: string; target: string };

// Top-level entries a dynamically linked interpreter may need. On merged-/usr systems (Debian 12, Fedora, Arch) all
// but /usr are symlinks into it; elsewhere they are real folders and are bound read-only like /usr.
const systemEntries = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];

// Only these files of /etc: the dynamic linker's cache (faster and needed for non-default library folders) and the
// time zone. Never passwd/shadow/hosts/ssl or anything else of the host's configuration.
const etcFiles = ['/etc/ld.so.cache', '/etc/localtime'];

export function systemBinds(): Bind[] {
  const binds: Bind[] = [];
  for (const entry of systemEntries) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(entry);
    } catch {
      continue;
    }
    if (stat.isSymbolicLink()) binds.push({ kind: 'symlink', source: fs.readlinkSync(entry), target: entry });
    else if (stat.isDirectory()) binds.push({ kind: 'ro-bind', source: entry, target: entry });
  }
  for (const file of etcFiles) {
    try {
      // Bound by its real path so a symlink (localtime -> /usr/share/zoneinfo/...) still resolves inside.
      binds.push({ kind: 'ro-bind', source: fs.realpathSync(file), target: file });
    } catch {
      // Not on this system; nothing needs it badly.
    }
  }
  return binds;
}

/** True when a path is already visible inside the sandbox through the system binds (so needs no bind of its own). */
export function isCoveredBySystem(target: string, binds: readonly Bind[]): boolean {
  return binds.some((bind) => bind.kind === 'ro-bind' && bind.source === bind.target && isInside(target, bind.target));
}

export function bindArgs(binds: readonly Bind[]): string[] {
  return binds.flatMap((bind) => (bind.kind === 'symlink' ? ['--symlink', bind.source, bind.target] : ['--ro-bind', bind.source, bind.target]));
}

/**
 * Whether a user can reach a path: search permission on every folder above it, and `need` on the path itself.
 * When the app runs as root the sandbox runs as nobody, which cannot enter /root (0700) — a pyenv or venv there
 * is out of its reach, and bwrap (running as nobody) could not even bind it.
 */
export function isReachableBy(target: string, uid: number, gid: number, need: 'read' | 'execute' | 'read-execute' = 'read'): boolean {
  if (uid === 0) return true;
  const allows = (stat: fs.Stats, bits: number) => {
    const mode = stat.mode;
    if (stat.uid === uid) return ((mode >> 6) & bits) === bits;
    if (stat.gid === gid) return ((mode >> 3) & bits) === bits;
    return (mode & bits) === bits;
  };
  let resolved: string;
  try {
    resolved = fs.realpathSync(target);
  } catch {
    return false;
  }
  // The folders above both the path as given and its real location must be passable.
  for (const full of new Set([path.resolve(target), resolved])) {
    let folder = path.dirname(full);
    for (;;) {
      try {
        if (!allows(fs.statSync(folder), 1)) return false;
      } catch {
        return false;
      }
      const parent = path.dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
  }
  const bits = need === 'read' ? 4 : need === 'execute' ? 1 : 5;
  try {
    const stat = fs.statSync(resolved);
    return allows(stat, stat.isDirectory() ? bits | 1 : bits);
  } catch {
    return false;
  }
}
