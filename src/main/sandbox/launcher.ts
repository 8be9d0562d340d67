// The launcher: a small Perl program that starts the untrusted one under its limits, reaps it, and reports its usage.
//
// Why a launcher at all: Node cannot set resource limits for a child, cannot close the descriptors a child inherits,
// and reaps children without their rusage, so CPU time and peak memory would be lost. Why Perl: it starts in ~2 ms
// (Python ~10 ms, Node ~40 ms), is on every Linux desktop (Essential on Debian/Ubuntu), and `syscall` reaches
// wait4, setrlimit and prctl without any module. The launcher runs inside the sandbox as the same unprivileged user
// as the program, so it is trusted only with the program's own figures: a hostile program can at most falsify its own
// CPU and memory numbers (it cannot write the report: the report descriptor is closed before the program starts).
//
// In namespace mode the launcher is PID 1 of the run's PID namespace (bwrap --as-pid-1): every orphan is reparented
// to it, so it counts their CPU too, and when it exits the kernel kills whatever is left in the namespace.
// The program runs with no_new_privs: set-user-ID and file-capability programs (su, pkexec, mount helpers) gain it
// nothing, which matters most without namespaces, where the host's /usr is right there.
// Without namespaces it makes itself a child subreaper, so processes that `setsid` and double-fork stay its
// descendants, and it kills them all through /proc before it reports. Either way the program starts in a session of
// its own: no controlling terminal, so no TIOCSTI into the console and no job-control stop when it reads its input.
// It also watches the resident memory of all the run's processes together (every 100 ms) against the run's limit,
// plus what the run keeps in its memory-backed folders (the tmpfs mounts of a namespaced run): their size limit holds
// file data, but not the kernel memory of files and folders (~1-2 KiB each, and an empty one uses no block), so a
// program making empty folders in a loop took 1.4 GB of host memory in 8 s under a 512 MiB limit. Each file counts
// 2 KiB, its data what its blocks hold. In its own network namespace the same goes for its sockets' queues, kernel
// memory too: each Unix socket counts its most (twice the default send buffer, which the seccomp filter keeps it at),
// TCP and UDP sockets twice what their queues hold. Everything the run holds in memory is held to one limit.

/** Linux syscall numbers the launcher needs, per architecture; elsewhere it falls back to prlimit (or ulimit) and `times`. */
const syscallTable: Partial<Record<NodeJS.Architecture, { wait4: number; prctl: number; setrlimit: number; closeRange: number; setitimer: number; setsid: number; statfs: number }>> = {
  x64: { wait4: 61, prctl: 157, setrlimit: 160, closeRange: 436, setitimer: 38, setsid: 112, statfs: 137 },
  arm64: { wait4: 260, prctl: 167, setrlimit: 164, closeRange: 436, setitimer: 103, setsid: 157, statfs: 43 },
};

export function launcherSyscalls(arch: NodeJS.Architecture = process.arch, platform: NodeJS.Platform = process.platform): string {
  const table = platform === 'linux' ? syscallTable[arch] : undefined;
  return table ? [table.wait4, table.prctl, table.setrlimit, table.closeRange, table.setitimer, table.setsid, table.statfs].join(',') : '0,0,0,0,0,0,0';
}

export function canSetLimitsInLauncher(arch: NodeJS.Architecture = process.arch, platform: NodeJS.Platform = process.platform): boolean {
  return platform === 'linux' && syscallTable[arch] !== undefined;
}

/** Linux resource numbers (the same on x86-64 and arm64). */
export const rlimitResource = { cpu: 0, fsize: 1, core: 4, nproc: 6, nofile: 7, as: 9 } as const;

export type LauncherLimit = { resource: number; soft: number | 'unlimited'; hard: number | 'unlimited' };

export type LauncherOptions = {
  /** True when the launcher is PID 1 of the run's own PID namespace. */
  pidNamespace: boolean;
  /** How long the program gets between SIGTERM and SIGKILL when the run is stopped. */
  graceMs: number;
  /** Limits the launcher sets on the program before exec (empty when a prlimit binary in front sets them). */
  limits: readonly LauncherLimit[];
  syscalls: string;
  /** Resident memory of all the run's processes together, in KiB, past which the launcher ends the run (0: none). */
  totalMemoryKb: number;
  /** Memory-backed (tmpfs) folders whose files count against totalMemoryKb too, as the launcher sees them. */
  memoryFolders: readonly string[];
};

