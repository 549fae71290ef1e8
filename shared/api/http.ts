// The HTTP binding of the contract used by browser mode. One route per method:
//   POST /api/<method>   body: JSON arguments   header: Authorization: Bearer <token>
// Answers 200 with a Result envelope (ok or a service error); transport rejections answer
// with their HTTP status (400, 401, 403, 404, 405, 413, 415) and a Result error body.
export const API_PREFIX = '/api/';
export const TOKEN_QUERY_PARAM = 'token';
export const AUTH_SCHEME = 'Bearer';
import type { ApiMethod } from './contract';
import { MAX_IMPORT_FILE_BYTES } from './import/methods';

/** Largest request body the server reads, for every method but those that carry a file. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The methods that carry a whole file (a plan to import, a translation to attach) may send a
 *  file at the import size limit: as base64 (4 characters for 3 bytes) or JSON text, plus the
 *  JSON around it. */
export const MAX_FILE_BODY_BYTES = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4 + 64 * 1024;
const FILE_METHODS: readonly ApiMethod[] = ['import.preview', 'translation.attach', 'annotation.import'];

/** The largest request body the server reads for a method (any name: unknown ones get the
 *  ordinary limit and their 404 after it). */
export function maxBodyBytes(method: string): number {
  return (FILE_METHODS as readonly string[]).includes(method) ? MAX_FILE_BODY_BYTES : MAX_BODY_BYTES;
}
