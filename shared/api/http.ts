// The HTTP binding of the contract used by browser mode. One route per method:
//   POST /api/<method>   body: JSON arguments   header: Authorization: Bearer <token>
// Answers 200 with a Result envelope (ok or a service error); transport rejections answer
// with their HTTP status (400, 401, 403, 404, 405, 413, 415) and a Result error body.
export const API_PREFIX = '/api/';
export const TOKEN_QUERY_PARAM = 'token';
export const AUTH_SCHEME = 'Bearer';
/** Largest request body the server reads. */
export const MAX_BODY_BYTES = 1024 * 1024;
