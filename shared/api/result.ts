/** Error codes an operation may return; each result carries a Vietnamese message for the clerk. */
export const ERROR_CODES = [
  'VALIDATION', // input does not match the contract
  'NOT_FOUND',
  'CONFLICT', // duplicate name, abbreviation, …
  'IN_USE', // the record has history and cannot be removed
  'SETUP_REQUIRED', // the office has not been set up yet
  'DATABASE', // the data file is not SQLite, corrupt or newer than the app
  'STORAGE', // a full disk, a read-only or unplugged drive, no permission to write
  'UNKNOWN_OPERATION',
  'UNAUTHORIZED',
  'SIGN_IN_REQUIRED', // nobody is signed in, or the signed-in person must change a reset password first
  'FORBIDDEN', // the person's roles do not allow the operation
  'LOCKED', // too many wrong passwords
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** One sentence in Vietnamese, shown as is. */
  message: string;
  /** Per-field messages, keyed by the field path ("name", "aliases.1"). */
  fields?: Record<string, string>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, fields?: Record<string, string>): ApiResult<never> {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } };
}
