// The node:test harness on its own: TypeScript to CommonJS, and the reading of its result lines.
import { describe, expect, test } from 'vitest';
import { ArkError } from '../../shared/errors';
import { nodeTestProgram, readNodeTestResults, transpileForNode } from './nodeHarness';

describe('transpileForNode', () => {
  test('strips types and turns imports into require, with the default import of a CommonJS module working', () => {
    const js = transpileForNode("import assert from 'node:assert/strict';\nexport function twice(n: number): number {\n  assert.ok(n >= 0);\n  return n * 2;\n}\n", 'solution.ts');
    expect(js).toContain('require("node:assert/strict")');
    expect(js).toContain('__importDefault');
    expect(js).toContain('function twice(n) {');
    expect(js).toContain('exports.twice = twice;');
  });

  test('leaves type errors alone (the quality stage checks types) but reports syntax errors with line and column', () => {
    expect(transpileForNode('export const n: number = "not a number";\n', 'solution.ts')).toContain('exports.n = "not a number";');
    let error: unknown;
    try {
      transpileForNode('export function f(): number {\n  return (1 + ;\n}\n', 'solution.ts');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ArkError);
    expect((error as ArkError).code).toBe('invalid-input');
    expect((error as ArkError).message).toBe('solution.ts has a syntax error: solution.ts line 2, column 15: Expression expected.');
  });
});

describe('readNodeTestResults', () => {
  const token = 'ARK-test:';
  const line = (record: object) => `${token}${JSON.stringify(record)}`;

  test('maps example-N to example N-1, keeps failures of other tests after them, and ignores lines without the token', () => {
    const stdout = [
      line({ name: 'example-2', nesting: 0, file: false, passed: false, actual: '4', error: 'AssertionError: Expected values to be strictly deep-equal' }),
      line({ name: 'example-1', nesting: 0, file: false, passed: true, actual: null, error: null }),
      line({ name: 'helper works', nesting: 0, file: false, passed: false, actual: null, error: 'Error: boom' }),
      '{"name": "example-2", "passed": true}',
      line({ exit: 1 }),
    ].join('\n');
    expect(readNodeTestResults(stdout, token, 2)).toEqual({
      exitCode: 1,
      results: [
        { index: 0, passed: true, actual: null, error: null },
        { index: 1, passed: false, actual: '4', error: 'example-2: AssertionError: Expected values to be strictly deep-equal' },
        { index: 100_000, passed: false, actual: null, error: 'helper works: Error: boom' },
      ],
    });
  });

  test('examples that never reported fail with the test file error; no exit line means the harness did not finish', () => {
    const stdout = [line({ name: '/tmp/ark-tests-x/solution.test.js', file: true, passed: false, error: 'test timed out after 10000ms' }), line({ exit: 1 })].join('\n');
    expect(readNodeTestResults(stdout, token, 2)?.results).toEqual([
      { index: 0, passed: false, actual: null, error: 'example-1: did not report a result (test timed out after 10000ms)' },
      { index: 1, passed: false, actual: null, error: 'example-2: did not report a result (test timed out after 10000ms)' },
    ]);
    expect(readNodeTestResults(line({ name: 'example-1', passed: true }), token, 1)).toBeNull();
    expect(readNodeTestResults(`${line({ harness: 'Error: no node:test' })}\n${line({ exit: 2 })}`, token, 1)).toBeNull();
  });

  test('a file that fails after every example passed still fails the run', () => {
    const stdout = [line({ name: 'example-1', passed: true }), line({ name: '/t/solution.test.js', file: true, passed: false, error: 'Error: after' }), line({ exit: 0 })].join('\n');
    const read = readNodeTestResults(stdout, token, 1);
    expect(read?.exitCode).toBe(1);
    expect(read?.results.map((result) => result.passed)).toEqual([true, false]);
  });
});

describe('nodeTestProgram', () => {
  test('carries code, tests and token as JSON string literals only', () => {
    const program = nodeTestProgram({ code: 'exports.x = "`${1}`";', tests: "require('./solution.js');\n", token: 'ARK-1:', timeoutMs: 5000 });
    expect(program).toContain('const CODE = "exports.x = \\"`${1}`\\";";');
    expect(program).toContain('const TIMEOUT_MS = 5000;');
    expect(() => nodeTestProgram({ code: '', tests: '', token: 't', timeoutMs: 1, module: '../x' })).toThrow(/not a module name/);
  });
});
