// TypeScript specs through the whole pipeline: the TypeScript source is validated, then it and its node:test file are
// transpiled to JavaScript and run in the sandbox, with one result per example as Python specs get.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Spec } from '../../shared/spec';
import { createPipelineHarness } from './testing';

let h: ReturnType<typeof createPipelineHarness>;
beforeAll(() => {
  h = createPipelineHarness();
});
afterAll(async () => {
  await h.close();
});

const clampSpec: Spec = {
  name: 'clamp',
  language: 'typescript',
  description: 'Limit value to the range from low to high.',
  parameters: [
    { name: 'value', type: 'float' },
    { name: 'low', type: 'float' },
    { name: 'high', type: 'float' },
  ],
  returns: { type: 'float' },
  examples: [
    { args: [5, 0, 3], expected: 3 },
    { args: [-1, 0, 3], expected: 0 },
    { args: [2.5, 0, 3], expected: 2.5 },
    { args: [1, 3, 0], raises: 'RangeError' },
  ],
  constraints: [],
  tier: 'sandbox',
};
const rightBody = "if (low > high) throw new RangeError('low is above high');\nreturn Math.min(Math.max(value, low), high);";

describe('TypeScript specs', () => {
  test('a body that passes every example is ready for review, with per-example results from node:test', async () => {
    const result = await h.pipeline.run({ spec: clampSpec, body: rightBody });
    expect(result.code).toContain('export function clamp(value: number, low: number, high: number): number {');
    expect(result.tests).toContain('from "./solution.js"');
    expect(result.validation?.ok).toBe(true);
    expect(result.testRun).toMatchObject({ framework: 'node', passed: 4, failed: 0, total: 4 });
    expect(result.testRun!.results.map((r) => [r.index, r.passed])).toEqual([
      [0, true],
      [1, true],
      [2, true],
      [3, true],
    ]);
    expect(result.testRun!.executionId).not.toBeNull();
    expect(result.stages.find((s) => s.stage === 'test')).toMatchObject({ status: 'passed', summary: '4 of 4 examples passed (node)' });
    expect(result.status).toBe('ready-for-review');
    expect(result.reasons).toEqual([]);
    expect(h.repo.artifact(result.artifactId).testRun?.framework).toBe('node');
  }, 60_000);

  test('a wrong body fails with the failing examples named and what they returned', async () => {
    // Ignores `high` and never throws: examples 1 and 4 fail, 2 and 3 pass.
    const result = await h.pipeline.run({ spec: clampSpec, body: 'return Math.max(value, low);' });
    expect(result.status).toBe('failed');
    expect(result.testRun).toMatchObject({ framework: 'node', passed: 2, failed: 2, total: 4 });
    expect(result.testRun!.results.filter((r) => !r.passed).map((r) => r.index)).toEqual([0, 3]);
    // The float examples are compared within a tolerance (no returned value to show); the exception example names it.
    expect(result.testRun!.results[0]!.error).toMatch(/5 is not within tolerance of 3/);
    expect(result.testRun!.results[0]!.error).toMatch(/^example-1: AssertionError/);
    expect(result.testRun!.results[3]!.error).toMatch(/^example-4: AssertionError.*Missing expected exception/s);
    const reasons = result.reasons.join('\n');
    expect(reasons).toContain('Tests failed: 2 of 4 passed (node).');
    expect(reasons).toMatch(/example 1: example-1: AssertionError/);
    expect(reasons).toMatch(/example 4: example-4/);
    expect(result.stages.find((s) => s.stage === 'test')?.status).toBe('failed');
  }, 60_000);

  test('a syntax error in the tests (a user template) is reported with its line and column, and nothing runs', async () => {
    // The function's own syntax errors never get here (the validator blocks them); the test file is not validated.
    const own = createPipelineHarness();
    try {
      own.templates.save('typescript/test/node_test.liquid', "import { test } from 'node:test';\ntest('example-1', () => {\n  {{ spec.name }}(;\n});\n");
      const result = await own.pipeline.run({ spec: clampSpec, body: rightBody });
      expect(result.status).toBe('failed');
      expect(result.testRun).toMatchObject({ framework: 'node', passed: 0, failed: 4, executionId: null });
      expect(result.testRun!.output).toBe("Not run: solution.test.ts has a syntax error: solution.test.ts line 3, column 9: ')' expected.");
      expect(result.reasons.join('\n')).toContain("solution.test.ts line 3, column 9: ')' expected.");
    } finally {
      await own.close();
    }
  }, 60_000);

  test('a body that hangs fails every example that did not report, instead of hanging the pipeline', async () => {
    const spec: Spec = { ...clampSpec, examples: clampSpec.examples.slice(0, 1) };
    const started = Date.now();
    const result = await h.pipeline.run({ spec, body: 'while (value === value) { value += 0; }\nreturn value;' });
    expect(result.status).toBe('failed');
    expect(result.testRun?.passed).toBe(0);
    expect(result.reasons.join('\n')).toContain("example 1: example-1: did not report a result (test timed out after 10000ms)");
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);

  test('without a body, the built-in library offers a TypeScript body only when it passes every example', async () => {
    const spec: Spec = {
      name: 'checkNumber',
      language: 'typescript',
      description: 'Return true if n is a prime number, otherwise false.',
      parameters: [{ name: 'value', type: 'int' }],
      returns: { type: 'bool' },
      examples: [
        { args: [7], expected: true },
        { args: [9], expected: false },
        { args: [1], expected: false },
      ],
      constraints: [],
      tier: 'sandbox',
    };
    const result = await h.pipeline.run({ spec });
    expect(result).toMatchObject({ status: 'ready-for-review', source: 'library', origin: { reference: 'ts.is_prime', verifiedAgainstSpecExamples: true } });
    // The entry runs under its own parameter names inside the spec's function.
    expect(result.code).toContain('export function checkNumber(value: number): boolean {');
    expect(result.code).toContain('})(value);');
    expect(result.testRun).toMatchObject({ framework: 'node', passed: 3, failed: 0 });

    // 9 is "prime" here: no honest body passes, so none is offered.
    const impossible = await h.pipeline.run({ spec: { ...spec, examples: [...spec.examples.slice(0, 1), { args: [9], expected: true }] } });
    expect(impossible.status).toBe('needs-body');
    expect(impossible.code).toContain('is not implemented yet');
    expect(impossible.reasons.join(' ')).toMatch(/no implementation in the built-in library passed all 2 examples \(\d+ tried\), and the model provider writes Python only\. Write the TypeScript body\./);
    expect(impossible.stages.find((s) => s.stage === 'test')?.status).toBe('skipped');
  }, 120_000);
});
