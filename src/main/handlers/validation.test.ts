// The validator's requests through the real dispatch loop: reports, rules, and policy edits that are stored, announced
// and written to the audit trail.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input, Output, RequestName } from '../../shared/contract';
import type { Reply } from '../../shared/errors';
import { PolicySet, RuleInfo, ValidationReport } from '../../shared/validation';
import { createApp, type App } from '../app';
import { dispatch } from '../hosts/dispatch';
import { createAuditRepo } from '../store/auditRepo';
import { createPolicyRepo } from '../store/policyRepo';
import { makeTempDir } from '../testing/tempDir';
import { defaultTierPolicies } from '../validator/policies';
import { describePolicyChanges } from './validation';

let temp: ReturnType<typeof makeTempDir>;
let app: App;
beforeEach(async () => {
  temp = makeTempDir();
  app = await createApp({ host: 'cli', dataDir: temp.dir, dbPath: path.join(temp.dir, 'ark.db'), appRoot: temp.dir, version: '0.0.0-test' });
});
afterEach(async () => {
  await app.close();
  temp.cleanup();
});

async function send<N extends RequestName>(name: N, input: Input<N> | Record<string, unknown>): Promise<Reply<Output<N>>> {
  return (await dispatch(app.handlers, name, input, new AbortController().signal)) as Reply<Output<N>>;
}

const allowGlob = () => {
  const sandbox = defaultTierPolicies.sandbox;
  return { ...sandbox, imports: { ...sandbox.imports, python: { ...sandbox.imports.python, allow: [...sandbox.imports.python.allow, 'glob'] } } };
};

describe('validation requests', () => {
  it('validate.run returns a report that fits the schema', async () => {
    const reply = await send('validate.run', { code: 'import os\nos.system("ls")\n', language: 'python', tier: 'sandbox' });
    expect(reply.ok).toBe(true);
    const report = ValidationReport.parse(reply.ok ? reply.value : null);
    expect(report.blocked).toBe(true);
    expect(report.findings.some((finding) => finding.ruleId === 'py.process.exec' && finding.line === 2)).toBe(true);
  });

  it('validate.rules lists every rule with severities per tier', async () => {
    const reply = await send('validate.rules', {});
    const rules = RuleInfo.array().parse(reply.ok ? reply.value : null);
    expect(rules.find((rule) => rule.id === 'py.exec.eval')?.severity).toEqual({ sandbox: 'error', testing: 'error', trusted: 'error', core: 'warning' });
    expect(rules.find((rule) => rule.id === 'ruff:S311')?.severity.sandbox).toBe('info');
  });

  it('validate.setPolicy stores the policy, the validator uses it at once, and the audit trail says what changed', async () => {
    const emitted: string[] = [];
    app.events.subscribe((name) => emitted.push(name));
    const before = await send('validate.run', { code: 'import glob\n', language: 'python', tier: 'sandbox' });
    expect(before.ok && before.value.blocked).toBe(true);

    const saved = await send('validate.setPolicy', { policy: allowGlob() });
    expect(saved.ok).toBe(true);
    expect(PolicySet.parse(saved.ok ? saved.value : null).customized).toEqual(['sandbox']);
    const after = await send('validate.run', { code: 'import glob\n', language: 'python', tier: 'sandbox' });
    expect(after.ok && after.value.blocked).toBe(false);
    expect(emitted).toContain('validate.policiesChanged');

    const audit = createAuditRepo(app.db).list({ limit: 5, kind: 'validator.policyChanged' });
    expect(audit[0]?.data).toEqual({ tier: 'sandbox', changes: ['python.allow +glob'] });

    const reset = await send('validate.resetPolicy', { tier: 'sandbox' });
    expect(reset.ok && reset.value.customized).toEqual([]);
    expect(createAuditRepo(app.db).list({ limit: 5, kind: 'validator.policyReset' })[0]?.data).toEqual({ tier: 'sandbox', changes: ['python.allow -glob'] });
    const again = await send('validate.run', { code: 'import glob\n', language: 'python', tier: 'sandbox' });
    expect(again.ok && again.value.blocked).toBe(true);
  });

  it('refuses malformed policies with a message naming the field', async () => {
    const badName = await send('validate.setPolicy', { policy: { ...allowGlob(), imports: { ...allowGlob().imports, python: { ...allowGlob().imports.python, allow: ['glob; rm -rf /'] } } } });
    expect(badName.ok).toBe(false);
    expect(badName.ok ? '' : badName.error.message).toContain('allow');
    const missingCategory = await send('validate.setPolicy', { policy: { ...allowGlob(), categories: { syntax: 'error' } } });
    expect(missingCategory.ok).toBe(false);
    const typo = await send('validate.setPolicy', { policy: { ...allowGlob(), imports: { ...allowGlob().imports, python: { ...allowGlob().imports.python, alow: [] } } } });
    expect(typo.ok).toBe(false);
    expect(createPolicyRepo(app.db).all().customized).toEqual([]);
  });
});

describe('describePolicyChanges', () => {
  it('names list entries added and removed and severities changed', () => {
    const before = defaultTierPolicies.trusted;
    const after = {
      ...before,
      categories: { ...before.categories, network: 'warning' as const },
      workFolderWrites: false,
      imports: { ...before.imports, javascript: { ...before.imports.javascript, deny: before.imports.javascript.deny.filter((name) => name !== 'vm'), unknown: 'error' as const } },
    };
    expect(describePolicyChanges(before, after)).toEqual(['network: error → warning', 'workFolderWrites: true → false', 'javascript.deny -vm', 'javascript.unknown: warning → error']);
    expect(describePolicyChanges(before, before)).toEqual([]);
  });
});
