// The one request loop every host runs: check the name, parse the input, call the handler, turn errors into data.
import type { z } from 'zod';
import { isRequestName, requests, type Handlers, type RequestName } from '../../shared/contract';
import { ArkError, failure, type ErrorData, type Reply } from '../../shared/errors';

export type Logger = { error(message: string, err?: unknown): void };

const consoleLogger: Logger = { error: (message, err) => console.error(message, err) };

export async function dispatch(handlers: Handlers, name: unknown, raw: unknown, signal: AbortSignal, logger: Logger = consoleLogger): Promise<Reply<unknown>> {
  if (!isRequestName(name)) {
    return failure('invalid-input', `Unknown request "${typeof name === 'string' ? name.slice(0, 100) : typeof name}".`);
  }
  const parsed = requests[name].input.safeParse(raw);
  if (!parsed.success) return failure('invalid-input', describeIssues(name, parsed.error));
  try {
    const handler = handlers[name] as (input: unknown, signal: AbortSignal) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data, signal) };
  } catch (err) {
    return toFailure(err, name, logger);
  }
}

/** Turns anything thrown into an ErrorData: ArkError keeps its code; a bug becomes 'internal', its stack logged here only. */
export function toFailure(err: unknown, name: RequestName | string, logger: Logger = consoleLogger): { ok: false; error: ErrorData } {
  if (err instanceof ArkError) return { ok: false, error: err.toData() };
  const sqliteCode = (err as { code?: unknown }).code;
  if (typeof sqliteCode === 'string' && (sqliteCode.startsWith('SQLITE_BUSY') || sqliteCode.startsWith('SQLITE_LOCKED'))) {
    return failure('unavailable', 'The database is busy: another program holds a lock on it. Try again in a moment.');
  }
  if (typeof sqliteCode === 'string' && (sqliteCode.startsWith('SQLITE_CORRUPT') || sqliteCode === 'SQLITE_NOTADB')) {
    return failure('unavailable', 'The database is damaged. Nothing was changed; move the file aside or restore a backup, then restart ARK Workbench.');
  }
  if (signalAborted(err)) return failure('cancelled', `"${name}" was cancelled.`);
  logger.error(`[ark] request "${name}" failed:`, err);
  return failure('internal', `"${name}" failed unexpectedly. The details are in the application log.`);
}

function signalAborted(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}

/** One readable sentence from a schema failure: which field, what was wrong. */
export function describeIssues(name: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length ? issue.path.map(String).join('.') : 'input';
    return `${where}: ${issue.message}`;
  });
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : '';
  return `Invalid input for "${name}": ${parts.join('; ')}${more}.`;
}
