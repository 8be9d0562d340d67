// The validator's tier policies as editable data: one JSON row per edited tier in the settings table
// (`validator.policy.<tier>`); a tier without a row uses the built-in default.
import type { Tier } from '../../shared/domain';
import { Tier as TierSchema } from '../../shared/domain';
import { TierPolicy, type PolicySet } from '../../shared/validation';
import { defaultTierPolicies, type PolicySource } from '../validator/policies';
import type { Db } from './db';

export type PolicyRepo = PolicySource & {
  /** Every tier's policy in force, and which tiers have a stored (edited) one. */
  all(): PolicySet;
  /** Stores a tier's policy (schema-checked again here: the repo never holds a policy the validator would refuse). */
  set(policy: TierPolicy): void;
  /** Drops the stored policy, so the tier is back on the built-in default. */
  reset(tier: Tier): void;
};

const keyFor = (tier: Tier): string => `validator.policy.${tier}`;

export function createPolicyRepo(db: Db): PolicyRepo {
  const selectOne = db.prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?');
  const upsert = db.prepare(
    "INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
  );
  const remove = db.prepare('DELETE FROM settings WHERE key = ?');

  // Read on every call rather than cached: policies are tiny, and another process (the CLI, a second window's host)
  // may have changed them. A row that no longer fits the schema (hand edit, older app) falls back to the default,
  // which is the strict baseline, rather than leaving the tier without any policy.
  function stored(tier: Tier): TierPolicy | null {
    const row = selectOne.get(keyFor(tier));
    if (!row) return null;
    try {
      const parsed = TierPolicy.safeParse(JSON.parse(row.value_json));
      return parsed.success && parsed.data.tier === tier ? parsed.data : null;
    } catch {
      return null;
    }
  }

  return {
    get: (tier) => stored(tier) ?? defaultTierPolicies[tier],
    all() {
      const entries = TierSchema.options.map((tier) => [tier, stored(tier)] as const);
      const policies = Object.fromEntries(entries.map(([tier, policy]) => [tier, policy ?? defaultTierPolicies[tier]])) as PolicySet['policies'];
      return { policies, customized: entries.filter(([, policy]) => policy !== null).map(([tier]) => tier) };
    },
    set(policy) {
      const parsed = TierPolicy.parse(policy);
      upsert.run(keyFor(parsed.tier), JSON.stringify(parsed));
    },
    reset(tier) {
      remove.run(keyFor(tier));
    },
  };
}
