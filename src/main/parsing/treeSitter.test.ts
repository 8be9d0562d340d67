import { describe, expect, it } from 'vitest';
import { createParser } from './treeSitter';

describe('tree-sitter grammars', () => {
  it.each([
    ['python', 'def f(x):\n    return x\n', 'function_definition'],
    ['typescript', 'function f(x: number): number { return x; }', 'function_declaration'],
    ['tsx', 'const A = () => <div/>;', 'lexical_declaration'],
    ['javascript', 'function f(x) { return x; }', 'function_declaration'],
  ] as const)('parses %s', async (grammar, source, firstKind) => {
    const parser = await createParser(grammar);
    const tree = parser.parse(source);
    expect(tree?.rootNode.hasError).toBe(false);
    expect(tree?.rootNode.child(0)?.type).toBe(firstKind);
  });
});
