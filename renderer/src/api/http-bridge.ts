// The browser-mode transport: the contract over HTTP as shared/api/http.ts describes it,
// shaped as the same ApiBridge the desktop preload exposes. A reply that is not a Result
// envelope rejects, as a broken IPC channel would; the client maps that to UNREACHABLE.
import { API_METHODS, type ApiBridge, type ApiMethod } from '../../../shared/api/contract';
import { API_PREFIX, AUTH_SCHEME } from '../../../shared/api/http';
import type { Result } from '../../../shared/api/result';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * Calls this small are sent with keepalive, so a write made as the page goes away (a reload, a
 * closed tab) still reaches the server. Browsers refuse keepalive once the bodies in flight pass
 * 64 KiB in all; 2048 characters are at most 6 KiB of UTF-8.
 */
const KEEPALIVE_MAX_CHARS = 2048;

export function createHttpBridge(fetchImpl: FetchLike, token: string | null): ApiBridge {
  const post = async (method: ApiMethod, args: unknown): Promise<Result<unknown>> => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = `${AUTH_SCHEME} ${token}`;
    const payload = JSON.stringify(args ?? {});
    let response: Response;
    try {
      // Relative URL: the page and the API share one origin (and the CSP allows only 'self').
      response = await fetchImpl(`${API_PREFIX}${method}`, {
        method: 'POST',
        headers,
        body: payload,
        credentials: 'same-origin',
        cache: 'no-store',
        keepalive: payload.length <= KEEPALIVE_MAX_CHARS,
      });
    } catch (err) {
      throw new Error(`could not reach the Briefbook server (${err instanceof Error ? err.message : String(err)})`, {
        cause: err,
      });
    }
    // The server answers with a Result envelope on success and on 4xx alike.
    let body: unknown;
    try {
      body = await response.json();
    } catch (err) {
      throw new Error(`HTTP ${response.status}: the answer was not JSON`, { cause: err });
    }
    if (!isResult(body)) throw new Error(`HTTP ${response.status}: the answer was not a Briefbook result`);
    return body;
  };
  const bridge = Object.fromEntries(API_METHODS.map((m) => [m, (args: unknown) => post(m, args)]));
  return bridge as ApiBridge;
}

export function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const b = body as { ok: unknown; error?: unknown };
  if (b.ok === true) return 'value' in body;
  if (b.ok !== false || typeof b.error !== 'object' || b.error === null) return false;
  const e = b.error as { code?: unknown; message?: unknown };
  return typeof e.code === 'string' && typeof e.message === 'string';
}
