// Quality analysis over the Python standard library: (1) agreement of our per-function cyclomatic complexity with
// Ruff's C901 (mccabe) numbers — Ruff run with max-complexity 0, so it reports every function — listing every
// mismatch; (2) time per file of the analysis without pyright (tree-sitter metrics, Ruff lint and format check);
// (3) pyright on its own, per file, on an evenly spaced sample: cold (the CLI, one Node process per file, as the
// analyzer used to run it) against warm (the one long-lived language server the analyzer now keeps), wall and CPU time;
// (4) the generation pipeline's quality stage (analyzer with pyright's server) over repeated runs: its p50.
// Run: npx tsx bench/quality.ts [--pyright-sample N] [--pipeline-runs N] [--limit N] [--agreement-only]
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createRuffWorkspace, ruffVersion, type RuffDiagnostic } from '../src/main/parsing/ruffWasm';
import { createQualityAnalyzer } from '../src/main/quality';
import { measureCode } from '../src/main/quality/metrics';
import { pyrightCliPath, runPyright } from '../src/main/quality/pyright';
import { createPyrightServer, pyrightServerPath } from '../src/main/quality/pyrightServer';
import { createPipelineHarness } from '../src/main/pipeline/testing';
import type { Spec } from '../src/shared/spec';
import { pythonFiles, pythonVersion, stdlibPath } from './stdlib';

function numberOption(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

// CPU seconds from /proc (Linux): a live process's own user+system time, or what this process's waited-for children
// used (the CLI runs). Wall time on a shared machine mostly measures the neighbours; CPU time measures the work.
const clockTicks = 100;
function procCpuSeconds(pid: number | 'self', children = false): number | null {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return null;
  const fields = readFileSync(file, 'utf8').replace(/^.*\) /s, '').split(' ').map(Number);
  // After the command name: utime, stime, cutime, cstime are fields 14–17 of stat, i.e. 11–14 here (0-based).
  const [utime, stime, cutime, cstime] = fields.slice(11, 15) as [number, number, number, number];
  return (children ? cutime + cstime : utime + stime) / clockTicks;
}
const c901Message = /^`(.+)` is too complex \((\d+) > 0\)$/;

