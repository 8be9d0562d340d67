// Builds the exact command line of one run: bubblewrap's mounts and namespaces (or none), the launcher, the limits.
import path from 'node:path';
import type { RunLimits, RunMode } from '../../shared/sandbox';
import type { Interpreter } from './interpreters';
import type { SandboxIsolation } from './isolation';
import { bindArgs, type Bind } from './layout';
import { canSetLimitsInLauncher, launcherArgs, launcherSyscalls, rlimitResource, type LauncherLimit } from './launcher';

/** Where the run's folder appears inside the sandbox: fixed, so nothing about the host's layout leaks in. */
export const sandboxWorkDir = '/work';

/** The run's writable folders in namespace mode: size-limited tmpfs mounts, so host memory, counted as such. */
export const memoryFolders = ['/dev/shm', '/tmp', sandboxWorkDir] as const;

/** How long a stopped program gets between SIGTERM and SIGKILL. */
export const stopGraceMs = 500;

export type Tools = { perl: string; prlimit: string | null; setpriv: string | null };

export type RunPlan = {
  isolation: SandboxIsolation;
  interpreter: Interpreter;
  /** Interpreter flags and the script (as seen by the program) and its arguments. */
  programArgs: (workDir: string) => string[];
  scriptName: string;
  limits: RunLimits;
  mode: RunMode;
  /** The host folder holding the code; the program's cwd when there are no namespaces. */
  hostRunDir: string;
  /** passwd and group files naming the sandbox user (so getpass, `id` and pwd lookups work). */
  identityFiles: { passwd: string; group: string } | null;
  system: readonly Bind[];
  tools: Tools;
  /**
   * Tasks the sandbox user already has (they count against RLIMIT_NPROC when there is no user namespace), or null
   * where they cannot be counted (no /proc): then no process limit is set, as it would count the user's whole desktop.
   */
  existingTasks: number | null;
  /** The descriptor the seccomp filter will be readable on (namespaced runs), or null for none. */
  seccompFd: number | null;
};

export type Command = {
  file: string;
  args: string[];
  /** The launcher's environment: the program's, plus LC_ALL=C which the launcher drops before exec. */
  env: Record<string, string>;
  cwd: string;
  /** Set when the app runs as root: the account to spawn as (libuv also clears supplementary groups). */
  uid?: number;
  gid?: number;
  /** Generations between the spawned process and the launcher: 1 when bwrap runs it as PID 1 of a namespace, else 0. */
  launcherDepth: number;
};

const mib = 1024 * 1024;

// The launcher runs in the C locale (Perl loads the C.UTF-8 locale files otherwise: ~0.4 ms on every run) and removes
// LC_ALL before exec, so the program sees LANG=C.UTF-8 and nothing else.
const launcherLocale = { LC_ALL: 'C' };

export function environment(plan: RunPlan, home: string): Record<string, string> {
  return {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    LANG: 'C.UTF-8',
    HOME: home,
    TMPDIR: plan.isolation.level === 'namespaces' ? '/tmp' : path.join(plan.hostRunDir, '.tmp'),
    // Python under -I ignores PYTHON* variables; the matching flags (-B, -u) are passed too. These cover tools it starts.
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONUNBUFFERED: '1',
    TERM: plan.mode === 'console' ? 'xterm-256color' : 'dumb',
    ...plan.interpreter.env,
  };
}

export function resourceLimits(plan: RunPlan): LauncherLimit[] {
  const { limits, interpreter } = plan;
  const addressSpaceMb =
    interpreter.language === 'javascript' ? (interpreter.addressSpaceHeadroomMb === null ? null : limits.memoryMb + interpreter.addressSpaceHeadroomMb) : limits.memoryMb;
  // In its own user namespace a run's RLIMIT_NPROC counts only its own tasks (the launcher is one of them); without one
  // it counts every task of the account, so the account's current tasks are added to the allowance.
  const namespaced = plan.isolation.level === 'namespaces';
  const tasks = namespaced ? limits.processes + 1 : plan.existingTasks === null ? null : limits.processes + 1 + plan.existingTasks;
  const list: LauncherLimit[] = [
    // Soft limit sends SIGXCPU (a catchable warning); one second later the hard limit sends SIGKILL.
    { resource: rlimitResource.cpu, soft: limits.cpuSeconds, hard: limits.cpuSeconds + 1 },
    ...(tasks === null ? [] : [{ resource: rlimitResource.nproc, soft: tasks, hard: tasks }]),
    { resource: rlimitResource.fsize, soft: limits.fileSizeMb * mib, hard: limits.fileSizeMb * mib },
    { resource: rlimitResource.nofile, soft: limits.openFiles, hard: limits.openFiles },
    // No core files: a crash must not write hundreds of megabytes into the run's folder.
    { resource: rlimitResource.core, soft: 0, hard: 0 },
  ];
  if (addressSpaceMb !== null) list.push({ resource: rlimitResource.as, soft: addressSpaceMb * mib, hard: addressSpaceMb * mib });
  return list;
}

/**
 * The memory of all the run's processes together. RLIMIT_AS holds each process, but a run of many processes could
 * still take memoryMb times processes; the launcher watches the sum (every 100 ms) and ends the run past this.
 * Node's own baseline (~40 MB of code and runtime) sits on top of its heap limit.
 */
