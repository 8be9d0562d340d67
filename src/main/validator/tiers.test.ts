// The trust tiers: what each allows and refuses, the import lists, work-folder writes, policies as data, and how
// Ruff's findings land in the same report with deliberate severities.
import { describe, expect, it } from 'vitest';
import type { Language, Tier } from '../../shared/domain';
import { TierPolicy, type Severity, type ValidationReport } from '../../shared/validation';
import { defaultPolicies, defaultTierPolicies, type PolicySource } from './policies';
import { explain } from './testing';
import { createValidator } from './validator';

const validator = createValidator({ ruff: false });
const withRuff = createValidator();
const tiers: Tier[] = ['sandbox', 'testing', 'trusted', 'core'];

/** The worst severity in a report: what a reader of the verdict sees first. */
function worst(report: ValidationReport): Severity | 'none' {
  for (const severity of ['error', 'warning', 'info'] as const) if (report.findings.some((finding) => finding.severity === severity)) return severity;
  return 'none';
}

async function worstPerTier(code: string, language: Language = 'python', source = validator): Promise<Array<Severity | 'none'>> {
  const reports = await Promise.all(tiers.map((tier) => source.validate({ code, language, tier })));
  return reports.map(worst);
}

describe('import policy per tier', () => {
  // [code, worst severity at sandbox, testing, trusted, core]
  const python: Array<[string, ...Array<Severity | 'none'>]> = [
    ['import math, statistics, itertools, functools, collections, re, string, json, datetime\n', 'none', 'none', 'none', 'none'],
    ['import typing, dataclasses, decimal, fractions, heapq, bisect, random\n', 'none', 'none', 'none', 'none'],
    ['import glob\n', 'error', 'error', 'none', 'none'],
    ['import pytest\n', 'error', 'none', 'warning', 'none'],
    ['import unittest.mock\n', 'error', 'none', 'none', 'none'],
    ['import numpy\n', 'error', 'error', 'warning', 'none'],
    ['import subprocess\n', 'error', 'error', 'error', 'warning'],
    ['import ctypes\n', 'error', 'error', 'error', 'warning'],
    ['import socket\n', 'error', 'error', 'error', 'warning'],
    ['import pickle\n', 'error', 'error', 'warning', 'warning'],
  ];
  it.each(python)('Python: %s', async (code, ...expected) => {
    expect(await worstPerTier(code)).toEqual(expected);
  });

  const javascript: Array<[string, ...Array<Severity | 'none'>]> = [
    ["import path from 'node:path';\nimport { createHash } from 'crypto';\n", 'none', 'none', 'none', 'none'],
    ["import fs from 'node:fs';\n", 'error', 'none', 'none', 'none'],
    ["import lodash from 'lodash';\n", 'error', 'error', 'warning', 'none'],
    ["import { spawn } from 'node:child_process';\n", 'error', 'error', 'error', 'warning'],
    ["import http from 'node:http';\n", 'error', 'error', 'error', 'warning'],
  ];
  it.each(javascript)('JavaScript: %s', async (code, ...expected) => {
    expect(await worstPerTier(code, 'javascript')).toEqual(expected);
  });

  it('ignores imports under `if TYPE_CHECKING:` (they never run)', async () => {
    const report = await validator.validate({ code: 'from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    import numpy\n', language: 'python', tier: 'sandbox' });
    expect(report.findings, explain(report)).toEqual([]);
  });
});

describe('filesystem writes and the work folder', () => {
  it('refuses every write in the sandbox, notes work-folder writes from testing up, refuses writes outside below core', async () => {
    expect(await worstPerTier('with open("out/result.txt", "w") as f:\n    f.write("1")\n')).toEqual(['error', 'info', 'info', 'info']);
    expect(await worstPerTier('with open("/etc/hosts", "a") as f:\n    f.write("1")\n')).toEqual(['error', 'error', 'error', 'warning']);
    expect(await worstPerTier('with open("../outside.txt", "w") as f:\n    f.write("1")\n')).toEqual(['error', 'error', 'error', 'warning']);
    expect(await worstPerTier("require('fs').writeFileSync('out/a.json', '{}');\n", 'javascript')).toEqual(['error', 'info', 'info', 'info']);
  });

  it('reads are not writes: open() without a write mode passes', async () => {
    expect(await worstPerTier('with open("data.csv") as f:\n    print(f.read())\n')).toEqual(['none', 'none', 'none', 'none']);
  });
});

describe('the core tier', () => {
  it('turns dangerous code into warnings (core runs need their own confirmation) but still blocks syntax errors', async () => {
    const dangerous = await validator.validate({ code: 'import os\neval(input())\nos.system("ls")\n', language: 'python', tier: 'core' });
    expect(dangerous.blocked, explain(dangerous)).toBe(false);
    expect(dangerous.findings.map((finding) => finding.severity)).toContain('warning');
    const broken = await validator.validate({ code: 'def f(:\n', language: 'python', tier: 'core' });
    expect(broken.blocked).toBe(true);
  });
});

