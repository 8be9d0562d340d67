// Improvement suggestions for a generated artefact, and applying one (which makes a new version through the pipeline).
import { z } from 'zod';
import { GenerationResult } from './generation';

export const Suggestion = z.object({
  id: z.string(),
  kind: z.enum(['lint-fix', 'format', 'split-function', 'add-docstrings', 'add-types', 'fix-types', 'failing-tests', 'slow-runs', 'failing-runs']),
  title: z.string(),
  detail: z.string(),
  line: z.number().int().nullable(),
  apply: z.enum(['mechanical', 'model', 'manual']),
  ruleIds: z.array(z.string()),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const SuggestionList = z.object({
  artifactId: z.number().int().positive(),
  score: z.number(),
  /** Whether a model provider is configured, so `model` suggestions can be applied. */
  modelAvailable: z.boolean(),
  suggestions: z.array(Suggestion),
});
export type SuggestionList = z.infer<typeof SuggestionList>;

const Id = z.number().int().positive();

export const suggestionRequests = {
  'suggestions.list': { input: z.object({ artifactId: Id }).strict(), output: SuggestionList },
  'suggestions.apply': { input: z.object({ artifactId: Id, suggestionId: z.string().min(1).max(300) }).strict(), output: GenerationResult },
} as const;
