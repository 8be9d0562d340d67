// `ark generate` and `ark spec`: plain words and spec files through the pipeline, Python import, exit codes, --json.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GenerationResult } from '../shared/generation';
import type { Spec } from '../shared/spec';
import { makeTempDir } from '../main/testing/tempDir';
import { runCli } from './testing';

let temp: ReturnType<typeof makeTempDir>;
let db: string;
beforeEach(() => {
  temp = makeTempDir();
  db = path.join(temp.dir, 'cli.db');
});
afterEach(() => temp.cleanup());

const run = (...args: string[]) => runCli(args, db);

function write(name: string, content: string): string {
  const file = path.join(temp.dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('ark generate', () => {
  it('turns plain words into verified code and tests, ready for review, with --json', async () => {
    const result = await run('generate', 'Create a function that checks if a number is prime', '--json');
    expect(result.code, result.err).toBe(0);
    const parsed = GenerationResult.parse(JSON.parse(result.out));
    expect(parsed).toMatchObject({ status: 'ready-for-review', source: 'library', spec: { name: 'is_prime' } });
    expect(parsed.code).toContain('def is_prime(n: int) -> bool:');
    expect(parsed.tests).toContain('from solution import is_prime');
    expect(parsed.testRun?.failed).toBe(0);
    expect(parsed.validation?.ok).toBe(true);
    expect(Object.keys(JSON.parse(result.out) as object).slice(0, 8)).toEqual(['spec', 'code', 'tests', 'source', 'validation', 'testRun', 'quality', 'status']);
  }, 60_000);

  it('says plainly when it needs a body, with exit 1 and the stub in the output', async () => {
    const result = await run('generate', 'Write a function that frobnicates a widget');
    expect(result.code).toBe(1);
    expect(result.out).toContain('needs-body');
    expect(result.out).toContain('raise NotImplementedError');
    expect(result.out).toMatch(/body\s+failed/);
  }, 60_000);

  it('generates from a spec file and verifies against its examples', async () => {
    const spec: Spec = {
      name: 'hcf',
      language: 'python',
      description: 'Return the highest common factor of a and b.',
      parameters: [{ name: 'a', type: 'int' }, { name: 'b', type: 'int' }],
      returns: { type: 'int' },
      examples: [{ args: [12, 18], expected: 6 }, { args: [7, 5], expected: 1 }],
      constraints: [],
      tier: 'sandbox',
    };
    const result = await run('generate', '--spec', write('hcf.json', JSON.stringify(spec)));
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(/test\s+passed .* 2 of 2 examples passed/);
    expect(result.out).toContain('ready-for-review (body: library, py.gcd)');
  }, 60_000);

  it('runs a TypeScript spec with a written or a library body: node:test per example, ready only when every example passes', async () => {
    const spec: Spec = {
      name: 'countVowels',
      language: 'typescript',
      description: 'Count the vowels (a, e, i, o, u) in a text, ignoring case.',
      parameters: [{ name: 'text', type: 'str' }],
      returns: { type: 'int' },
      examples: [{ args: ['Hello'], expected: 2 }, { args: ['SKY'], expected: 0 }, { args: ['AEIOU aeiou'], expected: 10 }],
      constraints: [],
      tier: 'sandbox',
    };
    const specFile = write('vowels.json', JSON.stringify(spec));
    const right = await run('generate', '--spec', specFile, '--body', write('right.ts', 'return (text.match(/[aeiou]/gi) ?? []).length;'), '--json');
    expect(right.code, right.err).toBe(0);
    const parsed = GenerationResult.parse(JSON.parse(right.out));
    expect(parsed).toMatchObject({ status: 'ready-for-review', source: 'manual', testRun: { framework: 'node', passed: 3, failed: 0, total: 3 } });
    expect(parsed.code).toContain('export function countVowels(text: string): number {');

    const wrong = await run('generate', '--spec', specFile, '--body', write('wrong.ts', 'return (text.match(/[aeiou]/g) ?? []).length;'));
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/test\s+failed .* 2 of 3 examples passed \(node\)/);
    expect(wrong.out).toMatch(/example 3: example-3: AssertionError/);
    expect(wrong.out).toContain('failed (body: manual)');

    // Without a body, the library's TypeScript entry is used once it passes all three examples.
    const library = await run('generate', '--spec', specFile);
    expect(library.code, library.out).toBe(0);
    expect(library.out).toContain('ready-for-review (body: library, ts.count_vowels)');
  }, 90_000);

  it('refuses bad input with exit 2 and a message', async () => {
    expect((await run('generate')).code).toBe(2);
    expect((await run('generate', 'x', '--spec', 'y.json')).code).toBe(2);
    const broken = await run('generate', '--spec', write('bad.json', '{"name": 1'));
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/not valid JSON/);
    const invalid = await run('generate', '--spec', write('invalid.json', JSON.stringify({ name: 'f' })));
    expect(invalid.code).toBe(2);
    expect(invalid.err).toMatch(/spec is not valid/);
    expect((await run('generate', 'x', '--lang', 'cobol')).code).toBe(2);
  }, 60_000);
});

describe('ark spec', () => {
  it('imports a Python signature with doctests as a spec, and lists saved specs', async () => {
    const file = write(
      'clamp.py',
      'def clamp(value: float, low: float, high: float) -> float:\n    """Limit value to low..high.\n\n    >>> clamp(5, 0, 3)\n    3\n    >>> clamp(-1, 0, 3)\n    0\n    """\n',
    );
    const result = await run('spec', 'import', file, '--json');
    expect(result.code, result.err).toBe(0);
    const { spec } = JSON.parse(result.out) as { spec: Spec };
    expect(spec.name).toBe('clamp');
    expect(spec.parameters.map((p) => `${p.name}: ${p.type}`)).toEqual(['value: float', 'low: float', 'high: float']);
    expect(spec.examples).toEqual([{ args: [5, 0, 3], expected: 3 }, { args: [-1, 0, 3], expected: 0 }]);

    expect((await run('spec', 'list')).out).toContain('No specs yet');
    await run('generate', '--spec', write('clamp.json', JSON.stringify(spec)));
    expect((await run('spec', 'list')).out).toMatch(/clamp\s+v1\s+ready-for-review/);
    expect((await run('spec', 'import', write('x.txt', 'x'))).code).toBe(2);
    expect((await run('spec', 'frob')).code).toBe(2);
  }, 60_000);
});
