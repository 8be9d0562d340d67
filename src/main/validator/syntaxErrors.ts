// Finds where a tree-sitter parse failed: ERROR nodes (unexpected text) and MISSING nodes (a token the parser made up).
import type { Node } from 'web-tree-sitter';

export type SyntaxProblem = { kind: 'error' | 'missing'; node: Node };

// A file with one real mistake often yields a cascade of ERROR nodes; the first few say all there is to say.
const maxProblems = 10;

/** The outermost ERROR nodes and every MISSING node, in source order, at most ten. */
export function findSyntaxProblems(root: Node): SyntaxProblem[] {
  if (!root.hasError) return [];
  const problems: SyntaxProblem[] = [];
  const cursor = root.walk();
  try {
    let descend = true;
    for (;;) {
      if (descend) {
        if (cursor.nodeIsMissing) problems.push({ kind: 'missing', node: cursor.currentNode });
        else if (cursor.nodeType === 'ERROR') problems.push({ kind: 'error', node: cursor.currentNode });
        if (problems.length >= maxProblems) break;
      }
      // Inside an ERROR node everything is noise; only descend where the subtree contains an error.
      if (descend && cursor.nodeType !== 'ERROR' && cursor.currentNode.hasError && cursor.gotoFirstChild()) continue;
      if (cursor.gotoNextSibling()) {
        descend = true;
        continue;
      }
      if (!cursor.gotoParent()) break;
      descend = false;
    }
  } finally {
    cursor.delete();
  }
  return problems;
}

/** What to show for a problem: the unexpected text (first line), or the token that is missing. */
export function describeSyntaxProblem(problem: SyntaxProblem): string {
  if (problem.kind === 'missing') return problem.node.type;
  const text = problem.node.text.split('\n')[0] ?? '';
  return text.length > 0 ? text : problem.node.type;
}