describe('resource rules', () => {
  it('warn at every tier but never block: a loop without an exit may be a server', async () => {
    expect(await worstPerTier('while True:\n    pass\n')).toEqual(['warning', 'warning', 'warning', 'warning']);
  });
});

describe('policies are data', () => {
  const edited = (change: (policy: TierPolicy) => TierPolicy): PolicySource => ({
    get: (tier) => (tier === 'sandbox' ? change(structuredClone(defaultTierPolicies.sandbox)) : defaultPolicies.get(tier)),
  });

  it('follows an edited allow list and deny list', async () => {
    const allowGlob = createValidator({ ruff: false, policies: edited((policy) => ({ ...policy, imports: { ...policy.imports, python: { ...policy.imports.python, allow: [...policy.imports.python.allow, 'glob'] } } })) });
    expect((await allowGlob.validate({ code: 'import glob\n', language: 'python', tier: 'sandbox' })).blocked).toBe(false);
    const denyRandom = createValidator({ ruff: false, policies: edited((policy) => ({ ...policy, imports: { ...policy.imports, python: { ...policy.imports.python, deny: ['random'] } } })) });
    const report = await denyRandom.validate({ code: 'import random\n', language: 'python', tier: 'sandbox' });
    expect(report.findings.map((finding) => finding.ruleId)).toEqual(['py.import.not-allowed']);
  });

  it('follows an edited category severity, in reports and in the rule table', async () => {
    const lenient = createValidator({ ruff: false, policies: edited((policy) => ({ ...policy, categories: { ...policy.categories, process: 'warning' } })) });
    const report = await lenient.validate({ code: 'import subprocess\n', language: 'python', tier: 'sandbox' });
    expect(report.blocked).toBe(false);
    expect(report.findings[0]?.severity).toBe('warning');
    expect(lenient.rules().find((rule) => rule.id === 'py.process.module')?.severity.sandbox).toBe('warning');
  });

  it('refuses to validate with a malformed stored policy, saying how to fix it', async () => {
    const broken = createValidator({ ruff: false, policies: { get: () => ({ tier: 'sandbox' }) as unknown as TierPolicy } });
    await expect(broken.validate({ code: 'x = 1\n', language: 'python', tier: 'sandbox' })).rejects.toThrow(/reset it in Settings/);
  });

  it('describes every rule with a severity at each tier; the default tiers only get more permissive upwards', () => {
    const rank = { off: 0, info: 1, warning: 2, error: 3 } as const;
    for (const rule of validator.rules()) {
      expect(rule.explanation.length).toBeGreaterThan(10);
      expect(rule.hint.length).toBeGreaterThan(5);
      const levels = tiers.map((tier) => rank[rule.severity[tier]]);
      expect(levels, rule.id).toEqual([...levels].sort((a, b) => b - a));
    }
  });

  it('the built-in policies match their own schema', () => {
    for (const tier of tiers) expect(TierPolicy.parse(defaultTierPolicies[tier])).toEqual(defaultTierPolicies[tier]);
  });
});

describe('Ruff findings in the same report', () => {
  it('keeps advisories from blocking generated code: S311 (random) is a note', async () => {
    const report = await withRuff.validate({ code: 'import random\n\nprint(random.randint(1, 6))\n', language: 'python', tier: 'sandbox' });
    expect(report.blocked, explain(report)).toBe(false);
    expect(report.findings.find((finding) => finding.ruleId === 'ruff:S311')?.severity).toBe('info');
  });

  it('drops Ruff duplicates of our own findings (S307 next to py.exec.eval)', async () => {
    const report = await withRuff.validate({ code: 'eval(input())\n', language: 'python', tier: 'sandbox' });
    const ids = report.findings.map((finding) => finding.ruleId);
    expect(ids).toContain('py.exec.eval');
    expect(ids).not.toContain('ruff:S307');
  });

  it('adds what only Ruff sees: pyflakes warnings, and CPython compile errors tree-sitter accepts', async () => {
    const undefinedName = await withRuff.validate({ code: 'print(not_defined_anywhere)\n', language: 'python', tier: 'sandbox' });
    expect(undefinedName.findings.find((finding) => finding.ruleId === 'ruff:F821')).toMatchObject({ severity: 'warning', line: 1, category: 'lint' });
    expect(undefinedName.blocked).toBe(false);
    const returnOutside = await withRuff.validate({ code: 'return 1\n', language: 'python', tier: 'core' });
    expect(returnOutside.blocked, explain(returnOutside)).toBe(true);
    expect(returnOutside.findings.some((finding) => finding.ruleId.startsWith('ruff:') && finding.category === 'syntax'), explain(returnOutside)).toBe(true);
  });
});
