import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Spec } from '../../shared/spec';
import { createTemplateEngine } from '../templates';
import { makeTempDir } from '../testing/tempDir';
import { renderFunction, renderTests } from './renderTests';
import { parseRunnerOutput } from './runnerScript';
import { parseSpecJson } from './specText';
import { python, pythonWithPytest, run } from './testing';

const templates = createTemplateEngine({ builtinDir: path.resolve(__dirname, '../../../templates') });
const INJECTION = "'); import os; os.system('touch PWNED'); ('";

// One spec exercising every assertion group: exact, nested floats, keyword arguments, built-in and custom exceptions,
// a call with no stated result, and a string that would be code if it were not escaped.
const echo = Spec.parse({
  name: 'echo_stats',
  language: 'python',
  description: 'Echo text with the total of some values.',
  parameters: [
    { name: 'text', type: 'str' },
    { name: 'values', type: 'list[float]', default: [] },
    { name: 'scale', type: 'int', kind: 'keyword', default: 1 },
  ],
  returns: { type: 'dict[str, Any]' },
  examples: [
    { args: [INJECTION], expected: { text: INJECTION, total: 0, pairs: [] } },
    { args: ['a', [0.1, 0.2]], expected: { text: 'a', total: 0.3, pairs: [{ $tuple: [0.1, 0.1] }, { $tuple: [0.2, 0.2] }] } },
    { args: ['b', [1.5]], kwargs: { scale: 2 }, expected: { text: 'b', total: 3, pairs: [{ $tuple: [1.5, 3] }] } },
    { args: [123], raises: 'TypeError' },
    { args: ['boom'], raises: 'EchoError' },
    { args: ['x', [1.0]] },
  ],
  constraints: [],
  tier: 'sandbox',
});

// Flat floats: pytest.approx, a doctest-style rounding tolerance, and an exception.
const ratio = Spec.parse({
  name: 'ratio',
  language: 'python',
  description: 'Divide a by b.',
  parameters: [
    { name: 'a', type: 'float' },
    { name: 'b', type: 'float' },
  ],
  returns: { type: 'float' },
  examples: [
    { args: [1, 3], expected: 0.333333333333 },
    { args: [2, 3], expected: 0.67, tolerance: 0.005 },
    { args: [1, 4], expected: 0.25 },
    { args: [1, 0], raises: 'ZeroDivisionError' },
  ],
  constraints: [],
  tier: 'sandbox',
});

const CORRECT = {
  echo_stats: [
    'class EchoError(Exception):',
    '    pass',
    '',
    'def echo_stats(text, values=(), *, scale=1):',
    '    if not isinstance(text, str):',
    '        raise TypeError("text must be a string")',
    '    if text == "boom":',
    '        raise EchoError("boom")',
    '    print("noise on stdout must not break the runner")',
    '    return {"text": text, "total": sum(values) * scale, "pairs": [(v, v * scale) for v in values]}',
  ].join('\n'),
  ratio: 'def ratio(a, b):\n    return a / b\n',
};
const WRONG = {
  echo_stats: 'def echo_stats(text, values=(), *, scale=1):\n    return {"text": str(text), "total": sum(values), "pairs": []}\n',
  ratio: 'def ratio(a, b):\n    return round(a / b, 1) if b else 0.0\n',
};

let temp: { dir: string; cleanup: () => void };
beforeAll(() => {
  temp = makeTempDir('ark-render-tests-');
});
afterAll(() => temp.cleanup());

function writeProject(name: string, implementations: Record<string, string>): string {
  const dir = path.join(temp.dir, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const spec of [echo, ratio]) {
    const rendered = renderTests(templates, spec, { module: spec.name });
    fs.writeFileSync(path.join(dir, rendered.file.fileName), rendered.file.content);
    fs.writeFileSync(path.join(dir, `run_${spec.name}.py`), rendered.runner?.content ?? '');
    fs.writeFileSync(path.join(dir, `${spec.name}.py`), implementations[spec.name] ?? '');
  }
  return dir;
}

function pytestCounts(output: string): { passed: number; failed: number } {
  return { passed: Number(/(\d+) passed/.exec(output)?.[1] ?? 0), failed: Number(/(\d+) failed/.exec(output)?.[1] ?? 0) };
}

// Types are stripped with the TypeScript compiler's transpileModule (Node 20 cannot run .ts), after a type check.
function toJs(source: string): string {
  return ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
}

