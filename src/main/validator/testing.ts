// Test helpers for the validator: a report's findings in words for a failing assertion, and the runner of the rule
// tables (each rule with code it must catch and a benign look-alike it must leave alone).
import { expect, it } from 'vitest';
import type { Language, Tier } from '../../shared/domain';
import type { ValidationReport } from '../../shared/validation';
import { ruleDefinitions } from './rules';
import type { Validator } from './validator';

/** A report's findings, one a line, as the message of an assertion on it. */
export function explain(report: ValidationReport): string {
  return report.findings.map((finding) => `${finding.severity} ${finding.ruleId} L${finding.line}: ${finding.message}`).join('\n') || '(no findings)';
}

export function findingsOf(report: ValidationReport, ruleId: string): ValidationReport['findings'] {
  return report.findings.filter((finding) => finding.ruleId === ruleId);
}

/**
 * One rule's case. `malicious` is checked at `tier` (default sandbox) and must raise the rule; `benign` is checked at
 * `benignTier` (default: `tier`) and must neither raise it nor be blocked. Where the look-alike needs a module the
 * sandbox refuses, it is checked at a tier that allows it. `language` is the table's unless given (TypeScript in the
 * JavaScript table).
 */
export type RuleCase = { rule: string; tier?: Tier; language?: Language; malicious: string; benign: string; benignTier?: Tier };

/** Runs a language's table of rule cases, and checks that every rule of ours in that language has a case. */
export function testRuleCases(validator: Validator, language: 'python' | 'javascript', cases: RuleCase[]): void {
  it.each(cases.map((entry) => [entry.rule, entry] as const))('%s: catches the malicious case, not its look-alike', async (_rule, entry) => {
    const tier = entry.tier ?? 'sandbox';
    const codeLanguage = entry.language ?? language;
    const bad = await validator.validate({ code: entry.malicious, language: codeLanguage, tier });
    expect(findingsOf(bad, entry.rule), explain(bad)).not.toEqual([]);
    const good = await validator.validate({ code: entry.benign, language: codeLanguage, tier: entry.benignTier ?? tier });
    expect(findingsOf(good, entry.rule), explain(good)).toEqual([]);
    expect(good.blocked, explain(good)).toBe(false);
  });

  it(`has a case for every ${language === 'python' ? 'Python' : 'JavaScript'} rule of ours`, () => {
    const covered = new Set(cases.map((entry) => entry.rule));
    const missing = ruleDefinitions.filter((rule) => rule.language === language && rule.source === 'ark' && !covered.has(rule.id)).map((rule) => rule.id);
    expect(missing).toEqual([]);
  });
}
