// Validator speed over the Python standard library: time per file, warm time for a ~300-line file, ms/KLOC, and how
// many stdlib files each tier would block, and which rules block them. Run: npx tsx bench/validate.ts [--write]
// (--write records the figures docs/rules.md quotes in src/main/validator/benchmarkFigures.json; then regenerate the
// doc with npx tsx scripts/rules-doc.ts). The results go under `## Validation` in docs/performance.md.
// --warm-only [--warmup N] repeats just the warm figure, after N warm-up runs instead of 50 (to see how the figure
// moves as V8 optimises the analyzer and the WebAssembly; docs/performance.md).
// --reports FILE [--every N] writes the report of every Nth stdlib file at the sandbox and trusted tiers (one JSON line
// each, without the duration) and nothing else: run it on two commits and compare the files (cmp) to show that a speed
// change left every verdict and finding as it was.
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { Tier } from '../src/shared/domain';
import { createParser } from '../src/main/parsing/treeSitter';
import { percentile as nearestRank } from '../src/main/percentile';
import { createValidator } from '../src/main/validator';
import { createFindingCollector } from '../src/main/validator/findings';
import { defaultPolicies } from '../src/main/validator/policies';
import { analyzePython } from '../src/main/validator/python/pythonAnalyzer';
import { createRuffRunner } from '../src/main/validator/ruff';
import { readSyntaxTree, type SyntaxNode } from '../src/main/validator/syntaxTree';
import { pythonFiles, pythonVersion, stdlibPath } from './stdlib';

const tiers: Tier[] = ['sandbox', 'testing', 'trusted', 'core'];

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
const percentile = (sorted: number[], fraction: number): number => nearestRank(sorted, fraction) ?? 0;

type Validator = ReturnType<typeof createValidator>;

/** Median and 95th percentile, in ms. */
type Spread = { median: number; p95: number };
/** One measured step: wall-clock and CPU time per run. */
type Timing = { wall: Spread; cpu: Spread };

function spread(samples: number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: round(percentile(sorted, 0.5)), p95: round(percentile(sorted, 0.95)) };
}

/**
 * CPU time of this process (user + system) in ms. It includes V8's background threads — GC helpers, and the compiler
 * that re-optimises Ruff's WebAssembly for seconds after its first use — so a step can show more CPU than wall time.
 * (Linux's per-thread /proc/thread-self/schedstat would leave them out, but it is only brought up to date at scheduler
 * ticks, too coarse for steps of a few ms.)
 */
function processCpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

const defaultWarmupRuns = 50;
const measuredRuns = 100;
const warmTargetMs = 20;

/**
 * The ~300-line stdlib file, validated warm: the full validator (what the editor gets) and, separately, its steps —
 * parse (tree-sitter, and copying the tree into plain objects), our rules, Ruff. Each run does every step once, so load
 * spikes hit all of them alike. The first runs are skipped: V8 needs a few dozen runs of the analyzer before it is
 * optimised (the first 40 run 3–8× slower), which a live editor leaves behind in a minute. CPU time (see processCpuMs)
 * is reported beside wall time because the build machine's two cores are shared: wall time there includes waiting for
 * a core, CPU time is what the validation itself costs.
 */
