// The validator's requests: check code at a tier, describe the rules, and read, edit or reset the tier policies.
import type { Tier } from '../../shared/domain';
import type { TierPolicy } from '../../shared/validation';
import type { AreaHandlers, HandlerDeps } from './types';

export function validationHandlers({ repos, services, events, user }: HandlerDeps): AreaHandlers<'validate.'> {
  const announce = (tier: Tier, kind: 'validator.policyChanged' | 'validator.policyReset', changes: Record<string, unknown>) => {
    const set = repos.policies.all();
    events.emit('validate.policiesChanged', set);
    events.emit('audit.appended', repos.audit.append({ kind, actor: user, data: { tier, ...changes } }));
    return set;
  };
  return {
    'validate.run': async (request) => services.validator.validate(request),
    'validate.rules': async () => services.validator.rules(),
    'validate.policies': async () => repos.policies.all(),
    'validate.setPolicy': async ({ policy }) => {
      const before = repos.policies.get(policy.tier);
      repos.policies.set(policy);
      return announce(policy.tier, 'validator.policyChanged', { changes: describePolicyChanges(before, policy) });
    },
    'validate.resetPolicy': async ({ tier }) => {
      const before = repos.policies.get(tier);
      repos.policies.reset(tier);
      return announce(tier, 'validator.policyReset', { changes: describePolicyChanges(before, repos.policies.get(tier)) });
    },
  };
}

/**
 * What changed between two policies of a tier, in the audit trail's words: list entries added and removed, severities
 * from → to. A reviewer reading the trail needs "python.allow +socket", not two 2 KB JSON documents to compare.
 */
export function describePolicyChanges(before: TierPolicy, after: TierPolicy): string[] {
  const changes: string[] = [];
  for (const [category, severity] of Object.entries(after.categories)) {
    const previous = before.categories[category as keyof TierPolicy['categories']];
    if (previous !== severity) changes.push(`${category}: ${previous} → ${severity}`);
  }
  if (before.workFolderWrites !== after.workFolderWrites) changes.push(`workFolderWrites: ${before.workFolderWrites} → ${after.workFolderWrites}`);
  for (const language of ['python', 'javascript'] as const) {
    const a = before.imports[language];
    const b = after.imports[language];
    for (const list of ['allow', 'deny'] as const) {
      const added = b[list].filter((name) => !a[list].includes(name));
      const removed = a[list].filter((name) => !b[list].includes(name));
      if (added.length) changes.push(`${language}.${list} +${added.join(' +')}`);
      if (removed.length) changes.push(`${language}.${list} -${removed.join(' -')}`);
    }
    for (const field of ['allowStandardLibrary', 'notAllowed', 'unknown'] as const) {
      if (a[field] !== b[field]) changes.push(`${language}.${field}: ${String(a[field])} → ${String(b[field])}`);
    }
  }
  return changes;
}