/** The strict type errors of dir's solution.ts and solution.test.ts, as messages. */
function typeScriptErrors(dir: string): string[] {
  const program = ts.createProgram([path.join(dir, 'solution.ts'), path.join(dir, 'solution.test.ts')], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ['node'],
    typeRoots: [path.resolve(__dirname, '../../../node_modules/@types')],
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

/** Runs dir's solution.test.js with node:test; its pass and fail counts, and what it printed. */
async function nodeTestCounts(dir: string): Promise<{ pass: number; fail: number; output: string }> {
  const outcome = await run(process.execPath, ['--test', '--test-reporter=tap', 'solution.test.js'], { cwd: dir });
  return { pass: Number(/^# pass (\d+)/m.exec(outcome.stdout)?.[1]), fail: Number(/^# fail (\d+)/m.exec(outcome.stdout)?.[1]), output: outcome.stdout };
}

describe('pytest file', () => {
  it('is parametrised with real assertions and inert literals', () => {
    const { file, template, runner, framework } = renderTests(templates, echo);
    expect(framework).toBe('pytest');
    expect(file.fileName).toBe('test_solution.py');
    expect(template).toMatchObject({ name: 'python/test/pytest_test.liquid' });
    expect(template.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(file.content).toContain('assert result == expected');
    expect(file.content).toContain('pytest.raises(exception)');
    expect(file.content).toContain('_isclose_nested(result, expected, rel, abs_)');
    expect(file.content).not.toContain('is not None');
    expect(file.content).toContain(`pytest.param(["'); import os; os.system('touch PWNED'); ('"], {}`);
    expect(runner?.content).toContain("FUNCTION = 'echo_stats'");
    expect(renderTests(templates, ratio).file.content).toContain('pytest.approx(expected, rel=rel, abs=abs_, nan_ok=True)');
  });

  if (!pythonWithPytest) console.warn('python3 -m pytest is not available: the pytest run checks are skipped.');
  it.skipIf(!pythonWithPytest)('passes against a correct implementation and fails against a wrong one', async () => {
    const good = writeProject('pytest-good', CORRECT);
    const bad = writeProject('pytest-bad', WRONG);
    const args = ['-I', '-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'test_echo_stats.py', 'test_ratio.py'];
    const [goodRun, badRun] = await Promise.all([run(pythonWithPytest as string, args, { cwd: good }), run(pythonWithPytest as string, args, { cwd: bad })]);
    // -I keeps the working folder off sys.path; pytest's default "prepend" import mode adds each test file's folder.
    expect(pytestCounts(goodRun.stdout), goodRun.stdout + goodRun.stderr).toEqual({ passed: 10, failed: 0 });
    // Wrong: only the injection example (the text comes back unchanged) and the no-result example still pass.
    expect(pytestCounts(badRun.stdout), badRun.stdout).toEqual({ passed: 2, failed: 8 });
    expect(fs.existsSync(path.join(good, 'PWNED')) || fs.existsSync(path.join(bad, 'PWNED'))).toBe(false);
  });
});

describe('built-in runner', () => {
  if (!python) console.warn('python3 is not available: the runner checks are skipped.');
  it.skipIf(!python)('prints one JSON line per example and a summary, for right and wrong implementations', async () => {
    const good = writeProject('runner-good', CORRECT);
    const bad = writeProject('runner-bad', WRONG);
    const runs = await Promise.all([good, bad].map((dir) => run(python as string, ['-I', 'run_echo_stats.py'], { cwd: dir })));
    const [goodOut, badOut] = runs.map((result) => parseRunnerOutput(result.stdout));
    expect(runs[0]?.code).toBe(0);
    expect(goodOut?.summary).toEqual({ total: 6, passed: 6, failed: 0 });
    expect(goodOut?.results[1]).toMatchObject({ index: 1, passed: true, error: null, actual: { text: 'a', pairs: [{ $tuple: [0.1, 0.1] }, { $tuple: [0.2, 0.2] }] } });
    expect(goodOut?.results[1]?.stdout).toContain('noise on stdout');
    expect(goodOut?.results[4]).toMatchObject({ passed: true, raised: 'EchoError' });
    expect(runs[1]?.code).toBe(1);
    expect(badOut?.summary).toEqual({ total: 6, passed: 2, failed: 4 });
    expect(badOut?.results[3]).toMatchObject({ passed: false, error: 'Expected TypeError to be raised' });
    expect(badOut?.results[2]?.error).toMatch(/^Expected \{'text': 'b'/);
  });

  it.skipIf(!python)('reports a module that fails to import on every example, and times out a hung example', async () => {
    const dir = writeProject('runner-broken', { echo_stats: 'raise RuntimeError("cannot import")\n', ratio: 'import time\ndef ratio(a, b):\n    time.sleep(30)\n' });
    const ratioRunner = renderTests(templates, ratio, { module: 'ratio', runner: { timeoutSeconds: 0.2 } }).runner?.content ?? '';
    fs.writeFileSync(path.join(dir, 'run_ratio.py'), ratioRunner);
    const [broken, hung] = await Promise.all([run(python as string, ['-I', 'run_echo_stats.py'], { cwd: dir }), run(python as string, ['-I', 'run_ratio.py'], { cwd: dir })]);
    const brokenOut = parseRunnerOutput(broken.stdout);
    expect(brokenOut.results).toHaveLength(6);
    expect(brokenOut.results[0]?.error).toBe('Could not load echo_stats: RuntimeError: cannot import');
    const hungOut = parseRunnerOutput(hung.stdout);
    expect(hungOut.results[0]).toMatchObject({ passed: false, error: 'Timed out after 0.2 s' });
    expect(hungOut.summary?.failed).toBe(4);
  });
});

describe('node:test file', () => {
  const scale = Spec.parse({
    name: 'scaleAll',
    language: 'typescript',
    description: 'Multiply every value by a factor.',
    parameters: [
      { name: 'values', type: 'list[float]' },
      { name: 'factor', type: 'float', default: 1 },
      { name: 'label', type: 'str', default: '' },
    ],
    returns: { type: 'dict[str, Any]' },
    examples: [
      { args: [[1, 2], 2], expected: { values: [2, 4], label: '' } },
      { args: [[0.1], 3], expected: { values: [0.3], label: '' } },
      { args: [[1]], kwargs: { label: '"); process.exit(1); ("`${process.exit(2)}`*/' }, expected: { values: [1], label: '"); PROCESS.EXIT(1); ("`${PROCESS.EXIT(2)}`*/' } },
      { args: [[1], -1], raises: 'RangeError' },
      { args: [[]] },
    ],
    constraints: [],
    tier: 'sandbox',
  });
  // The function and its tests in a folder of their own, type-checked when asked, run with node:test.
  const nodeTestsOf = async (spec: Spec, body: string, folder: string, typeCheck: boolean) => {
    const dir = path.join(temp.dir, folder);
    fs.mkdirSync(dir, { recursive: true });
    const fn = renderFunction(templates, spec, { body }).content;
    const tests = renderTests(templates, spec).file.content;
    fs.writeFileSync(path.join(dir, 'solution.ts'), fn);
    fs.writeFileSync(path.join(dir, 'solution.test.ts'), tests);
    if (typeCheck) expect(typeScriptErrors(dir)).toEqual([]);
    fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
    fs.writeFileSync(path.join(dir, 'solution.js'), toJs(fn));
    fs.writeFileSync(path.join(dir, 'solution.test.js'), toJs(tests));
    const { pass, fail } = await nodeTestCounts(dir);
    return { pass, fail };
  };
  const correctBody = "if (factor < 0) throw new RangeError('negative factor');\nreturn { values: values.map((value) => value * factor), label: label.toUpperCase() };";
  const wrongBody = 'return { values: values.map((value) => value + factor), label };';

  it('type-checks, then passes against a correct implementation and fails against a wrong one', async () => {
    const tests = renderTests(templates, scale);
    expect(tests.framework).toBe('node:test');
    expect(tests.file.content).toContain("import assert from 'node:assert/strict';");
    expect(tests.file.content).toContain('assert.throws(');
    expect(await nodeTestsOf(scale, correctBody, 'node-good', true)).toEqual({ pass: 5, fail: 0 });
    expect(await nodeTestsOf(scale, wrongBody, 'node-bad', false)).toEqual({ pass: 1, fail: 4 });
  });

  it('counts -0 as equal to 0, alone and inside arrays and objects (JSON specs have no negative zero)', async () => {
    const rounding = Spec.parse({
      name: 'roundAll',
      language: 'typescript',
      description: 'Round every value, and report the first.',
      parameters: [{ name: 'values', type: 'list[float]' }],
      returns: { type: 'dict[str, Any]' },
      examples: [
        { args: [[-0.4, 1.6]], expected: { first: 0, all: [0, 2] } },
        { args: [[2.2]], expected: { first: 2, all: [2] } },
      ],
      constraints: [],
      tier: 'sandbox',
    });
    // Math.round(-0.4) is -0: right by the spec.
    const right = 'const all = values.map((value) => Math.round(value));\nreturn { first: all[0], all };';
    // Math.floor(-0.4) is -1: wrong by the first example, right by the second.
    const wrong = 'const all = values.map((value) => Math.floor(value));\nreturn { first: all[0], all };';
    expect(await nodeTestsOf(rounding, right, 'node-zero-right', true)).toEqual({ pass: 2, fail: 0 });
    expect(await nodeTestsOf(rounding, wrong, 'node-zero-wrong', false)).toEqual({ pass: 1, fail: 1 });
  });
});

// The function's own name must not collide with what the test module imports or defines (pytest, math, float for
// float('inf'), test_* functions pytest would collect; node:test's test and assert): tests call it by a fixed alias.
describe('a function named like the test module’s own names', () => {
  const named = (name: string, language: 'python' | 'typescript'): Spec =>
    Spec.parse({
      name,
      language,
      description: 'Doubles x.',
      parameters: [{ name: 'x', type: 'float' }],
      returns: { type: 'float' },
      examples: [{ args: [{ $float: 'inf' }], expected: { $float: 'inf' } }, { args: [1.5], expected: 3 }, { args: [2] }],
      constraints: [],
      tier: 'sandbox',
    });

  it.skipIf(!pythonWithPytest)('pytest passes for pytest, math, float and test_ names', async () => {
    for (const name of ['pytest', 'math', 'float', 'test_double']) {
      const dir = path.join(temp.dir, `collide-py-${name}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'solution.py'), renderFunction(templates, named(name, 'python'), { body: 'return x * 2' }).content);
      fs.writeFileSync(path.join(dir, 'test_solution.py'), renderTests(templates, named(name, 'python')).file.content);
      const outcome = await run(pythonWithPytest as string, ['-I', '-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'test_solution.py'], { cwd: dir });
      expect(pytestCounts(outcome.stdout), `${name}: ${outcome.stdout}${outcome.stderr}`).toEqual({ passed: 3, failed: 0 });
      expect(outcome.code, name).toBe(0);
    }
  });

  it('node:test files type-check and pass for test and assert', async () => {
    for (const name of ['test', 'assert']) {
      const dir = path.join(temp.dir, `collide-ts-${name}`);
      fs.mkdirSync(dir, { recursive: true });
      const source = renderFunction(templates, named(name, 'typescript'), { body: 'return x * 2;' }).content;
      const tests = renderTests(templates, named(name, 'typescript')).file.content;
      fs.writeFileSync(path.join(dir, 'solution.ts'), source);
      fs.writeFileSync(path.join(dir, 'solution.test.ts'), tests);
      expect(typeScriptErrors(dir), name).toEqual([]);
      fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
      fs.writeFileSync(path.join(dir, 'solution.js'), toJs(source));
      fs.writeFileSync(path.join(dir, 'solution.test.js'), toJs(tests));
      const { pass, fail, output } = await nodeTestCounts(dir);
      expect({ pass, fail }, `${name}: ${output}`).toEqual({ pass: 3, fail: 0 });
    }
  });
});

// JSON -0.0 parses to -0, which String() and JSON.stringify both write as 0: an int in Python, a different argument.
describe('a negative zero in spec JSON', () => {
  const signOf = parseSpecJson(
    JSON.stringify({
      name: 'sign_of',
      language: 'python',
      description: 'The sign of x, telling -0.0 from 0.0.',
      parameters: [{ name: 'x', type: 'float' }],
      returns: { type: 'float' },
      examples: [{ args: ['NEGATIVE_ZERO'], expected: -1 }, { args: [0.5], expected: 1 }],
      constraints: [],
      tier: 'sandbox',
    }).replace('"NEGATIVE_ZERO"', '-0.0'),
  );
  const implementation = 'import math\n\ndef sign_of(x):\n    return math.copysign(1.0, x)\n';

  it.skipIf(!python)('reaches pytest and the built-in runner as the float -0.0', async () => {
    expect(Object.is(signOf.examples[0]?.args[0], -0)).toBe(true);
    const rendered = renderTests(templates, signOf);
    expect(rendered.file.content).toContain('pytest.param([-0.0], {}, -1,');
    const dir = path.join(temp.dir, 'negative-zero');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'solution.py'), implementation);
    fs.writeFileSync(path.join(dir, 'test_solution.py'), rendered.file.content);
    fs.writeFileSync(path.join(dir, 'ark_runner.py'), rendered.runner?.content ?? '');
    const runner = parseRunnerOutput((await run(python as string, ['-I', 'ark_runner.py'], { cwd: dir })).stdout);
    expect(runner.summary).toEqual({ total: 2, passed: 2, failed: 0 });
    if (pythonWithPytest) {
      const outcome = await run(pythonWithPytest, ['-I', '-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'test_solution.py'], { cwd: dir });
      expect(pytestCounts(outcome.stdout), outcome.stdout + outcome.stderr).toEqual({ passed: 2, failed: 0 });
    }
  });
});
