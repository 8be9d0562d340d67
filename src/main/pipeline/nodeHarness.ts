// The node:test harness for TypeScript specs: the generated code and tests are transpiled to JavaScript here (the
// sandbox runs JavaScript with node, which cannot run .ts), then one JavaScript program per test run writes them to a
// private folder and runs the tests with node:test's own runner, printing each test's outcome as a token-prefixed line.
import type * as TypeScript from 'typescript';
import type { ExampleResult } from '../../shared/generation';
import { ArkError } from '../../shared/errors';
import { tokenRecords } from '../generator';
import { loadTypeScript } from '../quality/typescriptCheck';

/**
 * TypeScript source to CommonJS. Types are stripped, never checked (the quality stage checks them); syntax errors are
 * reported with their line and column, as the code would not run. CommonJS, because the harness runs the files with
 * require; esModuleInterop, so `import assert from 'node:assert/strict'` gets the module itself as its default.
 */
export function transpileForNode(source: string, fileName: string): string {
  const ts = loadTypeScript();
  if (!ts) throw new ArkError('unavailable', 'The typescript package is not installed, so TypeScript tests cannot be compiled to JavaScript.');
  const output = ts.transpileModule(source, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false },
  });
  const errors = (output.diagnostics ?? []).filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    const described = errors.slice(0, 5).map((diagnostic) => describeDiagnostic(ts, diagnostic, fileName));
    const list = described.join('; ');
    throw new ArkError('invalid-input', `${fileName} has ${errors.length === 1 ? 'a syntax error' : `${errors.length} syntax errors`}: ${list}${list.endsWith('.') ? '' : '.'}`, {
      file: fileName,
      errors: described,
    });
  }
  return output.outputText;
}

function describeDiagnostic(ts: typeof TypeScript, diagnostic: TypeScript.Diagnostic, fileName: string): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  if (!diagnostic.file || diagnostic.start === undefined) return message;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${fileName} line ${line + 1}, column ${character + 1}: ${message}`;
}

// The program is CommonJS (the sandbox runs main.js without a package.json). It writes the two files and a package.json
// that says CommonJS (an ancestor folder's "type": "module" must not change how they load), then runs the test file
// with node:test's run(): the tests execute in a child node process, and the events come back as objects, so what the
// code under test prints (test:stdout) can never pass for a result. A test that does not finish before TIMEOUT_MS
// fails the file, and examples that never reported are then failed by the reader.
const NODE_TEST_BODY = String.raw`
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');
const { run } = require('node:test');

function emit(record) {
  process.stdout.write(TOKEN + JSON.stringify(record) + '\n');
}

function describeError(error) {
  // node:test wraps what a test threw in an ERR_TEST_FAILURE whose cause is the original error.
  const original = error && error.code === 'ERR_TEST_FAILURE' && error.cause !== undefined ? error.cause : error;
  if (original instanceof Error || (original && typeof original === 'object' && 'message' in original)) {
    const name = original.name || 'Error';
    return (name + ': ' + String(original.message)).slice(0, 2000);
  }
  return (typeof original === 'string' ? original : util.inspect(original)).slice(0, 2000);
}

// What the call returned, when the failed assertion compared it (assert.ok's "actual" is only the condition).
const COMPARISONS = ['deepStrictEqual', 'strictEqual', 'deepEqual', 'equal'];
function actualOf(error) {
  const original = error && error.cause;
  if (original && original.code === 'ERR_ASSERTION' && COMPARISONS.includes(original.operator)) return util.inspect(original.actual, { depth: 6 }).slice(0, 2000);
  return null;
}