async function warmFigures(root: string, files: string[], validator: Validator, warmupRuns = defaultWarmupRuns) {
  const candidates = files.map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length }));
  const sample = candidates.reduce((best, entry) => (Math.abs(entry.lines - 300) < Math.abs(best.lines - 300) ? entry : best));
  const code = readFileSync(sample.file, 'utf8');
  const parser = await createParser('python');
  const ruff = createRuffRunner('py313');
  const policy = defaultPolicies.get('sandbox');
  const parseTree = (source: string): SyntaxNode => {
    const tree = parser.parse(source);
    if (!tree) throw new Error('tree-sitter returned no tree');
    try {
      return readSyntaxTree(tree, source);
    } finally {
      tree.delete();
    }
  };
  const steps = ['parse', 'ourRules', 'ruff', 'total'] as const;
  const wall: Record<(typeof steps)[number], number[]> = { parse: [], ourRules: [], ruff: [], total: [] };
  const cpu: Record<(typeof steps)[number], number[]> = { parse: [], ourRules: [], ruff: [], total: [] };
  const time = async <T>(step: (typeof steps)[number], record: boolean, work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const cpuStarted = processCpuMs();
    const result = await work();
    if (record) {
      cpu[step].push(processCpuMs() - cpuStarted);
      wall[step].push(performance.now() - started);
    }
    return result;
  };
  for (let run = 0; run < warmupRuns + measuredRuns; run += 1) {
    const record = run >= warmupRuns;
    const tree = await time('parse', record, () => parseTree(code));
    await time('ourRules', record, () => analyzePython(tree, { policy, findings: createFindingCollector(code, policy), parseEmbedded: parseTree }));
    await time('ruff', record, () => ruff.check(code));
    await time('total', record, () => validator.validate({ code, language: 'python', tier: 'sandbox' }));
  }
  const timings = Object.fromEntries(steps.map((step) => [step, { wall: spread(wall[step]), cpu: spread(cpu[step]) }])) as Record<(typeof steps)[number], Timing>;
  return { file: sample.file.slice(root.length + 1), lines: sample.lines, warmupRuns, runs: measuredRuns, ...timings };
}

function describeWarm(warm: Awaited<ReturnType<typeof warmFigures>>): string {
  const row = (label: string, timing: Timing) =>
    `  ${label.padEnd(10)} wall median ${timing.wall.median.toFixed(2).padStart(6)} ms, p95 ${timing.wall.p95.toFixed(2).padStart(6)} ms | CPU median ${timing.cpu.median.toFixed(2).padStart(6)} ms, p95 ${timing.cpu.p95.toFixed(2).padStart(6)} ms`;
  const verdict = (label: string, ms: number) => `${label} ${ms.toFixed(1)} ms: ${ms < warmTargetMs ? 'under' : 'OVER'} the ${warmTargetMs} ms target`;
  return [
    `warm ${warm.lines}-line file (${warm.file}), ${warm.runs} runs after ${warm.warmupRuns} warm-up runs:`,
    row('parse', warm.parse),
    row('our rules', warm.ourRules),
    row('Ruff', warm.ruff),
    row('total', warm.total),
    `  verdict: ${verdict('median wall', warm.total.wall.median)}; ${verdict('median CPU', warm.total.cpu.median)} (load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}; on a shared machine wall time includes waiting for a core)`,
  ].join('\n');
}

