// docs/rules.md is generated: this fails when a rule, a policy or the recorded stdlib figures changed without it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleDefinitions } from './rules';
import { renderRulesDoc } from './rulesDoc';
import { readBenchmarkFigures, rulesDocPath } from './rulesDocFiles';

const root = join(__dirname, '..', '..', '..');

describe('docs/rules.md', () => {
  it('is up to date (regenerate with: npx tsx scripts/rules-doc.ts)', () => {
    expect(readFileSync(rulesDocPath(root), 'utf8')).toBe(renderRulesDoc(readBenchmarkFigures(root)));
  });

  it('lists every rule, and the import lists of every tier', () => {
    const doc = renderRulesDoc(null);
    for (const rule of ruleDefinitions) expect(doc).toContain(`| \`${rule.id}\` |`);
    for (const module of ['`statistics`', '`pytest`', '`subprocess`', '`child_process`']) expect(doc).toContain(module);
    expect(doc).toContain('**core**');
  });
});
