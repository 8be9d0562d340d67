// Improvement suggestions for generated artefacts, and applying one.
import type { AreaHandlers, HandlerDeps } from './types';

export function suggestionHandlers({ services }: HandlerDeps): AreaHandlers<'suggestions.'> {
  return {
    'suggestions.list': async ({ artifactId }) => services.suggestions.list(artifactId),
    'suggestions.apply': async ({ artifactId, suggestionId }, signal) => services.suggestions.apply(artifactId, suggestionId, signal),
  };
}
