// The API half of browser mode's server, over real HTTP on 127.0.0.1 against a real core on a
// temp data folder: the happy path, and every rejection — each with proof that it changed
// nothing in the database.
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../shared/api/http';
import { startServer } from '../../electron/server/server';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { createTestCore } from '../helpers/core';
import { accessControlHeaders, apiHeaders, callApi, send, type RawRequest, type RawResponse } from './raw-http';
import { useFixtureServer } from './fixture-server';

const running = useFixtureServer();
/** Every response seen in this file, for the no-CORS check at the end. */
const seen: RawResponse[] = [];

const api = async (method: string, args: unknown, overrides: Record<string, string | undefined> = {}) => {
  const res = await callApi(running.server.port, running.server.token, method, args, overrides);
  seen.push(res);
  return res;
};
const raw = async (req: RawRequest) => {
  const res = await send(running.server.port, req);
  seen.push(res);
  return res;
};
const settingsRows = () => running.core.db.prepare('SELECT key, value, updated_at FROM user_settings ORDER BY key').all();

describe('the server itself', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(running.server.address.address).toBe('127.0.0.1');
    expect(running.server.address.family).toBe('IPv4');
    expect(running.server.url).toBe(`http://127.0.0.1:${running.server.port}`);
    // Not on the IPv6 loopback either (nor, therefore, on any other interface).
    await expect(
      new Promise((resolve, reject) => {
        import('node:net').then(({ connect }) => {
          const socket = connect({ host: '::1', port: running.server.port });
          socket.on('connect', () => {
            socket.destroy();
            resolve('connected');
          });
          socket.on('error', reject);
        });
      }),
    ).rejects.toThrow(/ECONNREFUSED|EADDRNOTAVAIL|ENETUNREACH/);
  });

  it('makes a fresh 43-character base64url token per launch', async () => {
    expect(running.server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const other = await startServer({ router: running.core.router, staticDir: running.fixture.staticDir, port: 0 });
    try {
      expect(other.token).not.toBe(running.server.token);
    } finally {
      await other.close();
    }
  });
});

describe('happy path', () => {
  it('plan.list returns the embedded Hangzhou plan', async () => {
    const res = await api('plan.list', {});
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = JSON.parse(res.text);
    expect(body.ok).toBe(true);
    expect(body.value).toHaveLength(1);
    expect(body.value[0]).toMatchObject({ id: 'hz-2024', themeCount: 5, initiativeCount: 15 });
    expect(body.value[0].title).toContain('杭州');
  });

  it('accepts an empty body as "no arguments"', async () => {
    const res = await raw({ method: 'POST', path: '/api/plan.list', headers: apiHeaders(running.server.port, running.server.token), body: '' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).ok).toBe(true);
  });

  it('settings.set then settings.get round-trips through the database', async () => {
    const set = await api('settings.set', { key: 'ui.theme', value: 'sepia' });
    expect(set.status).toBe(200);
    expect(JSON.parse(set.text)).toEqual({ ok: true, value: null });
    const get = await api('settings.get', { key: 'ui.theme' });
    expect(JSON.parse(get.text)).toEqual({ ok: true, value: 'sepia' });
    expect(running.core.db.prepare("SELECT value FROM user_settings WHERE key = 'ui.theme'").pluck().get()).toBe('sepia');
  });

  it('answers a page served as localhost or [::1] when Origin matches that Host', async () => {
    for (const host of [`localhost:${running.server.port}`, `[::1]:${running.server.port}`]) {
      const res = await api('settings.get', { key: 'ui.theme' }, { host, origin: `http://${host}` });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toEqual({ ok: true, value: 'sepia' });
    }
  });

  it('accepts a charset on the JSON content type', async () => {
    const res = await api('plan.list', {}, { 'content-type': 'application/json; charset=UTF-8' });
    expect(res.status).toBe(200);
  });

  it('sends the security headers and no-store on API answers', async () => {
    const res = await api('plan.list', {});
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('passes service errors through as 200 with the Result error', async () => {
    const res = await api('plan.get', { planId: 'no-such-plan' });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text);
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('NOT_FOUND');
  });
});

// Each case tries to change ui.theme from 'sepia' to 'dark' and must be refused without effect.
const ATTEMPT = { key: 'ui.theme', value: 'dark' };
const body = JSON.stringify(ATTEMPT);
const port = () => running.server.port;

interface RejectionCase {
  name: string;
  request: () => RawRequest;
  status: number;
  code: string;
  message: RegExp;
}

const withHeaders = (overrides: Record<string, string | undefined>, method = 'POST', path = '/api/settings.set'): RawRequest => {
  const headers: Record<string, string> = { ...apiHeaders(port(), running.server.token) };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete headers[k];
    else headers[k] = v;
  }
  return { method, path, headers, body: method === 'GET' || method === 'HEAD' ? undefined : body };
};

