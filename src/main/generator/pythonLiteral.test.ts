import { describe, expect, it } from 'vitest';
import type { SpecValue } from '../../shared/spec';
import { pyLiteral, pyString, tsLiteral } from '../templates/filters';
import { parsePythonLiteral, PythonLiteralError, readPythonExpression } from './pythonLiteral';
import { python, run } from './testing';

describe('parsePythonLiteral', () => {
  it.each([
    ['42', 42],
    ['-7', -7],
    ['+3', 3],
    ['1_000', 1000],
    ['0x1F', 31],
    ['0o17', 15],
    ['0b101', 5],
    ['3.5', 3.5],
    ['1e-5', 1e-5],
    ['-2.5E3', -2500],
    ['.5', 0.5],
    ['1.', 1],
    ['True', true],
    ['None', null],
    ["'it''s'", 'its'],
    ['"a\\nb\\t\\\\ \\x41\\u00e9\\101"', 'a\nb\t\\ AéA'],
    ["r'a\\nb'", 'a\\nb'],
    ['"""multi\nline"""', 'multi\nline'],
    ['"unknown \\q escape"', 'unknown \\q escape'],
    ['[1, [2, 3], []]', [1, [2, 3], []]],
    ['(1,)', { $tuple: [1] }],
    ['()', { $tuple: [] }],
    ['(1)', 1],
    ['{1, 2}', { $set: [1, 2] }],
    ['set()', { $set: [] }],
    ["{'a': 1, 'b': [True, None]}", { a: 1, b: [true, null] }],
    ['{1: "one", (2, 3): "pair"}', { $dict: [[1, 'one'], [{ $tuple: [2, 3] }, 'pair']] }],
    ["{'$tuple': 1}", { $dict: [['$tuple', 1]] }],
    ["{'__proto__': 1}", { $dict: [['__proto__', 1]] }],
    ["{'a': 1, 'a': 2}", { a: 2 }],
    ["float('inf')", { $float: 'inf' }],
    ["-float('inf')", { $float: '-inf' }],
    ['float("nan")', { $float: 'nan' }],
    ['1e999', { $float: 'inf' }],
    ['123456789012345678901234567890', { $int: '123456789012345678901234567890' }],
    ['[\n  1,  # one\n  2,\n]', [1, 2]],
  ] as [string, SpecValue][])('reads %s', (text, expected) => {
    expect(parsePythonLiteral(text)).toEqual(expected);
  });

  it.each([
    ['[1, 2', 'Expected'],
    ["'open", 'never closed'],
    ["f'{x}'", 'f-strings'],
    ["b'x'", 'Bytes'],
    ['1j', 'Complex'],
    ['x', 'is a name'],
    ['len([1])', 'is a call'],
    ['007', 'leading zeros'],
    ['1 + 2', 'after the value'],
    ['-"a"', 'numbers only'],
    ['['.repeat(200), 'too deeply'],
  ])('rejects %s', (text, message) => {
    expect(() => parsePythonLiteral(text)).toThrow(PythonLiteralError);
    expect(() => parsePythonLiteral(text)).toThrow(message);
  });

  it('reads calls with keyword arguments and reports where they end', () => {
    const text = "f(1, [2, 'x'], key=-3.5) # note";
    const { expr, end } = readPythonExpression(text);
    expect(expr).toMatchObject({ t: 'call', callee: 'f', kwargs: [['key', { t: 'float', v: -3.5 }]] });
    expect(text.slice(end)).toBe(' # note');
  });
});

describe('literal rendering', () => {
  it('quotes strings as repr() does and escapes everything that could end them', () => {
    expect(pyString("it's")).toBe(`"it's"`);
    expect(pyString('say "hi"')).toBe(`'say "hi"'`);
    expect(pyString(`both ' and "`)).toBe(`'both \\' and "'`);
    expect(pyString('a\nb\r\u2028\u0000\\')).toBe("'a\\nb\\r\\u2028\\x00\\\\'");
    expect(tsLiteral("'); process.exit(1); ('")).toBe(`"'); process.exit(1); ('"`);
    expect(tsLiteral({ $set: [1] })).toBe('new Set([1])');
    expect(tsLiteral({ $dict: [[1, 'a']] })).toBe('new Map([[1, "a"]])');
  });

  // The values a spec can hold, rendered by pyLiteral, evaluated by real Python and encoded back: the same value.
  const values: SpecValue[] = [
    "'); import os; os.system('echo pwned'); ('",
    '"""; import os; """',
    'back\\slash \' " \n\r\t \u0001 \u2028 é 😀',
    [1, -2.5, 1e-7, 1e21, 123456789012],
    { $tuple: [1] },
    { $tuple: [] },
    { $set: [3] },
    { $set: [] },
    { $dict: [[{ $tuple: [1, 2] }, null]] },
    { $float: '-inf' },
    { $int: '-98765432109876543210' },
    { key: { nested: [true, false, null] } },
  ];

  it.skipIf(!python)('round-trips every kind of value through real Python', async () => {
    const script = [
      'import json, math, sys',
      'def enc(v):',
      '    if isinstance(v, bool) or v is None or isinstance(v, str): return v',
      '    if isinstance(v, int): return v if abs(v) < 2**53 else {"$int": str(v)}',
      '    if isinstance(v, float):',
      '        if math.isinf(v): return {"$float": "inf" if v > 0 else "-inf"}',
      '        return v',
      '    if isinstance(v, list): return [enc(x) for x in v]',
      '    if isinstance(v, tuple): return {"$tuple": [enc(x) for x in v]}',
      '    if isinstance(v, set): return {"$set": [enc(x) for x in v]}',
      '    if all(isinstance(k, str) for k in v): return {k: enc(x) for k, x in v.items()}',
      '    return {"$dict": [[enc(k), enc(x)] for k, x in v.items()]}',
      'for line in sys.stdin.read().split("\\n"):',
      '    print(json.dumps(enc(eval(line, {"__builtins__": {"float": float, "set": set}}))))',
    ].join('\n');
    const literals = values.map(pyLiteral);
    for (const literal of literals) expect(literal).not.toContain('\n');
    const result = await run(python as string, ['-I', '-c', script], { input: literals.join('\n') });
    expect(result.stderr).toBe('');
    const back = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as SpecValue);
    expect(back).toEqual(values);
    // And the parser reads what the renderer wrote.
    expect(literals.map((literal) => parsePythonLiteral(literal))).toEqual(values);
  });
});