async function main() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ark-tests-'));
  fs.writeFileSync(path.join(folder, 'package.json'), '{"type": "commonjs"}\n');
  fs.writeFileSync(path.join(folder, MODULE + '.js'), CODE);
  const testFile = path.join(folder, MODULE + '.test.js');
  fs.writeFileSync(testFile, TESTS);
  let stderr = '';
  let failed = 0;
  for await (const event of run({ files: [testFile], timeout: TIMEOUT_MS })) {
    if (event.type === 'test:stderr') {
      stderr = (stderr + event.data.message).slice(-4000);
      continue;
    }
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const data = event.data;
    const details = data.details || {};
    const passed = event.type === 'test:pass' && !data.skip && !data.todo;
    // A describe() block that passed is only a container of the tests it reported already.
    if (details.type === 'suite' && passed) continue;
    if (!passed) failed += 1;
    const record = { name: data.name, nesting: data.nesting, file: data.name === testFile, passed, actual: null, error: null };
    if (!passed) {
      if (event.type === 'test:pass') record.error = data.skip ? 'skipped' : 'marked todo';
      else {
        record.error = describeError(details.error);
        record.actual = actualOf(details.error);
        if (record.file && stderr) record.error += '\n' + stderr;
      }
    }
    emit(record);
  }
  emit({ exit: failed === 0 ? 0 : 1 });
}

main().catch((error) => {
  emit({ harness: describeError(error) });
  process.exitCode = 2;
});
`;

/** The node:test harness program: the transpiled code and tests (CommonJS), run as `<module>.test.js`. */
export function nodeTestProgram(input: { code: string; tests: string; token: string; timeoutMs: number; module?: string }): string {
  const module = input.module ?? 'solution';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(module)) throw new Error(`"${module}" is not a module name.`);
  // JSON is a valid JavaScript literal, so spec text reaches the program only as string data.
  return [
    '// node:test harness generated by ARK Workbench',
    "'use strict';",
    `const MODULE = ${JSON.stringify(module)};`,
    `const CODE = ${JSON.stringify(input.code)};`,
    `const TESTS = ${JSON.stringify(input.tests)};`,
    `const TOKEN = ${JSON.stringify(input.token)};`,
    `const TIMEOUT_MS = ${Math.max(100, Math.round(input.timeoutMs))};`,
    NODE_TEST_BODY,
  ].join('\n');
}

/**
 * Per-example results from the node:test harness, as readPytestResults gives them for pytest: a test named
 * `example-N` is example N-1; other failing tests (a user template's own, or the test file failing to load) are listed
 * after them. Examples that never reported (the file crashed or timed out) fail with the file's error. Null when the
 * harness itself did not finish.
 */
export function readNodeTestResults(stdout: string, token: string, exampleCount: number): { results: ExampleResult[]; exitCode: number } | null {
  const byIndex = new Map<number, ExampleResult>();
  const extra: ExampleResult[] = [];
  let fileError: string | null = null;
  let exitCode: number | null = null;
  type NodeTestRecord = { name?: string; file?: boolean; passed?: boolean; actual?: string | null; error?: string | null; exit?: number; harness?: string };
  for (const record of tokenRecords<NodeTestRecord>(stdout, token)) {
    if (typeof record.exit === 'number') {
      exitCode = record.exit;
      continue;
    }
    if (typeof record.harness === 'string') return null;
    const passed = record.passed === true;
    const error = passed ? null : (record.error ?? 'failed');
    if (record.file) {
      if (!passed) fileError = error;
      continue;
    }
    const match = /^example-(\d+)$/.exec(record.name ?? '');
    const index = match ? Number(match[1]) - 1 : -1;
    if (index >= 0 && index < exampleCount && !byIndex.has(index)) {
      byIndex.set(index, { index, passed, actual: record.actual ?? null, error: error === null ? null : `${record.name}: ${error}` });
    } else if (!passed) {
      extra.push({ index: 100_000 + extra.length, passed, actual: null, error: `${record.name ?? 'test'}: ${error}` });
    } else extra.push({ index: 100_000 + extra.length, passed, actual: null, error: null });
  }
  if (exitCode === null) return null;
  const results: ExampleResult[] = [];
  for (let index = 0; index < exampleCount; index += 1) {
    results.push(
      byIndex.get(index) ?? {
        index,
        passed: false,
        actual: null,
        error: `example-${index + 1}: did not report a result${fileError ? ` (${fileError})` : ' (no test of that name ran)'}`,
      },
    );
  }
  // A file that failed while every example reported (an error after the tests, a failing hook) still fails the run.
  if (fileError && [...byIndex.values()].every((result) => result.passed) && byIndex.size === exampleCount) {
    extra.push({ index: 100_000 + extra.length, passed: false, actual: null, error: `the test file failed: ${fileError}` });
  }
  return { results: [...results, ...extra], exitCode: fileError && exitCode === 0 ? 1 : exitCode };
}
