// TypeScript and JavaScript metrics: ESLint-style cyclomatic complexity, cognitive complexity on the paper's
// examples, doc-comment and annotation coverage.
import { describe, expect, it } from 'vitest';
import { measureCode } from './metrics';

async function functionsOf(code: string, language: 'typescript' | 'javascript' = 'typescript') {
  return Object.fromEntries((await measureCode(code, language)).functions.map((fn) => [fn.qualifiedName, fn]));
}

describe('TypeScript and JavaScript complexity', () => {
  it('scores the paper\'s sumOfPrimes (cognitive 7) and getWords (cognitive 1) examples', async () => {
    const code = [
      'function sumOfPrimes(max: number): number {',
      '  let total = 0;',
      '  OUT: for (let i = 1; i <= max; ++i) { // +1',
      '    for (let j = 2; j < i; ++j) { // +2',
      '      if (i % j === 0) { // +3',
      '        continue OUT; // +1',
      '      }',
      '    }',
      '    total += i;',
      '  }',
      '  return total;',
      '}',
      'function getWords(n: number): string {',
      '  switch (n) { // +1',
      '    case 1: return "one";',
      '    case 2: return "a couple";',
      '    case 3: return "a few";',
      '    default: return "lots";',
      '  }',
      '}',
      '',
    ].join('\n');
    const functions = await functionsOf(code);
    expect(functions.sumOfPrimes).toMatchObject({ cognitive: 7, cyclomatic: 4 });
    // Cyclomatic: 1 + three cases with a test (default adds nothing), as ESLint's complexity rule counts.
    expect(functions.getWords).toMatchObject({ cognitive: 1, cyclomatic: 4 });
  });

  it('counts else-if and else flat, logical operator runs, ternaries, catch and nested functions separately', async () => {
    const code = [
      'export const check = (a: number, b?: number) => {',
      '  if (a > 0 && b && a || b) { // if +1; runs && +1, || +1',
      '    return a ?? b; // ?? +1 (cognitive: a run)',
      '  } else if (b) { // +1',
      '    try { b = a; } catch { return 0; } // catch +2 (nesting 1)',
      '  } else { // +1',
      '    const inner = (x: number) => (x ? 1 : 2); // inner function: nesting 2 for its ternary',
      '    return inner(a);',
      '  }',
      '  return b;',
      '};',
      '',
    ].join('\n');
    const functions = await functionsOf(code);
    // Cyclomatic: 1 + if + && + && + || + ?? + else-if + catch = 8 (inner's ternary is inner's own).
    expect(functions.check?.cyclomatic).toBe(8);
    // Cognitive: if 1, && run 1, || run 1, ?? run 1, else-if 1, catch 2, else 1, inner ternary 1+2 = 11.
    expect(functions.check?.cognitive).toBe(11);
    expect(functions['check.inner']).toMatchObject({ cyclomatic: 2, cognitive: 1 });
  });

  it('counts JSDoc comments and annotations (none for JavaScript)', async () => {
    const ts = [
      '/** Adds two numbers. */',
      'export function add(a: number, b = 1): number {',
      '  return a + b;',
      '}',
      'class Store {',
      '  /** Saves one item. */',
      '  save(item: string): void {}',
      '  constructor(private name: string) {}',
      '}',
      '',
    ].join('\n');
    const measured = await measureCode(ts, 'typescript');
    // Documented: add, save; not: Store, constructor.
    expect(measured.docstrings).toEqual({ covered: 2, total: 4, ratio: 0.5 });
    // add: a yes, b no, return yes; save: item yes, return yes; constructor: name yes (no return slot).
    expect(measured.annotations).toEqual({ covered: 5, total: 6, ratio: 5 / 6 });
    const js = await measureCode('/** Adds. */\nfunction add(a, b) {\n  return a + b;\n}\n', 'javascript');
    expect(js.annotations).toEqual({ covered: 0, total: 0, ratio: null });
    expect(js.docstrings.ratio).toBe(1);
    expect(js.lines).toMatchObject({ loc: 4, sloc: 3, multi: 1, blank: 0 });
  });
});
