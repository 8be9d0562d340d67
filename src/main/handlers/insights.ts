// Performance tracking over time.
import type { AreaHandlers, HandlerDeps } from './types';

export function insightsHandlers({ services }: HandlerDeps): AreaHandlers<'insights.'> {
  return {
    'insights.overview': async ({ days }) => services.insights.overview(days),
  };
}
