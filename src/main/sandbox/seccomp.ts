// A seccomp filter for namespaced runs: refuses the few system calls that widen the kernel's attack surface for no
// use a generated program has, and kills a process that tries another architecture's system call table.
//
// Refused with EPERM (programs see an ordinary "not permitted" and carry on; libuv falls back from io_uring):
// io_uring (a long run of privilege escalations), bpf, perf_event_open, userfaultfd (a favourite for winning kernel
// races), the keyring calls, and ptrace. Everything else is left to the namespaces, which already take away every
// capability (mount, module loading, raw sockets, reboot need privileges the run does not have).

type ArchTable = { audit: number; blocked: Record<string, number>; x32: boolean };

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
    },
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
    },
  },
};

// Classic BPF, as the kernel's seccomp takes it: struct sock_filter { u16 code; u8 jt; u8 jf; u32 k; }.
const loadWord = 0x20; // BPF_LD | BPF_W | BPF_ABS
const jumpEqual = 0x15; // BPF_JMP | BPF_JEQ | BPF_K
const jumpAtLeast = 0x35; // BPF_JMP | BPF_JGE | BPF_K
const ret = 0x06; // BPF_RET | BPF_K
const allow = 0x7fff0000;
const errnoEperm = 0x00050000 | 1;
const killProcess = 0x80000000;
const x32Bit = 0x40000000;

type Instruction = { code: number; jt: number; jf: number; k: number };

/** The filter for this machine, or null where there is no table for its architecture (the filter is then skipped). */
export function seccompFilter(arch: NodeJS.Architecture = process.arch): Buffer | null {
  const table = tables[arch];
  if (!table) return null;
  const numbers = Object.values(table.blocked);
  // Layout: [load arch, check arch, load nr, (x32 check), ...one check per number, allow, refuse, kill].
  const checks = numbers.length;
  const body: Instruction[] = [];
  const header = table.x32 ? 4 : 3;
  const allowAt = header + checks;
  const refuseAt = allowAt + 1;
  const killAt = allowAt + 2;
  const jumpTo = (from: number, to: number) => to - from - 1;
  body.push({ code: loadWord, jt: 0, jf: 0, k: 4 });
  body.push({ code: jumpEqual, jt: 0, jf: jumpTo(1, killAt), k: table.audit });
  body.push({ code: loadWord, jt: 0, jf: 0, k: 0 });
  if (table.x32) body.push({ code: jumpAtLeast, jt: jumpTo(3, killAt), jf: 0, k: x32Bit });
  numbers.forEach((number, index) => body.push({ code: jumpEqual, jt: jumpTo(header + index, refuseAt), jf: 0, k: number }));
  body.push({ code: ret, jt: 0, jf: 0, k: allow });
  body.push({ code: ret, jt: 0, jf: 0, k: errnoEperm });
  body.push({ code: ret, jt: 0, jf: 0, k: killProcess });
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
