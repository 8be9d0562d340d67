// Improvement suggestions from what the workbench measured about a piece of code: its quality report, its test results
// and how its runs behaved. Mechanical ones (Ruff's own fixes, formatting) are applied here; the rest need a model
// provider or a person.
import type { QualityReport } from '../../shared/quality';
import { createRuffWorkspace, type RuffWorkspace } from '../parsing/ruffWasm';
import { curatedRuleSelectors, ruffTargetVersion } from '../quality/ruffQuality';

export type SuggestionKind = 'lint-fix' | 'format' | 'split-function' | 'add-docstrings' | 'add-types' | 'fix-types' | 'failing-tests' | 'slow-runs' | 'failing-runs';

export type Suggestion = {
  /** Stable for the same code and findings: `kind` or `kind:detail`, used to apply it. */
  id: string;
  kind: SuggestionKind;
  title: string;
  detail: string;
  line: number | null;
  /** How it can be applied: by the workbench itself, through a model provider, or only by a person. */
  apply: 'mechanical' | 'model' | 'manual';
  ruleIds: string[];
};

/** What else is known about the code beyond its quality report. */
export type SuggestionContext = {
  testRun?: { passed: number; failed: number; errors: number } | null;
  runs?: { total: number; failed: number; p95Ms: number | null } | null;
};

/** Above this cyclomatic complexity a function is worth splitting (Ruff's C901 default is 10). */
export const complexityThreshold = 10;
/** A p95 run time worth a look for a generated function. */
export const slowRunMs = 2000;

export function suggest(report: QualityReport, context: SuggestionContext = {}): Suggestion[] {
  const out: Suggestion[] = [];
  const fixable = new Map<string, { count: number; line: number; message: string }>();
  for (const finding of report.findings) {
    if (finding.source !== 'ruff' || !finding.fixable) continue;
    const entry = fixable.get(finding.ruleId) ?? { count: 0, line: finding.line, message: finding.message };
    entry.count++;
    fixable.set(finding.ruleId, entry);
  }
  for (const [ruleId, entry] of fixable) {
    out.push({
      id: `lint-fix:${ruleId}`,
      kind: 'lint-fix',
      title: `Apply Ruff's fix for ${ruleId}${entry.count > 1 ? ` (${entry.count} places)` : ''}`,
      detail: entry.message,
      line: entry.line,
      apply: 'mechanical',
      ruleIds: [ruleId],
    });
  }
  if (report.language === 'python' && report.format.formatted === false) {
    out.push({
      id: 'format',
      kind: 'format',
      title: 'Format the code',
      detail: `The formatter would change ${report.format.changedLines} line(s), first at line ${report.format.firstChangedLine ?? 1}.`,
      line: report.format.firstChangedLine,
      apply: 'mechanical',
      ruleIds: [],
    });
  }
  for (const fn of report.functions) {
    if (fn.cyclomatic > complexityThreshold) {
      out.push({
        id: `split-function:${fn.qualifiedName}`,
        kind: 'split-function',
        title: `Split ${fn.qualifiedName} (complexity ${fn.cyclomatic})`,
        detail: `Cyclomatic complexity ${fn.cyclomatic} (cognitive ${fn.cognitive}) is over ${complexityThreshold}: move branches into well-named helpers.`,
        line: fn.line,
        apply: 'model',
        ruleIds: ['complexity'],
      });
    }
  }
  const undocumented = report.functions.filter((fn) => !fn.hasDocstring);
  if (undocumented.length) {
    out.push({
      id: 'add-docstrings',
      kind: 'add-docstrings',
      title: `Document ${undocumented.length} function(s)`,
      detail: `No docstring: ${undocumented.map((fn) => fn.qualifiedName).slice(0, 8).join(', ')}.`,
      line: undocumented[0]!.line,
      apply: 'model',
      ruleIds: ['docstrings'],
    });
  }
  const untyped = report.functions.filter((fn) => fn.annotated < fn.annotatable);
  if (untyped.length) {
    out.push({
      id: 'add-types',
      kind: 'add-types',
      title: `Add type annotations to ${untyped.length} function(s)`,
      detail: `Missing annotations in ${untyped.map((fn) => `${fn.qualifiedName} (${fn.annotated}/${fn.annotatable})`).slice(0, 8).join(', ')}.`,
      line: untyped[0]!.line,
      apply: 'model',
      ruleIds: ['annotations'],
    });
  }
  const typeErrors = report.findings.filter((finding) => (finding.source === 'pyright' || finding.source === 'tsc') && finding.severity === 'error');
  if (typeErrors.length) {
    out.push({
      id: 'fix-types',
      kind: 'fix-types',
      title: `Fix ${typeErrors.length} type error(s)`,
      detail: typeErrors.slice(0, 3).map((finding) => `line ${finding.line}: ${finding.message}`).join(' · '),
      line: typeErrors[0]!.line,
      apply: 'model',
      ruleIds: [...new Set(typeErrors.map((finding) => finding.ruleId))],
    });
  }
  const tests = context.testRun;
  if (tests && tests.failed + tests.errors > 0) {
    out.push({
      id: 'failing-tests',
      kind: 'failing-tests',
      title: `Make the ${tests.failed + tests.errors} failing example(s) pass`,
      detail: `${tests.passed} passed, ${tests.failed} failed, ${tests.errors} errors in the last test run.`,
      line: null,
      apply: 'model',
      ruleIds: [],
    });
  }
  const runs = context.runs;
  if (runs && runs.total >= 3 && runs.failed / runs.total >= 0.3) {
    out.push({
      id: 'failing-runs',
      kind: 'failing-runs',
      title: `Often fails: ${runs.failed} of ${runs.total} runs`,
      detail: 'Look at the failing runs in History; handle the inputs that make it fail or add them as examples.',
      line: null,
      apply: 'manual',
      ruleIds: [],
    });
  }
  if (runs && runs.p95Ms !== null && runs.p95Ms > slowRunMs) {
    out.push({
      id: 'slow-runs',
      kind: 'slow-runs',
      title: `Slow: p95 ${Math.round(runs.p95Ms)} ms per run`,
      detail: `Runs take over ${slowRunMs} ms at the 95th percentile; profile the hot path or choose a better algorithm.`,
      line: null,
      apply: 'model',
      ruleIds: [],
    });
  }
  return out;
}

