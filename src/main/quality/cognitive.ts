// Cognitive complexity (G. Ann Campbell, "Cognitive Complexity", SonarSource, 2017, v1.7), one walk for every
// language: each language names what its nodes are in the paper's terms, and the nesting is counted here.
import type { Node } from 'web-tree-sitter';

/** What one node adds to a function's cognitive complexity, and which of its children sit one level deeper. */
export type CognitiveIncrement = {
  adds: 'nothing' | 'one' | 'one-plus-nesting';
  nests: (child: Node) => boolean;
};

/** Every child sits one level deeper (an else's body, the branches of a conditional expression). */
export const everyChild = (): boolean => true;

/** A structure that nests (if, loop, catch, switch or match, conditional expression): +1 and the nesting level. */
export function nestingStructure(nests: (child: Node) => boolean): CognitiveIncrement {
  return { adds: 'one-plus-nesting', nests };
}

/** A branch that continues a structure (else if, elif, else): +1 however deep it stands. */
export function continuingBranch(nests: (child: Node) => boolean): CognitiveIncrement {
  return { adds: 'one', nests };
}

/** A break in the flow that does not nest: a run of like boolean operators, a labelled jump, direct recursion. */
export const flowBreak: CognitiveIncrement = { adds: 'one', nests: () => false };

/** A function, lambda or class inside the one measured: it raises the nesting level of what it holds, adds nothing. */
export const nestingOnly: CognitiveIncrement = { adds: 'nothing', nests: everyChild };

/** Only the child in `field` sits one level deeper (a loop's body, an if's consequence). */
export function onlyField(node: Node, field: string): (child: Node) => boolean {
  // Compare ids: web-tree-sitter hands out a new Node object on every lookup.
  const id = node.childForFieldName(field)?.id;
  return (child) => child.id === id;
}

/** Whether a boolean operator starts a run: `a && b && c` is one run and adds 1, `a && b || c` two. */
export function startsOperatorRun(node: Node, parent: Node | null): boolean {
  return !(parent?.type === node.type && parent.childForFieldName('operator')?.type === node.childForFieldName('operator')?.type);
}

/**
 * The cognitive complexity of the code under `roots`, each language's nodes read by `incrementOf`. The walk hands each
 * node its parent: asking web-tree-sitter for `node.parent` costs a call into WebAssembly every time.
 */
export function cognitiveComplexity(roots: Node[], incrementOf: (node: Node, parent: Node | null) => CognitiveIncrement | undefined): number {
  let total = 0;
  const walk = (node: Node, parent: Node | null, nesting: number): void => {
    const increment = incrementOf(node, parent);
    if (increment?.adds === 'one') total += 1;
    else if (increment?.adds === 'one-plus-nesting') total += 1 + nesting;
    for (const child of node.namedChildren) walk(child, node, increment?.nests(child) ? nesting + 1 : nesting);
  };
  for (const root of roots) walk(root, root.parent, 0);
  return total;
}
