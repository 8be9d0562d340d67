// The validator service: parses once, runs the language's rules and (for Python) Ruff, and reports at the given tier.
import type { Parser } from 'web-tree-sitter';
import { ArkError } from '../../shared/errors';
import { TierPolicy, ValidateRequest, type RuleInfo, type ValidationReport } from '../../shared/validation';
import { createParser, type GrammarName } from '../parsing/treeSitter';
import { createFindingCollector, sortFindings, type FindingCollector } from './findings';
import { analyzeJavascript } from './javascript/javascriptAnalyzer';
import { defaultPolicies, type PolicySource } from './policies';
import { analyzePython } from './python/pythonAnalyzer';
import { createRuffRunner, mergeRuffDiagnostics, type RuffRunner } from './ruff';
import { describeRules } from './rules';
import { readSyntaxTree, type SyntaxNode } from './syntaxTree';

export type ValidatorOptions = {
  /** Tier policies; defaults to the built-in ones (`defaultPolicies`). */
  policies?: PolicySource;
  /** Ruff's target Python version (syntax newer than this is an error). */
  pythonTarget?: string;
  /** Whether to run Ruff on Python code (default true). */
  ruff?: boolean;
};

/** Checks code statically before it runs, at a trust tier. */
export type Validator = {
  validate(request: ValidateRequest): Promise<ValidationReport>;
  /** Every rule with its category, explanation, hint and severity per tier, for docs and the UI. */
  rules(): RuleInfo[];
};

export function createValidator(options: ValidatorOptions = {}): Validator {
  const policies = options.policies ?? defaultPolicies;
  const parsers = new Map<GrammarName, Promise<Parser>>();
  const ruff: RuffRunner | null = options.ruff === false ? null : createRuffRunner(options.pythonTarget ?? 'py313');

  // One parser per grammar, reused: parsing is synchronous, so concurrent validations never share one mid-parse.
  const parserFor = (grammar: GrammarName): Promise<Parser> => {
    let parser = parsers.get(grammar);
    if (!parser) {
      parser = createParser(grammar);
      parsers.set(grammar, parser);
    }
    return parser;
  };

  return {
    async validate(input) {
      const started = performance.now();
      const request = parseRequest(input);
      const policy = parsePolicy(policies, request.tier);
      const findings = createFindingCollector(request.code, policy);
      const grammar = grammarFor(request);
      const parser = await parserFor(grammar);
      // Each tree is copied into plain objects and freed at once: the rules then never call into WebAssembly.
      const parse = (code: string): SyntaxNode | null => {
        const tree = parser.parse(code);
        if (!tree) return null;
        try {
          return readSyntaxTree(tree, code);
        } finally {
          tree.delete();
        }
      };
      try {
        const root = parse(request.code);
        if (!root) throw new Error('tree-sitter returned no tree');
        if (request.language === 'python') analyzePython(root, { policy, findings, parseEmbedded: parse });
        else analyzeJavascript(root, { policy, findings });
      } catch (error) {
        reportFailure(findings, request.code, error);
      }
      if (request.language === 'python' && ruff) await addRuff(ruff, request.code, findings);
      const sorted = sortFindings(findings.findings());
      const blocked = sorted.some((finding) => finding.severity === 'error');
      return { ok: !blocked, blocked, tier: request.tier, language: request.language, findings: sorted, durationMs: performance.now() - started };
    },
    rules: () => describeRules(policies),
  };
}

function parseRequest(input: unknown): ValidateRequest {
  const parsed = ValidateRequest.safeParse(input);
  if (!parsed.success) throw new ArkError('invalid-input', `Cannot validate: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`).join('; ')}.`);
  return parsed.data;
}

function parsePolicy(policies: PolicySource, tier: ValidateRequest['tier']): TierPolicy {
  const parsed = TierPolicy.safeParse(policies.get(tier));
  if (!parsed.success) throw new ArkError('invalid-input', `The stored policy for the ${tier} tier is malformed; reset it in Settings.`);
  return parsed.data;
}

function grammarFor(request: ValidateRequest): GrammarName {
  if (request.language === 'python') return 'python';
  if (request.language === 'javascript') return 'javascript';
  return request.filename?.toLowerCase().endsWith('.tsx') ? 'tsx' : 'typescript';
}

// Fail closed: code the validator could not finish analysing is blocked, with the reason, rather than waved through.
function reportFailure(findings: FindingCollector, code: string, error: unknown): void {
  const lines = code.split('\n');
  const range = { startPosition: { row: 0, column: 0 }, endPosition: { row: Math.max(0, lines.length - 1), column: lines[lines.length - 1]?.length ?? 0 } };
  const reason = error instanceof RangeError ? 'nesting too deep' : error instanceof Error ? error.message : String(error);
  findings.report('validator.failure', range, 'This file', reason);
}

async function addRuff(ruff: RuffRunner, code: string, findings: FindingCollector): Promise<void> {
  const diagnostics = await ruff.check(code);
  if (diagnostics === null) {
    findings.report('lint.unavailable', { startPosition: { row: 0, column: 0 }, endPosition: { row: 0, column: 0 } }, 'Ruff');
    return;
  }
  mergeRuffDiagnostics(diagnostics, [...findings.findings()], findings);
}
