// The TypeScript entries of the built-in library: each mirrors a Python entry and passes its examples in the sandbox
// with node:test, with its parameters renamed (so the inner-function adaptation of bodyFor is checked too).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Spec } from '../../shared/spec';
import { newToken } from '../pipeline/harness';
import { nodeTestProgram, readNodeTestResults, transpileForNode } from '../pipeline/nodeHarness';
import { createPipelineHarness } from '../pipeline/testing';
import { createValidator } from '../validator';
import { BUILTIN_ENTRIES } from './entries';
import { createLibrary } from './index';
import { TYPESCRIPT_ENTRIES } from './typescriptEntries';

let h: ReturnType<typeof createPipelineHarness>;
beforeAll(() => {
  h = createPipelineHarness();
});
afterAll(async () => {
  await h.close();
});

describe('TypeScript library entries', () => {
  test('mirror Python entries by name, with ids of their own and JavaScript error names', () => {
    expect(TYPESCRIPT_ENTRIES.length).toBeGreaterThanOrEqual(40);
    for (const entry of TYPESCRIPT_ENTRIES) {
      const python = BUILTIN_ENTRIES.find((item) => item.name === entry.name)!;
      expect(entry).toMatchObject({ id: `ts.${entry.name}`, language: 'typescript', parameters: python.parameters, returns: python.returns, synonyms: python.synonyms });
      expect(entry.examples.length).toBe(python.examples.length);
      expect(entry.examples.some((example) => example.raises === 'ValueError'), entry.id).toBe(false);
    }
    expect(createLibrary().list('typescript').map((entry) => entry.id)).toEqual(TYPESCRIPT_ENTRIES.map((entry) => entry.id));
  });

  test('every entry passes its own examples in the sandbox with node:test, with its parameters renamed', async () => {
    const library = createLibrary();
    const validator = createValidator();
    const failures: string[] = [];
    for (const entry of TYPESCRIPT_ENTRIES) {
      const spec: Spec = {
        name: `renamed_${entry.name}`,
        language: 'typescript',
        description: entry.summary,
        parameters: entry.parameters.map((parameter, index) => ({ name: `arg${index}`, type: parameter.type })),
        returns: { type: entry.returns },
        examples: entry.examples,
        constraints: [],
        tier: 'sandbox',
      };
      const body = library.bodyFor(entry, spec);
      expect(body, entry.id).toMatch(/^return \(\(/);
      const code = h.generator.renderFunction(spec, { body }).content;
      const verdict = await validator.validate({ code, language: 'typescript', tier: 'sandbox' });
      if (!verdict.ok) {
        failures.push(`${entry.id}: validation: ${verdict.findings.filter((f) => f.severity === 'error').map((f) => f.message).join('; ')}`);
        continue;
      }
      const token = newToken();
      const tests = h.generator.renderTests(spec).file.content;
      const program = nodeTestProgram({ code: transpileForNode(code, 'solution.ts'), tests: transpileForNode(tests, 'solution.test.ts'), token, timeoutMs: 20_000 });
      const release = h.harness.register(program, verdict);
      const run = await h.sandbox.run({ code: program, language: 'javascript', tier: 'sandbox', limits: { timeoutMs: 30_000 } }).finally(release);
      const read = readNodeTestResults(run.stdout, token, spec.examples.length);
      if (!read) failures.push(`${entry.id}: run ${run.status}: ${run.stderr.slice(-300)}`);
      else for (const result of read.results.filter((item) => !item.passed)) failures.push(`${entry.id} example ${result.index + 1}: ${result.error}`);
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
