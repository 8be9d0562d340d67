// The validator's verdict as a run keeps it: the report plus a few lines a person can read in the console and history.
import type { ValidationReport as Report } from '../../shared/validation';
import type { ValidationReport } from './index';

/** How many findings the summary names; the rest are counted. */
const namedFindings = 5;

/** Adds `summary`: the findings that block first, each with its line, rule and message. */
export function withFindingsSummary(report: Report): ValidationReport & Report {
  const order = { error: 0, warning: 1, info: 2 } as const;
  const findings = [...report.findings].sort((a, b) => order[a.severity] - order[b.severity] || a.line - b.line);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  if (findings.length === 0) return { ...report, summary: null };
  const head = report.blocked
    ? `Blocked at the ${report.tier} tier: ${errors} error${errors === 1 ? '' : 's'}${findings.length > errors ? `, ${findings.length - errors} other finding${findings.length - errors === 1 ? '' : 's'}` : ''}.`
    : `Allowed at the ${report.tier} tier with ${findings.length} finding${findings.length === 1 ? '' : 's'}.`;
  const lines = findings.slice(0, namedFindings).map((finding) => `line ${finding.line}: [${finding.severity}] ${finding.ruleId}: ${finding.message}`);
  const rest = findings.length > namedFindings ? [`… and ${findings.length - namedFindings} more.`] : [];
  return { ...report, summary: [head, ...lines, ...rest].join('\n') };
}
