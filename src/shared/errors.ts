// Errors cross every boundary (IPC, WebSocket, CLI) as data, never as thrown objects or stack traces.

/** What went wrong, in words a caller can branch on. */
export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  | 'blocked'
  | 'timeout'
  | 'cancelled'
  | 'unavailable'
  | 'unauthorized'
  | 'internal';

/** An error as it travels: a code, a message a person can act on, and optional structured details. */
export type ErrorData = { code: ErrorCode; message: string; details?: Record<string, unknown> };

/** The answer to every request: a value, or an error as data. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

/** Thrown by services for failures that happen in normal use (unreadable folder, locked database, blocked code). */
export class ArkError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ArkError';
    this.code = code;
    if (details) this.details = details;
  }

  toData(): ErrorData {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export function isArkError(value: unknown): value is ArkError {
  return value instanceof ArkError;
}

export function failure(code: ErrorCode, message: string, details?: Record<string, unknown>): { ok: false; error: ErrorData } {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}
