// Every request a UI can make of the services and every event they push, declared once with runtime schemas.
// Each area declares its own requests and events next to its vocabulary (shared/sandbox.ts, shared/indexing.ts, …);
// this file joins them into the one contract every host binds.
import { z } from 'zod';
import { AppInfo, DbInfo } from './app';
import { AuditEvent } from './audit';
import { generationEvents, generationRequests } from './generation';
import { indexEvents, indexingRequests } from './indexing';
import { qualityRequests } from './quality';
import { insightsRequests } from './insights';
import { reviewRequests } from './review';
import { suggestionRequests } from './suggestions';
import { sandboxEvents, sandboxRequests } from './sandbox';
import { SettingChange, SettingsSchema } from './settings';
import { validationEvents, validationRequests } from './validation';

const NoInput = z.object({}).strict();

/** Requests: name -> schemas of its input and output. Names are `area.verb`. */
const coreRequests = {
  'app.info': { input: NoInput, output: AppInfo },
  'db.info': { input: NoInput, output: DbInfo },
  'settings.get': { input: NoInput, output: SettingsSchema },
  'settings.set': { input: SettingChange, output: SettingsSchema },
  'audit.list': {
    input: z
      .object({
        limit: z.number().int().min(1).max(1000),
        beforeId: z.number().int().positive().optional(),
        kind: z.string().min(1).max(100).optional(),
      })
      .strict(),
    output: z.array(AuditEvent),
  },
} as const;

export const requests = {
  ...coreRequests,
  ...generationRequests,
  ...validationRequests,
  ...indexingRequests,
  ...sandboxRequests,
  ...reviewRequests,
  ...insightsRequests,
  ...suggestionRequests,
  ...qualityRequests,
} as const;

/** Events the services push to every connected UI. Names are `area.noun`. */
export const events = {
  'settings.changed': SettingsSchema,
  'audit.appended': AuditEvent,
  ...sandboxEvents,
  ...generationEvents,
  ...indexEvents,
  ...validationEvents,
} as const;

export type RequestName = keyof typeof requests;
export type EventName = keyof typeof events;
export type Input<N extends RequestName> = z.input<(typeof requests)[N]['input']>;
export type ParsedInput<N extends RequestName> = z.output<(typeof requests)[N]['input']>;
export type Output<N extends RequestName> = z.infer<(typeof requests)[N]['output']>;
export type EventPayload<N extends EventName> = z.infer<(typeof events)[N]>;

/** What a host must implement: a missing or mistyped handler is a compile error. */
export type Handlers = { [N in RequestName]: (input: ParsedInput<N>, signal: AbortSignal) => Promise<Output<N>> };

export function isRequestName(name: unknown): name is RequestName {
  // hasOwn, not `in`: a hostile "constructor" or "__proto__" must not resolve to Object.prototype.
  return typeof name === 'string' && Object.hasOwn(requests, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
