import { describe, expect, it } from 'vitest';
import { ArkError } from '../../shared/errors';
import { canonicalType, parseType, specValueProblem, toTypeScriptType, type Spec } from '../../shared/spec';
import { formatSpecJson, parseSpec, parseSpecJson } from './specText';

const base: Spec = {
  name: 'add',
  language: 'python',
  description: 'Add two numbers.',
  parameters: [
    { name: 'a', type: 'int' },
    { name: 'b', type: 'int', default: 0 },
  ],
  returns: { type: 'int' },
  examples: [{ args: [1, 2], expected: 3 }, { args: [1], kwargs: { b: 5 }, expected: 6 }],
  constraints: [],
  tier: 'sandbox',
};

function issuesOf(input: unknown): string[] {
  try {
    parseSpec(input);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ArkError);
    return ((error as ArkError).details?.issues as { path: string; message: string }[]).map((issue) => `${issue.path}: ${issue.message}`);
  }
}

describe('type language', () => {
  it.each([
    ['int', 'int'],
    ['List[int]', 'list[int]'],
    ['typing.List[str]', 'list[str]'],
    ['list', 'list[Any]'],
    ['Dict[str, List[float]]', 'dict[str, list[float]]'],
    ['Tuple[int, int]', 'tuple[int, int]'],
    ['tuple[int, ...]', 'tuple[int, ...]'],
    ['tuple[()]', 'tuple[()]'],
    ['Optional[str]', 'Optional[str]'],
    ['Union[int, str, int]', 'int | str'],
    ['int | None', 'int | None'],
    ['set[tuple[int, str]]', 'set[tuple[int, str]]'],
  ])('canonicalises %s as %s', (input, expected) => {
    expect(canonicalType(input)).toBe(expected);
  });

  it.each(['Callable[[int], int]', 'np.ndarray', 'list[int', 'dict[str]', 'Optional', 'int |', 'tuple[int, ..., str]', 'x'.repeat(600)])('rejects %s', (input) => {
    expect(canonicalType(input)).toBeUndefined();
  });

  it.each([
    ['int', 'number'],
    ['list[str]', 'string[]'],
    ['list[int | str]', '(number | string)[]'],
    ['dict[str, list[float]]', 'Record<string, number[]>'],
    ['dict[int, str]', 'Map<number, string>'],
    ['tuple[int, str]', '[number, string]'],
    ['tuple[float, ...]', 'number[]'],
    ['set[str]', 'Set<string>'],
    ['Optional[bool]', 'boolean | null'],
    ['Any', 'unknown'],
  ])('maps %s to TypeScript %s', (input, expected) => {
    expect(toTypeScriptType(parseType(input))).toBe(expected);
  });
});

describe('value encoding', () => {
  it.each([
    [{ $tuple: [1, 'a'] }],
    [{ $set: [] }],
    [{ $dict: [[1, 'one']] }],
    [{ $float: 'nan' }],
    [{ $int: '123456789012345678901234567890' }],
    [{ a: [null, true, 1.5] }],
  ])('accepts %j', (value) => {
    expect(specValueProblem(value)).toBeUndefined();
  });

  it.each([
    [{ $tuple: 1 }, '$tuple holds an array'],
    [{ $float: 'infinity' }, '$float is'],
    [{ $nope: [] }, 'is not a value tag'],
    [{ $tuple: [], extra: 1 }, 'is not a value tag'],
    [{ $dict: [[1]] }, '[key, value] pairs'],
    [Number.NaN, 'finite'],
    [JSON.parse('{"__proto__": 1}'), '__proto__'],
  ])('rejects %j', (value, problem) => {
    expect(specValueProblem(value)).toContain(problem);
  });
});

