// The quality requests: assess code or an artefact version (the report is stored), and read stored reports.
import type { AreaHandlers, HandlerDeps } from './types';

export function qualityHandlers({ services }: HandlerDeps): AreaHandlers<'quality.'> {
  return {
    'quality.analyze': (input, signal) => services.quality.analyze(input, signal),
    'quality.report': async ({ id }) => services.quality.report(id),
    'quality.list': async (filter) => services.quality.list(filter),
  };
}
