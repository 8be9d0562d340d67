// Runs Ruff in-process (its WASM build) for the flake8-bandit S and pyflakes F rules, loaded once and reused.
import type { Finding } from '../../shared/validation';
import { createRuffWorkspace, type RuffDiagnostic, type RuffWorkspace } from '../parsing/ruffWasm';
import type { FindingCollector } from './findings';
import { ruffRuleId, ruleById } from './rules';

export type { RuffDiagnostic } from '../parsing/ruffWasm';

export type RuffRunner = {
  /** Ruff's diagnostics for a Python source, or null when Ruff could not run (it is then retried next time). */
  check(source: string): Promise<RuffDiagnostic[] | null>;
};

/** A lazy Ruff: nothing loads until the first Python file is checked. `targetVersion` is Ruff's (`py313`). */
export function createRuffRunner(targetVersion: string): RuffRunner {
  let workspace: RuffWorkspace | undefined;
  return {
    async check(source) {
      try {
        workspace ??= createRuffWorkspace({ 'target-version': targetVersion, lint: { select: ['S', 'F'] } });
        return workspace.check(source) as RuffDiagnostic[];
      } catch {
        // A panic leaves the WASM instance's workspace unusable; start a fresh one next time.
        workspace = undefined;
        return null;
      }
    },
  };
}

/**
 * Adds Ruff's diagnostics as findings, except where one of ours already covers the same concern: a finding of the
 * same category on an overlapping line (any of our syntax findings covers all of Ruff's syntax errors).
 */
export function mergeRuffDiagnostics(diagnostics: RuffDiagnostic[], ours: readonly Finding[], findings: FindingCollector): void {
  const hasSyntax = ours.some((finding) => finding.category === 'syntax');
  for (const diagnostic of diagnostics) {
    const code = diagnostic.code ?? 'invalid-syntax';
    const ruleId = code === 'invalid-syntax' ? 'ruff:invalid-syntax' : ruffRuleId(code);
    const rule = ruleById(ruleId);
    const start = diagnostic.start_location.row;
    const end = Math.max(start, diagnostic.end_location.row);
    if (rule.category === 'syntax' && hasSyntax) continue;
    if (ours.some((finding) => finding.category === rule.category && finding.line <= end && finding.endLine >= start)) continue;
    const range = {
      startPosition: { row: start - 1, column: Math.max(0, diagnostic.start_location.column - 1) },
      endPosition: { row: end - 1, column: Math.max(0, diagnostic.end_location.column - 1) },
    };
    findings.reportMessage(ruleId, range, `Ruff ${code}: ${diagnostic.message}`);
  }
}
