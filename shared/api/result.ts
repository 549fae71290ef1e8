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
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
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
