// Serves the built renderer (out/renderer) at app://briefbook/. Only files inside that folder
// can ever be answered: the URL path is decoded, resolved against the folder and refused if it
// lands anywhere else, so "..", encoded slashes and absolute paths all get a 404.
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { protocol as electronProtocol, type Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { APP_SCHEME, isAppUrl } from './app-url';

/** The built renderer beside the built main (out/main/index.js → out/renderer/). */
export const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeType(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Registers app:// as a standard, secure scheme. Must run before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'> = electronProtocol): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** The file inside root that a URL names, or null if it names nothing inside root. */
export function resolveAppPath(root: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  // Backslashes are separators on Windows and NUL truncates paths in C: neither belongs in a URL path.
  if (path.includes('\\') || path.includes('\0')) return null;
  if (path.endsWith('/')) path += 'index.html';
  const base = resolve(root);
  const file = resolve(base, `.${path}`);
  const inside = relative(base, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export type FileReader = (file: string) => Promise<Uint8Array>;

/** The protocol handler: GET/HEAD of a file inside root, with its MIME type and our CSP. */
export function createAppHandler(root: string = RENDERER_DIR, read: FileReader = readFile) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: { Allow: 'GET, HEAD' } });
    }
    const file = resolveAppPath(root, request.url);
    if (!file) return notFound();
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return notFound(); // missing, or a directory
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        'Content-Type': mimeType(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}

export function handleAppProtocol(
  protocol: Pick<Protocol, 'handle'> = electronProtocol,
  root: string = RENDERER_DIR,
): void {
  protocol.handle(APP_SCHEME, createAppHandler(root));
}
