// The one error type the renderer's api client throws. It carries the Result error's stable
// code, so screens can branch on it (e.g. UNAUTHORIZED → "open the printed address").
import type { ApiMethod } from '../../../shared/api/contract';
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
    return new ApiCallError(method, error.code, error.message);
  }
}
