// The envelope every edge (IPC, HTTP) returns. Errors carry a stable code the renderer can
// branch on and a message a person can read.

export const ERROR_CODES = [
  'BAD_REQUEST', // arguments failed validation
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'UNAVAILABLE', // the database was refused at start: only the storage methods answer
  'CANCELLED', // the caller stopped it (import.cancel during import.preview); nothing was written
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /**
   * With CONFLICT for a stale write (one made on a revision that is no longer the stored one):
   * the record as it is stored now (null: it no longer exists), so the reader can compare and
   * choose. Its type per method is ApiConflict<M> in contract.ts.
   */
  current?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by services for failures the caller should see with their own code. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** A write made on a revision that is no longer the stored one: nothing was changed, and
 *  `current` (the stored record, or null if it is gone) goes back to the caller. */
export class StaleWriteError extends AppError {
  constructor(
    message: string,
    readonly current: unknown,
  ) {
    super('CONFLICT', message);
    this.name = 'StaleWriteError';
  }
}
