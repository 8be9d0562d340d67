import type { Node } from 'web-tree-sitter';
import { describe, expect, it } from 'vitest';
import { createParser, type GrammarName } from '../parsing/treeSitter';
import { readSyntaxTree, type SyntaxNode } from './syntaxTree';

const python = [
  'import os.path as p, sys',
  'from . import sibling',
  'class A(Base, metaclass=M):',
  '    """Doc with ünïcode and an emoji 🐍."""',
  '    def f(self, x: int = 1, *args, **kw) -> "A":',
  '        return [y ** 2 for y in range(x) if y] or {k: v for k, v in kw.items()}',
  'match command.split():',
  '    case ["go", d]:',
  '        print(f"going {d!r:>10}")',
  '    case _:',
  '        pass',
  'while True:\r',
  '    x = a[1:2, ::3] if b else not c',
  '',
].join('\n');

const samples: Array<{ grammar: GrammarName; code: string; hasError: boolean }> = [
  { grammar: 'python', code: python, hasError: false },
  // An unclosed call and a stray token: ERROR and MISSING nodes.
  { grammar: 'python', code: 'def f(:\n    return g(1,\nx = )\n', hasError: true },
  { grammar: 'javascript', code: "const { a, b: [c] } = require('m');\nnew Function(`x${y}`)();\nlabel: for (let i = 0; i < 3; i++) { if (i) break label; }\n", hasError: false },
  { grammar: 'typescript', code: 'import type { T } from "t";\nexport abstract class C<T extends object> implements I { private x?: T; m(a: number): void {} }\n', hasError: false },
];

function compare(wasm: Node, copy: SyntaxNode, fields: string[]): void {
  expect(copy.type).toBe(wasm.type);
  expect(copy.isNamed).toBe(wasm.isNamed);
  expect([copy.startIndex, copy.endIndex]).toEqual([wasm.startIndex, wasm.endIndex]);
  expect([copy.startPosition, copy.endPosition]).toEqual([wasm.startPosition, wasm.endPosition]);
  expect(copy.text).toBe(wasm.text);
  expect(copy.hasError).toBe(wasm.hasError);
  expect(copy.isMissing).toBe(wasm.isMissing);
  expect(copy.namedChildren.map((child) => child.startIndex)).toEqual(wasm.namedChildren.map((child) => child?.startIndex));
  for (const field of fields) {
    const expected = wasm.childrenForFieldName(field).map((child) => [child?.type, child?.startIndex, child?.endIndex]);
    expect(copy.childrenForFieldName(field).map((child) => [child.type, child.startIndex, child.endIndex])).toEqual(expected);
    // The first child in the field, as the cursor assigns fields (web-tree-sitter's own childForFieldName differs only
    // for a field inherited through an aliased node, e.g. a match statement's `alternative`, which no rule reads).
    expect(copy.childForFieldName(field)?.startIndex ?? null).toBe(expected[0]?.[1] ?? null);
  }
  const children = wasm.children;
  expect(copy.children).toHaveLength(children.length);
  children.forEach((child, index) => {
    const copied = copy.children[index];
    if (!child || !copied) throw new Error(`child ${index} of ${wasm.type} is missing`);
    expect(copied.parent).toBe(copy);
    compare(child, copied, fields);
  });
}

describe('readSyntaxTree', () => {
  for (const sample of samples) {
    it(`copies a ${sample.grammar} tree${sample.hasError ? ' with syntax errors' : ''} node for node`, async () => {
      const parser = await createParser(sample.grammar);
      const tree = parser.parse(sample.code);
      if (!tree) throw new Error('no tree');
      try {
        const copy = readSyntaxTree(tree, sample.code);
        expect(copy.hasError).toBe(sample.hasError);
        const fields = tree.language.fields.filter((field): field is string => typeof field === 'string');
        compare(tree.rootNode, copy, fields);
        // Ids are unique within the copy (the evaluator caches values by id).
        const ids = new Set<number>();
        const stack = [copy];
        let count = 0;
        while (stack.length > 0) {
          const node = stack.pop() as SyntaxNode;
          ids.add(node.id);
          count += 1;
          stack.push(...node.children);
        }
        expect(ids.size).toBe(count);
      } finally {
        tree.delete();
      }
    });
  }
});