describe('spec schema', () => {
  it('accepts a complete spec and round-trips it through JSON text', () => {
    const text = formatSpecJson(base);
    expect(parseSpecJson(text)).toEqual(base);
  });

  it('reports each problem with its path', () => {
    const issues = issuesOf({
      ...base,
      name: 'class',
      parameters: [{ name: 'a', type: 'List[' }, { name: 'a', type: 'int', default: 1 }, { name: 'c', type: 'int' }],
      examples: [{ args: [1, 2, 3, 4] }, { args: [], kwargs: { zz: 1 } }, { args: [1], expected: 1, raises: 'ValueError' }],
    });
    expect(issues.join('\n')).toMatch(/name: "class" is not a valid python function name/);
    expect(issues.join('\n')).toMatch(/parameters\[0\]\.type: .*ends too early/);
    expect(issues.join('\n')).toMatch(/Parameter "a" appears twice/);
    expect(issues.join('\n')).toMatch(/"c" needs a default/);
    expect(issues.join('\n')).toMatch(/Example 1 passes 4 arguments/);
    expect(issues.join('\n')).toMatch(/unknown parameter "zz"/);
    expect(issues.join('\n')).toMatch(/either returns a value or raises/);
  });

  it('allows camelCase names for TypeScript and forbids keyword parameters there', () => {
    expect(() => parseSpec({ ...base, language: 'typescript', name: 'addNumbers' })).not.toThrow();
    expect(issuesOf({ ...base, language: 'typescript', parameters: [{ name: 'a', type: 'int', kind: 'keyword' }], examples: [] }).join()).toMatch(/no keyword parameters/);
  });

  it('reports JSON syntax errors with line and column', () => {
    try {
      parseSpecJson('{\n  "name": "f",\n  oops\n}');
      expect.unreachable();
    } catch (error) {
      expect((error as ArkError).code).toBe('invalid-input');
      expect((error as ArkError).details).toMatchObject({ line: 3 });
    }
  });

  // Strict mode (every ES module) cannot bind these, so the generated function would not compile.
  it('forbids arguments and eval as TypeScript parameter names', () => {
    for (const name of ['arguments', 'eval']) {
      const spec = { ...base, language: 'typescript', parameters: [{ name, type: 'int' }], examples: [{ args: [1], expected: 1 }] };
      expect(issuesOf(spec).join(), name).toMatch(new RegExp(`"${name}" is not a valid typescript parameter name`));
    }
  });

  // A module-level `function Infinity` (or a parameter named NaN) would shadow the global that literals and defaults name.
  it('forbids the globals generated TypeScript uses as function and parameter names, and allows them in Python', () => {
    for (const name of ['Infinity', 'NaN', 'undefined', 'Set', 'Map', 'Error']) {
      const asFunction = { ...base, language: 'typescript', name };
      expect(issuesOf(asFunction).join(), name).toContain(`"${name}" is not a valid typescript function name (generated code uses the global ${name}, which it would shadow)`);
      const asParameter = { ...base, language: 'typescript', parameters: [{ name, type: 'float' }], examples: [{ args: [1], expected: 1 }] };
      expect(issuesOf(asParameter).join(), name).toMatch(new RegExp(`"${name}" is not a valid typescript parameter name \\(generated code uses`));
      expect(issuesOf({ ...base, name, parameters: [{ name, type: 'float' }], examples: [{ args: [1], expected: 1 }] }), name).toEqual([]);
    }
  });

  it('refuses integers past 2^53 in spec JSON instead of rounding them, and points at $int', () => {
    const text = JSON.stringify({ ...base, examples: [{ args: [1, 2], expected: 3 }] }, null, 2).replace('"expected": 3', '"expected": 9007199254740993');
    expect(() => parseSpecJson(text)).toThrow(/9007199254740993 .*line \d+.*\{"\$int": "9007199254740993"\}/);
    // The same digits inside a string, a safe integer and a float stay as they are.
    const fine = { ...base, description: 'Not 9007199254740993.', examples: [{ args: [-9007199254740991, 0], expected: 1e300 }] };
    expect(parseSpecJson(JSON.stringify(fine)).examples[0]?.expected).toBe(1e300);
  });
});
