// Finds where a tree-sitter parse failed: ERROR nodes (unexpected text) and MISSING nodes (a token the parser made up).
import type { SyntaxNode } from './syntaxTree';

export type SyntaxProblem = { kind: 'error' | 'missing'; node: SyntaxNode };

// A file with one real mistake often yields a cascade of ERROR nodes; the first few say all there is to say.
const maxProblems = 10;

/** The outermost ERROR nodes and every MISSING node, in source order, at most ten. */
export function findSyntaxProblems(root: SyntaxNode): SyntaxProblem[] {
  if (!root.hasError) return [];
  const problems: SyntaxProblem[] = [];
  const stack = [root];
  while (stack.length > 0 && problems.length < maxProblems) {
    const node = stack.pop() as SyntaxNode;
    if (node.isMissing) problems.push({ kind: 'missing', node });
    else if (node.type === 'ERROR') problems.push({ kind: 'error', node });
    // Inside an ERROR node everything is noise; only descend where the subtree contains an error.
    if (node.type === 'ERROR' || !node.hasError) continue;
    for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push(node.children[index] as SyntaxNode);
  }
  return problems;
}

/** What to show for a problem: the unexpected text (first line), or the token that is missing. */
export function describeSyntaxProblem(problem: SyntaxProblem): string {
  if (problem.kind === 'missing') return problem.node.type;
  const text = problem.node.text.split('\n')[0] ?? '';
  return text.length > 0 ? text : problem.node.type;
}
