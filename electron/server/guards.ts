// The checks every request passes before the server does anything for it. The server listens
// on loopback, but any web page the reader opens can still make the browser send requests to
// 127.0.0.1 — these checks are what keep such pages out.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { AUTH_SCHEME } from '../../shared/api/http';

/**
 * The Host values the server answers to. Anything else (a DNS-rebinding name such as
 * evil.example that resolves to 127.0.0.1, or another port) is refused.
 */
export function allowedHosts(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/** The request's Host if it is one of ours (lower-cased), else null. */
export function checkHost(headers: IncomingHttpHeaders, allowed: ReadonlySet<string>): string | null {
  const host = headers.host?.toLowerCase();
  return host !== undefined && allowed.has(host) ? host : null;
}

/**
 * An API call must come from a page the server itself served: its Origin must be the origin
 * the Host names. Browsers send Origin on every POST fetch, so a missing one is refused too.
 */
export function checkOrigin(headers: IncomingHttpHeaders, host: string): boolean {
  return headers.origin?.toLowerCase() === `http://${host}`;
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Compares the Bearer token in constant time. Hashing both sides first gives equal-length
 * buffers, as timingSafeEqual needs, without leaking the token's length.
 */
export function checkToken(headers: IncomingHttpHeaders, tokenDigest: Buffer): boolean {
  const auth = headers.authorization;
  if (auth === undefined) return false;
  const space = auth.indexOf(' ');
  if (space < 0 || auth.slice(0, space).toLowerCase() !== AUTH_SCHEME.toLowerCase()) return false;
  return timingSafeEqual(digest(auth.slice(space + 1).trim()), tokenDigest);
}

export function tokenDigest(token: string): Buffer {
  return digest(token);
}

/** True for `application/json`, optionally with `charset=utf-8`. */
export function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined) return false;
  const [type, ...params] = value.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => p === '' || p === 'charset=utf-8' || p === 'charset="utf-8"');
}