const REJECTIONS: RejectionCase[] = [
  { name: 'a foreign Host (DNS rebinding)', request: () => withHeaders({ host: `evil.example:${port()}`, origin: `http://evil.example:${port()}` }), status: 403, code: 'FORBIDDEN', message: /addressed to this server/ },
  { name: 'the loopback Host on another port', request: () => withHeaders({ host: `127.0.0.1:${port() === 1 ? 2 : port() - 1}` }), status: 403, code: 'FORBIDDEN', message: /addressed to this server/ },
  { name: 'a Host without a port', request: () => withHeaders({ host: '127.0.0.1' }), status: 403, code: 'FORBIDDEN', message: /addressed to this server/ },
  { name: 'no Host at all', request: () => withHeaders({ host: undefined }), status: 403, code: 'FORBIDDEN', message: /addressed to this server/ },
  { name: 'a foreign Origin', request: () => withHeaders({ origin: 'http://evil.example' }), status: 403, code: 'FORBIDDEN', message: /origin http:\/\/evil\.example/ },
  { name: 'Origin null (sandboxed frame, file:)', request: () => withHeaders({ origin: 'null' }), status: 403, code: 'FORBIDDEN', message: /origin null/ },
  { name: 'an https Origin for the same host', request: () => withHeaders({ origin: `https://127.0.0.1:${port()}` }), status: 403, code: 'FORBIDDEN', message: /not allowed/ },
  { name: 'a loopback Origin on another port', request: () => withHeaders({ origin: `http://127.0.0.1:${port() + 1}` }), status: 403, code: 'FORBIDDEN', message: /not allowed/ },
  { name: 'an Origin for another of the allowed hosts', request: () => withHeaders({ origin: `http://localhost:${port()}` }), status: 403, code: 'FORBIDDEN', message: /not allowed/ },
  { name: 'no Origin', request: () => withHeaders({ origin: undefined }), status: 403, code: 'FORBIDDEN', message: /Origin header/ },
  { name: 'no token', request: () => withHeaders({ authorization: undefined }), status: 401, code: 'UNAUTHORIZED', message: /Authorization: Bearer/ },
  { name: 'a wrong token', request: () => withHeaders({ authorization: 'Bearer not-the-token' }), status: 401, code: 'UNAUTHORIZED', message: /not valid/ },
  { name: 'the token with one character changed', request: () => withHeaders({ authorization: `Bearer ${running.server.token.slice(0, -1)}${running.server.token.endsWith('A') ? 'B' : 'A'}` }), status: 401, code: 'UNAUTHORIZED', message: /not valid/ },
  { name: 'the token under another scheme', request: () => withHeaders({ authorization: `Basic ${running.server.token}` }), status: 401, code: 'UNAUTHORIZED', message: /not valid/ },
  { name: 'the token as a query parameter only', request: () => ({ ...withHeaders({ authorization: undefined }), path: `/api/settings.set?token=${running.server.token}` }), status: 401, code: 'UNAUTHORIZED', message: /Authorization/ },
  { name: 'Content-Type text/plain (a CORS "simple" request)', request: () => withHeaders({ 'content-type': 'text/plain' }), status: 415, code: 'BAD_REQUEST', message: /Content-Type: application\/json/ },
  { name: 'form-encoded content', request: () => withHeaders({ 'content-type': 'application/x-www-form-urlencoded' }), status: 415, code: 'BAD_REQUEST', message: /Content-Type/ },
  { name: 'no Content-Type', request: () => withHeaders({ 'content-type': undefined }), status: 415, code: 'BAD_REQUEST', message: /Content-Type/ },
  { name: 'a GET on the API', request: () => withHeaders({}, 'GET'), status: 405, code: 'BAD_REQUEST', message: /only POST/ },
  { name: 'a PUT on the API', request: () => withHeaders({}, 'PUT'), status: 405, code: 'BAD_REQUEST', message: /only POST/ },
  { name: 'a CORS preflight', request: () => withHeaders({ 'access-control-request-method': 'POST', origin: 'http://evil.example' }, 'OPTIONS'), status: 405, code: 'BAD_REQUEST', message: /only POST/ },
  { name: 'a body one byte over the limit (declared length)', request: () => ({ ...withHeaders({}), body: oversizedBody() }), status: 413, code: 'BAD_REQUEST', message: new RegExp(`larger than ${MAX_BODY_BYTES}`) },
  { name: 'a body over the limit sent chunked', request: () => ({ ...withHeaders({}), body: chunks(oversizedBody()) }), status: 413, code: 'BAD_REQUEST', message: /larger than/ },
  { name: 'malformed JSON', request: () => ({ ...withHeaders({}), body: '{"key": "ui.theme", "value": "dark"' }), status: 400, code: 'BAD_REQUEST', message: /not valid JSON/ },
  { name: 'arguments the schema refuses', request: () => ({ ...withHeaders({}), body: JSON.stringify({ key: 'ui.theme', value: 42 }) }), status: 400, code: 'BAD_REQUEST', message: /settings\.set: value/ },
  { name: 'an extra argument', request: () => ({ ...withHeaders({}), body: JSON.stringify({ ...ATTEMPT, sneaky: true }) }), status: 400, code: 'BAD_REQUEST', message: /settings\.set/ },
  { name: 'an unknown method', request: () => withHeaders({}, 'POST', '/api/settings.setAll'), status: 404, code: 'UNKNOWN_METHOD', message: /Unknown method: settings\.setAll/ },
  { name: 'a prototype-ish method name', request: () => withHeaders({}, 'POST', '/api/__proto__'), status: 404, code: 'UNKNOWN_METHOD', message: /Unknown method/ },
];

