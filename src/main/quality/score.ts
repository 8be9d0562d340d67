// The one quality score: 100 less what each category lost, each category capped so no single kind of problem can
// swamp the rest. docs/quality.md explains the weights; `scoringVersion` (shared/quality.ts) changes with them.
import type { Language } from '../../shared/domain';
import type { Coverage, Deduction, FormatCheck, FunctionMetrics, Maintainability, QualityFinding, ScoreCategory, ScorePart, ToolRun } from '../../shared/quality';
import { round } from './maintainability';

/** Category caps; they add up to 100. */
export const categoryMaxPoints: Record<ScoreCategory, number> = {
  lint: 30,
  format: 5,
  types: 25,
  complexity: 20,
  maintainability: 10,
  docstrings: 5,
  annotations: 5,
};

const labels: Record<ScoreCategory, string> = {
  lint: 'Lint',
  format: 'Formatting',
  types: 'Type checking',
  complexity: 'Complexity',
  maintainability: 'Maintainability index',
  docstrings: 'Docstrings',
  annotations: 'Type annotations',
};

/** Points one finding costs, by severity. Type errors weigh more than lint: they are likely bugs. */
export const findingPoints = {
  lint: { error: 5, warning: 2, info: 0.5 },
  types: { error: 4, warning: 1, info: 0 },
} as const;

/** Above these a function loses points: Ruff's and McCabe's usual 10, SonarSource's default 15. */
export const cyclomaticLimit = 10;
export const cognitiveLimit = 15;
/** Below this maintainability index, points are lost: half a point per point under it, up to the cap. */
export const maintainabilityFloor = 40;

export type ScoreInput = {
  language: Language;
  findings: QualityFinding[];
  format: FormatCheck;
  functions: FunctionMetrics[];
  maintainability: Maintainability;
  docstrings: Coverage;
  annotations: Coverage;
  tools: ToolRun[];
};

export type Score = { score: number; breakdown: ScorePart[]; deductions: Deduction[] };

export function scoreReport(input: ScoreInput): Score {
  const deductions: Deduction[] = [];
  const parts: ScorePart[] = [];
  const add = (category: ScoreCategory, lost: number, summary: string) => {
    parts.push({ category, label: labels[category], maxPoints: categoryMaxPoints[category], lost: round(Math.min(lost, categoryMaxPoints[category]), 2), summary });
  };

  // Lint and types: findings of the required tools, grouped by rule. Optional tools (pylint, mypy) cost nothing.
  for (const category of ['lint', 'types'] as const) {
    const sources = category === 'lint' ? ['ruff'] : ['pyright', 'tsc'];
    const counted = input.findings.filter((finding) => sources.includes(finding.source));
    const byRule = new Map<string, { count: number; points: number; message: string }>();
    for (const finding of counted) {
      const key = `${finding.source}:${finding.ruleId}`;
      const entry = byRule.get(key) ?? { count: 0, points: 0, message: finding.message };
      entry.count += 1;
      entry.points += findingPoints[category][finding.severity];
      byRule.set(key, entry);
    }
    let lost = 0;
    for (const [key, entry] of byRule) {
      if (entry.points <= 0) continue;
      lost += entry.points;
      deductions.push({ category, ruleId: key.slice(key.indexOf(':') + 1), message: entry.count > 1 ? `${entry.message} (and ${entry.count - 1} more)` : entry.message, count: entry.count, points: round(entry.points, 2) });
    }
    const tool = input.tools.find((run) => sources.includes(run.name) && !run.optional);
    const assessed = tool?.status === 'ok';
    add(category, lost, !assessed ? `not assessed: ${tool ? `${tool.name} ${tool.status}${tool.message ? ` (${tool.message})` : ''}` : 'no tool for this language'}` : counted.length === 0 ? 'no findings' : `${counted.length} finding(s)`);
  }

  if (input.format.formatted === false) {
    deductions.push({ category: 'format', ruleId: 'ruff-format', message: `Ruff's formatter would change ${input.format.changedLines} line(s), first at line ${input.format.firstChangedLine}`, count: 1, points: categoryMaxPoints.format });
    add('format', categoryMaxPoints.format, 'not formatted as ruff format would');
  } else add('format', 0, input.format.formatted ? 'formatted' : input.language === 'python' ? 'not checked (the code does not parse)' : 'no formatter check for this language');

  let complexityLost = 0;
  for (const fn of input.functions) {
    if (fn.cyclomatic > cyclomaticLimit) {
      const points = fn.cyclomatic - cyclomaticLimit;
      complexityLost += points;
      deductions.push({ category: 'complexity', ruleId: 'cyclomatic', message: `${fn.qualifiedName} (line ${fn.line}) has cyclomatic complexity ${fn.cyclomatic}, over ${cyclomaticLimit}`, count: 1, points });
    }
    if (fn.cognitive > cognitiveLimit) {
      const points = (fn.cognitive - cognitiveLimit) / 2;
      complexityLost += points;
      deductions.push({ category: 'complexity', ruleId: 'cognitive', message: `${fn.qualifiedName} (line ${fn.line}) has cognitive complexity ${fn.cognitive}, over ${cognitiveLimit}`, count: 1, points });
    }
  }
  const worst = input.functions.reduce((max, fn) => Math.max(max, fn.cyclomatic), 0);
  add('complexity', complexityLost, input.functions.length === 0 ? 'no functions' : `highest cyclomatic complexity ${worst}`);

  const mi = input.maintainability.index;
  const miLost = Math.max(0, (maintainabilityFloor - mi) / 2);
  if (miLost > 0) deductions.push({ category: 'maintainability', ruleId: 'maintainability-index', message: `Maintainability index ${mi} (rank ${input.maintainability.rank}) is under ${maintainabilityFloor}`, count: 1, points: round(Math.min(miLost, categoryMaxPoints.maintainability), 2) });
  add('maintainability', miLost, `index ${mi}, rank ${input.maintainability.rank}`);

  for (const category of ['docstrings', 'annotations'] as const) {
    const coverage = input[category];
    const lost = coverage.ratio === null ? 0 : (1 - coverage.ratio) * categoryMaxPoints[category];
    const what = category === 'docstrings' ? 'documented' : 'annotated';
    if (lost > 0) deductions.push({ category, ruleId: `${category}-coverage`, message: `${coverage.total - coverage.covered} of ${coverage.total} not ${what}`, count: coverage.total - coverage.covered, points: round(lost, 2) });
    add(category, lost, coverage.ratio === null ? 'nothing to count' : `${coverage.covered} of ${coverage.total} ${what} (${Math.round(coverage.ratio * 100)}%)`);
  }

  const order = Object.keys(categoryMaxPoints);
  parts.sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category));
  deductions.sort((a, b) => b.points - a.points);
  const lost = parts.reduce((sum, part) => sum + part.lost, 0);
  return { score: round(Math.max(0, 100 - lost), 1), breakdown: parts, deductions };
}
