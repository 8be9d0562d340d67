// Runs Ruff in-process (its WASM build) for the flake8-bandit S and pyflakes F rules, loaded once and reused.
import { createRequire } from 'node:module';
import type { Finding } from '../../shared/validation';
import type { FindingCollector } from './findings';
import { ruffRuleId, ruleById } from './rules';

type Location = { row: number; column: number };

/** The part of a Ruff diagnostic we use (the WASM build's `Diagnostic`). */
export type RuffDiagnostic = { code: string | null; message: string; start_location: Location; end_location: Location };

type RuffWorkspace = { check(source: string): unknown; free(): void };
type RuffModule = { Workspace: new (settings: unknown, encoding: number) => RuffWorkspace; PositionEncoding: { Utf16: number } };

export type RuffRunner = {
  /** Ruff's diagnostics for a Python source, or null when Ruff could not run (it is then retried next time). */
  check(source: string): Promise<RuffDiagnostic[] | null>;
};

const require = createRequire(import.meta.url);
let ruffModule: RuffModule | undefined;

// The WASM module costs ~80 ms to instantiate; one copy serves every validator in the process. Loaded with require,
// like the tree-sitter grammars, because the package is CommonJS and dynamic import() resolves differently under
// each runner (Electron's bundle, vitest, tsx).
function loadRuffModule(): RuffModule {
  ruffModule ??= require('@astral-sh/ruff-wasm-nodejs') as RuffModule;
  return ruffModule;
}

/** A lazy Ruff: nothing loads until the first Python file is checked. `targetVersion` is Ruff's (`py313`). */
export function createRuffRunner(targetVersion: string): RuffRunner {
  let workspace: RuffWorkspace | undefined;
  return {
    async check(source) {
      try {
        const ruff = loadRuffModule();
        // Columns in UTF-16 code units, like tree-sitter's and the editor's.
        workspace ??= new ruff.Workspace({ 'target-version': targetVersion, lint: { select: ['S', 'F'] } }, ruff.PositionEncoding.Utf16);
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
