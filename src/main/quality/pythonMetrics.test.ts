// Python metrics: cyclomatic complexity equal to Ruff's C901 (checked against the real Ruff, not only against numbers
// written here), cognitive complexity on worked examples, and docstring and annotation coverage.
import { describe, expect, it } from 'vitest';
import { createRuffWorkspace, type RuffDiagnostic } from '../parsing/ruffWasm';
import { measureCode } from './metrics';

const mccabe = createRuffWorkspace({ 'target-version': 'py313', lint: { select: ['C901'], mccabe: { 'max-complexity': 0 } } });

/** Ruff's C901 number for every function, keyed `line:name`. */
function ruffComplexities(code: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const diagnostic of mccabe.check(code) as RuffDiagnostic[]) {
    const match = /^`(.+)` is too complex \((\d+) > 0\)$/.exec(diagnostic.message);
    if (match) out[`${diagnostic.start_location.row}:${match[1]}`] = Number(match[2]);
  }
  return out;
}

async function ourComplexities(code: string): Promise<Record<string, number>> {
  const { functions } = await measureCode(code, 'python');
  return Object.fromEntries(functions.map((fn) => [`${fn.line}:${fn.name}`, fn.cyclomatic]));
}

async function functionsOf(code: string) {
  return Object.fromEntries((await measureCode(code, 'python')).functions.map((fn) => [fn.qualifiedName, fn]));
}

// Snippets with the numbers Ruff's own tests give them (crates/ruff_linter/src/rules/mccabe), and the harder cases:
// match statements with irrefutable last cases, try/else, loops with else, nested defs and classes.
const snippets: Record<string, { code: string; expected: Record<string, number> }> = {
  trivial: { code: 'def trivial():\n    pass\n', expected: { '1:trivial': 1 } },
  'if/elif/else': {
    code: 'def f(n):\n    if n > 3:\n        return 1\n    elif n > 4:\n        return 2\n    else:\n        return 3\n',
    expected: { '1:f': 3 },
  },
  'boolean operators and comprehensions count nothing': {
    code: 'def f(a, b):\n    x = [i for i in a if i and b]\n    return x if a or b else None\n',
    expected: { '1:f': 1 },
  },
  'for/else and while/else': {
    code: 'def f(xs):\n    for x in xs:\n        pass\n    else:\n        pass\n    while xs:\n        xs.pop()\n    else:\n        pass\n',
    expected: { '1:f': 3 },
  },
  'try with two handlers and else': {
    code: 'def f():\n    try:\n        print(1)\n    except TypeA:\n        print(2)\n    except TypeB:\n        print(3)\n    else:\n        print(4)\n    finally:\n        if x:\n            pass\n',
    expected: { '1:f': 5 },
  },
  'nested functions count in the outer one too': {
    code: 'def outer():\n    def a():\n        def b():\n            pass\n        b()\n    a()\n',
    expected: { '1:outer': 3, '2:a': 2, '3:b': 1 },
  },
  'async with and async for': {
    code: 'async def f(a, b, c):\n    if await b:\n        pass\n    async with c:\n        if a:\n            pass\n    async for x in a:\n        pass\n',
    expected: { '1:f': 4 },
  },
  'methods, nested classes and decorators': {
    code: 'class Outer:\n    @property\n    def handle(self, *args):\n        if args:\n            return\n        class Inner:\n            def b(self):\n                if not args:\n                    pass\n        return Inner\n',
    expected: { '3:handle': 4, '7:b': 2 },
  },
  'match: each case counts, an irrefutable last case does not': {
    code: [
      'def plain(x):',
      '    match x:',
      '        case 1:',
      '            pass',
      '        case 2:',
      '            pass',
      'def wildcard(x):',
      '    match x:',
      '        case 1:',
      '            pass',
      '        case _:',
      '            pass',
      'def capture_in_or(x):',
      '    match x:',
      '        case 1:',
      '            pass',
      '        case 2 | other:',
      '            pass',
      'def guarded(x):',
      '    match x:',
      '        case 1:',
      '            pass',
      '        case _ if x:',
      '            pass',
      'def grouped_as(x):',
      '    match x:',
      '        case 1:',
      '            pass',
      '        case (_ as y):',
      '            pass',
      'def sequence(x):',
      '    match x,:',
      '        case y,:',
      '            pass',
      'def dotted(x):',
      '    match x:',
      '        case 1:',
      '            pass',
      '        case Color.RED:',
      '            pass',
      '',
    ].join('\n'),
    expected: { '1:plain': 3, '7:wildcard': 2, '13:capture_in_or': 2, '19:guarded': 3, '25:grouped_as': 2, '31:sequence': 2, '35:dotted': 3 },
  },
};

describe('Python cyclomatic complexity', () => {
  it.each(Object.entries(snippets))('%s: equals the expected numbers and what Ruff C901 reports', async (_name, { code, expected }) => {
    const ours = await ourComplexities(code);
    expect(ours).toEqual(expected);
    expect(ours).toEqual(ruffComplexities(code));
  });
});

