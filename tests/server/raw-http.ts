// Raw HTTP for the server tests. fetch() will not let a caller set Host or Origin, and those
// are exactly the headers the server must check, so these tests speak node:http directly.
import { request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export interface RawRequest {
  method?: string;
  /** Sent exactly as given (node:http does not normalise `..` or percent-escapes). */
  path: string;
  /** Sent exactly as given; without any, just the server's own Host. */
  headers?: OutgoingHttpHeaders;
  /** Written in one piece (with Content-Length) unless given as several chunks (chunked). */
  body?: string | Buffer | Buffer[];
}

export function send(port: number, req: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        method: req.method ?? 'GET',
        path: req.path,
        headers: req.headers ?? { host: `127.0.0.1:${port}` },
        // A fresh connection each time: no keep-alive state carried between test cases.
        agent: false,
        // The Host header is part of what is tested: never let node:http add one itself.
        setHost: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    if (Array.isArray(req.body)) {
      for (const chunk of req.body) outgoing.write(chunk);
      outgoing.end();
    } else if (req.body !== undefined) {
      outgoing.setHeader('content-length', Buffer.byteLength(req.body));
      outgoing.end(req.body);
    } else {
      outgoing.end();
    }
  });
}

/** The headers a page served by the server sends with an API call. */
export function apiHeaders(port: number, token: string): Record<string, string> {
  return {
    host: `127.0.0.1:${port}`,
    origin: `http://127.0.0.1:${port}`,
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
  };
}

export function callApi(
  port: number,
  token: string,
  method: string,
  args: unknown,
  overrides: Record<string, string | undefined> = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { ...apiHeaders(port, token) };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  return send(port, { method: 'POST', path: `/api/${method}`, headers, body: JSON.stringify(args) });
}

export function accessControlHeaders(headers: IncomingHttpHeaders): string[] {
  return Object.keys(headers).filter((name) => name.toLowerCase().startsWith('access-control-'));
}
