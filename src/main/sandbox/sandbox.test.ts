// Hostile programs against the real sandbox: each must end with the right status, leave nothing running, harm nothing.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRequest, RunResult } from '../../shared/sandbox';
import { probeIsolation } from './isolation';
import { descendantsOf } from './procfs';
import { refusedSyscalls } from './seccomp';
import { createHarness, openDescriptors, processesWith, uniqueMarker, type Harness } from './testing';

const isolation = await probeIsolation();
const namespaced = isolation.level === 'namespaces';
const user = isolation.user;

function python(code: string, extra: Partial<RunRequest> = {}): RunRequest {
  return { code, language: 'python', tier: 'sandbox', ...extra };
}

/** Runs with a unique marker among its arguments, then checks that no process carrying it is left on the host. */
async function runAlone(h: Harness, request: RunRequest): Promise<RunResult> {
  const marker = uniqueMarker('run');
  const result = await h.sandbox.run({ ...request, args: [...(request.args ?? []), marker] });
  expect(processesWith(marker), 'processes left behind').toEqual([]);
  return result;
}

/** Like runAlone, also sampling how many of the run's processes exist at once on the host. */
async function runCounting(h: Harness, request: RunRequest): Promise<{ result: RunResult; most: number }> {
  const marker = uniqueMarker('count');
  let most = 0;
  const sampler = setInterval(() => {
    most = Math.max(most, processesWith(marker).length);
  }, 50);
  try {
    const result = await h.sandbox.run({ ...request, args: [...(request.args ?? []), marker] });
    expect(processesWith(marker), 'processes left behind').toEqual([]);
    return { result, most };
  } finally {
    clearInterval(sampler);
  }
}

