// The command line of a run: what bubblewrap is told to bind, what the environment holds, which limits are set.
import { describe, expect, it } from 'vitest';
import { defaultRunLimits } from '../../shared/sandbox';
import { buildCommand, resourceLimits, type RunPlan } from './command';
import type { Interpreter } from './interpreters';
import type { SandboxIsolation } from './isolation';
import { systemBinds } from './layout';
import { launcherScript, rlimitResource } from './launcher';

const interpreter: Interpreter = {
  language: 'python',
  executable: '/opt/python/bin/python3.12',
  folders: ['/opt/python'],
  env: {},
  addressSpaceHeadroomMb: null,
  version: '3.12.0',
  note: null,
};
const namespaces: SandboxIsolation = { level: 'namespaces', detail: '', bwrap: '/usr/bin/bwrap', disableUserns: true, user: { uid: 65534, gid: 65534, dropsPrivileges: true } };

function plan(overrides: Partial<RunPlan> = {}): RunPlan {
  return {
    isolation: namespaces,
    interpreter,
    programArgs: (workDir) => ['-I', `${workDir}/main.py`],
    scriptName: 'main.py',
    limits: defaultRunLimits,
    mode: 'batch',
    hostRunDir: '/tmp/ark-runs/run-abc',
    identityFiles: { passwd: '/tmp/ark-runs/.identity/passwd', group: '/tmp/ark-runs/.identity/group' },
    system: systemBinds(),
    tools: { perl: '/usr/bin/perl', prlimit: '/usr/bin/prlimit', setpriv: '/usr/bin/setpriv' },
    existingTasks: 0,
    seccompFd: 4,
    ...overrides,
  };
}

describe('run command', () => {
  it('isolates with every namespace and binds only system folders, the interpreter and the code', () => {
    const command = buildCommand(plan());
    const args = command.args.join(' ');
    expect(command.file).toBe('/usr/bin/bwrap');
    expect(args).toContain('--seccomp 4 --');
    for (const flag of ['--unshare-all', '--unshare-user', '--disable-userns', '--die-with-parent', '--new-session', '--as-pid-1', '--clearenv']) expect(command.args).toContain(flag);
    expect(args).toContain('--ro-bind /opt/python /opt/python');
    expect(args).toContain('--ro-bind /tmp/ark-runs/run-abc/main.py /work/main.py');
    expect(args).toContain('--tmpfs /work');
    expect(args).toContain('--remount-ro /');
    expect(args).not.toMatch(/--bind |--dev-bind /);
    const sources = command.args.flatMap((arg, i) => (arg === '--ro-bind' || arg === '--bind' ? [command.args[i + 1] ?? ''] : []));
    expect(sources.filter((source) => /^\/(home|root|run|var|etc\/shadow)(\/|$)/.test(source))).toEqual([]);
    const bound = command.args.flatMap((arg, i) => (arg === '--ro-bind' ? [command.args[i + 2]] : []));
    expect(bound.filter((target) => target?.startsWith('/etc/'))).toEqual(expect.arrayContaining(['/etc/passwd', '/etc/group']));
    expect(bound.filter((target) => target?.startsWith('/etc/') && !['/etc/passwd', '/etc/group', '/etc/ld.so.cache', '/etc/localtime'].includes(target))).toEqual([]);
    expect(command).toMatchObject({ uid: 65534, gid: 65534, launcherDepth: 1 });
  });

  it('hands the program a short, fixed environment (the launcher adds LC_ALL for itself and drops it)', () => {
    const command = buildCommand(plan());
    expect(Object.keys(command.env).sort()).toEqual(['HOME', 'LANG', 'LC_ALL', 'PATH', 'PYTHONDONTWRITEBYTECODE', 'PYTHONUNBUFFERED', 'TERM', 'TMPDIR']);
    expect(command.env.HOME).toBe('/work');
    expect(launcherScript).toContain('delete $ENV{LC_ALL}');
  });

  it('runs the launcher directly, in the run folder, without namespaces', () => {
    const command = buildCommand(plan({ isolation: { ...namespaces, level: 'limits-only', bwrap: null } }));
    expect(command.file).toBe('/usr/bin/perl');
    expect(command.cwd).toBe('/tmp/ark-runs/run-abc');
    expect(command.launcherDepth).toBe(0);
    expect(command.args).toContain('/tmp/ark-runs/run-abc/main.py');
  });

  it('sets CPU, process, file, descriptor and memory limits, and no core files', () => {
    const limits = resourceLimits(plan());
    const byResource = new Map(limits.map((l) => [l.resource, l]));
    expect(byResource.get(rlimitResource.cpu)).toEqual({ resource: rlimitResource.cpu, soft: 10, hard: 11 });
    expect(byResource.get(rlimitResource.as)?.soft).toBe(512 * 1024 * 1024);
    expect(byResource.get(rlimitResource.nproc)?.soft).toBe(defaultRunLimits.processes + 1);
    expect(byResource.get(rlimitResource.core)?.soft).toBe(0);
    expect(byResource.get(rlimitResource.nofile)?.soft).toBe(256);
    expect(byResource.get(rlimitResource.fsize)?.soft).toBe(16 * 1024 * 1024);
  });

  it('adds V8 headroom to the address space for Node, and sets none for Electron', () => {
    const node = { ...interpreter, language: 'javascript' as const, addressSpaceHeadroomMb: 1024 };
    expect(resourceLimits(plan({ interpreter: node })).find((l) => l.resource === rlimitResource.as)?.soft).toBe((512 + 1024) * 1024 * 1024);
    expect(resourceLimits(plan({ interpreter: { ...node, addressSpaceHeadroomMb: null } })).find((l) => l.resource === rlimitResource.as)).toBeUndefined();
  });
});
