// The provider against a local fixture server that speaks chat-completions with streaming, including a repair round.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Spec } from '../../shared/spec';
import { createPipelineHarness, type PipelineHarness } from '../pipeline/testing';
import { startChatFixture, type ChatFixture } from '../testing/chatFixture';
import { buildMessages, createChatProvider, normalizeBaseUrl, type ProviderConfig } from './index';

const spec: Spec = {
  name: 'combine',
  language: 'python',
  description: 'Return twice a, plus b.',
  parameters: [{ name: 'a', type: 'int' }, { name: 'b', type: 'int' }],
  returns: { type: 'int' },
  examples: [{ args: [1, 2], expected: 4 }, { args: [5, 5], expected: 15 }],
  constraints: [],
  tier: 'sandbox',
};

const wrong = 'Sure:\n```python\ndef combine(a: int, b: int) -> int:\n    """Combine."""\n    return a - b\n```\n';
const right = '```python\ndef combine(a: int, b: int) -> int:\n    return 2 * a + b\n```';

describe('chat provider', () => {
  let fixture: ChatFixture;
  let h: PipelineHarness;
  let config: ProviderConfig;
  beforeAll(async () => {
    fixture = await startChatFixture([wrong, right]);
    config = { enabled: true, baseUrl: fixture.url, model: 'fixture-model', maxAttempts: 3, apiKey: 'sk-test' };
    h = createPipelineHarness({ provider: createChatProvider(() => config) });
  });
  afterAll(async () => {
    await h.close();
    await fixture.close();
  });

  it('streams tokens, repairs a failing answer with the failing examples, and records every attempt', async () => {
    const result = await h.pipeline.run({ spec, runKey: 'model' });
    expect(result.status).toBe('ready-for-review');
    expect(result.source).toBe('model');
    expect(result.code).toContain('return 2 * a + b');
    expect(result.testRun).toMatchObject({ passed: 2, failed: 0 });

    expect(fixture.requests).toHaveLength(2);
    const [first, second] = fixture.requests;
    expect(first!.authorization).toBe('Bearer sk-test');
    expect(first!.body).toMatchObject({ model: 'fixture-model', stream: true });
    expect(first!.body.messages.at(-1)!.content).toContain('combine(1, 2) == 4');
    // The repair round carries the previous code and what failed.
    const repair = second!.body.messages.map((message) => message.content).join('\n');
    expect(repair).toContain('return a - b');
    expect(repair).toMatch(/example 1: Expected 4, got -1/);

    const streamed = h.tokens.filter((token) => token.runKey === 'model');
    expect(streamed.filter((token) => token.attempt === 1).map((token) => token.text).join('')).toBe(wrong);
    expect(streamed.filter((token) => token.attempt === 2).map((token) => token.text).join('')).toBe(right);

    const attempts = h.repo.artifact(result.artifactId).stages.filter((stage) => stage.stage === 'body' && typeof stage.detail.attempt === 'number');
    expect(attempts.map((stage) => [stage.detail.attempt, stage.status])).toEqual([
      [1, 'failed'],
      [2, 'passed'],
    ]);
  }, 60_000);

  it('gives up after the configured attempts and says the code needs a body', async () => {
    config = { ...config, maxAttempts: 1 };
    fixture.requests.length = 0;
    const stubborn = await startChatFixture([wrong]);
    config = { ...config, baseUrl: stubborn.url };
    const result = await h.pipeline.run({ spec });
    await stubborn.close();
    expect(result.status).toBe('needs-body');
    expect(result.code).toContain('NotImplementedError');
    expect(stubborn.requests).toHaveLength(1);
  }, 60_000);

  it('an unreachable provider is reported, and the result needs a body', async () => {
    config = { ...config, baseUrl: 'http://127.0.0.1:9/v1', maxAttempts: 2 };
    const result = await h.pipeline.run({ spec });
    expect(result.status).toBe('needs-body');
    const tried = result.stages.find((stage) => stage.stage === 'body')?.detail.tried as { outcome: string }[];
    expect(tried.at(-1)?.outcome).toMatch(/Cannot reach the model provider/);
  }, 60_000);

  it('refuses URLs that are not http(s) or that carry credentials', () => {
    expect(() => normalizeBaseUrl('file:///etc/passwd')).toThrow(/http/);
    expect(() => normalizeBaseUrl('http://user:pw@host/v1')).toThrow(/API key/);
    expect(normalizeBaseUrl('http://127.0.0.1:11434/v1/')).toBe('http://127.0.0.1:11434/v1');
    expect(buildMessages(spec)[1]!.content).toContain('def combine(a: int, b: int) -> int');
  });
});
