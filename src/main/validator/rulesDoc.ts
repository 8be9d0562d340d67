// Renders docs/rules.md from the rule table and the built-in tier policies (plus the benchmark's stdlib figures), so
// the document cannot drift from what the validator enforces: rulesDoc.test.ts fails when the file is out of date.
import type { Tier } from '../../shared/domain';
import type { ImportPolicy, RuleCategory, RuleInfo } from '../../shared/validation';
import { RuleCategory as RuleCategorySchema } from '../../shared/validation';
import { defaultPolicies, defaultTierPolicies } from './policies';
import { describeRules } from './rules';

/** What bench/validate.ts --write records about the Python standard library (src/main/validator/benchmarkFigures.json). */
export type BenchmarkFigures = {
  machine: string;
  files: number;
  lines: number;
  p50Ms: number;
  p95Ms: number;
  blocked: Record<Tier, number>;
  failures: number;
  /** Per tier, the rules that block most files ("rule count"). */
  topBlockingRules?: Partial<Record<Tier, string[]>>;
};

const tiers: Tier[] = ['sandbox', 'testing', 'trusted', 'core'];

const tierPurpose: Record<Tier, string> = {
  sandbox: 'generated code: a safe subset of the standard library, no files, no processes, no network',
  testing: 'tests: adds pytest, unittest and the like, and writes inside the run\'s work folder',
  trusted: 'reviewed code: most of the standard library; still no processes, native code, network or code from text',
  core: 'the project\'s own core: everything is allowed with warnings; running it still needs an explicit confirmation',
};

// Markdown table cells: a pipe would end the cell, a new line the row.
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string): string => `\`${text}\``;

function moduleList(names: readonly string[]): string {
  return names.length ? [...names].sort().map(code).join(', ') : '(none)';
}

function importSection(language: 'python' | 'javascript', label: string): string[] {
  const lines = [`### ${label}`, ''];
  for (const tier of tiers) {
    const policy: ImportPolicy = defaultTierPolicies[tier].imports[language];
    lines.push(`**${tier}**`, '');
    lines.push(`- Standard library: ${policy.allowStandardLibrary ? 'allowed, except the deny list' : 'only the modules allowed below'}`);
    lines.push(`- Allowed: ${policy.allowStandardLibrary && policy.allow.length === 0 ? '(the standard library)' : moduleList(policy.allow)}`);
    lines.push(`- Denied: ${moduleList(policy.deny)}`);
    lines.push(`- Other standard-library modules: ${policy.notAllowed}; third-party modules: ${policy.unknown}`);
    lines.push('');
  }
  return lines;
}

function ruleTable(rules: RuleInfo[]): string[] {
  const lines = ['| Rule | Category | sandbox | testing | trusted | core | What it means | Fix |', '|---|---|---|---|---|---|---|---|'];
  for (const rule of rules) {
    const severities = tiers.map((tier) => rule.severity[tier]).join(' | ');
    lines.push(`| ${code(rule.id)} | ${rule.category} | ${severities} | ${cell(rule.explanation)} | ${cell(rule.hint)} |`);
  }
  return lines;
}

function stdlibSection(figures: BenchmarkFigures | null): string[] {
  const lines = ['## Sanity check: the Python standard library', ''];
  if (!figures) return [...lines, 'No figures recorded yet: run `npx tsx bench/validate.ts --write`, then `npx tsx scripts/rules-doc.ts`.', ''];
  lines.push(
    `How many files of CPython's own standard library (${figures.files} files, ${figures.lines.toLocaleString('en-US')} lines; ${figures.machine}) each tier would block. ` +
      'The standard library imports private modules, runs processes, opens sockets, writes files at computed paths and walks ' +
      'interpreter internals by design, so the sandbox and testing tiers blocking most of it is expected. The trusted figure is ' +
      'the one to watch for false alarms; the rules behind it are listed under the table. Core blocks only what CPython itself ' +
      'would refuse to compile (Python 2 test data, deliberately broken test files).',
    '',
    '| Tier | Files blocked | Share |',
    '|---|---|---|',
  );
  for (const tier of tiers) lines.push(`| ${tier} | ${figures.blocked[tier]} | ${((100 * figures.blocked[tier]) / figures.files).toFixed(1)}% |`);
  for (const tier of ['trusted', 'core'] as const) {
    const top = figures.topBlockingRules?.[tier];
    if (top?.length) lines.push('', `Rules that block most files at ${tier} (files per rule): ${top.map((entry) => code(entry)).join(', ')}.`);
  }
  lines.push('', `Per-file validation time (sandbox tier, Ruff included): p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms. Files the analysis could not finish (blocked, fail-closed): ${figures.failures}.`, '');
  return lines;
}

