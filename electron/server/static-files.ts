// GET/HEAD of the built renderer. No token: the page and its scripts carry no reader data
// (that only comes through the API). The one thing to get right is that nothing outside the
// static folder can ever be read.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { SECURITY_HEADERS, sendError } from './responses';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

/**
 * Maps a raw request path to a file inside root, or explains why not. Decoding happens once,
 * here, and the decoded path is checked: a `..` segment (plain or %2e%2e), a backslash or a NUL
 * is refused outright, and the resolved path must still lie under root.
 */
export function resolveStaticPath(
  root: string,
  rawPathname: string,
): { file: string } | { status: number; message: string } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPathname);
  } catch {
    return { status: 400, message: 'The path is not valid percent-encoding.' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) {
    return { status: 400, message: 'The path contains a character that is not allowed.' };
  }
  if (decoded.split('/').some((segment) => segment === '..')) {
    return { status: 403, message: 'Paths may not leave the application folder.' };
  }
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = resolve(root, relative);
  if (!file.startsWith(root + sep)) {
    return { status: 403, message: 'Paths may not leave the application folder.' };
  }
  return { file };
}

/** A built asset whose name carries its content's hash (Vite's `assets/name-Hash1234.ext`). */
const HASHED_ASSET = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

/**
 * A hashed asset never changes under its name (a rebuild gives new content a new name), so the
 * browser keeps it and, for scripts, its compiled code: a reload fetches and parses only the page.
 * Everything else (the page itself) is revalidated every time so a rebuilt renderer is picked up.
 * Nothing here is private.
 */
export function cacheControlOf(rawPathname: string): string {
  return HASHED_ASSET.test(rawPathname) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  rawPathname: string,
  root: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(res, 405, 'BAD_REQUEST', `Static files accept only GET and HEAD, not ${req.method}.`, {
      Allow: 'GET, HEAD',
    });
    return;
  }
  const target = resolveStaticPath(root, rawPathname);
  if ('status' in target) {
    sendError(res, target.status, target.status === 403 ? 'FORBIDDEN' : 'BAD_REQUEST', target.message);
    return;
  }
  // A symlink inside the folder must not lead out of it either.
  let real: string;
  let size: number;
  try {
    real = await realpath(target.file);
    const info = await stat(real);
    if (!info.isFile() || !real.startsWith(root + sep)) throw new Error('not a file under root');
    size = info.size;
  } catch {
    sendError(res, 404, 'NOT_FOUND', `Nothing is served at ${rawPathname.slice(0, 200)}.`);
    return;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': CONTENT_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(size),
    'Cache-Control': cacheControlOf(rawPathname),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(real);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
