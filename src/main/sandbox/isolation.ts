// Finds out, once, how strongly this machine can isolate sandbox runs — by trying it, not by guessing.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { IsolationInfo } from '../../shared/app';

/** Looks a program up on PATH the way a shell would; returns its absolute path or null. */
export function findOnPath(program: string, pathVariable = process.env.PATH ?? ''): string | null {
  for (const folder of pathVariable.split(path.delimiter)) {
    if (!folder) continue;
    const candidate = path.join(folder, program);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here; keep looking.
    }
  }
  return null;
}

// The probe asks for every namespace a run will use; if any is refused (no user namespaces in a container,
// AppArmor's restriction on Ubuntu 24.04), the level is limits-only and we say why.
const probeArgs = [
  '--unshare-all',
  '--die-with-parent',
  '--ro-bind', '/usr', '/usr',
  '--symlink', 'usr/lib', '/lib',
  '--symlink', 'usr/lib64', '/lib64',
  '--symlink', 'usr/bin', '/bin',
  '--proc', '/proc',
  '--dev', '/dev',
  '/usr/bin/true',
];

export async function detectIsolation(platform: NodeJS.Platform = process.platform): Promise<IsolationInfo> {
  if (platform !== 'linux') {
    return {
      level: 'limits-only',
      detail: `Runs are limited (CPU, memory, processes, files, time) but not namespaced: bubblewrap needs Linux, and this is ${platform}.`,
    };
  }
  const bwrap = findOnPath('bwrap');
  if (!bwrap) {
    return {
      level: 'limits-only',
      detail: 'Runs are limited but not namespaced: bubblewrap is not installed. Install it (Debian/Ubuntu: apt install bubblewrap; Fedora: dnf install bubblewrap) and restart.',
    };
  }
  const failure = await new Promise<string | null>((resolve) => {
    execFile(bwrap, probeArgs, { timeout: 5000 }, (err, _stdout, stderr) => resolve(err ? (stderr.trim() || err.message) : null));
  });
  if (failure) {
    return {
      level: 'limits-only',
      detail: `Runs are limited but not namespaced: bubblewrap is installed but could not create namespaces (${failure.slice(0, 200)}). Allow unprivileged user namespaces to get full isolation.`,
    };
  }
  return { level: 'namespaces', detail: `Runs are isolated with bubblewrap (${bwrap}): own user, PID, network, IPC and UTS namespaces, read-only system folders.` };
}
