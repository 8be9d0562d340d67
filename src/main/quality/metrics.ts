// Parses code with tree-sitter and measures it: the per-language walkers fill one shape, finished here into lines,
// maintainability and coverage.
import type { Language } from '../../shared/domain';
import type { Coverage, FunctionMetrics, LineCounts, Maintainability } from '../../shared/quality';
import { createParser, type GrammarName } from '../parsing/treeSitter';
import { ecmaMetrics } from './ecmaMetrics';
import { countLines, type LineMarks } from './lineCounts';
import { measureMaintainability, type HalsteadCounts } from './maintainability';
import { pythonMetrics } from './pythonMetrics';

/** What a language's walker measures in one pass over the tree. */
export type CodeMetrics = {
  functions: FunctionMetrics[];
  /** Cyclomatic complexity of the whole file: every function once, plus decisions outside functions. */
  totalComplexity: number;
  halstead: HalsteadCounts;
  lloc: number;
  marks: LineMarks;
  docstrings: { covered: number; total: number };
  annotations: { covered: number; total: number };
  syntaxErrors: boolean;
};

export type MeasuredCode = {
  functions: FunctionMetrics[];
  lines: LineCounts;
  maintainability: Maintainability;
  docstrings: Coverage;
  /** Null ratio and zero total for JavaScript, which has no annotations to count. */
  annotations: Coverage;
  syntaxErrors: boolean;
};

export function grammarFor(language: Language, filename?: string): GrammarName {
  if (language === 'python') return 'python';
  if (language === 'javascript') return 'javascript';
  return filename && /\.tsx$/i.test(filename) ? 'tsx' : 'typescript';
}

function coverage(covered: number, total: number): Coverage {
  return { covered, total, ratio: total === 0 ? null : covered / total };
}

export async function measureCode(code: string, language: Language, filename?: string): Promise<MeasuredCode> {
  const parser = await createParser(grammarFor(language, filename));
  try {
    const tree = parser.parse(code);
    if (!tree) throw new Error('tree-sitter returned no tree');
    try {
      const metrics = language === 'python' ? pythonMetrics(tree) : ecmaMetrics(tree, language === 'typescript');
      const lines = countLines(code, metrics.marks, metrics.lloc);
      const maintainability = measureMaintainability({
        halstead: metrics.halstead,
        complexity: metrics.totalComplexity,
        lloc: metrics.lloc,
        sloc: lines.sloc,
        // Radon counts comment lines and docstring lines (its `multi`) together.
        commentLines: lines.comments + lines.multi,
      });
      return {
        functions: metrics.functions,
        lines,
        maintainability,
        docstrings: coverage(metrics.docstrings.covered, metrics.docstrings.total),
        annotations: coverage(metrics.annotations.covered, metrics.annotations.total),
        syntaxErrors: metrics.syntaxErrors,
      };
    } finally {
      tree.delete();
    }
  } finally {
    parser.delete();
  }
}
