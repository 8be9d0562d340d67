// Measures the Python-signature import on the HumanEval prompts and checks imported examples against the canonical
// solutions. Run: npx tsx bench/humaneval.ts [path/to/HumanEval.jsonl.gz]. The corpus is read in place, never copied.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { parseRunnerOutput, renderRunner } from '../src/main/generator/runnerScript';
import { importPythonSignature, type ImportResult } from '../src/main/generator/signatureImport';

type Task = { task_id: string; prompt: string; entry_point: string; canonical_solution: string };

const corpus = process.argv[2] ?? '/work/shared/corpora/humaneval/HumanEval.jsonl.gz';
const python = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

function runPython(script: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(python, ['-I', '-c', script], { timeout: 10_000, maxBuffer: 16 * 1024 * 1024 }, (_error, stdout) => resolve(String(stdout)));
  });
}

async function main(): Promise<void> {
  if (!fs.existsSync(corpus)) {
    console.warn(`No corpus at ${corpus}; pass the path to HumanEval.jsonl.gz.`);
    return;
  }
  const tasks = zlib
    .gunzipSync(fs.readFileSync(corpus))
    .toString('utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Task);

  const importStart = performance.now();
  const imports: ImportResult[] = [];
  for (const task of tasks) imports.push(await importPythonSignature(task.prompt, { entryPoint: task.entry_point }));
  const importMs = performance.now() - importStart;
  const named = imports.filter((result, index) => result.spec.name === tasks[index]?.entry_point).length;
  const doctests = imports.reduce((total, result) => total + result.stats.doctestExamples, 0);
  const others = imports.reduce((total, result) => total + result.stats.otherExamples, 0);
  const arrows = tasks.reduce((total, task) => total + task.prompt.split('\n').filter((line) => line.includes('>>>')).length, 0);

  const checkStart = performance.now();
  let agreeDoctest = 0;
  let agreeOther = 0;
  const mismatches: string[] = [];
  let next = 0;
  await Promise.all(
    [0, 1].map(async () => {
      while (next < tasks.length) {
        const index = next++;
        const task = tasks[index] as Task;
        const spec = imports[index]?.spec;
        if (!spec || spec.examples.length === 0) continue;
        const output = await runPython(renderRunner(spec, { source: task.prompt + task.canonical_solution }));
        for (const result of parseRunnerOutput(output).results) {
          const doctest = !spec.examples[result.index]?.note;
          if (result.passed && doctest) agreeDoctest += 1;
          else if (result.passed) agreeOther += 1;
          else mismatches.push(`${task.task_id}${doctest ? '' : ' (other style)'}: ${result.error}`);
        }
      }
    }),
  );
  const checkMs = performance.now() - checkStart;

  console.log(`imported ${named}/${tasks.length} with the right name in ${importMs.toFixed(0)} ms (${(importMs / tasks.length).toFixed(2)} ms each)`);
  console.log(`doctest examples ${doctests}/${arrows} >>> lines; other-style examples ${others}`);
  console.log(`canonical agreement: doctests ${agreeDoctest}/${doctests}, other-style ${agreeOther}/${others}, in ${checkMs.toFixed(0)} ms`);
  for (const mismatch of mismatches) console.log(`  ${mismatch}`);
}

void main();