describe('sandbox: hostile programs (namespaces when available)', () => {
  let h: Harness;
  beforeAll(() => {
    h = createHarness({ defaults: { timeoutMs: 5000, processes: 32 } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('runs a plain program, separating stdout and stderr and measuring it', async () => {
    const result = await runAlone(h, python('import sys\nprint("out")\nprint("err", file=sys.stderr)\nx = bytearray(30_000_000)\n'));
    expect(result).toMatchObject({ status: 'success', exitCode: 0, signal: null, stdout: 'out\n', stderr: 'err\n', isolation: isolation.level });
    expect(result.cpuMs).toBeGreaterThan(0);
    expect(result.maxRssKb).toBeGreaterThan(30_000);
    expect(result.durationMs).toBeGreaterThan(0);
    const stored = h.sandbox.detail(result.id);
    expect(stored).toMatchObject({ status: 'success', exitCode: 0, language: 'python', tier: 'sandbox', mode: 'batch' });
    expect(stored.cpuUserMs).not.toBeNull();
  }, 20_000);

  it('gives stdin to the program and reports a non-zero exit as error', async () => {
    const result = await runAlone(h, python('import sys\ndata = sys.stdin.read()\nprint(data.upper())\nsys.exit(3)', { stdin: 'hello' }));
    expect(result).toMatchObject({ status: 'error', exitCode: 3, stdout: 'HELLO\n' });
  }, 20_000);

  it('runs JavaScript', async () => {
    const result = await runAlone(h, { code: 'console.log(1 + 1); console.error("e")', language: 'javascript', tier: 'sandbox' });
    expect(result).toMatchObject({ status: 'success', stdout: '2\n', stderr: 'e\n' });
  }, 20_000);

  it('gives JavaScript WebAssembly memory under its address-space limit (V8 trap handler off)', async () => {
    // With the trap handler V8 reserves ~10 GiB per WebAssembly memory, which RLIMIT_AS refuses even for one page.
    const code = 'const memory = new WebAssembly.Memory({ initial: 256 }); console.log(memory.buffer.byteLength);';
    const result = await runAlone(h, { code, language: 'javascript', tier: 'sandbox', limits: { memoryMb: 128 } });
    expect(result).toMatchObject({ status: 'success', stdout: `${256 * 65536}\n` });
  });

  it('contains a Python fork bomb (processes limit) until the timeout, and nothing survives', async () => {
    const bomb = 'import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n';
    const { result, most } = await runCounting(h, python(bomb, { limits: { timeoutMs: 1500, processes: 16 } }));
    expect(result.status).toBe('timeout');
    expect(result.durationMs).toBeLessThan(1500 + 3000);
    expect(most).toBeGreaterThan(4);
    // The marker is also on the command lines of bwrap and the launcher: 16 program processes plus those two.
    expect(most).toBeLessThanOrEqual(16 + 2);
  }, 20_000);

  it('contains a shell-less spawn bomb (interpreters starting themselves, no shell)', async () => {
    const bomb =
      'const { spawn } = require("child_process");\n' +
      'for (let i = 0; i < 2; i++) { try { spawn(process.execPath, [__filename, ...process.argv.slice(2)], { stdio: "ignore" }).on("error", () => {}); } catch {} }\n' +
      'setInterval(() => {}, 1000);\n';
    const { result, most } = await runCounting(h, { code: bomb, language: 'javascript', tier: 'sandbox', limits: { timeoutMs: 2000, processes: 48 } });
    expect(result.status).toBe('timeout');
    // Node runs ~7 threads, and RLIMIT_NPROC counts threads: 48 tasks hold well under 48 processes.
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(48 + 2);
  }, 20_000);

  it('stops a memory bomb at the memory limit (Python MemoryError)', async () => {
    const result = await runAlone(h, python('chunks = []\nwhile True:\n    chunks.append(bytearray(10_000_000))\n', { limits: { memoryMb: 128 } }));
    expect(result.status).toBe('memory-limit');
    expect(result.stderr).toContain('MemoryError');
  }, 20_000);

  it('stops a memory bomb spread over many processes (the total of the run, not just each process)', async () => {
    const bomb =
      'import os, time\n' +
      'for i in range(12):\n' +
      '    if os.fork() == 0:\n' +
      '        block = bytearray(90_000_000)\n' +
      '        time.sleep(30)\n' +
      '        os._exit(0)\n' +
      'time.sleep(30)\n';
    const result = await runAlone(h, python(bomb, { limits: { memoryMb: 128, timeoutMs: 10_000 } }));
    expect(result.status).toBe('memory-limit');
    expect(result.durationMs).toBeLessThan(5000);
  }, 20_000);

  it('stops a JavaScript heap bomb at the memory limit', async () => {
    const result = await runAlone(h, { code: 'const a = []; for (;;) a.push(new Array(1e6).fill(1.5));', language: 'javascript', tier: 'sandbox', limits: { memoryMb: 96 } });
    expect(result.status).toBe('memory-limit');
  }, 30_000);

  it('reports buffers and WebAssembly memory V8 cannot allocate at the limit as memory-limit, not as an error', async () => {
    for (const code of ['const a = new ArrayBuffer(3e9);', 'Buffer.alloc(3e9);', 'new WebAssembly.Memory({ initial: 40000 });']) {
      const result = await runAlone(h, { code, language: 'javascript', tier: 'sandbox', limits: { memoryMb: 256 } });
      expect({ code, status: result.status }).toEqual({ code, status: 'memory-limit' });
    }
  }, 30_000);

  it('kills a CPU spin that ignores SIGTERM at the timeout, within the grace', async () => {
    const spin = 'import signal\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nwhile True:\n    pass\n';
    const result = await runAlone(h, python(spin, { limits: { timeoutMs: 1000 } }));
    expect(result.status).toBe('timeout');
    expect(result.durationMs).toBeGreaterThanOrEqual(1000);
    expect(result.durationMs).toBeLessThan(1000 + 500 + 1500);
    expect(result.cpuMs).toBeGreaterThan(300);
  }, 20_000);

  it('stops a CPU spin at the CPU-seconds limit', async () => {
    const result = await runAlone(h, python('while True:\n    pass\n', { limits: { cpuSeconds: 1, timeoutMs: 8000 } }));
    expect(result.status).toBe('timeout');
    expect(result.detail).toContain('CPU');
    expect(result.signal).toBe('SIGXCPU');
  }, 20_000);

  it('stops a sleep past the timeout', async () => {
    const result = await runAlone(h, python('import time\nprint("sleeping", flush=True)\ntime.sleep(30)\n', { limits: { timeoutMs: 800 } }));
    expect(result.status).toBe('timeout');
    expect(result.stdout).toBe('sleeping\n');
    expect(result.durationMs).toBeLessThan(800 + 2000);
  }, 20_000);

  it('leaves no double-forked daemon behind after the program exits', async () => {
    const daemon =
      'import os, time\n' +
      'if os.fork() == 0:\n' +
      '    os.setsid()\n' +
      '    if os.fork() == 0:\n' +
      '        open("daemon.pid", "w").write(str(os.getpid()))\n' +
      '        time.sleep(60)\n' +
      '    os._exit(0)\n' +
      'for _ in range(200):\n' +
      '    if os.path.exists("daemon.pid"): break\n' +
      '    time.sleep(0.01)\n' +
      'print("parent done")\n';
    const result = await runAlone(h, python(daemon));
    expect(result).toMatchObject({ status: 'success', stdout: 'parent done\n' });
  }, 20_000);

  it('stops an output flood at the output limit', async () => {
    const result = await runAlone(h, python('import sys\nwhile True:\n    sys.stdout.write("x" * 65536)\n', { limits: { outputBytes: 1_000_000 } }));
    expect(result.status).toBe('output-limit');
    expect(result.outputTruncated).toBe(true);
    expect(result.stdout.length).toBe(1_000_000);
    expect(h.sandbox.detail(result.id)).toMatchObject({ outputBytes: 1_000_000, outputTruncated: true });
  }, 20_000);

  it('batches output into few chunks instead of one event per write', async () => {
    const before = h.output.length;
    const result = await runAlone(h, python('for i in range(20000):\n    print(i)\n'));
    const chunks = h.output.slice(before).filter((c) => c.runId === result.id);
    expect(result.status).toBe('success');
    expect(chunks.map((c) => c.data).join('')).toBe(result.stdout);
    expect(chunks.length).toBeLessThan(100);
    expect(chunks.every((c, i) => i === 0 || c.seq > (chunks[i - 1]?.seq ?? 0))).toBe(true);
  }, 20_000);

  it('holds a disk-filling program to the file-size and folder-size limits, leaving the host disk alone', async () => {
    const fill =
      'import os\n' +
      'written = 0\n' +
      'try:\n' +
      '    for i in range(1000):\n' +
      '        with open(f"fill{i}.bin", "wb") as f:\n' +
      '            for _ in range(8):\n' +
      '                f.write(b"x" * 1_048_576); written += 1_048_576\n' +
      'except OSError as e:\n' +
      '    print("stopped", e.errno, written)\n' +
      '    raise\n';
    const result = await runAlone(h, python(fill, { limits: { fileSizeMb: 4, diskMb: 16 } }));
    expect(result.status).toBe('error');
    // EFBIG from RLIMIT_FSIZE (Python ignores SIGXFSZ), or ENOSPC from the size-limited work folder.
    expect(result.stdout).toMatch(/^stopped (27|28) /);
    const written = Number(result.stdout.trim().split(' ')[2]);
    expect(written).toBeLessThanOrEqual(16 * 1_048_576);
    expect(fs.readdirSync(path.join(h.dir, 'runs')).filter((name) => name.startsWith('run-'))).toEqual([]);
  }, 20_000);

  it('cannot write outside its work folder', async () => {
    const hostFile = path.join(os.tmpdir(), `ark-escape-${process.pid}-${Date.now()}`);
    const probe =
      'import os, sys\n' +
      'results = {}\n' +
      `for target in [${JSON.stringify(hostFile)}, "/usr/ark-escape", "/root/ark-escape", "/home/ark-escape", "/etc/ark-escape", "/ark-escape", ${JSON.stringify(path.join(h.dir, 'escape'))}]:\n` +
      '    try:\n' +
      '        with open(target, "w") as f: f.write("x")\n' +
      '        results[target] = "written"\n' +
      '    except OSError as e:\n' +
      '        results[target] = type(e).__name__\n' +
      'open("inside.txt", "w").write("ok")\n' +
      'print(results)\n';
    const result = await runAlone(h, python(probe));
    expect(result.status).toBe('success');
    // Without namespaces nothing but file permissions stands between the code and the host's files: the level is
    // recorded and shown for exactly that reason, so only the namespaced run is held to this.
    if (!namespaced) return;
    expect(fs.existsSync(hostFile)).toBe(false);
    expect(fs.existsSync(path.join(h.dir, 'escape'))).toBe(false);
    expect(result.stdout).not.toMatch(/'\/(usr|root|home|etc)\/ark-escape': 'written'/);
    expect(result.stdout).not.toContain("'/ark-escape': 'written'");
  }, 20_000);

  it('does not see a secret from the parent environment', async () => {
    process.env.ARK_TEST_SECRET = 'hunter2-secret';
    try {
      const result = await runAlone(h, python('import os\nprint(sorted(os.environ))\nprint(open("/proc/self/environ","rb").read())\nprint(open("/proc/1/environ","rb").read() if os.path.exists("/proc/1/environ") else "")'));
      expect(result.stdout).not.toContain('hunter2-secret');
      expect(result.stdout).not.toContain('ARK_TEST_SECRET');
      expect(result.stderr).not.toContain('hunter2-secret');
    } finally {
      delete process.env.ARK_TEST_SECRET;
    }
  }, 20_000);

  it('cannot read /etc/shadow or /root, and does not run as root', async () => {
    const probe =
      'import os\n' +
      'print("uid", os.getuid(), os.geteuid())\n' +
      'for target in ["/etc/shadow", "/root"]:\n' +
      '    try:\n' +
      '        print(target, os.listdir(target) if os.path.isdir(target) else open(target).read()[:20])\n' +
      '    except OSError as e:\n' +
      '        print(target, type(e).__name__)\n';
    const result = await runAlone(h, python(probe));
    expect(result.status).toBe('success');
    expect(result.stdout).not.toMatch(/^uid 0 /m);
    expect(result.stdout).toMatch(/^\/etc\/shadow (FileNotFoundError|PermissionError)$/m);
    expect(result.stdout).toMatch(/^\/root (FileNotFoundError|PermissionError)$/m);
  }, 20_000);

  it('inherits no descriptors beyond stdin, stdout and stderr', async () => {
    const result = await runAlone(h, python('import os\nprint(sorted(int(fd) for fd in os.listdir("/proc/self/fd")))'));
    // The fourth is the descriptor listdir itself opened.
    expect(JSON.parse(result.stdout)).toHaveLength(4);
  }, 20_000);

  it.skipIf(!namespaced || refusedSyscalls().length === 0)('is refused io_uring, bpf, userfaultfd, keyrings and ptrace by the seccomp filter', async () => {
    const numbers = process.arch === 'arm64' ? { io_uring_setup: 425, bpf: 280, userfaultfd: 282, keyctl: 219, ptrace: 117 } : { io_uring_setup: 425, bpf: 321, userfaultfd: 323, keyctl: 250, ptrace: 101 };
    const probe =
      'import ctypes, os\n' +
      'libc = ctypes.CDLL(None, use_errno=True)\n' +
      `for name, number in ${JSON.stringify(Object.entries(numbers))}:\n` +
      '    result = libc.syscall(number, 0, 0, 0, 0, 0)\n' +
      '    print(name, result, os.strerror(ctypes.get_errno()))\n' +
      'print("getpid works", os.getpid() > 0)\n';
    const result = await runAlone(h, python(probe));
    expect(result.status).toBe('success');
    for (const name of Object.keys(numbers)) expect(result.stdout).toContain(`${name} -1 Operation not permitted`);
    expect(result.stdout).toContain('getpid works True');
  }, 20_000);

  it.skipIf(!namespaced || refusedSyscalls().length === 0)('cannot hold memory where the limit does not look (memfd, SysV shared memory and queues)', async () => {
    // Under a 256 MiB limit one process held 900 MB in memfds and 500 MB in detached SysV segments, and succeeded.
    const probe =
      'import ctypes, os\n' +
      'libc = ctypes.CDLL(None, use_errno=True)\n' +
      'try:\n' +
      '    fd = os.memfd_create("hold")\n' +
      '    for _ in range(15):\n' +
      '        os.write(fd, b"x" * 1_048_576)\n' +
      '    print("memfd held")\n' +
      'except OSError as e:\n' +
      '    print("memfd", e.errno)\n' +
      'print("shmget", libc.shmget(0, 50 << 20, 0o1600), ctypes.get_errno())\n' +
      'print("msgget", libc.msgget(0, 0o1600), ctypes.get_errno())\n' +
      'from multiprocessing import shared_memory\n' +
      'block = shared_memory.SharedMemory(create=True, size=1 << 20)\n' +
      'block.buf[0] = 7\n' +
      'print("shm_open", block.buf[0])\n' +
      'block.close()\n' +
      'block.unlink()\n';
    const result = await runAlone(h, python(probe, { tier: 'trusted' }));
    expect(result.stdout).toBe('memfd 1\nshmget -1 1\nmsgget -1 1\nshm_open 7\n');
    expect(result.status).toBe('success');
  }, 20_000);

  it.skipIf(!namespaced || refusedSyscalls().length === 0)('cannot take the account-wide inotify instances from another run', async () => {
    // The 128 inotify instances are per host account, across user namespaces: while one run held them all, a second
    // run at the same time got none (EMFILE).
    const hog =
      'import ctypes, sys, time\n' +
      'libc = ctypes.CDLL(None, use_errno=True)\n' +
      'held = 0\n' +
      'while held < 1000 and libc.inotify_init1(0) >= 0: held += 1\n' +
      'print("held", held, ctypes.get_errno(), flush=True)\n' +
      'if held: time.sleep(3)\n';
    const first = runAlone(h, python(hog, { limits: { timeoutMs: 10_000 }, tier: 'trusted' }));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const second = await runAlone(h, python(hog, { tier: 'trusted' }));
    // 1: EPERM from the filter, for both, instead of 128 for the first and EMFILE (24) for the second.
    expect(second.stdout).toBe('held 0 1\n');
    expect((await first).stdout).toBe('held 0 1\n');
  }, 20_000);

  it.skipIf(!namespaced || refusedSyscalls().length === 0)('makes sockets only in the families its network namespace holds (no vsock to the host)', async () => {
    // AF_VSOCK is not network-namespaced: from a virtual machine's guest it reaches the host (CID 2) whatever the
    // namespace. AF_ALG (the kernel's crypto) and AF_TIPC are attack surface no generated program needs.
    const probe =
      'import socket\n' +
      'for name, family, kind in [("vsock", 40, socket.SOCK_STREAM), ("alg", 38, socket.SOCK_SEQPACKET), ("tipc", 30, socket.SOCK_RDM), ("unix", 1, socket.SOCK_STREAM), ("inet", 2, socket.SOCK_DGRAM), ("inet6", 10, socket.SOCK_DGRAM), ("netlink", 16, socket.SOCK_RAW)]:\n' +
      '    try:\n' +
      '        socket.socket(family, kind).close()\n' +
      '        print(name, "created")\n' +
      '    except OSError as e:\n' +
      '        print(name, e.errno)\n' +
      'a, b = socket.socketpair()\n' +
      'a.send(b"x")\n' +
      'print("socketpair", b.recv(1))\n' +
      'try:\n' +
      '    socket.socketpair(40, socket.SOCK_STREAM)\n' +
      'except OSError as e:\n' +
      '    print("vsock pair", e.errno)\n';
    const result = await runAlone(h, python(probe));
    expect(result.status).toBe('success');
    // 97: EAFNOSUPPORT, as on a kernel without the family.
    expect(result.stdout).toBe('vsock 97\nalg 97\ntipc 97\nunix created\ninet created\ninet6 created\nnetlink created\nsocketpair b\'x\'\nvsock pair 97\n');
  }, 20_000);

  it.skipIf(!namespaced)('counts what it keeps in its memory-backed folders against the memory limit (empty folders, file data)', async () => {
    // tmpfs's size limit holds file data, not the kernel memory of each file and folder: without this, empty folders
    // made in a loop took host memory far past the run's limit until the CPU or wall-clock limit ended it.
    const folders = 'import os, time\nn = 0\nwhile True:\n    os.mkdir(f"/tmp/{n:0>200}")\n    n += 1\n';
    const many = await runAlone(h, python(folders, { limits: { memoryMb: 64, timeoutMs: 8000 } }));
    expect(many.status).toBe('memory-limit');
    expect(many.durationMs).toBeLessThan(6000);
    // File data within the folder size limits (3 x 24 MiB here) but past the memory limit (40 MiB) also counts.
    const data = 'import time\nfor folder in ["/tmp", "/dev/shm", "/work"]:\n    with open(f"{folder}/blob", "wb") as f:\n        f.write(b"x" * 15_000_000)\nprint("written", flush=True)\ntime.sleep(3)\n';
    const big = await runAlone(h, python(data, { limits: { memoryMb: 40, diskMb: 24, timeoutMs: 8000 } }));
    expect(big).toMatchObject({ status: 'memory-limit', stdout: 'written\n' });
    expect(big.durationMs).toBeLessThan(2500);
  }, 30_000);

  it.skipIf(!namespaced || refusedSyscalls().length === 0)('keeps socket buffers at their default size and counts socket queues against the memory limit', async () => {
    // A Unix socket's queue is kernel memory outside every per-process limit: with SO_SNDBUF raised to the system's
    // maximum, one process's 120 socket pairs queued ~1 GB on this machine, and the run succeeded.
    const fill =
      'import socket, time\n' +
      'pairs, queued = [], 0\n' +
      'for i in range(120):\n' +
      '    a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)\n' +
      '    before = a.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF)\n' +
      '    a.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 1 << 30)\n' +
      '    if i == 0:\n' +
      '        print("unchanged", a.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF) == before, flush=True)\n' +
      '    a.setblocking(False)\n' +
      '    pairs.append((a, b))\n' +
      '    try:\n' +
      '        while True:\n' +
      '            queued += a.send(b"x" * 65000)\n' +
      '    except BlockingIOError:\n' +
      '        pass\n' +
      'print("queued", queued >> 20, flush=True)\n' +
      'time.sleep(3)\n';
    const result = await runAlone(h, python(fill, { limits: { memoryMb: 48, timeoutMs: 8000 } }));
    expect(result.stdout).toMatch(/^unchanged True\n/);
    expect(result.status).toBe('memory-limit');
    expect(result.durationMs).toBeLessThan(3000);
  }, 20_000);

  it.skipIf(!namespaced)('cannot reach a TCP listener on the host loopback', async () => {
    let connections = 0;
    const server = net.createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const result = await runAlone(
        h,
        python(`import socket\ns = socket.socket()\ns.settimeout(2)\ntry:\n    s.connect(("127.0.0.1", ${port}))\n    print("connected")\nexcept OSError as e:\n    print("refused", type(e).__name__)\n`),
      );
      expect(result.stdout).toMatch(/^refused /);
      expect(connections).toBe(0);
    } finally {
      server.close();
    }
  }, 20_000);

  it.skipIf(!namespaced)('cannot reach a Unix socket on the host, by path or in the abstract namespace', async () => {
    const socketPath = path.join(os.tmpdir(), `ark-test-${process.pid}-${Date.now()}.sock`);
    const abstractName = `ark-test-abstract-${process.pid}-${Date.now()}`;
    let connections = 0;
    const onConnection = (socket: net.Socket) => {
      connections++;
      socket.destroy();
    };
    const byPath = net.createServer(onConnection);
    const abstract = net.createServer(onConnection);
    await new Promise<void>((resolve) => byPath.listen(socketPath, resolve));
    await new Promise<void>((resolve) => abstract.listen(`\0${abstractName}`, resolve));
    fs.chmodSync(socketPath, 0o777);
    try {
      const probe =
        'import socket\n' +
        `for target in [${JSON.stringify(socketPath)}, "\\0${abstractName}"]:\n` +
        '    s = socket.socket(socket.AF_UNIX)\n' +
        '    try:\n' +
        '        s.connect(target)\n' +
        '        print("connected")\n' +
        '    except OSError as e:\n' +
        '        print("failed", type(e).__name__)\n';
      const result = await runAlone(h, python(probe));
      expect(result.stdout).toBe('failed FileNotFoundError\nfailed ConnectionRefusedError\n');
      expect(connections).toBe(0);
    } finally {
      byPath.close();
      abstract.close();
    }
  }, 20_000);

  it('stops a run when its AbortSignal fires (status killed)', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const marker = uniqueMarker('abort');
    const result = await h.sandbox.run(python('import time\ntime.sleep(30)', { args: [marker] }), controller.signal);
    expect(result.status).toBe('killed');
    expect(processesWith(marker)).toEqual([]);
  }, 20_000);

  it('runs several programs at once, each with its own output and limits', async () => {
    const results = await Promise.all(
      [0, 1, 2].map((i) => h.sandbox.run(python(`import time\ntime.sleep(0.2)\nprint(${i} * 7)`, { limits: { timeoutMs: 3000 + i } }))),
    );
    expect(results.map((r) => r.stdout)).toEqual(['0\n', '7\n', '14\n']);
    expect(results.map((r) => h.sandbox.detail(r.id).limits.timeoutMs)).toEqual([3000, 3001, 3002]);
  }, 20_000);

  it('runs 50 times back to back without leaking descriptors or processes', async () => {
    await h.sandbox.run(python('print(0)'));
    const fdsBefore = openDescriptors();
    for (let i = 0; i < 50; i++) {
      const result = await h.sandbox.run(python(`print(${i})`));
      expect(result.stdout).toBe(`${i}\n`);
    }
    expect(openDescriptors()).toBeLessThanOrEqual(fdsBefore + 1);
    expect(descendantsOf(process.pid)).toEqual([]);
  }, 60_000);

  it('runs nothing as the sandbox account once every run has ended', () => {
    if (!user.dropsPrivileges) return;
    const status = (pid: number) => {
      try {
        return fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      } catch {
        return '';
      }
    };
    const parentOf = (pid: number) => Number(/^PPid:\s+(\d+)/m.exec(status(pid))?.[1] ?? 0);
    // Other test files run sandboxes at the same time in other workers: their live runs are theirs. A process of
    // ours (under this worker) or one that escaped its run (re-parented to init) is a leak.
    const isSandboxAccount = (pid: number) => /^Uid:\s+65534\b/m.test(status(pid));
    const oursOrEscaped = (pid: number) => {
      for (let at = parentOf(pid), hops = 0; at > 0 && hops < 64; at = parentOf(at), hops++) {
        if (at === process.pid || at === 1) return true;
        // Under another worker's Node process: a run of a test file running in parallel, not ours to judge.
        if (!isSandboxAccount(at) && /^Name:\s+node\b/m.test(status(at))) return false;
      }
      return true;
    };
    const left = fs
      .readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
      .filter((pid) => isSandboxAccount(pid) && oursOrEscaped(pid));
    expect(left).toEqual([]);
  });
});

describe('sandbox: validation and start failures', () => {
  it('does not run blocked code, and runs it on a confirmed override only at the trusted or core tier', async () => {
    const h = createHarness({ validate: () => ({ blocked: true, findings: [{ rule: 'no-exec' }], summary: 'uses exec' }) });
    try {
      const blocked = await h.sandbox.run(python('print("ran")'));
      expect(blocked).toMatchObject({ status: 'blocked', stdout: '', exitCode: null, validation: { blocked: true, overridden: false, findingCount: 1, summary: 'uses exec' } });
      const sandboxTier = await h.sandbox.run(python('print("ran")', { override: { confirmed: true, reason: 'I wrote it' } }));
      expect(sandboxTier.status).toBe('blocked');
      expect(sandboxTier.detail).toContain('trusted or core');
      const trusted = await h.sandbox.run(python('print("ran")', { tier: 'trusted', override: { confirmed: true, reason: 'I wrote it' } }));
      expect(trusted).toMatchObject({ status: 'success', stdout: 'ran\n', validation: { blocked: true, overridden: true } });
      expect(h.sandbox.detail(trusted.id)).toMatchObject({ overrideConfirmed: true, overrideReason: 'I wrote it' });
      expect(h.statuses.filter((s) => s.runId === blocked.id).map((s) => s.status)).toEqual(['blocked']);
    } finally {
      await h.close();
    }
  }, 20_000);

  it('reports a missing interpreter as failed-to-start', async () => {
    const h = createHarness({ pythonPath: '/nonexistent/python3' });
    try {
      const result = await h.sandbox.run(python('print(1)'));
      expect(result.status).toBe('failed-to-start');
      expect(result.detail).toContain('/nonexistent/python3');
    } finally {
      await h.close();
    }
  }, 20_000);

  it('re-runs a past run with the same code and limits', async () => {
    const h = createHarness();
    try {
      const first = await h.sandbox.run(python('import sys\nprint(sys.stdin.read() * 2)', { stdin: 'ab', limits: { timeoutMs: 4321 } }));
      const again = await h.sandbox.rerun(first.id);
      expect(again.id).not.toBe(first.id);
      expect(again).toMatchObject({ status: 'success', stdout: 'abab\n' });
      expect(h.sandbox.detail(again.id).limits.timeoutMs).toBe(4321);
      expect(h.sandbox.detail(again.id).codeHash).toBe(h.sandbox.detail(first.id).codeHash);
    } finally {
      await h.close();
    }
  }, 20_000);
});

describe('sandbox: limits only (no namespaces)', () => {
  let h: Harness;
  beforeAll(() => {
    h = createHarness({ isolation: { level: 'limits-only', detail: 'forced by the test' }, defaults: { timeoutMs: 5000, processes: 32 } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('records the isolation level and still limits time, memory and processes', async () => {
    const plain = await runAlone(h, python('print("hi")'));
    expect(plain).toMatchObject({ status: 'success', stdout: 'hi\n', isolation: 'limits-only' });
    const memory = await runAlone(h, python('chunks = []\nwhile True:\n    chunks.append(bytearray(10_000_000))\n', { limits: { memoryMb: 128 } }));
    expect(memory.status).toBe('memory-limit');
    const spin = await runAlone(h, python('import signal\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nwhile True:\n    pass\n', { limits: { timeoutMs: 800 } }));
    expect(spin.status).toBe('timeout');
  }, 30_000);

  it('stops a memory bomb spread over many processes', async () => {
    const bomb = 'import os, time\nfor i in range(12):\n    if os.fork() == 0:\n        block = bytearray(90_000_000)\n        time.sleep(30)\n        os._exit(0)\ntime.sleep(30)\n';
    const result = await runAlone(h, python(bomb, { limits: { memoryMb: 128, timeoutMs: 10_000 } }));
    expect(result.status).toBe('memory-limit');
  }, 20_000);

  it('catches a double-forked daemon that left the process group and session', async () => {
    const daemon =
      'import os, time\n' +
      'if os.fork() == 0:\n' +
      '    os.setsid()\n' +
      '    if os.fork() == 0:\n' +
      '        time.sleep(60)\n' +
      '    os._exit(0)\n' +
      'time.sleep(0.3)\n' +
      'print("parent done")\n';
    const result = await runAlone(h, python(daemon));
    expect(result).toMatchObject({ status: 'success', stdout: 'parent done\n' });
  }, 20_000);

  it('contains a fork bomb', async () => {
    const bomb = 'import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n';
    const { result, most } = await runCounting(h, python(bomb, { limits: { timeoutMs: 1500, processes: 16 } }));
    expect(result.status).toBe('timeout');
    expect(most).toBeGreaterThan(4);
    // 16 program processes plus the launcher (which carries the marker too).
    expect(most).toBeLessThanOrEqual(16 + 1);
  }, 20_000);

  it('gains nothing from set-user-ID programs (no_new_privs)', async () => {
    const result = await runAlone(h, python('print([l for l in open("/proc/self/status") if l.startswith("NoNewPrivs")][0].split()[1])'));
    expect(result.stdout).toBe('1\n');
  }, 20_000);

  it('does not see the parent environment, and (as root) runs as nobody', async () => {
    process.env.ARK_TEST_SECRET = 'hunter2-secret';
    try {
      const result = await runAlone(h, python('import os\nprint(os.getuid(), dict(os.environ))'));
      expect(result.stdout).not.toContain('hunter2-secret');
      if (user.dropsPrivileges) expect(result.stdout).toMatch(/^65534 /);
    } finally {
      delete process.env.ARK_TEST_SECRET;
    }
  }, 20_000);
});

describe('sandbox: shutting down', () => {
  it('waits for a run that was still being validated when close() began, and writes nothing after', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const h = createHarness({ validate: async () => (await gate, { blocked: false }) });
    const running = h.sandbox.run(python('print("late")'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The harness closes the sandbox, then the database: a write after that would throw out of a child's handler.
    const closing = h.close();
    release();
    await closing;
    const result = await running.then(
      (value) => value,
      (err: unknown) => err,
    );
    // Either refused outright or recorded as not started: never a run that finishes after close().
    if ('status' in (result as object)) expect((result as { status: string }).status).toBe('failed-to-start');
    else expect(String((result as Error).message)).toMatch(/shut down/);
  });
});