async function main(): Promise<void> {
  const root = stdlibPath();
  const files = pythonFiles(root).slice(0, numberOption('limit', Infinity));
  const pyrightSample = numberOption('pyright-sample', 20);
  console.log(`Python ${pythonVersion()} standard library at ${root}: ${files.length} files; ${os.cpus().length} cores, Node ${process.versions.node}, Ruff ${ruffVersion()}, load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);

  // (1) Agreement with Ruff's C901.
  const mccabe = createRuffWorkspace({ 'target-version': 'py313', lint: { select: ['C901'], mccabe: { 'max-complexity': 0 } } });
  let ruffFunctions = 0;
  let equal = 0;
  let unmatched = 0;
  const mismatches: string[] = [];
  const unreadable: string[] = [];
  let lines = 0;
  const texts = new Map<string, string>();
  for (const file of files) {
    let code: string;
    try {
      code = readFileSync(file, 'utf8');
    } catch {
      unreadable.push(file);
      continue;
    }
    texts.set(file, code);
    lines += code.split('\n').length;
    const ours = (await measureCode(code, 'python', file)).functions;
    const byLine = new Map<string, number>();
    for (const fn of ours) byLine.set(`${fn.line}:${fn.name}`, fn.cyclomatic);
    for (const diagnostic of mccabe.check(code) as RuffDiagnostic[]) {
      const match = diagnostic.code === 'C901' ? c901Message.exec(diagnostic.message) : null;
      if (!match) continue;
      ruffFunctions += 1;
      const [, name, complexity] = match;
      const mine = byLine.get(`${diagnostic.start_location.row}:${name}`);
      const where = `${file.slice(root.length + 1)}:${diagnostic.start_location.row} ${name}`;
      if (mine === undefined) {
        unmatched += 1;
        mismatches.push(`${where}: Ruff ${complexity}, not found by us`);
      } else if (mine === Number(complexity)) equal += 1;
      else mismatches.push(`${where}: Ruff ${complexity}, ours ${mine}`);
    }
  }
  console.log(`\nCyclomatic complexity vs Ruff C901: ${equal} / ${ruffFunctions} functions equal (${round((equal / Math.max(1, ruffFunctions)) * 100, 3)}%), ${unmatched} not found, ${lines} lines`);
  for (const line of mismatches.slice(0, 50)) console.log(`  mismatch ${line}`);
  if (mismatches.length > 50) console.log(`  … and ${mismatches.length - 50} more`);
  if (unreadable.length) console.log(`  unreadable (not UTF-8): ${unreadable.length} — ${unreadable.slice(0, 5).join(', ')}`);

  if (process.argv.includes('--agreement-only')) return;

  // (2) The analysis without pyright or the optional tools, per file, warm.
  const analyzer = createQualityAnalyzer({ pyrightServerPath: null, optionalTools: { pylint: null, mypy: null } });
  await analyzer.analyze({ code: 'x = 1\n', language: 'python' });
  const times: number[] = [];
  let totalMs = 0;
  let slowest = { file: '', ms: 0 };
  const scores: number[] = [];
  const stageMs = { metrics: 0, ruff: 0 };
  for (const [file, code] of texts) {
    const started = performance.now();
    const report = await analyzer.analyze({ code, language: 'python', filename: file });
    const ms = performance.now() - started;
    times.push(ms);
    totalMs += ms;
    scores.push(report.score);
    stageMs.metrics += report.tools.find((tool) => tool.name === 'tree-sitter')?.durationMs ?? 0;
    stageMs.ruff += report.tools.find((tool) => tool.name === 'ruff')?.durationMs ?? 0;
    if (ms > slowest.ms) slowest = { file: file.slice(root.length + 1), ms };
  }
  times.sort((a, b) => a - b);
  scores.sort((a, b) => a - b);
  console.log(`\nAnalysis without pyright (metrics + Ruff lint + format check), ${times.length} files:`);
  console.log(`  per file p50 ${round(percentile(times, 0.5))} ms, p95 ${round(percentile(times, 0.95))} ms, max ${round(slowest.ms)} ms (${slowest.file})`);
  console.log(`  total ${round(totalMs / 1000, 2)} s, ${round(totalMs / (lines / 1000), 2)} ms/KLOC: tree-sitter metrics ${round(stageMs.metrics / 1000, 2)} s, Ruff lint + format ${round(stageMs.ruff / 1000, 2)} s`);
  console.log(`  scores (pyright not counted): p5 ${percentile(scores, 0.05)}, median ${percentile(scores, 0.5)}, p95 ${percentile(scores, 0.95)}`);

  // (3) pyright alone, on an evenly spaced sample: cold CLI runs against one warm language server.
  const cliPath = pyrightCliPath();
  const serverPath = pyrightServerPath();
  if (!cliPath || !serverPath || pyrightSample <= 0) {
    console.log('\npyright: not measured (package missing or --pyright-sample 0)');
  } else {
    const entries = [...texts.entries()];
    const step = Math.max(1, Math.floor(entries.length / pyrightSample));
    const sample = entries.filter((_entry, index) => index % step === 0).slice(0, pyrightSample);

    const cliTimes: number[] = [];
    let cliFailures = 0;
    const cliCpuBefore = procCpuSeconds('self', true);
    for (const [file, code] of sample) {
      const started = performance.now();
      try {
        await runPyright(code, { cliPath, filename: file, timeoutMs: 120_000 });
      } catch {
        cliFailures += 1;
      }
      cliTimes.push(performance.now() - started);
    }
    const cliCpu = cliCpuBefore === null ? null : procCpuSeconds('self', true)! - cliCpuBefore;

    const server = createPyrightServer({ serverPath });
    const coldStarted = performance.now();
    await server.check('x: int = 1\n', { timeoutMs: 120_000 });
    const coldMs = performance.now() - coldStarted;
    const serverPid = server.pid()!;
    const serverCpuBefore = procCpuSeconds(serverPid);
    const warmTimes: number[] = [];
    let warmFailures = 0;
    for (const [file, code] of sample) {
      const started = performance.now();
      try {
        await server.check(code, { filename: file, timeoutMs: 120_000 });
      } catch {
        warmFailures += 1;
      }
      warmTimes.push(performance.now() - started);
    }
    const serverCpu = serverCpuBefore === null ? null : procCpuSeconds(serverPid)! - serverCpuBefore;
    const restarted = server.pid() !== serverPid;
    await server.close();

    const summary = (times: number[]) => {
      const sorted = [...times].sort((a, b) => a - b);
      return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), total: times.reduce((sum, ms) => sum + ms, 0) };
    };
    const cli = summary(cliTimes);
    const warm = summary(warmTimes);
    console.log(`\npyright per file, sample of ${sample.length} (same files, same order):`);
    console.log(`  cold, CLI (one Node process per file): p50 ${round(cli.p50)} ms, p95 ${round(cli.p95)} ms, total ${round(cli.total / 1000, 2)} s, CPU ${cliCpu === null ? 'n/a' : `${round(cliCpu, 2)} s`}, failures ${cliFailures}`);
    console.log(`  language server start + first check (x: int = 1): ${round(coldMs)} ms`);
    console.log(`  warm, one language server: p50 ${round(warm.p50)} ms, p95 ${round(warm.p95)} ms, total ${round(warm.total / 1000, 2)} s, server CPU ${serverCpu === null ? 'n/a' : `${round(serverCpu, 2)} s`}, failures ${warmFailures}${restarted ? ' (the server restarted)' : ''}`);
    console.log(`  warm vs cold: p50 ${round(cli.p50 / Math.max(warm.p50, 0.001))}× faster, total wall ${round(cli.total / Math.max(warm.total, 0.001))}×${cliCpu !== null && serverCpu !== null ? `, CPU ${round(cliCpu / Math.max(serverCpu, 0.001))}×` : ''}`);
    console.log(`  projected for all ${entries.length} files one by one, warm: ${round(((warm.total / sample.length) * entries.length) / 60_000, 1)} min (cold CLI: ${round(((cli.total / sample.length) * entries.length) / 60_000, 1)} min)`);
  }

  // (4) The pipeline's quality stage: the analyzer (metrics, Ruff, pyright's warm server) on each generated version.
  const pipelineRuns = numberOption('pipeline-runs', 12);
  if (pipelineRuns > 0) await pipelineQualityStage(pipelineRuns);
  console.log(`\nload average at the end ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);
}

