// A seccomp filter for namespaced runs: refuses the few system calls that widen the kernel's attack surface for no
// use a generated program has, and kills a process that tries another architecture's system call table.
//
// Refused with EPERM (programs see an ordinary "not permitted" and carry on; libuv falls back from io_uring):
// io_uring (a long run of privilege escalations), bpf, perf_event_open, userfaultfd (a favourite for winning kernel
// races), the keyring calls, and ptrace. Everything else is left to the namespaces, which already take away every
// capability (mount, module loading, raw sockets, reboot need privileges the run does not have).
//
// Also refused: the ways to hold memory that no limit sees. memfd_create (and memfd_secret) make files outside every
// folder the launcher measures, up to RLIMIT_FSIZE each and as many as the descriptors allow — one process held 900 MB
// in memfds under a 256 MiB limit, and a descriptor passed through a Unix socket and closed is in no process at all;
// SysV shared memory (shmget) and message queues (msgget) keep their memory after the program detaches, up to the
// IPC namespace's limits (500 MB of detached segments in the same run). Shared memory through /dev/shm (shm_open,
// Python's multiprocessing) is a tmpfs the launcher counts.
//
// Also refused: inotify and fanotify instances. Their limits (128 instances, 128 groups) are per user and counted at
// every level up the user-namespace tree, so they are the host account's, not the run's: one run holding all 128 left
// every other run (and, when the app runs as a normal user, that user's own editors and file watchers) without any
// until it ended. A generated program has nothing of its own to watch but its private tmpfs folders.
//
// Sockets are allowed only in the families a network namespace contains: Unix, IPv4, IPv6 (a private loopback) and
// netlink (glibc's getaddrinfo asks it for the interfaces). Every other family is refused with EAFNOSUPPORT, as on
// a kernel without it, because the namespace does not hold them: AF_VSOCK reaches the hypervisor's host (CID 2) from a
// virtual machine's guest whatever the network namespace, and AF_ALG, AF_TIPC, AF_RDS, AF_CAN and the like are only
// kernel attack surface.
//
// Socket buffers stay at the system's default size: setting SO_SNDBUF or SO_RCVBUF (or their FORCE forms) succeeds
// without effect, as a kernel clamps a request to its maximum without an error. A Unix socket's queue is kernel memory
// no limit of the process sees; raised to the maximum (4 MiB here) one process's 127 socket pairs queued 1 GB, four
// processes 4 GB under a 512 MiB limit. At the default size the launcher counts each socket's queue at its most
// against the memory limit (see launcher.ts).

type ArchTable = { audit: number; blocked: Record<string, number>; sockets: number[]; setsockopt: number; x32: boolean };

/** AF_UNIX, AF_INET, AF_INET6, AF_NETLINK (the same numbers on every Linux architecture). */
export const allowedSocketFamilies = [1, 2, 10, 16] as const;

const solSocket = 1;
/** SO_SNDBUF, SO_RCVBUF, SO_SNDBUFFORCE, SO_RCVBUFFORCE (the generic numbers, x86-64's and arm64's). */
const bufferOptions = [7, 8, 32, 33];

const tables: Partial<Record<NodeJS.Architecture, ArchTable>> = {
  x64: {
    audit: 0xc000003e,
    x32: true,
    blocked: {
      io_uring_setup: 425,
      io_uring_enter: 426,
      io_uring_register: 427,
      bpf: 321,
      perf_event_open: 298,
      userfaultfd: 323,
      keyctl: 250,
      add_key: 248,
      request_key: 249,
      ptrace: 101,
      memfd_create: 319,
      memfd_secret: 447,
      shmget: 29,
      msgget: 68,
      inotify_init: 253,
      inotify_init1: 294,
      fanotify_init: 300,
    },
    sockets: [41, 53], // socket, socketpair
    setsockopt: 54,
  },
  arm64: {
    audit: 0xc00000b7,
    x32: false,
    blocked: {
      io_uring_setup: 425,
      io_uring_enter: 426,
      io_uring_register: 427,
      bpf: 280,
      perf_event_open: 241,
      userfaultfd: 282,
      keyctl: 219,
      add_key: 217,
      request_key: 218,
      ptrace: 117,
      memfd_create: 279,
      memfd_secret: 447,
      shmget: 194,
      msgget: 186,
      inotify_init1: 26,
      fanotify_init: 262,
    },
    sockets: [198, 199], // socket, socketpair
    setsockopt: 208,
  },
};

