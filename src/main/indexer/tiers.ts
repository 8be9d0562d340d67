// Trust tiers from ordered glob rules: the first rule whose glob matches a project-relative path decides its tier.
import picomatch from 'picomatch';
import type { Tier } from '../../shared/domain';
import type { TierRule } from '../../shared/indexing';
import { ArkError } from '../../shared/errors';

/** Rules a new project starts with; a person edits them per project. */
export const defaultTierRules: readonly TierRule[] = [
  { glob: '**/test/**', tier: 'testing' },
  { glob: '**/tests/**', tier: 'testing' },
  { glob: '**/__tests__/**', tier: 'testing' },
  { glob: '**/test_*.py', tier: 'testing' },
  { glob: '**/*_test.py', tier: 'testing' },
  { glob: '**/*.test.*', tier: 'testing' },
  { glob: '**/*.spec.*', tier: 'testing' },
  { glob: '**/conftest.py', tier: 'testing' },
  { glob: '**/generated/**', tier: 'sandbox' },
  { glob: '**/sandbox/**', tier: 'sandbox' },
  { glob: '**/.ark/**', tier: 'sandbox' },
];

/** The tier of any path no rule matches. */
export const fallbackTier: Tier = 'trusted';

export type TierClassifier = (relativePath: string) => Tier;

/**
 * Compiles rules once into a classifier. `dot: true` so `**` also crosses folders such as `.ark`; paths are
 * project-relative with forward slashes. A glob picomatch cannot compile is an input error naming the rule.
 */
export function compileTierRules(rules: readonly TierRule[]): TierClassifier {
  const compiled = rules.map((rule, index) => {
    try {
      return { matches: picomatch(rule.glob, { dot: true }), tier: rule.tier };
    } catch (err) {
      throw new ArkError('invalid-input', `Tier rule ${index + 1} ("${rule.glob}") is not a valid glob: ${err instanceof Error ? err.message : String(err)}.`);
    }
  });
  return (relativePath) => {
    for (const rule of compiled) if (rule.matches(relativePath)) return rule.tier;
    return fallbackTier;
  };
}
