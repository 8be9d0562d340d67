import { describe, expect, it } from 'vitest';
import type { FunctionMetrics, QualityReport } from '../../shared/quality';
import { applyEdits, applyMechanical, suggest } from './index';

const fn = (name: string, change: Partial<FunctionMetrics> = {}): FunctionMetrics => ({
  name,
  qualifiedName: name,
  line: 1,
  endLine: 3,
  cyclomatic: 1,
  cognitive: 0,
  hasDocstring: true,
  annotated: 2,
  annotatable: 2,
  ...change,
});

function report(change: Partial<QualityReport>): QualityReport {
  return {
    id: null,
    artifactId: null,
    path: null,
    language: 'python',
    codeHash: 'h',
    score: 80,
    scoringVersion: 1,
    breakdown: [],
    deductions: [],
    findings: [],
    findingCount: 0,
    format: { formatted: true, firstChangedLine: null, changedLines: 0 },
    functions: [],
    lines: { loc: 0, sloc: 0, lloc: 0, comments: 0, singleComments: 0, multi: 0, blank: 0 },
    maintainability: { index: 80, rank: 'A', halsteadVolume: 0, complexity: 1, lloc: 0, commentPercent: 0 },
    docstrings: { covered: 0, total: 0, ratio: null },
    annotations: { covered: 0, total: 0, ratio: null },
    syntaxErrors: false,
    tools: [],
    toolVersions: {},
    durationMs: 1,
    createdAt: '2026-11-30T00:00:00Z',
    ...change,
  };
}

describe('suggestions', () => {
  it('turns measurements into suggestions, each saying how it can be applied', () => {
    const finding = { source: 'ruff' as const, ruleId: 'UP006', severity: 'warning' as const, message: 'Use `list`', line: 3, column: 10, endLine: 3, endColumn: 14, fixable: true };
    const suggestions = suggest(
      report({
        findings: [finding, { ...finding, line: 5 }, { ...finding, ruleId: 'B006', fixable: false }, { ...finding, source: 'pyright', ruleId: 'reportArgumentType', severity: 'error', fixable: false }],
        format: { formatted: false, firstChangedLine: 2, changedLines: 3 },
        functions: [fn('tangled', { cyclomatic: 14, cognitive: 20, line: 10 }), fn('bare', { hasDocstring: false, annotated: 0, annotatable: 3 })],
      }),
      { testRun: { passed: 3, failed: 1, errors: 0 }, runs: { total: 10, failed: 4, p95Ms: 3500 } },
    );
    expect(suggestions.map((s) => [s.id, s.apply])).toEqual([
      ['lint-fix:UP006', 'mechanical'],
      ['format', 'mechanical'],
      ['split-function:tangled', 'model'],
      ['add-docstrings', 'model'],
      ['add-types', 'model'],
      ['fix-types', 'model'],
      ['failing-tests', 'model'],
      ['failing-runs', 'manual'],
      ['slow-runs', 'model'],
    ]);
    expect(suggestions[0]!.title).toContain('2 places');
    expect(suggest(report({ functions: [fn('fine')] }))).toEqual([]);
  });

  it("applies Ruff's own fixes for one rule, and the formatter", () => {
    const code = 'from typing import List\n\n\ndef total(xs: List[int]) -> int:\n    return sum(xs)\n\n\ndef first(xs: List[int]) -> int:\n    return xs[0]\n';
    const fixed = applyMechanical(code, 'lint-fix:UP006');
    expect(fixed.changed).toBe(true);
    expect(fixed.code).toContain('def total(xs: list[int]) -> int:');
    expect(fixed.code).toContain('def first(xs: list[int]) -> int:');
    const formatted = applyMechanical('def f( a,b ):\n  return a+b\n', 'format');
    expect(formatted.code).toBe('def f(a, b):\n    return a + b\n');
    expect(applyMechanical(formatted.code, 'format').changed).toBe(false);
    expect(() => applyMechanical(code, 'split-function:total')).toThrow(/not a mechanical/);
  });

  it('applies edit groups from the end, skipping overlaps', () => {
    const at = (row: number, column: number) => ({ row, column });
    expect(applyEdits('abc\ndef\n', [[{ location: at(1, 1), end_location: at(1, 2), content: 'A' }], [{ location: at(2, 2), end_location: at(2, 4), content: 'EF' }]])).toBe('Abc\ndEF\n');
    expect(applyEdits('abcdef', [[{ location: at(1, 1), end_location: at(1, 4), content: 'X' }], [{ location: at(1, 2), end_location: at(1, 3), content: 'Y' }]])).toBe('aYcdef');
  });
});