export function launcherArgs(options: LauncherOptions, command: readonly string[]): string[] {
  // Plain positional numbers (no separators to split): a regex costs the launcher compile time on every run.
  const limits = options.limits.flatMap((l) => [l.resource, l.soft === 'unlimited' ? -1 : l.soft, l.hard === 'unlimited' ? -1 : l.hard].map(String));
  return [
    '-e',
    launcherScript,
    '--',
    options.pidNamespace ? '1' : '0',
    String(options.graceMs),
    String(Math.max(0, Math.floor(options.totalMemoryKb))),
    ...options.syscalls.split(','),
    String(options.limits.length),
    ...limits,
    String(options.memoryFolders.length),
    ...options.memoryFolders,
    ...command,
  ];
}

/** What the launcher reports on descriptor 3 when it is done. */
export type LauncherReport =
  | {
      started: true;
      exitCode: number | null;
      signal: number | null;
      userUs: number | null;
      systemUs: number | null;
      maxRssKb: number | null;
      leftovers: number;
      /** True when the launcher ended the run because its processes together passed the memory limit. */
      overMemory: boolean;
    }
  | { started: false; error: string };

/** Parses the report line; null when there is none (the launcher itself was killed). Trusts nothing it reads. */
export function parseLauncherReport(text: string): LauncherReport | null {
  const line = text.split('\n').find((l) => l.startsWith('ARK1 '));
  if (!line) return null;
  const failed = /^ARK1 started=0 error=(.{0,500})$/.exec(line);
  if (failed) return { started: false, error: failed[1] ?? 'unknown error' };
  const ok = /^ARK1 started=1 exit=(-?\d{1,3}) signal=(\d{1,2}) utime_us=(-?\d{1,15}) stime_us=(-?\d{1,15}) maxrss_kb=(-?\d{1,12}) leftovers=(\d{1,7}) memory=([01])$/.exec(line);
  if (!ok) return null;
  const [, exit, signal, user, system, rss, leftovers, memory] = ok.map(Number) as [number, number, number, number, number, number, number, number];
  const known = (n: number) => (n >= 0 ? n : null);
  return {
    started: true,
    exitCode: signal > 0 ? null : exit,
    signal: signal > 0 ? signal : null,
    userUs: known(user),
    systemUs: known(system),
    maxRssKb: known(rss),
    leftovers,
    overMemory: memory === 1,
  };
}

