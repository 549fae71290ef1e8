// Browser mode's loopback HTTP server: the built renderer as static files plus the core
// router under POST /api/<method>. Binds 127.0.0.1 only and checks Host, Origin and a
// per-launch token on every request (see guards.ts for why each exists).
import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_PREFIX } from '../../shared/api/http';
import type { Router } from '../core/api/router';
import { handleApi } from './api-handler';
import { allowedHosts, checkHost, tokenDigest } from './guards';
import { sendError } from './responses';
import { serveStatic } from './static-files';

export const LOOPBACK_ADDRESS = '127.0.0.1';

export interface ServerOptions {
  router: Router;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 picks any free port. */
  port: number;
  /** Fixed token for tests; normally a fresh random one per launch. */
  token?: string;
}

export interface RunningServer {
  /** The origin, e.g. http://127.0.0.1:5178 (without the token). */
  url: string;
  port: number;
  token: string;
  /** Where the socket is bound (always 127.0.0.1). */
  address: AddressInfo;
  close(): Promise<void>;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? newToken();
  const digest = tokenDigest(token);
  const staticRoot = realpathSync(options.staticDir);
  // Filled in once listen() has picked the port; no request arrives before that.
  let hosts: ReadonlySet<string> = new Set();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = checkHost(req.headers, hosts);
    if (host === null) {
      sendError(res, 403, 'FORBIDDEN', `Requests must be addressed to this server (Host ${[...hosts][0]}).`);
      return;
    }
    const rawUrl = req.url ?? '/';
    const query = rawUrl.indexOf('?');
    const pathname = query < 0 ? rawUrl : rawUrl.slice(0, query);
    if (!pathname.startsWith('/')) {
      sendError(res, 400, 'BAD_REQUEST', 'The request target must be a path.');
      return;
    }
    if (pathname.startsWith(API_PREFIX) || pathname === API_PREFIX.slice(0, -1)) {
      await handleApi(req, res, host, pathname, { router: options.router, tokenDigest: digest });
    } else {
      await serveStatic(req, res, pathname, staticRoot);
    }
  };

  // requireHostHeader off: a request without Host gets our own 403 rather than Node's bare 400.
  const server = createServer({ requireHostHeader: false }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error(err);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'The server failed to answer; nothing was changed.');
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK_ADDRESS, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const port = address.port;
  hosts = allowedHosts(port);

  return {
    url: `http://${LOOPBACK_ADDRESS}:${port}`,
    port,
    token,
    address,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Idle keep-alive connections would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
