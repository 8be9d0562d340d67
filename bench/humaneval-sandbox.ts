// Runs every HumanEval problem's canonical solution against its own `check` in the sandbox (isolated, limited, one
// run per problem), and asks the validator what it thinks of each solution at the sandbox and testing tiers.
// Run: npx tsx bench/humaneval-sandbox.ts [path/to/HumanEval.jsonl.gz]. The corpus is read in place, never copied.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createSandbox } from '../src/main/sandbox';
import { detectIsolation } from '../src/main/sandbox/isolation';
import { openDatabase } from '../src/main/store/db';
import { createExecutionRepo } from '../src/main/store/executionRepo';
import { createValidator } from '../src/main/validator';

type Task = { task_id: string; prompt: string; entry_point: string; canonical_solution: string; test: string };

const corpus = process.argv[2] ?? '/work/shared/corpora/humaneval/HumanEval.jsonl.gz';
const CONCURRENCY = 2;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  if (!fs.existsSync(corpus)) {
    console.warn(`SKIPPED: no HumanEval corpus at ${corpus}; pass the path to HumanEval.jsonl.gz.`);
    return;
  }
  const tasks = zlib
    .gunzipSync(fs.readFileSync(corpus))
    .toString('utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Task);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ark-humaneval-'));
  fs.chmodSync(dir, 0o711);
  const db = openDatabase(path.join(dir, 'ark.db'));
  const isolation = await detectIsolation();
  // The reference solutions are the harness here, not generated code: the run is isolated and limited as every run
  // is, and the validator's opinion of each solution is measured separately below.
  const sandbox = createSandbox({ executions: createExecutionRepo(db), validate: () => ({ blocked: false, findings: [] }), emit: () => {}, isolation, baseDir: path.join(dir, 'runs') });
  const validator = createValidator();

  const durations: number[] = [];
  const failures: string[] = [];
  let passed = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < tasks.length) {
        const task = tasks[next++] as Task;
        const program = `${task.prompt}${task.canonical_solution}\n\n${task.test}\n\ncheck(${task.entry_point})\nprint("ARK-CHECK-PASSED")\n`;
        const t0 = performance.now();
        const result = await sandbox.run({ code: program, language: 'python', tier: 'testing', limits: { timeoutMs: 30_000, cpuSeconds: 30 } });
        durations.push(performance.now() - t0);
        if (result.status === 'success' && result.stdout.includes('ARK-CHECK-PASSED')) passed += 1;
        else failures.push(`${task.task_id}: ${result.status} ${result.stderr.trim().split('\n').at(-1) ?? ''}`);
      }
    }),
  );
  const wallMs = performance.now() - started;

  const blocked = { sandbox: 0, testing: 0 };
  const validateStart = performance.now();
  for (const task of tasks) {
    const code = task.prompt + task.canonical_solution;
    for (const tier of ['sandbox', 'testing'] as const) if ((await validator.validate({ code, language: 'python', tier })).blocked) blocked[tier] += 1;
  }
  const validateMs = performance.now() - validateStart;

  durations.sort((a, b) => a - b);
  console.log(`isolation: ${isolation.level}`);
  console.log(`canonical solutions passing their own check in the sandbox: ${passed}/${tasks.length}`);
  console.log(`wall ${(wallMs / 1000).toFixed(1)} s with ${CONCURRENCY} at a time; per run p50 ${percentile(durations, 50).toFixed(0)} ms, p95 ${percentile(durations, 95).toFixed(0)} ms, max ${percentile(durations, 100).toFixed(0)} ms`);
  console.log(`validator on the solutions: blocked ${blocked.sandbox}/${tasks.length} at sandbox, ${blocked.testing}/${tasks.length} at testing (${(validateMs / tasks.length / 2).toFixed(1)} ms per check)`);
  for (const failure of failures) console.log(`  ${failure}`);
  await sandbox.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  if (passed !== tasks.length) process.exitCode = 1;
}

void main();