export function totalMemoryMb(plan: Pick<RunPlan, 'limits' | 'interpreter'>): number {
  return plan.limits.memoryMb + (plan.interpreter.language === 'javascript' ? 192 : 0);
}

function prlimitArgs(prlimit: string, limits: readonly LauncherLimit[]): string[] {
  const names: Record<number, string> = { 0: 'cpu', 1: 'fsize', 4: 'core', 6: 'nproc', 7: 'nofile', 9: 'as' };
  return [prlimit, ...limits.map((l) => `--${names[l.resource] ?? 'unknown'}=${l.soft}:${l.hard}`), '--'];
}

/** The launcher and the program, as run inside the sandbox (or directly, without namespaces). */
function innerCommand(plan: RunPlan, workDir: string): string[] {
  const limits = resourceLimits(plan);
  const inLauncher = canSetLimitsInLauncher();
  const launcher = [
    plan.tools.perl,
    ...launcherArgs(
      {
        pidNamespace: plan.isolation.level === 'namespaces',
        graceMs: stopGraceMs,
        limits: inLauncher ? limits : [],
        syscalls: launcherSyscalls(),
        totalMemoryKb: totalMemoryMb(plan) * 1024,
        memoryFolders: plan.isolation.level === 'namespaces' ? memoryFolders : [],
      },
      [plan.interpreter.executable, ...plan.programArgs(workDir)],
    ),
  ];
  if (inLauncher) return launcher;
  // Elsewhere than Linux on x86-64/arm64 the launcher has no syscall table: prlimit (util-linux) sets the limits in
  // front of it, or the shell's ulimit where there is no prlimit (macOS).
  if (plan.tools.prlimit) return [...prlimitArgs(plan.tools.prlimit, limits), ...launcher];
  return ['/bin/sh', '-c', `${ulimitScript(limits)}; exec "$@"`, 'sh', ...launcher];
}

// ulimit's units: -t seconds, -v KiB, -n and -u counts, -c and -f blocks (512 bytes in POSIX shells, 1024 in bash; the
// count is given in KiB, so a 512-byte shell holds the program to half the size: stricter, never looser).
function ulimitScript(limits: readonly LauncherLimit[]): string {
  const flags: Record<number, [string, number]> = {
    [rlimitResource.cpu]: ['-t', 1],
    [rlimitResource.as]: ['-v', 1024],
    [rlimitResource.nofile]: ['-n', 1],
    [rlimitResource.nproc]: ['-u', 1],
    [rlimitResource.fsize]: ['-f', 1024],
    [rlimitResource.core]: ['-c', 1],
  };
  return limits
    .flatMap((limit) => {
      const flag = flags[limit.resource];
      if (!flag || limit.soft === 'unlimited') return [];
      return [`ulimit ${flag[0]} ${Math.floor(limit.soft / flag[1])}`];
    })
    .join('; ');
}

export function buildCommand(plan: RunPlan): Command {
  const { isolation, limits } = plan;
  const drop = isolation.user.dropsPrivileges ? { uid: isolation.user.uid, gid: isolation.user.gid } : {};
  if (isolation.level !== 'namespaces' || !isolation.bwrap) {
    const [file, ...args] = innerCommand(plan, plan.hostRunDir);
    return { file: file ?? plan.tools.perl, args, env: { ...environment(plan, plan.hostRunDir), ...launcherLocale }, cwd: plan.hostRunDir, ...drop, launcherDepth: 0 };
  }
  const env = { ...environment(plan, sandboxWorkDir), ...launcherLocale };
  const size = String(limits.diskMb * mib);
  const args = [
    // Every namespace: user, PID, network (only a private loopback remains), IPC, UTS, cgroup.
    '--unshare-all',
    '--unshare-user',
    ...(isolation.disableUserns ? ['--disable-userns'] : []),
    '--die-with-parent',
    // A new session: no controlling terminal, so TIOCSTI cannot push keystrokes into the app's terminal.
    '--new-session',
    '--as-pid-1',
    '--hostname', 'sandbox',
    ...bindArgs(plan.system),
    ...plan.interpreter.folders.flatMap((folder) => ['--ro-bind', folder, folder]),
    ...(plan.identityFiles ? ['--ro-bind', plan.identityFiles.passwd, '/etc/passwd', '--ro-bind', plan.identityFiles.group, '/etc/group'] : []),
    '--proc', '/proc',
    // /dev holds only null, zero, full, random, urandom, tty and the pty folder; it is made read-only so it cannot
    // be filled, and /dev/shm (for Python's multiprocessing) gets a size like every writable folder.
    '--dev', '/dev',
    '--remount-ro', '/dev',
    // The work folder is a size-limited tmpfs, not the host folder: a program cannot fill the host's disk through it.
    ...memoryFolders.flatMap((folder) => ['--size', size, '--tmpfs', folder]),
    '--ro-bind', path.join(plan.hostRunDir, plan.scriptName), path.posix.join(sandboxWorkDir, plan.scriptName),
    '--chdir', sandboxWorkDir,
    '--remount-ro', '/',
    '--clearenv',
    ...Object.entries(env).flatMap(([key, value]) => ['--setenv', key, value]),
    ...(plan.seccompFd !== null ? ['--seccomp', String(plan.seccompFd)] : []),
    '--',
    ...innerCommand(plan, sandboxWorkDir),
  ];
  return { file: isolation.bwrap, args, env, cwd: plan.hostRunDir, ...drop, launcherDepth: 1 };
}
