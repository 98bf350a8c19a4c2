/** Every reply across the process wall has this one shape. */
export type ErrorCode =
  | 'invalid_request'
  | 'unknown_channel'
  | 'not_found'
  | 'conflict'
  /** A save based on an older version of the record than the one stored. */
  | 'stale'
  | 'unauthorised'
  | 'internal'
  // The store is locked (or not set up yet): unlock it first.
  | 'locked'
  // The passphrase or recovery key did not open the store; nothing was changed.
  | 'wrong_passphrase';

export type AppErrorShape = { code: ErrorCode; message: string; details?: string[] };

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: string[]): Result<never> => ({
  ok: false,
  error: details && details.length > 0 ? { code, message, details } : { code, message },
});

/** An error a handler throws on purpose; its message is written for the user. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: string[] | undefined;
  constructor(code: ErrorCode, message: string, details?: string[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}