/** The value after `flag` on the command line, if the flag is there. */
function option(flag: string): string | undefined {
  const index = process.argv.indexOf(flag);
  if (index < 0) return undefined;
  const value = process.argv[index + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value.`);
  return value;
}

async function writeReports(root: string, files: string[], validator: Validator, outFile: string, every: number): Promise<void> {
  const lines: string[] = [];
  const sample = files.filter((_, index) => index % every === 0);
  for (const file of sample) {
    const code = readFileSync(file, 'utf8');
    for (const tier of ['sandbox', 'trusted'] as const) {
      const { durationMs: _duration, ...report } = await validator.validate({ code, language: 'python', tier, filename: file });
      lines.push(JSON.stringify({ file: file.slice(root.length + 1), ...report }));
    }
  }
  writeFileSync(outFile, `${lines.join('\n')}\n`);
  const findings = lines.reduce((sum, line) => sum + (JSON.parse(line) as { findings: unknown[] }).findings.length, 0);
  console.log(`wrote ${lines.length} reports (${sample.length} files × 2 tiers, ${findings} findings) to ${outFile}`);
}

async function main(): Promise<void> {
  const write = process.argv.includes('--write');
  const root = stdlibPath();
  const files = pythonFiles(root);
  const validator = createValidator();
  const reportsFile = option('--reports');
  if (reportsFile) {
    const every = Number(option('--every') ?? '1');
    if (!Number.isInteger(every) || every < 1) throw new Error('--every needs a whole number of at least 1.');
    await writeReports(root, files, validator, reportsFile, every);
    return;
  }
  await validator.validate({ code: 'x = 1\n', language: 'python', tier: 'sandbox' });
  // --warm-only: just the warm 300-line figure (quick to repeat on a quiet machine); records nothing.
  if (process.argv.includes('--warm-only')) {
    const warmupRuns = Number(option('--warmup') ?? defaultWarmupRuns);
    if (!Number.isInteger(warmupRuns) || warmupRuns < 0) throw new Error('--warmup needs a whole number.');
    console.log(describeWarm(await warmFigures(root, files, validator, warmupRuns)));
    return;
  }

  const times: number[] = [];
  const blocked: Record<Tier, number> = { sandbox: 0, testing: 0, trusted: 0, core: 0 };
  const failures: string[] = [];
  // Per tier: how many files each rule blocks (a file blocked by two rules counts for both).
  const blockingRules: Record<Tier, Map<string, number>> = { sandbox: new Map(), testing: new Map(), trusted: new Map(), core: new Map() };
  let lines = 0;
  let totalMs = 0;
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    lines += code.split('\n').length;
    for (const tier of tiers) {
      const report = await validator.validate({ code, language: 'python', tier, filename: file });
      if (tier === 'sandbox') {
        times.push(report.durationMs);
        totalMs += report.durationMs;
      }
      if (report.blocked) blocked[tier] += 1;
      for (const ruleId of new Set(report.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.ruleId))) {
        blockingRules[tier].set(ruleId, (blockingRules[tier].get(ruleId) ?? 0) + 1);
      }
      if (report.findings.some((finding) => finding.ruleId === 'validator.failure')) failures.push(file);
    }
  }

  const warmSample = await warmFigures(root, files, validator);
  times.sort((a, b) => a - b);

  const figures = {
    machine: `${os.cpus().length} cores, Node ${process.versions.node}, Python ${pythonVersion()}`,
    files: files.length,
    lines,
    p50Ms: round(percentile(times, 0.5)),
    p95Ms: round(percentile(times, 0.95)),
    maxMs: round(times[times.length - 1] ?? 0),
    msPerKloc: round(totalMs / (lines / 1000)),
    warmSample,
    loadAverage: os.loadavg().map((load) => round(load, 1)),
    blocked,
    failures: failures.length,
    topBlockingRules: Object.fromEntries(
      tiers.map((tier) => [tier, [...blockingRules[tier]].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([rule, count]) => `${rule} ${count}`)]),
    ),
  };
  console.log(`Python standard library at ${root}: ${figures.files} files, ${figures.lines} lines (${figures.machine})`);
  console.log(`per file (sandbox tier, Ruff included): p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms, max ${figures.maxMs} ms`);
  console.log(`throughput: ${figures.msPerKloc} ms/KLOC`);
  console.log(describeWarm(warmSample));
  console.log(`load average at the end: ${figures.loadAverage.join(' ')} (other work on the machine inflates every figure)`);
  console.log(`files blocked: ${tiers.map((tier) => `${tier} ${blocked[tier]}`).join(', ')} of ${figures.files}`);
  for (const tier of tiers) console.log(`  ${tier} blocked by: ${figures.topBlockingRules[tier]?.join(', ')}`);
  console.log(`analysis failures (fail-closed findings): ${figures.failures}${failures.length ? ` — ${failures.slice(0, 5).join(', ')}` : ''}`);
  if (write) {
    // From the repository's root (as run above): the bundled bench lives in out/bench, where __dirname points elsewhere.
    writeFileSync(join(process.cwd(), 'src', 'main', 'validator', 'benchmarkFigures.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log('wrote src/main/validator/benchmarkFigures.json');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
