// Quality analysis over the Python standard library: (1) agreement of our per-function cyclomatic complexity with
// Ruff's C901 (mccabe) numbers — Ruff run with max-complexity 0, so it reports every function — listing every
// mismatch; (2) time per file of the analysis without pyright (tree-sitter metrics, Ruff lint and format check);
// (3) pyright on its own, per file, on an evenly spaced sample (it starts a Node process per report).
// Run: npx tsx bench/quality.ts [--pyright-sample N] [--limit N] [--agreement-only]
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRuffWorkspace, ruffVersion, type RuffDiagnostic } from '../src/main/parsing/ruffWasm';
import { createQualityAnalyzer } from '../src/main/quality';
import { measureCode } from '../src/main/quality/metrics';
import { pyrightCliPath, runPyright } from '../src/main/quality/pyright';

function stdlibPath(): string {
  return execFileSync('python3', ['-c', "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: 'utf8' }).trim();
}

function pythonVersion(): string {
  return execFileSync('python3', ['-c', 'import platform; print(platform.python_version())'], { encoding: 'utf8' }).trim();
}

function pythonFiles(root: string): string[] {
  const out: string[] = [];
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder)) {
      if (entry === 'site-packages' || entry === 'dist-packages' || entry === '__pycache__') continue;
      const path = join(folder, entry);
      const stats = statSync(path);
      if (stats.isDirectory()) visit(path);
      else if (entry.endsWith('.py')) out.push(path);
    }
  };
  visit(root);
  return out.sort();
}

function numberOption(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

const round = (value: number, digits = 1): number => Number(value.toFixed(digits));
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
  const analyzer = createQualityAnalyzer({ pyrightCliPath: null, optionalTools: { pylint: null, mypy: null } });
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

  // (3) pyright alone, on an evenly spaced sample.
  const cliPath = pyrightCliPath();
  if (!cliPath || pyrightSample <= 0) {
    console.log('\npyright: not measured (package missing or --pyright-sample 0)');
    return;
  }
  const entries = [...texts.entries()];
  const step = Math.max(1, Math.floor(entries.length / pyrightSample));
  const sample = entries.filter((_entry, index) => index % step === 0).slice(0, pyrightSample);
  const pyrightTimes: number[] = [];
  let pyrightFailures = 0;
  for (const [file, code] of sample) {
    const started = performance.now();
    try {
      await runPyright(code, { cliPath, filename: file, timeoutMs: 120_000 });
    } catch {
      pyrightFailures += 1;
    }
    pyrightTimes.push(performance.now() - started);
  }
  const pyrightTotal = pyrightTimes.reduce((sum, ms) => sum + ms, 0);
  pyrightTimes.sort((a, b) => a - b);
  console.log(`\npyright per file (one process each), sample of ${sample.length}: p50 ${round(percentile(pyrightTimes, 0.5))} ms, p95 ${round(percentile(pyrightTimes, 0.95))} ms, total ${round(pyrightTotal / 1000, 2)} s, failures ${pyrightFailures}`);
  console.log(`  projected for all ${entries.length} files one by one: ${round(((pyrightTotal / sample.length) * entries.length) / 60_000, 1)} min; load average at the end ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
