// The built-in library: every entry's own examples pass in the sandbox; search by intent and signature; close matches.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Spec } from '../../shared/spec';
import { parseRequest } from '../generator';
import { createValidator } from '../validator';
import { newToken, readRunnerResults, runnerProgram } from '../pipeline/harness';
import { createPipelineHarness } from '../pipeline/testing';
import { BUILTIN_ENTRIES, type LibraryEntry } from './entries';
import { createLibrary, normalizeName, typesFit } from './index';

let h: ReturnType<typeof createPipelineHarness>;
beforeAll(() => {
  h = createPipelineHarness();
});
afterAll(async () => {
  await h.close();
});

function specOf(entry: LibraryEntry, overrides: Partial<Spec> = {}): Spec {
  return {
    name: entry.name,
    language: 'python',
    description: entry.summary,
    parameters: entry.parameters.map((parameter) => ({ name: parameter.name, type: parameter.type })),
    returns: { type: entry.returns },
    examples: entry.examples,
    constraints: [],
    tier: 'sandbox',
    ...overrides,
  };
}

describe('built-in library', () => {
  test('holds at least 50 entries with unique ids and at least 2 examples each', () => {
    expect(BUILTIN_ENTRIES.length).toBeGreaterThanOrEqual(50);
    expect(new Set(BUILTIN_ENTRIES.map((entry) => entry.id)).size).toBe(BUILTIN_ENTRIES.length);
    for (const entry of BUILTIN_ENTRIES) expect(entry.examples.length, entry.id).toBeGreaterThanOrEqual(2);
  });

  test('every entry passes its own examples in the sandbox, with its parameters renamed (so the adaptation is checked too)', async () => {
    const failures: string[] = [];
    const library = createLibrary();
    const validator = createValidator();
    for (const entry of BUILTIN_ENTRIES) {
      // Renaming every parameter checks bodyFor's adaptation along with the entry itself.
      const spec = specOf(entry, { name: `renamed_${entry.name}`, parameters: entry.parameters.map((parameter, index) => ({ name: `arg${index}`, type: parameter.type })) });
      for (const candidate of [spec]) {
        const code = h.generator.renderFunction(candidate, { body: library.bodyFor(entry, candidate) }).content;
        const verdict = await validator.validate({ code, language: 'python', tier: 'sandbox' });
        if (verdict.blocked) {
          failures.push(`${entry.id}: blocked: ${verdict.findings.filter((f) => f.severity === 'error').map((f) => f.message).join('; ')}`);
          continue;
        }
        const token = newToken();
        const program = runnerProgram(candidate, code, token, 5);
        const release = h.harness.register(program, verdict);
        const result = await h.sandbox.run({ code: program, language: 'python', tier: 'sandbox' }).finally(release);
        const results = readRunnerResults(result.stdout, token, candidate.examples.length);
        if (!results) failures.push(`${entry.id}: run ${result.status}: ${result.stderr.slice(-300)}`);
        else for (const r of results.filter((item) => !item.passed)) failures.push(`${entry.id} (${candidate.name}) example ${r.index + 1}: ${r.error}`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  test('entries marked symmetric give the same result with their two arguments swapped', async () => {
    const library = createLibrary();
    const validator = createValidator();
    const failures: string[] = [];
    for (const entry of BUILTIN_ENTRIES.filter((item) => item.symmetric)) {
      expect(entry.parameters, entry.id).toHaveLength(2);
      const swapped = specOf(entry, { examples: entry.examples.map((example) => ({ ...example, args: [...example.args].reverse() })) });
      const code = h.generator.renderFunction(swapped, { body: library.bodyFor(entry, swapped) }).content;
      const verdict = await validator.validate({ code, language: 'python', tier: 'sandbox' });
      const token = newToken();
      const program = runnerProgram(swapped, code, token, 5);
      const release = h.harness.register(program, verdict);
      const result = await h.sandbox.run({ code: program, language: 'python', tier: 'sandbox' }).finally(release);
      const results = readRunnerResults(result.stdout, token, swapped.examples.length);
      if (!results || results.some((r) => !r.passed)) failures.push(entry.id);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

describe('approved code', () => {
  // One request in each language; a statement ends with `;` in TypeScript only.
  const approvals = [
    { language: 'python', otherLanguage: 'typescript', body: 'return 3 * side * side' },
    { language: 'typescript', otherLanguage: 'python', body: 'return 3 * side * side;' },
  ] as const;

  test.each(approvals.map((approval) => [approval.language, approval] as const))('approved %s joins the library and serves later specs of its language only, once their examples pass', async (_language, { language, otherLanguage, body }) => {
    const spec: Spec = {
      name: 'triple_area',
      language,
      description: 'Return the area of three squares with the given side.',
      parameters: [{ name: 'side', type: 'float' }],
      returns: { type: 'float' },
      examples: [{ args: [2], expected: 12 }],
      constraints: [],
      tier: 'sandbox',
    };
    const manual = await h.pipeline.run({ spec, body });
    expect(manual.status).toBe('ready-for-review');
    const entry = h.pipeline.addToLibrary(manual.artifactId);
    expect(entry).toMatchObject({ origin: 'approved', language, name: 'triple_area' });
    expect(h.library.list().some((info) => info.id === entry.id)).toBe(true);
    expect(h.library.list(language).some((info) => info.id === entry.id)).toBe(true);
    expect(h.library.list(otherLanguage).some((info) => info.id === entry.id)).toBe(false);

    const later = await h.pipeline.run({ spec: { ...spec, name: 'area_of_three_squares', parameters: [{ name: 'length', type: 'float' }], examples: [{ args: [1], expected: 3 }, { args: [3], expected: 27 }] } });
    expect(later).toMatchObject({ status: 'ready-for-review', source: 'library', origin: { reference: entry.id } });
    // The same words with examples it does not meet: the approved body is tried, fails, and is not used.
    const wrong = await h.pipeline.run({ spec: { ...spec, name: 'area_of_three_squares', examples: [{ args: [1], expected: 4 }] } });
    expect(wrong.source).not.toBe('library');

    const stub = await h.pipeline.run({ spec: { ...spec, name: 'nothing_like_it', description: 'Frobnicate.', examples: [{ args: [1], expected: -5 }] } });
    expect(() => h.pipeline.addToLibrary(stub.artifactId)).toThrow(/no verified body/);
  }, 180_000);
});

describe('search', () => {
  const library = createLibrary();

  test('finds entries by intent words and signature, best first', () => {
    const spec: Spec = {
      name: 'greatest_factor_shared',
      language: 'python',
      description: 'The highest common factor of two whole numbers.',
      parameters: [{ name: 'x', type: 'int' }, { name: 'y', type: 'int' }],
      returns: { type: 'int' },
      examples: [],
      constraints: [],
      tier: 'sandbox',
    };
    expect(library.candidates(spec)[0]?.entry.id).toBe('py.gcd');
    // The same words with a signature that does not fit find nothing.
    expect(library.candidates({ ...spec, parameters: [{ name: 'x', type: 'str' }] }).map((c) => c.entry.id)).not.toContain('py.gcd');
  });

  test('types fit by shape; int and float are both numbers; Any matches inside containers', () => {
    expect(typesFit('int', 'float')).toBe(true);
    expect(typesFit('list[Any]', 'list[int]')).toBe(true);
    expect(typesFit('list[int]', 'list[str]')).toBe(false);
    expect(typesFit('str', 'int')).toBe(false);
    expect(normalizeName('find_maximum_value')).toBe('maximum_value');
  });

  test('close matches: name and signature both, never an ambiguous entry, never an int spec for a float result', () => {
    const spec = (name: string, parameters: [string, string][], returns: string): Spec => ({
      name,
      language: 'python',
      description: '',
      parameters: parameters.map(([n, type]) => ({ name: n, type })),
      returns: { type: returns },
      examples: [],
      constraints: [],
      tier: 'sandbox',
    });
    expect(library.closeMatch(spec('is_prime', [['n', 'int']], 'bool'))?.id).toBe('py.is_prime');
    expect(library.closeMatch(spec('is_prime', [['n', 'str']], 'bool'))).toBeUndefined();
    expect(library.closeMatch(spec('is_palindrome', [['s', 'str']], 'bool'))).toBeUndefined();
    expect(library.closeMatch(spec('average', [['numbers', 'list[int]']], 'int'))).toBeUndefined();
    expect(library.closeMatch(spec('average', [['numbers', 'list[float]']], 'float'))?.id).toBe('py.average');
    expect(library.closeMatch(spec('frobnicate', [['n', 'int']], 'int'))).toBeUndefined();
    // Two parameters of one kind: only the entry's own names say which is which.
    expect(library.closeMatch(spec('days_in_month', [['year', 'int'], ['month', 'int']], 'int'))?.id).toBe('py.days_in_month');
    expect(library.closeMatch(spec('days_in_month', [['month', 'int'], ['year', 'int']], 'int'))).toBeUndefined();
    expect(library.closeMatch(spec('percentage', [['a', 'float'], ['b', 'float']], 'float'))).toBeUndefined();
    // A spec that leaves the element type open takes an entry that names it.
    expect(library.closeMatch(spec('merge_sorted_lists', [['a', 'list[Any]'], ['b', 'list[Any]']], 'list[Any]'))?.id).toBe('py.merge_sorted_lists');
  });
});

// Requests as people phrase them, each with checks written independently of the library: whatever the built-in path
// returns as ready-for-review must pass them; anything else must say it needs a body.
const PHRASINGS: { request: string; checks: [unknown[], unknown][] }[] = [
  { request: 'Create a function that checks if a number is prime', checks: [[[2], true], [[15], false], [[23], true], [[1], false], [[49], false]] },
  { request: 'Write a function to reverse a string', checks: [[['abc'], 'cba'], [['racecar'], 'racecar'], [[''], '']] },
  { request: 'Calculate the factorial of a number', checks: [[[6], 720], [[0], 1], [[3], 6]] },
  { request: 'Compute the nth Fibonacci number', checks: [[[7], 13], [[0], 0], [[1], 1]] },
  { request: 'Convert Celsius to Fahrenheit', checks: [[[0], 32], [[100], 212], [[-10], 14]] },
  { request: 'Convert Fahrenheit to Celsius', checks: [[[32], 0], [[212], 100], [[50], 10]] },
  { request: 'Count the vowels in a string', checks: [[['banana'], 3], [['sky'], 0], [['AbE'], 2]] },
  { request: 'Find the maximum value in a list', checks: [[[[1, 9, 3]], 9], [[[-5, -1]], -1]] },
  { request: 'Return the sum of a list of numbers', checks: [[[[1, 2, 3, 4]], 10], [[[]], 0]] },
  { request: 'Calculate the average of a list of numbers', checks: [[[[2, 4, 6]], 4], [[[1, 2]], 1.5]] },
  { request: 'Compute the greatest common divisor of two numbers', checks: [[[48, 18], 6], [[7, 3], 1]] },
  { request: 'Find the least common multiple of two numbers', checks: [[[4, 6], 12], [[5, 7], 35]] },
  { request: 'Check if a year is a leap year', checks: [[[1996], true], [[2100], false], [[2400], true], [[2019], false]] },
  { request: 'Remove duplicates from a list', checks: [[[[3, 3, 1, 2, 1]], [3, 1, 2]]] },
  { request: 'Sort a list of numbers', checks: [[[[5, 2, 8, 1]], [1, 2, 5, 8]]] },
  { request: 'Count the words in a sentence', checks: [[['the quick brown fox'], 4], [[''], 0]] },
  { request: 'Convert a string to uppercase', checks: [[['abc'], 'ABC']] },
  { request: 'Compute the median of a list', checks: [[[[5, 1, 3]], 3], [[[1, 2, 3, 4]], 2.5]] },
  { request: 'Convert a decimal number to binary', checks: [[[5], '101'], [[8], '1000'], [[0], '0']] },
  { request: 'Convert binary to decimal', checks: [[['101'], 5], [['1000'], 8]] },
  { request: 'Reverse a list', checks: [[[[1, 2, 3]], [3, 2, 1]]] },
  { request: 'Check if a number is even', checks: [[[10], true], [[7], false]] },
  { request: 'Compute the sum of digits of a number', checks: [[[4321], 10], [[0], 0]] },
  { request: 'Convert a Roman numeral to an integer', checks: [[['XIV'], 14], [['MMXXIV'], 2024]] },
  { request: 'Convert an integer to a Roman numeral', checks: [[[14], 'XIV'], [[2024], 'MMXXIV']] },
  { request: 'Check if a number is a perfect square', checks: [[[25], true], [[26], false]] },
  { request: 'Convert kilometers to miles', checks: [[[1.609344], 1]] },
  { request: 'Check whether a list is sorted', checks: [[[[1, 2, 3]], true], [[[2, 1]], false]] },
  { request: 'Flatten a nested list', checks: [[[[1, [2, [3]]]], [1, 2, 3]]] },
  { request: 'Calculate the area of a circle', checks: [[[1], 3.141592653589793], [[2], 12.566370614359172]] },
  { request: 'Count occurrences of each character in a string', checks: [[['aab'], { a: 2, b: 1 }]] },
  { request: 'Merge two dictionaries', checks: [[[{ a: 1 }, { b: 2 }], { a: 1, b: 2 }]] },
  { request: 'Check if a string is a palindrome', checks: [[['level'], true], [['abc'], false]] },
  { request: 'Compute the standard deviation of a list of numbers', checks: [[[[2, 4, 4, 4, 5, 5, 7, 9]], 2]] },
  { request: 'Find the mode of a list', checks: [[[[1, 2, 2]], 2]] },
  { request: 'Split a list into chunks of size n', checks: [[[[1, 2, 3], 2], [[1, 2], [3]]]] },
  { request: 'Compute the power of a number', checks: [[[2, 3], 8]] },
  { request: 'Return the first n prime numbers', checks: [[[4], [2, 3, 5, 7]]] },
  { request: 'Get the number of days between two dates', checks: [[['2024-01-01', '2024-01-31'], 30]] },
  { request: 'Check if two strings are anagrams', checks: [[['listen', 'silent'], true], [['ab', 'abc'], false]] },
  { request: 'Count how many times a character appears in a string', checks: [[['banana', 'a'], 3], [['abc', 'z'], 0]] },
  { request: 'Make a function that adds two numbers', checks: [[[2, 3], 5], [[-1, 1], 0]] },
  { request: 'Check if a number is negative', checks: [[[-1], true], [[0], false]] },
  { request: 'Calculate the area of a rectangle', checks: [[[3, 4], 12]] },
  { request: 'Get the number of days in a month', checks: [[[2], 28]] },
  { request: 'Return the nth prime number', checks: [[[1], 2], [[3], 5]] },
  { request: 'Sort a list', checks: [[[[3, 1, 2]], [1, 2, 3]]] },
  { request: 'Check if a list contains duplicates', checks: [[[[1, 2, 1]], true], [[[1, 2]], false]] },
  { request: 'Reverse the words in a sentence', checks: [[['one two three'], 'three two one'], [['solo'], 'solo']] },
  { request: 'Reverse each word in a sentence', checks: [[['ab cd'], 'ba dc']] },
  { request: 'Merge two sorted lists into one sorted list', checks: [[[[1, 4], [2, 3, 5]], [1, 2, 3, 4, 5]], [[['a', 'c'], ['b']], ['a', 'b', 'c']]] },
];

describe('requests as people phrase them', () => {
  test('the built-in path returns correct code or says it needs a body, never a wrong answer as ready', async () => {
    const outcomes: string[] = [];
    const wrong: string[] = [];
    for (const { request, checks } of PHRASINGS) {
      const parsed = parseRequest(request, 'python');
      const result = await h.pipeline.run({ spec: parsed.spec });
      outcomes.push(`${result.status.padEnd(16)} ${result.origin.reference ?? '-'}  ${request}`);
      if (result.status !== 'ready-for-review') {
        expect(result.status, request).toBe('needs-body');
        expect(result.code, request).toContain('NotImplementedError');
        continue;
      }
      // Check the code with examples the library never saw.
      const spec: Spec = { ...result.spec, examples: checks.map(([args, expected]) => ({ args, expected }) as Spec['examples'][number]) };
      const token = newToken();
      const program = runnerProgram(spec, result.code, token, 5);
      const verdict = await createValidator().validate({ code: result.code, language: 'python', tier: 'sandbox' });
      const release = h.harness.register(program, verdict);
      const run = await h.sandbox.run({ code: program, language: 'python', tier: 'sandbox' }).finally(release);
      const results = readRunnerResults(run.stdout, token, spec.examples.length);
      if (!results || results.some((r) => !r.passed)) wrong.push(`${request}: ${JSON.stringify(results?.filter((r) => !r.passed))}`);
    }
    console.log(outcomes.join('\n'));
    expect(wrong).toEqual([]);
    // Most of these are common tasks the library covers; say so if coverage drops.
    expect(outcomes.filter((line) => line.startsWith('ready-for-review')).length).toBeGreaterThanOrEqual(25);
  }, 600_000);
});
