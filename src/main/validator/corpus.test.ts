// The corpus: hostile programs (many obfuscated) must be blocked, benign look-alikes must pass, every one of them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Tier } from '../../shared/domain';
import type { RuleCategory, ValidationReport } from '../../shared/validation';
import { explain } from './testing';
import { createValidator } from './validator';

type Expectation =
  | { verdict: 'blocked'; tier: Tier; category: RuleCategory }
  | { verdict: 'flagged'; tier: Tier; category: RuleCategory }
  | { verdict: 'allowed'; tier: Tier };

type Sample = { file: string; code: string; language: 'python' | 'typescript' | 'javascript'; expectation: Expectation };

const tiers: readonly string[] = ['sandbox', 'testing', 'trusted', 'core'];

// First line: `# expect: blocked [tier] <category>`, `# expect: flagged <category>` or `# expect: allowed [tier]`.
function parseHeader(file: string, firstLine: string): Expectation {
  const words = firstLine.replace(/^(#|\/\/)\s*expect:\s*/, '').trim().split(/\s+/);
  const verdict = words.shift();
  const tier = (words[0] && tiers.includes(words[0]) ? words.shift() : 'sandbox') as Tier;
  if (verdict === 'allowed') return { verdict, tier };
  const category = words.shift() as RuleCategory | undefined;
  if ((verdict === 'blocked' || verdict === 'flagged') && category) return { verdict, tier, category };
  throw new Error(`${file}: malformed expectation "${firstLine}"`);
}

function loadCorpus(kind: 'malicious' | 'benign'): Sample[] {
  const folder = join(__dirname, 'corpus', kind);
  return readdirSync(folder)
    .sort()
    .map((file) => {
      const code = readFileSync(join(folder, file), 'utf8');
      // TypeScript samples are stored as .ts.txt / .tsx.txt so the project's tsconfig does not compile them.
      const name = file.replace(/\.txt$/, '');
      const language = name.endsWith('.py') ? 'python' : name.endsWith('.js') ? 'javascript' : 'typescript';
      return { file: name, code, language, expectation: parseHeader(file, code.split('\n')[0] ?? '') };
    });
}

const validator = createValidator();

async function check(sample: Sample, tier: Tier): Promise<ValidationReport> {
  return validator.validate({ code: sample.code, language: sample.language, tier, filename: sample.file });
}

const malicious = loadCorpus('malicious');
const benign = loadCorpus('benign');

describe('corpus size', () => {
  it('has at least 70 malicious and 70 benign samples, in both languages', () => {
    expect(malicious.length).toBeGreaterThanOrEqual(70);
    expect(benign.length).toBeGreaterThanOrEqual(70);
    for (const samples of [malicious, benign]) {
      expect(samples.some((sample) => sample.language === 'python')).toBe(true);
      expect(samples.some((sample) => sample.language !== 'python')).toBe(true);
    }
  });
});

describe('malicious corpus', () => {
  it.each(malicious.map((sample) => [sample.file, sample] as const))('%s', async (_file, sample) => {
    const { expectation } = sample;
    if (expectation.verdict === 'allowed') throw new Error(`${sample.file}: a malicious sample must be blocked or flagged`);
    const atSandbox = await check(sample, 'sandbox');
    if (expectation.verdict === 'flagged') {
      expect(atSandbox.findings.some((finding) => finding.category === expectation.category), explain(atSandbox)).toBe(true);
      return;
    }
    expect(atSandbox.blocked, explain(atSandbox)).toBe(true);
    const atTier = expectation.tier === 'sandbox' ? atSandbox : await check(sample, expectation.tier);
    expect(atTier.blocked, explain(atTier)).toBe(true);
    expect(atTier.findings.some((finding) => finding.severity === 'error' && finding.category === expectation.category), explain(atTier)).toBe(true);
  });
});

describe('benign corpus', () => {
  it.each(benign.map((sample) => [sample.file, sample] as const))('%s', async (_file, sample) => {
    const report = await check(sample, sample.expectation.tier);
    expect(report.blocked, explain(report)).toBe(false);
    // Nothing may be flagged for a concern: only lint, import-policy and work-folder notes are acceptable here.
    const concerns = report.findings.filter((finding) => finding.severity !== 'info' && finding.category !== 'lint');
    expect(concerns, explain(report)).toEqual([]);
  });
});
