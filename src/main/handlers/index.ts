// Maps each request of the contract onto the services; the only code that knows both sides. One file per area.
import type { Handlers } from '../../shared/contract';
import { coreHandlers } from './core';
import { generationHandlers } from './generation';
import { qualityHandlers } from './quality';
import { insightsHandlers } from './insights';
import { reviewHandlers } from './review';
import { suggestionHandlers } from './suggestions';
import { indexingHandlers } from './indexing';
import { sandboxHandlers } from './sandbox';
import type { HandlerDeps } from './types';
import { validationHandlers } from './validation';

export type { HandlerDeps } from './types';

export function createHandlers(deps: HandlerDeps): Handlers {
  // `satisfies` makes a request without a handler (or a handler without a request) a compile error.
  return {
    ...coreHandlers(deps),
    ...generationHandlers(deps),
    ...reviewHandlers(deps),
    ...insightsHandlers(deps),
    ...suggestionHandlers(deps),
    ...qualityHandlers(deps),
    ...indexingHandlers(deps),
    ...validationHandlers(deps),
    ...sandboxHandlers(deps),
  } satisfies Handlers;
}