// The script. Kept free of "${" so it can live in a template literal; every syscall number comes from Node. Perl
// compiles ~12 µs per line and every run pays for it, so code most runs never reach (walking /proc, the memory watch,
// the slow way to close descriptors) is kept as a string and compiled only when first needed.
// Signals: TERM (stop the run: TERM to the program's group, then after the grace SIGKILL to everything), INT and
// WINCH (forwarded to the program's group: Ctrl+C and terminal resize). As PID 1 it receives only signals it handles.
export const launcherScript = String.raw`
my ($ns, $grace_ms, $memory_kb, $SYS_wait4, $SYS_prctl, $SYS_setrlimit, $SYS_close_range, $SYS_setitimer, $SYS_setsid, $SYS_statfs, $limit_count) = splice(@ARGV, 0, 11);
my @limits = splice(@ARGV, 0, 3 * $limit_count);
my @memory_folders = splice(@ARGV, 0, shift(@ARGV));
my @cmd = @ARGV;
my $report;
open($report, '>&=', 3) or undef $report;
sub sc { my $n = shift; return -1 unless $n; return syscall($n, @_); }
sub say_report { return unless $report; syswrite($report, $_[0] . "\n"); }
my $rare_loaded = 0;
my $rare = <<'RARE';
sub descendants {
  my %kids;
  opendir(my $d, '/proc') or return ();
  for my $p (grep { /^\d+$/ } readdir($d)) {
    open(my $f, '<', "/proc/$p/stat") or next;
    my $line = <$f>;
    close($f);
    next unless defined $line;
    my @f = split(/ /, substr($line, rindex($line, ')') + 2));
    next if $f[0] eq 'Z' || $f[0] eq 'X';
    push @{$kids{$f[1]}}, $p;
  }
  closedir($d);
  my @out;
  my @queue = ($$);
  while (@queue) { my $x = shift @queue; for my $c (@{$kids{$x} || []}) { push @out, $c; push @queue, $c; } }
  return @out;
}
sub resident_kb {
  my $total = 0;
  my @pids;
  if ($ns eq '1' && $$ == 1) {
    opendir(my $d, '/proc') or return 0;
    @pids = grep { /^\d+$/ && $_ != 1 } readdir($d);
    closedir($d);
  } else {
    @pids = descendants();
  }
  for my $p (@pids) {
    open(my $f, '<', "/proc/$p/status") or next;
    while (my $line = <$f>) { if ($line =~ /^VmRSS:\s+(\d+)/) { $total += $1; last; } }
    close($f);
  }
  return $total;
}
sub folders_kb {
  my $total = 0;
  for my $folder (@memory_folders) {
    my $buf = "\0" x 128;
    next unless sc($SYS_statfs, $folder, $buf) == 0;
    my (undef, $bsize, $blocks, $bfree, undef, $files, $ffree) = unpack('q7', $buf);
    $total += int(($blocks - $bfree) * $bsize / 1024) + 2 * ($files - $ffree);
  }
  return $total;
}
my $unix_socket_kb;
sub sockets_kb {
  if (!defined $unix_socket_kb) {
    my $default = 212992;
    if (open(my $f, '<', '/proc/sys/net/core/wmem_default')) { my $v = <$f>; close($f); $default = $1 if defined $v && $v =~ /^(\d+)/; }
    $unix_socket_kb = int(2 * $default / 1024);
  }
  my $kb = 0;
  if (open(my $f, '<', '/proc/net/unix')) { my $n = -1; $n++ while <$f>; close($f); $kb += $n * $unix_socket_kb if $n > 0; }
  for my $table (qw(tcp tcp6 udp udp6)) {
    open(my $f, '<', "/proc/net/$table") or next;
    while (my $line = <$f>) { $kb += 2 * (hex($1) + hex($2)) / 1024 if $line =~ /^\s*\d+:\s+\S+\s+\S+\s+\S+\s+([0-9A-Fa-f]+):([0-9A-Fa-f]+)/; }
    close($f);
  }
  return int($kb);
}
sub close_others {
  my $keep = shift;
  opendir(my $fds, '/proc/self/fd') or return;
  my @open = grep { /^\d+$/ && $_ > 2 && $_ != $keep } readdir($fds);
  closedir($fds);
  for my $fd (@open) {
    my $h;
    if (open($h, '<&=', $fd) || open($h, '>&=', $fd)) { close($h); }
  }
}
1;
RARE
sub rare { return if $rare_loaded; $rare_loaded = 1; eval($rare) or die $@; }
sc($SYS_prctl, 4, 0, 0, 0, 0);
if ($ns ne '1') {
  sc($SYS_prctl, 36, 1, 0, 0, 0);
  sc($SYS_prctl, 1, 15, 0, 0, 0);
}
my $parent = getppid();
my ($terminate, @forward) = (0);
$SIG{TERM} = sub { $terminate = 1 };
$SIG{HUP} = sub { $terminate = 1 };
$SIG{INT} = sub { push @forward, 'INT' };
$SIG{WINCH} = sub { push @forward, 'WINCH' };
my $ticks = 0;
$SIG{ALRM} = sub { $ticks++ };
$SIG{PIPE} = 'IGNORE';
pipe(my $status_r, my $status_w) or do { say_report('ARK1 started=0 error=pipe: ' . $!); exit 127; };
my $pid = fork();
if (!defined $pid) { say_report('ARK1 started=0 error=fork: ' . $!); exit 127; }
if ($pid == 0) {
  $SIG{$_} = 'DEFAULT' for qw(TERM HUP INT WINCH ALRM PIPE);
  delete $ENV{LC_ALL};
  sc($SYS_prctl, 38, 1, 0, 0, 0) == 0 or ($SYS_prctl == 0) or do { syswrite($status_w, "no_new_privs: $!"); exit 127; };
  close($status_r);
  sc($SYS_setsid) > 0 or setpgrp(0, 0);
  while (@limits) {
    my ($res, $soft, $hard) = splice(@limits, 0, 3);
    if (sc($SYS_setrlimit, $res + 0, pack('QQ', $soft < 0 ? ~0 : $soft, $hard < 0 ? ~0 : $hard)) != 0) { syswrite($status_w, "setrlimit $res: $!"); exit 127; }
  }
  if (sc($SYS_close_range, 3, ~0, 4) != 0) { rare(); close_others(fileno($status_w)); }
  exec { $cmd[0] } @cmd;
  syswrite($status_w, "cannot run $cmd[0]: $!");
  exit 127;
}
close($status_w);
my $exec_error = '';
while (1) { my $n = sysread($status_r, my $buf, 512); last if !defined($n) && $! + 0 != 4; last if defined($n) && $n == 0; $exec_error .= $buf if defined $n; }
close($status_r);
if ($exec_error ne '') { waitpid($pid, 0); $exec_error =~ tr/\r\n/  /; say_report('ARK1 started=0 error=' . $exec_error); exit 127; }
sc($SYS_setitimer, 0, pack('q4', 0, 100000, 0, 100000), 0) == 0 or alarm(1);
sub kill_rest {
  if ($ns eq '1' && $$ == 1) { kill('KILL', -1); return; }
  kill('KILL', -$pid);
  rare();
  for (1 .. 50) { my @d = descendants(); last unless @d; kill('KILL', @d); select(undef, undef, undef, 0.005); }
}
my ($user_us, $system_us, $maxrss, $leftovers, $over_memory, $seen_ticks) = (0, 0, 0, 0, 0, 0);
my $memory_every = ($ns eq '1') ? 1 : 3;
my ($main_status, $term_ticks, $term_sent) = (undef, 0, 0);
my $measured = $SYS_wait4 ? 1 : 0;
my $st = "\0" x 4;
my $ru = "\0" x 256;
while (1) {
  if (!defined $main_status) {
    while (@forward) { kill(shift(@forward), -$pid); }
    $terminate = 1 if $ns ne '1' && getppid() != $parent;
    if ($terminate && !$term_sent) { kill('TERM', -$pid); $term_sent = 1; }
    if ($term_sent && $term_ticks * 20 >= $grace_ms) { kill_rest(); }
    if ($memory_kb > 0 && $ticks - $seen_ticks >= $memory_every) {
      $seen_ticks = $ticks;
      rare();
      if (resident_kb() + folders_kb() + ($ns eq '1' ? sockets_kb() : 0) > $memory_kb) { $over_memory = 1; kill_rest(); }
    }
  }
  my $waiting = $term_sent && !defined $main_status;
  my $got;
  if ($measured) { $got = syscall($SYS_wait4, -1, $st, $waiting ? 1 : 0, $ru); }
  else { $got = waitpid(-1, $waiting ? 1 : 0); $st = pack('l', $?) if $got > 0; }
  if ($got > 0) {
    if ($measured) {
      my ($us, $uus, $ss, $sus, $rss) = unpack('q5', $ru);
      $user_us += $us * 1000000 + $uus;
      $system_us += $ss * 1000000 + $sus;
      $maxrss = $rss if $rss > $maxrss;
    }
    if ($got == $pid) { $main_status = unpack('l', $st); kill_rest(); }
    elsif (defined $main_status) { $leftovers++; }
    next;
  }
  if ($got == 0) { $term_ticks++; select(undef, undef, undef, 0.02); next; }
  next if $! + 0 == 4;
  last;
}
if (!$measured) { my @t = times(); ($user_us, $system_us, $maxrss) = (int($t[2] * 1000000), int($t[3] * 1000000), -1); }
$main_status = 0 unless defined $main_status;
my $signal = $main_status & 127;
my $code = ($main_status >> 8) & 255;
say_report("ARK1 started=1 exit=" . ($signal ? -1 : $code) . " signal=$signal utime_us=$user_us stime_us=$system_us maxrss_kb=$maxrss leftovers=$leftovers memory=$over_memory");
exit($signal ? 128 + $signal : $code);
`;