// Classic BPF, as the kernel's seccomp takes it: struct sock_filter { u16 code; u8 jt; u8 jf; u32 k; }.
const loadWord = 0x20; // BPF_LD | BPF_W | BPF_ABS
const jumpEqual = 0x15; // BPF_JMP | BPF_JEQ | BPF_K
const jumpAtLeast = 0x35; // BPF_JMP | BPF_JGE | BPF_K
const ret = 0x06; // BPF_RET | BPF_K
const allow = 0x7fff0000;
const errnoEperm = 0x00050000 | 1;
const errnoEafnosupport = 0x00050000 | 97;
// SECCOMP_RET_ERRNO with 0: the call is skipped and returns 0.
const skipWithSuccess = 0x00050000;
const killProcess = 0x80000000;
const x32Bit = 0x40000000;

/** A jump's targets are labels, resolved to offsets once the program is laid out (classic BPF jumps only forward). */
type Step = { code: number; k: number; onTrue?: string; onFalse?: string; label?: string };

// seccomp_data: nr at byte 0, arch at 4, args[i] at 16 + 8 * i. Arguments are read by their low 32 bits (the first on
// little-endian machines): family, level and option name are ints, and the kernel uses nothing more of them.
const argument = (index: number) => 16 + 8 * index;

/** The filter for this machine, or null where there is no table for its architecture (the filter is then skipped). */
export function seccompFilter(arch: NodeJS.Architecture = process.arch): Buffer | null {
  const table = tables[arch];
  if (!table) return null;
  const steps: Step[] = [
    { code: loadWord, k: 4 },
    { code: jumpEqual, k: table.audit, onFalse: 'kill' },
    { code: loadWord, k: 0 },
    ...(table.x32 ? [{ code: jumpAtLeast, k: x32Bit, onTrue: 'kill' }] : []),
    ...Object.values(table.blocked).map((number) => ({ code: jumpEqual, k: number, onTrue: 'refuse' })),
    ...table.sockets.map((number) => ({ code: jumpEqual, k: number, onTrue: 'family' })),
    { code: jumpEqual, k: table.setsockopt, onTrue: 'sockopt' },
    { code: ret, k: allow },
    { code: ret, k: errnoEperm, label: 'refuse' },
    { code: ret, k: killProcess, label: 'kill' },
    // socket() and socketpair(): the family.
    { code: loadWord, k: argument(0), label: 'family' },
    ...allowedSocketFamilies.map((family) => ({ code: jumpEqual, k: family, onTrue: 'family-allowed' })),
    { code: ret, k: errnoEafnosupport },
    { code: ret, k: allow, label: 'family-allowed' },
    // setsockopt(): a buffer size at the SOL_SOCKET level.
    { code: loadWord, k: argument(1), label: 'sockopt' },
    { code: jumpEqual, k: solSocket, onFalse: 'sockopt-allowed' },
    { code: loadWord, k: argument(2) },
    ...bufferOptions.map((option) => ({ code: jumpEqual, k: option, onTrue: 'sockopt-skipped' })),
    { code: ret, k: allow, label: 'sockopt-allowed' },
    { code: ret, k: skipWithSuccess, label: 'sockopt-skipped' },
  ];
  const at = new Map(steps.flatMap((step, index) => (step.label ? [[step.label, index] as const] : [])));
  const offset = (from: number, label: string | undefined) => {
    if (label === undefined) return 0;
    const to = at.get(label);
    if (to === undefined || to <= from || to - from - 1 > 255) throw new Error(`seccomp filter: bad jump to ${label}`);
    return to - from - 1;
  };
  const body = steps.map((step, index) => ({ code: step.code, jt: offset(index, step.onTrue), jf: offset(index, step.onFalse), k: step.k }));
  const buffer = Buffer.alloc(body.length * 8);
  body.forEach((instruction, index) => {
    buffer.writeUInt16LE(instruction.code, index * 8);
    buffer.writeUInt8(instruction.jt, index * 8 + 2);
    buffer.writeUInt8(instruction.jf, index * 8 + 3);
    buffer.writeUInt32LE(instruction.k >>> 0, index * 8 + 4);
  });
  return buffer;
}

/** The system calls the filter refuses on this machine (for the documentation and tests). */
export function refusedSyscalls(arch: NodeJS.Architecture = process.arch): string[] {
  return Object.keys(tables[arch]?.blocked ?? {});
}
