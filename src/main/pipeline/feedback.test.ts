// Review feedback on earlier versions of a spec reaches the model provider of the next generation, and the user sees it.
import { describe, expect, it } from 'vitest';
import type { Spec } from '../../shared/spec';
import type { BodyProvider } from './index';
import { createPipelineHarness } from './testing';

const spec: Spec = {
  name: 'clamp_percent',
  language: 'python',
  description: 'Clamp a percentage to the range 0..100.',
  parameters: [{ name: 'value', type: 'float' }],
  returns: { type: 'float' },
  examples: [{ args: [150], expected: 100 }, { args: [-3], expected: 0 }, { args: [42.5], expected: 42.5 }],
  constraints: [],
  tier: 'sandbox',
};

describe('review feedback in the next generation', () => {
  it('passes reviewers’ comments to the model as constraints and lists them in the result', async () => {
    const seen: Spec[] = [];
    // A local stand-in for an OpenAI-compatible server (the real client is tested against a fixture server in
    // provider.test.ts): it records what it was asked and answers with a correct function.
    const provider: BodyProvider = {
      name: 'recording-model',
      configured: () => true,
      maxAttempts: () => 1,
      async complete(request) {
        seen.push(request.spec);
        return 'def clamp_percent(value: float) -> float:\n    return max(0.0, min(100.0, value))\n';
      },
    };
    const h = createPipelineHarness({ provider, reviewFeedback: (specId) => (specId === 1 ? ['Use max/min, not if-chains', 'Rejected change 1: keep floats'] : []) });
    try {
      const first = await h.pipeline.run({ spec });
      const second = await h.pipeline.run({ spec: { ...spec, description: `${spec.description} Keep it short.` }, specId: first.specId });
      expect(second.status).toBe('ready-for-review');
      expect(second.source).toBe('model');
      expect(seen.at(-1)?.constraints).toEqual(['A reviewer said about an earlier version: Use max/min, not if-chains', 'A reviewer said about an earlier version: Rejected change 1: keep floats']);
      expect(second.warnings.join(' ')).toContain('Review feedback on earlier versions: Use max/min, not if-chains');
      expect(first.specId).toBe(1);
    } finally {
      await h.close();
    }
  }, 120_000);
});
