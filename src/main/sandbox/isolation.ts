// Finds out, once, how strongly this machine can isolate sandbox runs — by trying it, not by guessing.
import fs from 'node:fs';
import path from 'node:path';
import type { IsolationInfo } from '../../shared/app';
import { runProcess } from '../childProcess';
import { bindArgs, systemBinds } from './layout';

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

/** The account untrusted code runs as. */
export type SandboxUser = {
  uid: number;
  gid: number;
  /** True when the app runs as root and drops to an unprivileged account for every run. */
  dropsPrivileges: boolean;
};

/** nobody/nogroup: an account that owns nothing, so a run as root can be given nothing. */
export const unprivilegedId = 65534;

export function sandboxUser(): SandboxUser {
  const uid = process.getuid?.() ?? -1;
  const gid = process.getgid?.() ?? -1;
  if (uid === 0) return { uid: unprivilegedId, gid: unprivilegedId, dropsPrivileges: true };
  return { uid, gid, dropsPrivileges: false };
}

/** Everything the runner needs to know about this machine's isolation; `level` and `detail` are what the UI shows. */
export type SandboxIsolation = IsolationInfo & {
  bwrap: string | null;
  /** bwrap ≥ 0.8 can forbid new user namespaces inside the sandbox (less kernel surface for an exploit). */
  disableUserns: boolean;
  user: SandboxUser;
};

// The standard system folders, searched for the helper programs runs depend on. Inside the sandbox only /usr (and
// what links into it) is visible, so helpers must come from here, not from a PATH entry in someone's home.
export const systemPath = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function probeArgs(disableUserns: boolean): string[] {
  return [
    '--unshare-all',
    '--unshare-user',
    ...(disableUserns ? ['--disable-userns'] : []),
    '--die-with-parent',
    '--new-session',
    '--as-pid-1',
    ...bindArgs(systemBinds()),
    '--proc', '/proc',
    '--dev', '/dev',
    '--size', String(1024 * 1024), '--tmpfs', '/tmp',
    '--remount-ro', '/',
    '--clearenv',
    '/usr/bin/true',
  ];
}

async function tryBwrap(bwrap: string, args: string[], user: SandboxUser): Promise<string | null> {
  const outcome = await runProcess(bwrap, args, { timeoutMs: 5000, env: {}, ...(user.dropsPrivileges ? { uid: user.uid, gid: user.gid } : {}) });
  if (outcome.exitCode === 0) return null;
  return outcome.stderr.trim() || outcome.startError || (outcome.timedOut ? 'bubblewrap did not finish within 5 s' : `bubblewrap ended with ${outcome.exitCode ?? outcome.signal}`);
}

let cached: Promise<SandboxIsolation> | null = null;

/** Probes once per process (the answer does not change while the app runs); `fresh` probes again. */
export function probeIsolation(options: { platform?: NodeJS.Platform; fresh?: boolean } = {}): Promise<SandboxIsolation> {
  const platform = options.platform ?? process.platform;
  if (platform !== process.platform || options.fresh || !cached) {
    const probe = runProbe(platform);
    if (platform === process.platform) cached = probe;
    return probe;
  }
  return cached;
}

async function runProbe(platform: NodeJS.Platform): Promise<SandboxIsolation> {
  const user = sandboxUser();
  const limitsOnly = (detail: string): SandboxIsolation => ({ level: 'limits-only', detail, bwrap: null, disableUserns: false, user });
  if (platform !== 'linux') {
    return limitsOnly(`Runs are limited (CPU, memory, processes, files, time) but not namespaced: bubblewrap needs Linux, and this is ${platform}.`);
  }
  const bwrap = findOnPath('bwrap', systemPath);
  if (!bwrap) {
    return limitsOnly(
      'Runs are limited but not namespaced: bubblewrap is not installed. Install it (Debian/Ubuntu: apt install bubblewrap; Fedora: dnf install bubblewrap) and restart.',
    );
  }
  // The probe asks for every namespace and mount a run uses, as the account runs use; if any is refused (no user
  // namespaces in a container, AppArmor's restriction on Ubuntu 24.04), the level is limits-only and we say why.
  let failure = await tryBwrap(bwrap, probeArgs(true), user);
  let disableUserns = true;
  if (failure && /disable-userns/.test(failure)) {
    disableUserns = false;
    failure = await tryBwrap(bwrap, probeArgs(false), user);
  }
  if (failure) {
    return limitsOnly(
      `Runs are limited but not namespaced: bubblewrap is installed but could not create namespaces (${failure.slice(0, 200)}). Allow unprivileged user namespaces to get full isolation.`,
    );
  }
  const account = user.dropsPrivileges ? ` as the unprivileged user ${user.uid}` : '';
  return {
    level: 'namespaces',
    detail: `Runs are isolated with bubblewrap (${bwrap})${account}: own user, PID, network, IPC, UTS and cgroup namespaces, read-only system folders, no network.`,
    bwrap,
    disableUserns,
    user,
  };
}

export async function detectIsolation(platform: NodeJS.Platform = process.platform): Promise<IsolationInfo> {
  const { level, detail } = await probeIsolation({ platform });
  return { level, detail };
}
