// POST /api/<method>: the HTTP binding of the core router. Every check runs before the body is
// parsed or the router is called, so a rejected request changes nothing.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_PREFIX, maxBodyBytes } from '../../shared/api/http';
import type { ErrorCode } from '../../shared/api/result';
import type { Router } from '../core/api/router';
import { checkOrigin, checkToken, isJsonContentType } from './guards';
import { sendError, sendJson } from './responses';

export interface ApiContext {
  router: Router;
  tokenDigest: Buffer;
}

/** Router errors that mean the request itself was wrong get an HTTP status to match. */
const STATUS_FOR_ROUTER_ERROR: Partial<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  UNKNOWN_METHOD: 404,
  // CONFLICT stays 200 with its envelope: a stale write is an answer the app expects and
  // shows (with the current value), not a failed request for the browser to log.
};

export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  host: string,
  pathname: string,
  ctx: ApiContext,
): Promise<void> {
  if (req.method !== 'POST') {
    sendError(res, 405, 'BAD_REQUEST', `The API accepts only POST, not ${req.method}.`, { Allow: 'POST' });
    return;
  }
  if (!checkOrigin(req.headers, host)) {
    const origin = req.headers.origin;
    sendError(
      res,
      403,
      'FORBIDDEN',
      origin === undefined
        ? 'API requests must carry an Origin header naming this server.'
        : `API requests from origin ${origin.slice(0, 100)} are not allowed.`,
    );
    return;
  }
  if (!checkToken(req.headers, ctx.tokenDigest)) {
    sendError(
      res,
      401,
      'UNAUTHORIZED',
      req.headers.authorization === undefined
        ? 'API requests need an Authorization: Bearer <token> header; the token is in the URL the server printed.'
        : 'The token is not valid for this server; open the URL the server printed at its latest start.',
    );
    return;
  }
  if (!isJsonContentType(req.headers['content-type'])) {
    sendError(res, 415, 'BAD_REQUEST', 'API requests must have Content-Type: application/json.');
    return;
  }
  const method = pathname.slice(API_PREFIX.length);
  const limit = maxBodyBytes(method);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    sendTooLarge(req, res, method, limit);
    return;
  }

  const body = await readBody(req, limit);
  if (body === null) {
    sendTooLarge(req, res, method, limit);
    return;
  }
  let args: unknown;
  if (body.length > 0) {
    try {
      args = JSON.parse(body.toString('utf8'));
    } catch (err) {
      sendError(res, 400, 'BAD_REQUEST', `The request body is not valid JSON: ${(err as Error).message}`);
      return;
    }
  }

  const result = await ctx.router.dispatch(method, args);
  const status = result.ok ? 200 : (STATUS_FOR_ROUTER_ERROR[result.error.code] ?? 200);
  sendJson(res, status, result);
}

function sendTooLarge(req: IncomingMessage, res: ServerResponse, method: string, limit: number): void {
  // Discard the rest of the body rather than cut the connection: a reset can destroy the 413
  // before the client reads it. Only a caller that passed every check above gets this far.
  req.resume();
  const mb = (limit / 1048576).toFixed(1).replace(/\.0$/, '');
  sendError(res, 413, 'BAD_REQUEST', `The request body is larger than ${limit} bytes (${mb} MB), the limit for ${method.slice(0, 80)}; nothing was changed.`);
}

/** The whole body, or null as soon as it grows past the limit. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.off('end', onEnd);
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => resolve(Buffer.concat(chunks));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}