type Location = { row: number; column: number };
type Edit = { location: Location; end_location: Location; content: string };
type FixDiagnostic = { code: string | null; fix?: { edits?: Edit[] } | null };

export type MechanicalResult = { code: string; changed: boolean; applied: string[] };

let fixWorkspace: RuffWorkspace | undefined;

/**
 * Applies one mechanical suggestion to Python code: Ruff's own fix edits for a rule (repeated while they keep applying,
 * as `ruff check --fix` does), or the formatter. Other suggestions are not mechanical and are refused.
 */
export function applyMechanical(code: string, suggestionId: string): MechanicalResult {
  if (suggestionId === 'format') {
    const formatted = workspace().format(code);
    return { code: formatted, changed: formatted !== code, applied: formatted !== code ? ['format'] : [] };
  }
  const ruleId = suggestionId.startsWith('lint-fix:') ? suggestionId.slice('lint-fix:'.length) : null;
  if (!ruleId) throw new Error(`"${suggestionId}" is not a mechanical suggestion.`);
  let current = code;
  const applied: string[] = [];
  for (let round = 0; round < 10; round++) {
    const diagnostics = (workspace().check(current) as FixDiagnostic[]).filter((d) => d.code === ruleId && d.fix?.edits?.length);
    if (!diagnostics.length) break;
    const next = applyEdits(current, diagnostics.flatMap((d) => [d.fix!.edits!]));
    if (next === current) break;
    current = next;
    applied.push(ruleId);
  }
  return { code: current, changed: current !== code, applied };
}

function workspace(): RuffWorkspace {
  fixWorkspace ??= createRuffWorkspace({ 'target-version': ruffTargetVersion, lint: { select: [...curatedRuleSelectors] } });
  return fixWorkspace;
}

/** Applies groups of edits (one group per fix) from the end of the text backwards, skipping a group that overlaps one already applied. */
export function applyEdits(text: string, fixes: Edit[][]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (location: Location) => Math.min(text.length, (lineStarts[location.row - 1] ?? text.length) + location.column - 1);
  const groups = fixes
    .map((edits) => edits.map((edit) => ({ start: offset(edit.location), end: offset(edit.end_location), content: edit.content })))
    .map((edits) => ({ edits, start: Math.min(...edits.map((e) => e.start)), end: Math.max(...edits.map((e) => e.end)) }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  let floor = Infinity;
  for (const group of groups) {
    if (group.end > floor) continue;
    for (const edit of [...group.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.content + out.slice(edit.end);
    floor = group.start;
  }
  return out;
}
