// Turns rule hits into findings: severity from the tier policy, 1-based positions, the source line as a snippet, no repeats.
import type { Finding, TierPolicy } from '../../shared/validation';
import { ruleById, severityAt } from './rules';

/** A 0-based range as tree-sitter gives it (columns in UTF-16 code units). */
export type SourceRange = {
  startPosition: { row: number; column: number };
  endPosition: { row: number; column: number };
};

export type FindingCollector = {
  /** Records that `ruleId` matched `subject` (the name or text found) at `range`; `detail` adds a reason. */
  report(ruleId: string, range: SourceRange, subject: string, detail?: string): void;
  /** Records a finding whose message is already written (used for Ruff's diagnostics). */
  reportMessage(ruleId: string, range: SourceRange, message: string): void;
  findings(): Finding[];
};

const snippetLength = 160;
const subjectLength = 60;

export function createFindingCollector(source: string, policy: TierPolicy): FindingCollector {
  let lines: string[] | undefined;
  const seen = new Set<string>();
  const found: Finding[] = [];

  const lineText = (row: number): string => {
    lines ??= source.split('\n');
    const text = (lines[row] ?? '').trim();
    return text.length > snippetLength ? `${text.slice(0, snippetLength)}…` : text;
  };

  const add = (ruleId: string, range: SourceRange, message: string): void => {
    const rule = ruleById(ruleId);
    const severity = severityAt(rule, policy);
    if (severity === 'off') return;
    const line = range.startPosition.row + 1;
    // One finding per rule and line: a chain such as subprocess.run(...) matches at the module and at the member.
    const key = `${ruleId}\u0000${line}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({
      ruleId,
      category: rule.category,
      severity,
      message,
      line,
      column: range.startPosition.column + 1,
      endLine: range.endPosition.row + 1,
      endColumn: range.endPosition.column + 1,
      snippet: lineText(range.startPosition.row),
      hint: rule.hint,
    });
  };

  return {
    report(ruleId, range, subject, detail) {
      const rule = ruleById(ruleId);
      const shown = shorten(subject.replace(/\s+/g, ' ').trim());
      add(ruleId, range, `\`${shown}\` ${rule.says}${detail ? ` (${detail})` : ''}.`);
    },
    reportMessage: add,
    findings: () => found,
  };
}

function shorten(text: string): string {
  return text.length > subjectLength ? `${text.slice(0, subjectLength)}…` : text;
}

/** Orders findings by position, then by severity (errors first) so a reader sees the worst first. */
export function sortFindings(findings: Finding[]): Finding[] {
  const weight = { error: 0, warning: 1, info: 2 } as const;
  return [...findings].sort((a, b) => a.line - b.line || a.column - b.column || weight[a.severity] - weight[b.severity]);
}
