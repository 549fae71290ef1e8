// The one error type the renderer's api client throws. It carries the Result error's stable
// code, so screens can branch on it (e.g. UNAUTHORIZED → "open the printed address"). A stale
// write (CONFLICT with the record as stored now) comes back as StaleWriteError, typed by method.
import type { ApiConflict, ApiMethod } from '../../../shared/api/contract';
import type { ApiError, ErrorCode } from '../../../shared/api/result';

/**
 * UNREACHABLE is the client's own code: the host never answered with a Result (network down,
 * server stopped, a reply that is not a Briefbook envelope). Every other code comes from the host.
 */
export type ClientErrorCode = ErrorCode | 'UNREACHABLE';

export class ApiCallError extends Error {
  constructor(
    readonly method: ApiMethod,
    readonly code: ClientErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }

  static fromResult(method: ApiMethod, error: ApiError): ApiCallError {
    if (error.code === 'CONFLICT' && 'current' in error) return new StaleWriteError(method, error.message, error.current as never);
    return new ApiCallError(method, error.code, error.message);
  }
}

/** The write was made on a revision that is no longer the stored one; nothing was changed.
 *  `current` is the record as stored now (null: it was deleted). */
export class StaleWriteError<M extends ApiMethod = ApiMethod> extends ApiCallError {
  constructor(
    method: M,
    message: string,
    readonly current: ApiConflict<M>,
  ) {
    super(method, 'CONFLICT', message);
    this.name = 'StaleWriteError';
  }
}

/** Narrows an error to the stale-write refusal of `method`, with its typed current value. */
export function isStaleWrite<M extends ApiMethod>(err: unknown, method: M): err is StaleWriteError<M> {
  return err instanceof StaleWriteError && err.method === method;
}
