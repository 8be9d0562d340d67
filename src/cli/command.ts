// What a CLI command is, and the helpers every command shares: one app per call, requests through the same dispatch.
import type { ParseArgsConfig } from 'node:util';
import { createApp, type App } from '../main/app';
import { appVersion } from '../main/appRoot';
import { defaultDataDir, resolveDbPath, type AppConfig } from '../main/config';
import { dispatch } from '../main/hosts/dispatch';
import type { Input, Output, RequestName } from '../shared/contract';
import { ArkError } from '../shared/errors';

/** Exit codes: 0 success, 1 the checked thing failed, 2 usage error or bad input (3 the app could not start). */
export const exitCodes = { ok: 0, failed: 1, usage: 2, unavailable: 3 } as const;

export type CliIO = { out: (text: string) => void; err: (text: string) => void };

/** Thrown for a wrong command line: printed with the usage text, exit code 2. */
export class UsageError extends Error {}

export type CliContext = {
  /** Positional arguments after the command's name. */
  args: string[];
  /** Parsed options: the common ones and the command's own. */
  values: Record<string, string | boolean | undefined>;
  json: boolean;
  io: CliIO;
  appRoot: string;
  dbFlag: string | undefined;
  /** Opens the app on the chosen database for the work, and closes it afterwards whatever happens. */
  withApp<T>(work: (app: App) => Promise<T>, host?: AppConfig['host']): Promise<T>;
};

export type CliCommand = {
  name: string;
  /** Lines for `ark --help`: `ark NAME ARGS   what it does`. */
  usage: string[];
  options?: NonNullable<ParseArgsConfig['options']>;
  /** The command only reads the database, so it also works on one this user cannot write (opened read-only). */
  readsOnly?: boolean;
  run(ctx: CliContext): Promise<number>;
};

export function configFor(appRoot: string, dbFlag: string | undefined, host: AppConfig['host']): AppConfig {
  const dataDir = defaultDataDir();
  return { host, dataDir, dbPath: resolveDbPath({ flag: dbFlag, dataDir }), appRoot, version: appVersion(appRoot) };
}

export async function withApp<T>(appRoot: string, dbFlag: string | undefined, work: (app: App) => Promise<T>, host: AppConfig['host'] = 'cli', readsOnly = false): Promise<T> {
  const app = await createApp({ ...configFor(appRoot, dbFlag, host), readOnlyWhenUnwritable: readsOnly });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** Runs one request through the same dispatch loop as the UIs, so the CLI gets the same checks and errors. */
export async function call<N extends RequestName>(app: App, name: N, input: Input<N>, signal: AbortSignal = new AbortController().signal): Promise<Output<N>> {
  const reply = await dispatch(app.handlers, name, input, signal);
  if (!reply.ok) throw new ArkError(reply.error.code, reply.error.message, reply.error.details);
  return reply.value as Output<N>;
}

export function expectArgs(args: string[], count: number, command: string): void {
  if (args.length !== count) throw new UsageError(`"${command}" takes ${count} argument(s), got ${args.length ? `: ${args.join(' ')}` : 'none'}.`);
}

/** A string option's value, or undefined; a boolean where a value was needed is a usage error. */
export function stringOption(values: CliContext['values'], name: string): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new UsageError(`--${name} needs a value.`);
  return value;
}

/** A whole-number option within bounds, or undefined when absent. */
export function intOption(values: CliContext['values'], name: string, min: number, max: number): number | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}".`);
  return value;
}

/** One of a fixed set of values, or undefined when absent. */
export function choiceOption<T extends string>(values: CliContext['values'], name: string, choices: readonly T[]): T | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  if (!(choices as readonly string[]).includes(raw)) throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got "${raw}".`);
  return raw as T;
}
