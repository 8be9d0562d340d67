// Validator speed over the Python standard library: time per file, warm time for a ~300-line file, ms/KLOC, and how
// many stdlib files each tier would block. Run: npx tsx bench/validate.ts [--write] (--write records the figures
// that docs/rules.md and docs/performance-validator.md quote, in src/main/validator/benchmarkFigures.json).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { Tier } from '../src/shared/domain';
import { createValidator } from '../src/main/validator';

const tiers: Tier[] = ['sandbox', 'testing', 'trusted', 'core'];

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

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

async function main(): Promise<void> {
  const write = process.argv.includes('--write');
  const root = stdlibPath();
  const files = pythonFiles(root);
  const validator = createValidator();
  await validator.validate({ code: 'x = 1\n', language: 'python', tier: 'sandbox' });

  const times: number[] = [];
  const blocked: Record<Tier, number> = { sandbox: 0, testing: 0, trusted: 0, core: 0 };
  const failures: string[] = [];
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
      if (report.findings.some((finding) => finding.ruleId === 'validator.failure')) failures.push(file);
    }
  }

  // A warm ~300-line file: the stdlib file closest to 300 lines, validated repeatedly after a first run.
  const candidates = files.map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length }));
  const sample = candidates.reduce((best, entry) => (Math.abs(entry.lines - 300) < Math.abs(best.lines - 300) ? entry : best));
  const sampleCode = readFileSync(sample.file, 'utf8');
  const warm: number[] = [];
  for (let run = 0; run < 60; run += 1) {
    const started = performance.now();
    await validator.validate({ code: sampleCode, language: 'python', tier: 'sandbox' });
    if (run >= 10) warm.push(performance.now() - started);
  }
  warm.sort((a, b) => a - b);
  times.sort((a, b) => a - b);

  const figures = {
    machine: `${os.cpus().length} cores, Node ${process.versions.node}, Python ${pythonVersion()}`,
    files: files.length,
    lines,
    p50Ms: round(percentile(times, 0.5)),
    p95Ms: round(percentile(times, 0.95)),
    maxMs: round(times[times.length - 1] ?? 0),
    msPerKloc: round(totalMs / (lines / 1000)),
    warmSample: { file: sample.file.slice(root.length + 1), lines: sample.lines, medianMs: round(percentile(warm, 0.5)) },
    blocked,
    failures: failures.length,
  };
  console.log(`Python standard library at ${root}: ${figures.files} files, ${figures.lines} lines (${figures.machine})`);
  console.log(`per file (sandbox tier, Ruff included): p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms, max ${figures.maxMs} ms`);
  console.log(`throughput: ${figures.msPerKloc} ms/KLOC`);
  console.log(`warm ${figures.warmSample.lines}-line file (${figures.warmSample.file}): median ${figures.warmSample.medianMs} ms`);
  console.log(`files blocked: ${tiers.map((tier) => `${tier} ${blocked[tier]}`).join(', ')} of ${figures.files}`);
  console.log(`analysis failures (fail-closed findings): ${figures.failures}${failures.length ? ` — ${failures.slice(0, 5).join(', ')}` : ''}`);
  if (write) {
    writeFileSync(join(__dirname, '..', 'src', 'main', 'validator', 'benchmarkFigures.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log('wrote src/main/validator/benchmarkFigures.json');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