/** Valid JSON setting ui.theme, padded past MAX_BODY_BYTES by one byte. */
function oversizedBody(): string {
  const skeleton = JSON.stringify({ key: 'ui.theme', value: '' });
  return JSON.stringify({ key: 'ui.theme', value: 'x'.repeat(MAX_BODY_BYTES + 1 - skeleton.length) });
}
function chunks(text: string): Buffer[] {
  const buf = Buffer.from(text);
  const size = 64 * 1024;
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) parts.push(buf.subarray(i, i + size));
  return parts;
}

describe('rejections', () => {
  it('the oversized body really is one byte over the limit', () => {
    expect(Buffer.byteLength(oversizedBody())).toBe(MAX_BODY_BYTES + 1);
  });

  it.each(REJECTIONS)('refuses $name with $status and changes nothing', async ({ request, status, code, message }) => {
    const before = settingsRows();
    expect(before).toContainEqual(expect.objectContaining({ key: 'ui.theme', value: 'sepia' }));

    const res = await raw(request());

    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    const answer = JSON.parse(res.text);
    expect(answer).toEqual({ ok: false, error: { code, message: expect.stringMatching(message) } });
    expect(settingsRows()).toEqual(before);
    const get = await api('settings.get', { key: 'ui.theme' });
    expect(JSON.parse(get.text)).toEqual({ ok: true, value: 'sepia' });
  });

  it('still accepts a correct request after all of them (the controls are not simply broken)', async () => {
    const res = await api('settings.set', { key: 'ui.language', value: 'zh' });
    expect(res.status).toBe(200);
    expect(JSON.parse((await api('settings.get', { key: 'ui.language' })).text)).toEqual({ ok: true, value: 'zh' });
  });
});

describe('stale token', () => {
  it('refuses the token of a previous server on the same data folder', async () => {
    const first = await startServer({ router: running.core.router, staticDir: running.fixture.staticDir, port: 0 });
    const oldToken = first.token;
    const oldPort = first.port;
    await first.close();
    running.core.close();

    running.core = createTestCore(running.fixture.dataDir);
    const second = await startServer({ router: running.core.router, staticDir: running.fixture.staticDir, port: oldPort });
    try {
      const before = settingsRows();
      const stale = await callApi(second.port, oldToken, 'settings.set', ATTEMPT);
      seen.push(stale);
      expect(stale.status).toBe(401);
      expect(JSON.parse(stale.text).error.code).toBe('UNAUTHORIZED');
      expect(settingsRows()).toEqual(before);
      // The new token works, so the 401 was about the token.
      const fresh = await callApi(second.port, second.token, 'settings.get', { key: 'ui.theme' });
      expect(JSON.parse(fresh.text)).toEqual({ ok: true, value: 'sepia' });
    } finally {
      await second.close();
    }
  });
});

describe('no CORS', () => {
  it('sent no Access-Control-* header on any response in this file', () => {
    expect(seen.length).toBeGreaterThan(REJECTIONS.length);
    for (const res of seen) expect(accessControlHeaders(res.headers)).toEqual([]);
  });
});
