import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Node, Tree } from 'web-tree-sitter';
import { describe, expect, it } from 'vitest';
import { pythonFiles, stdlibPath } from '../../../bench/stdlib';
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

// The copy against web-tree-sitter's public TreeCursor (the way it was read before it called the WebAssembly directly),
// node for node in preorder: depth, type, named, field, range, MISSING, and whether the subtree shows an ERROR or
// MISSING node (see SyntaxNode.hasError).
function publicRows(tree: Tree): string[] {
  const nodes: Array<{ depth: number; row: string; problem: boolean; hasError: boolean }> = [];
  const cursor = tree.walk();
  try {
    let depth = 0;
    for (let done = false; !done; ) {
      const row = [depth, cursor.nodeType, cursor.nodeIsNamed, cursor.currentFieldName ?? null, cursor.startIndex, cursor.endIndex, cursor.nodeIsMissing].join(' ');
      nodes.push({ depth, row, problem: cursor.nodeIsMissing || cursor.nodeType === 'ERROR', hasError: false });
      if (cursor.gotoFirstChild()) {
        depth += 1;
        continue;
      }
      while (!done && !cursor.gotoNextSibling()) {
        done = !cursor.gotoParent();
        depth -= 1;
      }
    }
  } finally {
    cursor.delete();
  }
  // Backwards, a node's descendants come before it: childErrors[d] collects whether a child at depth d has an error.
  const childErrors: boolean[] = [];
  for (let index = nodes.length - 1; index >= 0; index -= 1) {
    const node = nodes[index] as (typeof nodes)[number];
    node.hasError = node.problem || (childErrors[node.depth + 1] ?? false);
    childErrors[node.depth + 1] = false;
    childErrors[node.depth] = (childErrors[node.depth] ?? false) || node.hasError;
  }
  return nodes.map((node) => `${node.row} ${node.hasError}`);
}

function copyRows(root: SyntaxNode): string[] {
  const rows: string[] = [];
  const stack: Array<[SyntaxNode, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [SyntaxNode, number];
    rows.push([depth, node.type, node.isNamed, node.field, node.startIndex, node.endIndex, node.isMissing, node.hasError].join(' '));
    for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push([node.children[index] as SyntaxNode, depth + 1]);
  }
  return rows;
}

function filesUnder(folder: string, pattern: RegExp): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => pattern.test(file))
    .sort()
    .map((file) => join(folder, file));
}

const validatorFolder = __dirname;
const sourceFolder = join(__dirname, '..', '..');
// Real code in every grammar the validator reads: a sample of the Python standard library (files with syntax errors
// among them), the hostile and benign corpus (deep nesting, obfuscation), and this project's own scripts and TypeScript.
const realFiles: Array<{ grammar: GrammarName; files: string[] }> = [
  { grammar: 'python', files: [...pythonFiles(stdlibPath()).filter((_, index) => index % 15 === 0), ...filesUnder(join(validatorFolder, 'corpus'), /\.py$/)] },
  { grammar: 'javascript', files: [...filesUnder(join(validatorFolder, 'corpus'), /\.js$/), ...filesUnder(join(sourceFolder, '..', 'scripts'), /\.m?js$/)] },
  { grammar: 'typescript', files: [...filesUnder(join(validatorFolder, 'corpus'), /\.ts\.txt$/), ...filesUnder(join(sourceFolder, 'main'), /\.ts$/).filter((_, index) => index % 4 === 0)] },
  { grammar: 'tsx', files: [...filesUnder(join(validatorFolder, 'corpus'), /\.tsx\.txt$/), ...filesUnder(join(sourceFolder, 'renderer'), /\.tsx$/)] },
];

// Each file also with its middle third cut out, the way code looks half-edited in the editor: unclosed brackets,
// broken indentation, ERROR and MISSING nodes (the stdlib itself has only three files tree-sitter cannot parse).
function versions(code: string): string[] {
  return [code, code.slice(0, Math.floor(code.length / 3)) + code.slice(Math.floor((2 * code.length) / 3))];
}

describe('readSyntaxTree on real files', () => {
  for (const { grammar, files } of realFiles) {
    it(`copies ${files.length} ${grammar} files, whole and half-edited, exactly as web-tree-sitter's TreeCursor reads them`, async () => {
      expect(files.length).toBeGreaterThan(5);
      const parser = await createParser(grammar);
      let nodes = 0;
      let withErrors = 0;
      for (const file of files) {
        for (const code of versions(readFileSync(file, 'utf8'))) {
          const tree = parser.parse(code);
          if (!tree) throw new Error(`no tree for ${file}`);
          try {
            const expected = publicRows(tree);
            const copied = copyRows(readSyntaxTree(tree, code));
            const differs = copied.findIndex((row, index) => row !== expected[index]);
            // The first differing node, named by file, rather than a diff of thousands of rows.
            if (differs >= 0 || copied.length !== expected.length) {
              const where = { file, length: code.length, row: differs };
              expect({ ...where, row: copied[differs] }).toEqual({ ...where, row: expected[differs] });
              expect(copied.length).toBe(expected.length);
            }
            nodes += expected.length;
            if (tree.rootNode.hasError) withErrors += 1;
          } finally {
            tree.delete();
          }
        }
      }
      expect(nodes).toBeGreaterThan(files.length * 10);
      expect(withErrors).toBeGreaterThan(files.length / 3);
      // Thousands of trees, each walked twice: ~10 s for the Python sample on the shared two cores.
    }, 120_000);
  }
});
