// Ruff for the quality report: a curated lint rule set and the formatter check, in-process through its WASM build.
import type { FormatCheck, QualityFinding, QualitySeverity } from '../../shared/quality';
import { createRuffWorkspace, ruffVersion, type RuffDiagnostic, type RuffWorkspace } from '../parsing/ruffWasm';
import { sourceLines } from './lineCounts';

/**
 * The curated rule set (docs/quality.md explains the choice): pycodestyle's errors that are not style taste (E4 imports,
 * E7 statements, E9 runtime), pyflakes (F), pycodestyle warnings (W), bugbear (B), comprehensions (C4), simplify (SIM),
 * pyupgrade (UP), returns (RET), flake8-pie (PIE), pep8-naming (N), Perflint (PERF), Pylint's errors and warnings
 * (PLE, PLW) and Ruff's own (RUF). Left out on purpose: C901 (complexity is measured and scored separately), D and ANN
 * (docstring and annotation coverage are scored separately), S (security is the validator's), E501 (the formatter owns
 * line length).
 */
export const curatedRuleSelectors = ['E4', 'E7', 'E9', 'F', 'W', 'B', 'C4', 'SIM', 'UP', 'RET', 'PIE', 'N', 'PERF', 'PLE', 'PLW', 'RUF'] as const;

/** The Python version Ruff judges against (pyupgrade's suggestions depend on it). */
export const ruffTargetVersion = 'py311';

// Findings that mean the code is wrong, not merely unidiomatic: syntax errors, undefined names, Pylint's errors.
const errorRules = /^(E9|F821|F822|F823|F632|F7|PLE)/;

function severityOf(code: string): QualitySeverity {
  return code === 'invalid-syntax' || errorRules.test(code) ? 'error' : 'warning';
}

export type RuffQuality = {
  version(): string;
  lint(code: string): QualityFinding[];
  format(code: string): FormatCheck;
};

export function createRuffQuality(): RuffQuality {
  let workspace: RuffWorkspace | undefined;
  const current = () => (workspace ??= createRuffWorkspace({ 'target-version': ruffTargetVersion, lint: { select: [...curatedRuleSelectors] } }));
  return {
    version: ruffVersion,
    lint(code) {
      try {
        return (current().check(code) as RuffDiagnostic[]).map(toFinding);
      } catch (err) {
        // A panic leaves the WASM workspace unusable; the next call starts a fresh one.
        workspace = undefined;
        throw err;
      }
    },
    format(code) {
      let formatted: string;
      try {
        formatted = current().format(code);
      } catch {
        // Ruff does not format code it cannot parse; the lint findings already carry the syntax error.
        return { formatted: null, firstChangedLine: null, changedLines: 0 };
      }
      return compareFormatted(code, formatted);
    },
  };
}

function toFinding(diagnostic: RuffDiagnostic): QualityFinding {
  const code = diagnostic.code ?? 'invalid-syntax';
  const line = Math.max(1, diagnostic.start_location.row);
  return {
    source: 'ruff',
    ruleId: code,
    severity: severityOf(code),
    message: diagnostic.message,
    line,
    column: Math.max(1, diagnostic.start_location.column),
    endLine: Math.max(line, diagnostic.end_location.row),
    endColumn: Math.max(1, diagnostic.end_location.column),
    fixable: Boolean(diagnostic.fix),
  };
}

/** Whether the formatter would change the code, where first, and how many original lines have no equal after it. */
export function compareFormatted(original: string, formatted: string): FormatCheck {
  if (original === formatted) return { formatted: true, firstChangedLine: null, changedLines: 0 };
  const before = sourceLines(original);
  const after = sourceLines(formatted);
  let first = 0;
  while (first < before.length && first < after.length && before[first] === after[first]) first += 1;
  const remaining = new Map<string, number>();
  for (const line of after) remaining.set(line, (remaining.get(line) ?? 0) + 1);
  let changed = 0;
  for (const line of before) {
    const left = remaining.get(line) ?? 0;
    if (left > 0) remaining.set(line, left - 1);
    else changed += 1;
  }
  // Only a missing final newline, say: the first differing line is one past the end.
  return { formatted: false, firstChangedLine: Math.min(first + 1, Math.max(1, before.length)), changedLines: Math.max(changed, 1) };
}