/** The whole of docs/rules.md. */
export function renderRulesDoc(figures: BenchmarkFigures | null): string {
  const rules = describeRules(defaultPolicies);
  const categories: RuleCategory[] = RuleCategorySchema.options;
  const lines: string[] = [
    '# Validator rules',
    '',
    '<!-- Generated by `npx tsx scripts/rules-doc.ts` from the rule table (src/main/validator/rules.ts) and the built-in',
    '     tier policies (src/main/validator/policies.ts). Do not edit by hand; src/main/validator/rulesDoc.test.ts fails when',
    '     this file is out of date. -->',
    '',
    'Before code runs, the validator checks it at a trust tier and reports every finding with a rule id, a category, a',
    'severity, the place, a one-line explanation and a fix hint. Only an `error` blocks a run. The severities and import',
    'lists below are the built-in defaults; they are data, editable per tier in Settings › Validator policies (stored in',
    'SQLite, each change written to the audit trail). `ark validate FILE --tier T` gives the same report on the command line.',
    '',
    '## Tiers',
    '',
    ...tiers.map((tier) => `- **${tier}**: ${tierPurpose[tier]}.`),
    '',
    '### Severity of each category',
    '',
    'A rule takes its category\'s severity at the tier; some rules are capped lower (advisories never block), never higher.',
    '',
    `| Category | ${tiers.join(' | ')} |`,
    `|---|${tiers.map(() => '---').join('|')}|`,
    ...categories.map((category) => `| ${category} | ${tiers.map((tier) => defaultTierPolicies[tier].categories[category]).join(' | ')} |`),
    '',
    `Writes and deletes at relative paths inside the run's work folder: ${tiers.map((tier) => `${tier} ${defaultTierPolicies[tier].workFolderWrites ? 'allowed (note)' : 'refused'}`).join(', ')}.`,
    '',
    '## Import lists per tier',
    '',
    'A listed module also covers its submodules (`collections` covers `collections.abc`). A module with a rule of its own',
    '(subprocess, socket, ctypes, pickle …) is reported by that rule instead of the import policy.',
    '',
    ...importSection('python', 'Python'),
    ...importSection('javascript', 'JavaScript and TypeScript (Node built-ins and npm packages)'),
    '## Python rules',
    '',
    ...ruleTable(rules.filter((rule) => rule.source === 'ark' && rule.language === 'python')),
    '',
    '## JavaScript and TypeScript rules',
    '',
    ...ruleTable(rules.filter((rule) => rule.source === 'ark' && rule.language === 'javascript')),
    '',
    '## Rules for every language',
    '',
    ...ruleTable(rules.filter((rule) => rule.source === 'ark' && rule.language === 'any')),
    '',
    '## Ruff rules (Python)',
    '',
    'Ruff runs in-process (its WebAssembly build) with the flake8-bandit `S` and pyflakes `F` rules. Each code is mapped',
    'onto our categories: a security concern takes its category\'s severity, a style or hygiene code is capped at note or',
    'warning (S311, any use of `random`, is a note and never blocks generated code). A Ruff finding on a line where one of',
    'our rules already reported the same category is dropped as a duplicate. `ruff:S*` and `ruff:F*` cover codes without',
    'their own row.',
    '',
    ...ruleTable(rules.filter((rule) => rule.source === 'ruff')),
    '',
    ...stdlibSection(figures),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
