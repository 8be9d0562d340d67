// Maps each request of the contract onto the services; the only code that knows both sides. One file per area.
import type { Handlers } from '../../shared/contract';
import { coreHandlers } from './core';
import type { HandlerDeps } from './types';

export type { HandlerDeps } from './types';

export function createHandlers(deps: HandlerDeps): Handlers {
  // `satisfies` makes a request without a handler (or a handler without a request) a compile error.
  return {
    ...coreHandlers(deps),
  } satisfies Handlers;
}