/** Leap-year specs with hand-written bodies: the run's body, validation and tests are quick and always the same. */
async function pipelineQualityStage(runs: number): Promise<void> {
  const harness = createPipelineHarness({ quality: true });
  try {
    const spec: Spec = {
      name: 'is_leap',
      language: 'python',
      description: 'Return True if the year is a leap year in the Gregorian calendar.',
      parameters: [{ name: 'year', type: 'int' }],
      returns: { type: 'bool' },
      examples: [
        { args: [2000], expected: true },
        { args: [1900], expected: false },
      ],
      constraints: [],
      tier: 'sandbox',
    };
    const bodies = ['return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)', 'if year % 400 == 0:\n    return True\nif year % 100 == 0:\n    return False\nreturn year % 4 == 0'];
    const stageMs: number[] = [];
    const totalMs: number[] = [];
    let first: { stage: number; total: number } | null = null;
    const scores = new Set<number>();
    for (let run = 0; run <= runs; run += 1) {
      const result = await harness.pipeline.run({ spec, body: bodies[run % bodies.length]! });
      const stage = result.stages.find((record) => record.stage === 'quality')?.durationMs ?? 0;
      if (result.quality?.analysis) scores.add(result.quality.analysis.score);
      else throw new Error(`the quality stage did not assess run ${run}: ${result.stages.at(-1)?.summary ?? ''}`);
      if (run === 0) first = { stage, total: result.durationMs };
      else {
        stageMs.push(stage);
        totalMs.push(result.durationMs);
      }
    }
    stageMs.sort((a, b) => a - b);
    totalMs.sort((a, b) => a - b);
    const p50 = percentile(stageMs, 0.5);
    const totalP50 = percentile(totalMs, 0.5);
    console.log(`\nPipeline quality stage (analyzer with pyright's server), ${runs} runs after a first one:`);
    console.log(`  first run: stage ${round(first!.stage)} ms of ${first!.total} ms (the server warmed up during the run)`);
    console.log(`  stage p50 ${round(p50)} ms, p95 ${round(percentile(stageMs, 0.95))} ms; whole run p50 ${round(totalP50)} ms (stage ${round((p50 / Math.max(totalP50, 1)) * 100)}% of it); scores ${[...scores].join(', ')}`);
  } finally {
    await harness.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
