// The code validator's vocabulary, shared by main and renderer: reports, findings, rule descriptions and tier policies.
import { z } from 'zod';
import { Language, Tier } from './domain';

/** How much a finding matters at the tier it was checked for; only `error` blocks a run. */
export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

/** A rule's severity at one tier; `off` means the rule reports nothing there. */
export const RuleSeverity = z.enum(['error', 'warning', 'info', 'off']);
export type RuleSeverity = z.infer<typeof RuleSeverity>;

/** What a rule is about: every rule, ours or Ruff's, belongs to exactly one. */
export const RuleCategory = z.enum([
  'syntax',
  'code-execution',
  'introspection',
  'process',
  'filesystem',
  'network',
  'native',
  'deserialization',
  'resource',
  'import-policy',
  'lint',
]);
export type RuleCategory = z.infer<typeof RuleCategory>;

/** One problem found in the code, with a 1-based range (columns count UTF-16 code units, as editors do). */
export const Finding = z.object({
  ruleId: z.string().min(1),
  category: RuleCategory,
  severity: Severity,
  message: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  endLine: z.number().int().min(1),
  endColumn: z.number().int().min(1),
  snippet: z.string(),
  hint: z.string(),
});
export type Finding = z.infer<typeof Finding>;

/**
 * The verdict on one piece of code at one tier. Findings carry their severity at that tier, so an error finding both
 * makes the code not `ok` and `blocked` from running there; `blocked` is always `!ok`, kept for the caller's intent.
 */
export const ValidationReport = z.object({
  ok: z.boolean(),
  blocked: z.boolean(),
  tier: Tier,
  language: Language,
  findings: z.array(Finding),
  durationMs: z.number().min(0),
});
export type ValidationReport = z.infer<typeof ValidationReport>;

/** What to validate. The filename only picks a grammar (`.tsx`) and labels messages; nothing is read from disk. */
export const ValidateRequest = z.object({
  code: z.string().max(2_000_000),
  language: Language,
  tier: Tier,
  filename: z.string().max(4096).optional(),
});
export type ValidateRequest = z.infer<typeof ValidateRequest>;

/** Severity of a rule at each tier. */
export const TierSeverities = z.object({
  sandbox: RuleSeverity,
  testing: RuleSeverity,
  trusted: RuleSeverity,
  core: RuleSeverity,
});
export type TierSeverities = z.infer<typeof TierSeverities>;

/** A rule as the docs and the UI describe it. */
export const RuleInfo = z.object({
  id: z.string().min(1),
  language: z.enum(['python', 'javascript', 'any']),
  category: RuleCategory,
  source: z.enum(['ark', 'ruff']),
  explanation: z.string(),
  hint: z.string(),
  severity: TierSeverities,
});
export type RuleInfo = z.infer<typeof RuleInfo>;

/**
 * A module name as import lists hold it: dotted Python names (`os.path`), Node built-ins and npm packages
 * (`fs/promises`, `@jest/globals`). No spaces, quotes or wildcards: a list entry is matched by name, never as a pattern.
 */
export const ModuleName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^@?[A-Za-z_][\w.-]*(\/[\w.-]+)*$/, 'must be a module name such as "math", "os.path" or "fs/promises"');

const ModuleList = z.array(ModuleName).max(2000);

/** Which modules code may import at a tier, for one language. A listed name also allows its submodules. */
export const ImportPolicy = z.object({
  /** Modules allowed at this tier (`collections` allows `collections.abc`). */
  allow: ModuleList,
  /** Whether the language's whole standard library is allowed (minus `deny`). */
  allowStandardLibrary: z.boolean(),
  /** Modules refused even when `allow` or `allowStandardLibrary` would let them in. */
  deny: ModuleList,
  /** Standard-library modules that are neither allowed nor denied. */
  notAllowed: RuleSeverity,
  /** Third-party modules (not in the standard library and not listed). */
  unknown: RuleSeverity,
});
export type ImportPolicy = z.infer<typeof ImportPolicy>;

/** Everything the validator needs to know about one tier; stored as data so settings can change it. */
export const TierPolicy = z.object({
  tier: Tier,
  /** Severity of each category's rules at this tier (a rule may cap it lower, never raise it). */
  categories: z.record(RuleCategory, RuleSeverity),
  /** Whether code may write and delete files given by relative constant paths inside the run's work folder. */
  workFolderWrites: z.boolean(),
  imports: z.object({ python: ImportPolicy, javascript: ImportPolicy }),
});
export type TierPolicy = z.infer<typeof TierPolicy>;

/** Every tier's policy, and which tiers differ from the built-in defaults because someone edited them. */
export const PolicySet = z.object({
  policies: z.object({ sandbox: TierPolicy, testing: TierPolicy, trusted: TierPolicy, core: TierPolicy }),
  customized: z.array(Tier),
});
export type PolicySet = z.infer<typeof PolicySet>;

// Inputs are strict at every level, so a misspelt key is an error instead of being silently dropped.
const ImportPolicyInput = ImportPolicy.strict();
/** A tier's policy as a client sends it to be stored. */
export const TierPolicyInput = TierPolicy.extend({
  imports: z.object({ python: ImportPolicyInput, javascript: ImportPolicyInput }).strict(),
}).strict();

/** The validator's requests: check code, describe the rules, read and edit the tier policies. */
export const validationRequests = {
  'validate.run': { input: ValidateRequest.strict(), output: ValidationReport },
  'validate.rules': { input: z.object({}).strict(), output: z.array(RuleInfo) },
  'validate.policies': { input: z.object({}).strict(), output: PolicySet },
  'validate.setPolicy': { input: z.object({ policy: TierPolicyInput }).strict(), output: PolicySet },
  'validate.resetPolicy': { input: z.object({ tier: Tier }).strict(), output: PolicySet },
} as const;

/** Pushed after a policy is saved or reset, so every open window shows (and validates with) the same policies. */
export const validationEvents = {
  'validate.policiesChanged': PolicySet,
} as const;

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * The verdict in one line, the same in the CLI and the editor: "Blocked at sandbox: 2 errors, 1 warning" or
 * "OK at trusted (1 warning)" / "OK at sandbox".
 */
export function summarizeReport(report: Pick<ValidationReport, 'blocked' | 'tier' | 'findings'>): string {
  const count = (severity: Severity) => report.findings.filter((finding) => finding.severity === severity).length;
  const parts = [
    count('error') ? plural(count('error'), 'error') : null,
    count('warning') ? plural(count('warning'), 'warning') : null,
    count('info') ? plural(count('info'), 'note') : null,
  ].filter((part): part is string => part !== null);
  if (report.blocked) return `Blocked at ${report.tier}: ${parts.join(', ')}`;
  return parts.length ? `OK at ${report.tier} (${parts.join(', ')})` : `OK at ${report.tier}`;
}
