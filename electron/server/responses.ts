// Every answer the browser-mode server sends goes through here, so each one carries the same
// security headers and every rejection is a Result error a client can read.
import type { ServerResponse } from 'node:http';
import type { ErrorCode, Result } from '../../shared/api/result';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';

/** Headers on every response, static or API. Deliberately no Access-Control-* (no CORS). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: Result<unknown>,
  extraHeaders: Record<string, string> = {},
): void {
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    // A rejection or an API answer must never be reused from a cache.
    'Cache-Control': 'no-store',
    'Content-Type': JSON_CONTENT_TYPE,
    'Content-Length': String(payload.length),
    ...extraHeaders,
  });
  res.end(res.req.method === 'HEAD' ? undefined : payload);
}

export function sendError(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  extraHeaders: Record<string, string> = {},
): void {
  sendJson(res, status, { ok: false, error: { code, message } }, extraHeaders);
}
