// Applying an improvement suggestion through the model provider, against a local chat-completions fixture server that
// streams its answer: the provider gets the current code and the suggestion, and its answer becomes a new version that
// goes through the whole pipeline again (validated, tested, assessed by the quality analyzer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Spec } from '../../shared/spec';
import { createPipelineHarness, type PipelineHarness } from '../pipeline/testing';
import { createChatProvider, type ProviderConfig } from '../provider';
import { startChatFixture, type ChatFixture } from '../testing/chatFixture';
import { createSuggestionService, type SuggestionService } from './service';

const spec: Spec = {
  name: 'combine',
  language: 'python',
  description: 'Return twice a, plus b.',
  parameters: [
    { name: 'a', type: 'int' },
    { name: 'b', type: 'int' },
  ],
  returns: { type: 'int' },
  examples: [
    { args: [1, 2], expected: 4 },
    { args: [5, 5], expected: 15 },
  ],
  constraints: [],
  tier: 'sandbox',
};

// Passes its examples, but pyright finds a type error: the analyzer suggests fixing the types, through the model.
const mistyped = 'label: str = a\nreturn 2 * a + b if label else 2 * a + b';
const improved = 'Here it is:\n```python\ndef combine(a: int, b: int) -> int:\n    """Return twice a, plus b."""\n    return 2 * a + b\n```\n';

describe('suggestions applied through the model provider', () => {
  let fixture: ChatFixture;
  let h: PipelineHarness;
  let config: ProviderConfig;
  let suggestions: SuggestionService;
  beforeAll(async () => {
    fixture = await startChatFixture([improved, 'I would rather not.']);
    config = { enabled: true, baseUrl: fixture.url, model: 'fixture-model', maxAttempts: 1, apiKey: 'sk-test' };
    const provider = createChatProvider(() => config);
    h = createPipelineHarness({ provider, quality: true });
    suggestions = createSuggestionService({ db: h.database(), quality: h.quality!, pipeline: h.pipeline, provider });
  });
  afterAll(async () => {
    await h?.close();
    await fixture?.close();
  });

  it('turns the model answer into a new version that is validated, tested and assessed again', { timeout: 180_000 }, async () => {
    const first = await h.pipeline.run({ spec, body: mistyped });
    expect(first.status).toBe('ready-for-review');
    expect(first.quality?.analysis?.notAssessed).toEqual([]);
    const before = h.quality!.report(first.quality!.analysis!.reportId);
    expect(before.findings).toContainEqual(expect.objectContaining({ source: 'pyright', ruleId: 'reportAssignmentType' }));

    const listed = await suggestions.list(first.artifactId);
    expect(listed.modelAvailable).toBe(true);
    const fixTypes = listed.suggestions.find((suggestion) => suggestion.id === 'fix-types');
    expect(fixTypes).toMatchObject({ apply: 'model' });
    expect(fixture.requests).toHaveLength(0);

    const next = await suggestions.apply(first.artifactId, 'fix-types');

    // The provider was asked once, with the current code and the suggestion as what to fix.
    expect(fixture.requests).toHaveLength(1);
    const asked = fixture.requests[0]!;
    expect(asked.authorization).toBe('Bearer sk-test');
    expect(asked.body).toMatchObject({ model: 'fixture-model', stream: true });
    const conversation = asked.body.messages.map((message) => message.content).join('\n');
    expect(conversation).toContain('label: str = a');
    expect(conversation).toContain(fixTypes!.title);

    // A new version of the same spec, made from the model's answer and run through every stage again.
    expect(next.artifactId).toBeGreaterThan(first.artifactId);
    expect(next.specId).toBe(first.specId);
    expect(next.source).toBe('model');
    expect(next.origin).toMatchObject({ source: 'model', reference: 'model fixture-model', verifiedAgainstSpecExamples: true });
    expect(next.code).toContain('return 2 * a + b');
    expect(next.code).not.toContain('label');
    expect(next.stages.map((stage) => stage.stage)).toEqual(['spec', 'body', 'render', 'validate', 'test', 'quality']);
    expect(next.testRun).toMatchObject({ passed: 2, failed: 0 });
    expect(next.status).toBe('ready-for-review');
    const after = h.quality!.report(next.quality!.analysis!.reportId);
    expect(after.artifactId).toBe(next.artifactId);
    expect(after.findings.filter((finding) => finding.source === 'pyright')).toEqual([]);
    expect(after.score).toBeGreaterThan(before.score);
    // The earlier version keeps its own report.
    expect(h.quality!.list({ limit: 10, artifactId: first.artifactId }).map((report) => report.id)).toContain(before.id);
  });

  it('refuses when the answer has no such function, and when no provider is configured', { timeout: 120_000 }, async () => {
    const first = await h.pipeline.run({ spec, body: mistyped });
    // The fixture's second answer is prose without code.
    await expect(suggestions.apply(first.artifactId, 'fix-types')).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('no function combine') });
    config = { ...config, enabled: false };
    expect((await suggestions.list(first.artifactId)).modelAvailable).toBe(false);
    await expect(suggestions.apply(first.artifactId, 'fix-types')).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('needs a model provider') });
    expect(fixture.requests).toHaveLength(2);
  });
});