describe('Python cognitive complexity', () => {
  it('scores the nested loop example of the cognitive complexity paper (7)', async () => {
    const code = [
      'def sum_of_primes(limit):',
      '    total = 0',
      '    for i in range(1, limit + 1):  # +1',
      '        for j in range(2, i):  # +2 (nesting 1)',
      '            if i % j == 0:  # +3 (nesting 2)',
      '                break',
      '        else:  # +1',
      '            total += i',
      '    return total',
      '',
    ].join('\n');
    expect((await functionsOf(code)).sum_of_primes).toMatchObject({ cognitive: 7, cyclomatic: 4 });
  });

  it('counts runs of like boolean operators, conditional expressions with nesting, recursion and nested functions', async () => {
    const code = [
      'def walk(node, depth):',
      '    if node and depth or not node:  # if +1, `or` run +1, `and` run +1',
      '        return walk(node.child, depth - 1)  # recursion +1',
      '    def helper(x):  # nesting +1 for what is inside',
      '        return 1 if x else 2  # +1 +1 nesting',
      '    return helper(depth)',
      '',
    ].join('\n');
    const functions = await functionsOf(code);
    expect(functions.walk?.cognitive).toBe(6);
    expect(functions['walk.helper']?.cognitive).toBe(1);
  });

  it('adds elif and else without nesting, and except and match with it', async () => {
    const code = [
      'def f(x):',
      '    try:',
      '        if x:  # +2 (in try body: nesting 0, so +1)',
      '            pass',
      '        elif x > 1:  # +1',
      '            pass',
      '        else:  # +1',
      '            pass',
      '    except ValueError:  # +1',
      '        match x:  # +2',
      '            case 1:',
      '                pass',
      '',
    ].join('\n');
    expect((await functionsOf(code)).f?.cognitive).toBe(6);
  });

  it('reads every subject of a match, not only the first', async () => {
    const code = ['def f(a, b, c, d):', '    match a or b, c or d:  # match +1, each `or` run +1', '        case _:', '            pass', ''].join('\n');
    expect((await functionsOf(code)).f?.cognitive).toBe(3);
  });
});

describe('Python coverage and lines', () => {
  it('counts docstrings of functions and classes, and annotations except self, cls and __init__ returns', async () => {
    const code = [
      '"""Module docstring."""',
      '',
      '',
      'class Account:',
      '    """A bank account."""',
      '',
      '    def __init__(self, owner: str, balance=0):',
      '        self.owner = owner',
      '',
      '    @staticmethod',
      '    def rate(kind: str) -> float:',
      '        """Interest rate."""',
      '        return 0.1',
      '',
      '    @classmethod',
      '    def empty(cls, *args, **kwargs) -> "Account":',
      '        return cls("nobody")',
      '',
    ].join('\n');
    const measured = await measureCode(code, 'python');
    // Documented: Account, rate; not: __init__, empty.
    expect(measured.docstrings).toEqual({ covered: 2, total: 4, ratio: 0.5 });
    // __init__: owner yes, balance no (no return slot); rate: kind yes + return yes; empty: args no, kwargs no, return yes.
    expect(measured.annotations).toEqual({ covered: 4, total: 7, ratio: 4 / 7 });
    expect(measured.functions.map((fn) => [fn.qualifiedName, fn.annotated, fn.annotatable, fn.hasDocstring])).toEqual([
      ['Account.__init__', 1, 2, false],
      ['Account.rate', 2, 2, true],
      ['Account.empty', 1, 3, false],
    ]);
  });

  it("decomposes lines as Radon does: loc = sloc + multi + single comments + blank", async () => {
    const code = ['"""Two line', 'module docstring."""', '# a comment', 'x = 1  # inline', '', 's = """a', 'b"""', ''].join('\n');
    const { lines } = await measureCode(code, 'python');
    expect(lines).toEqual({ loc: 7, sloc: 3, lloc: 3, comments: 2, singleComments: 1, multi: 2, blank: 1 });
    expect(lines.sloc + lines.multi + lines.singleComments + lines.blank).toBe(lines.loc);
  });

  it('counts blank-only and comment-only files as blank and comment lines', async () => {
    expect((await measureCode('\n\n\n', 'python')).lines).toMatchObject({ loc: 3, sloc: 0, blank: 3 });
    expect((await measureCode('# one\n\n# two\n', 'python')).lines).toMatchObject({ loc: 3, sloc: 0, singleComments: 2, blank: 1 });
  });

  it('measures what parses in code with syntax errors and says so', async () => {
    const measured = await measureCode('def ok():\n    return 1\n\ndef broken(:\n', 'python');
    expect(measured.syntaxErrors).toBe(true);
    expect(measured.functions[0]).toMatchObject({ name: 'ok', cyclomatic: 1 });
  });
});
