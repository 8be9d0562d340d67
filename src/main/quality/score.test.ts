// The score: categories add up to 100, each is capped, deductions name what cost points, optional tools cost none.
import { describe, expect, it } from 'vitest';
import type { FunctionMetrics, QualityFinding, ToolRun } from '../../shared/quality';
import { categoryMaxPoints, scoreReport, type ScoreInput } from './score';

const ok = (name: string, optional = false): ToolRun => ({ name, version: '1', status: 'ok', optional, message: null, durationMs: 1 });

function finding(source: QualityFinding['source'], ruleId: string, severity: QualityFinding['severity'] = 'warning'): QualityFinding {
  return { source, ruleId, severity, message: `${ruleId} message`, line: 1, column: 1, endLine: 1, endColumn: 2, fixable: false };
}

function fn(name: string, cyclomatic: number, cognitive: number): FunctionMetrics {
  return { name, qualifiedName: name, line: 1, endLine: 2, cyclomatic, cognitive, hasDocstring: true, annotated: 1, annotatable: 1 };
}

function input(overrides: Partial<ScoreInput> = {}): ScoreInput {
  return {
    language: 'python',
    findings: [],
    format: { formatted: true, firstChangedLine: null, changedLines: 0 },
    functions: [fn('f', 1, 0)],
    maintainability: { index: 80, rank: 'A', halsteadVolume: 10, complexity: 1, lloc: 3, commentPercent: 0 },
    docstrings: { covered: 1, total: 1, ratio: 1 },
    annotations: { covered: 1, total: 1, ratio: 1 },
    tools: [ok('ruff'), ok('pyright')],
    ...overrides,
  };
}

describe('quality score', () => {
  it('gives clean code 100, with every category in the breakdown and caps adding up to 100', () => {
    const score = scoreReport(input());
    expect(score.score).toBe(100);
    expect(score.deductions).toEqual([]);
    expect(score.breakdown.map((part) => part.category)).toEqual(Object.keys(categoryMaxPoints));
    expect(Object.values(categoryMaxPoints).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('groups findings by rule, weighs errors above warnings, and caps each category', () => {
    const findings = [
      finding('ruff', 'F401'),
      finding('ruff', 'F401'),
      finding('ruff', 'F821', 'error'),
      finding('pyright', 'reportReturnType', 'error'),
      ...Array.from({ length: 40 }, () => finding('ruff', 'W291')),
    ];
    const score = scoreReport(input({ findings }));
    const lint = score.breakdown.find((part) => part.category === 'lint')!;
    expect(lint.lost).toBe(30);
    expect(score.deductions).toContainEqual({ category: 'lint', ruleId: 'F401', message: 'F401 message (and 1 more)', count: 2, points: 4 });
    expect(score.deductions).toContainEqual(expect.objectContaining({ category: 'lint', ruleId: 'F821', points: 5 }));
    expect(score.deductions).toContainEqual(expect.objectContaining({ category: 'types', ruleId: 'reportReturnType', points: 4 }));
    expect(score.score).toBe(100 - 30 - 4);
  });

  it('charges complexity over the limits per function, maintainability under 40, unformatted code and missing docs', () => {
    const score = scoreReport(
      input({
        functions: [fn('simple', 3, 2), fn('tangled', 14, 21)],
        maintainability: { index: 30, rank: 'A', halsteadVolume: 1000, complexity: 17, lloc: 300, commentPercent: 0 },
        format: { formatted: false, firstChangedLine: 3, changedLines: 2 },
        docstrings: { covered: 1, total: 4, ratio: 0.25 },
        annotations: { covered: 0, total: 0, ratio: null },
      }),
    );
    const lost = Object.fromEntries(score.breakdown.map((part) => [part.category, part.lost]));
    // tangled: cyclomatic 14 - 10 = 4, cognitive (21 - 15) / 2 = 3.
    expect(lost).toEqual({ lint: 0, format: 5, types: 0, complexity: 7, maintainability: 5, docstrings: 3.75, annotations: 0 });
    // 100 - 5 - 7 - 5 - 3.75 = 79.25, shown to one decimal.
    expect(score.score).toBe(79.3);
    expect(score.deductions.map((deduction) => deduction.ruleId)).toEqual(['ruff-format', 'maintainability-index', 'cyclomatic', 'docstrings-coverage', 'cognitive']);
    expect(score.deductions.find((deduction) => deduction.ruleId === 'cyclomatic')?.message).toBe('tangled (line 1) has cyclomatic complexity 14, over 10');
  });

  it('lets optional tools add findings without costing points', () => {
    const score = scoreReport(input({ findings: [finding('pylint', 'C0114 missing-module-docstring'), finding('mypy', 'return-value', 'error')], tools: [ok('ruff'), ok('pyright'), ok('pylint', true), ok('mypy', true)] }));
    expect(score.score).toBe(100);
  });

  it('says a category was not assessed when its tool is missing or failed', () => {
    const missing: ToolRun = { name: 'pyright', version: null, status: 'missing', optional: false, message: 'not installed', durationMs: 0 };
    const score = scoreReport(input({ tools: [ok('ruff'), missing] }));
    expect(score.breakdown.find((part) => part.category === 'types')?.summary).toBe('not assessed: pyright missing (not installed)');
  });
});
