// The pipeline's quality stage with the real analyzer (Ruff, pyright's language server, the metrics): every generated
// version is assessed, the report is stored against that artefact version, and the checklist is kept beside it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Spec } from '../../shared/spec';
import { sha256 } from '../hash';
import { createPipelineHarness } from './testing';

let h: ReturnType<typeof createPipelineHarness>;
beforeAll(() => {
  h = createPipelineHarness({ quality: true });
});
afterAll(async () => {
  await h.close();
});

const spec: Spec = {
  name: 'is_leap',
  language: 'python',
  description: 'Return True if the year is a leap year in the Gregorian calendar.',
  parameters: [{ name: 'year', type: 'int' }],
  returns: { type: 'bool' },
  examples: [
    { args: [2000], expected: true },
    { args: [1900], expected: false },
    { args: [2024], expected: true },
  ],
  constraints: [],
  tier: 'sandbox',
};

describe('pipeline quality stage', () => {
  test('assesses the generated version with the analyzer and stores the report against it', { timeout: 180_000 }, async () => {
    const result = await h.pipeline.run({ spec, body: 'return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)' });
    expect(result.status).toBe('ready-for-review');
    const analysis = result.quality?.analysis;
    expect(analysis).toMatchObject({ reportId: expect.any(Number), scoringVersion: 1, notAssessed: [] });
    expect(analysis!.toolVersions).toMatchObject({ ruff: expect.any(String), pyright: expect.stringMatching(/^1\.1\./), 'tree-sitter': expect.any(String) });
    // The checklist stays as it was: its own score, its own checks.
    expect(result.quality).toMatchObject({ score: 100, checks: expect.arrayContaining([expect.objectContaining({ id: 'tests', passed: true })]) });

    const report = h.quality!.report(analysis!.reportId);
    expect(report).toMatchObject({ artifactId: result.artifactId, language: 'python', score: analysis!.score, codeHash: sha256(result.code) });
    expect(report.breakdown.map((part) => part.category)).toEqual(['lint', 'format', 'types', 'complexity', 'maintainability', 'docstrings', 'annotations']);
    expect(report.tools.find((tool) => tool.name === 'pyright')).toMatchObject({ status: 'ok' });
    expect(h.quality!.list({ limit: 10, artifactId: result.artifactId })).toHaveLength(1);

    const stage = result.stages.find((record) => record.stage === 'quality')!;
    expect(stage.summary).toMatch(new RegExp(`^${analysis!.score} / 100 by the analyzer; checklist 6 of 6$`));
    expect(h.repo.artifact(result.artifactId).quality?.analysis).toEqual(analysis);
  });

  test('a type error in the body costs points and shows among the findings of that version', { timeout: 120_000 }, async () => {
    const result = await h.pipeline.run({ spec, body: 'label: str = year\nreturn year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) and bool(label)' });
    const report = h.quality!.report(result.quality!.analysis!.reportId);
    expect(report.findings).toContainEqual(expect.objectContaining({ source: 'pyright', ruleId: 'reportAssignmentType', severity: 'error' }));
    expect(report.deductions).toContainEqual(expect.objectContaining({ category: 'types', ruleId: 'reportAssignmentType' }));
    expect(report.score).toBeLessThan(100);
    // Each version has its own report.
    expect(report.artifactId).toBe(result.artifactId);
  });
});
