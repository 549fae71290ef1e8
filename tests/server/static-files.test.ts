// The static half of browser mode's server: the built page is served with the right types and
// security headers, and nothing outside its folder can be read by any spelling of `..`.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../electron/server/static-files';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { accessControlHeaders, send, type RawRequest } from './raw-http';
import { useFixtureServer } from './fixture-server';
import { APP_JS, HASHED_CHUNK, INDEX_HTML, SECRET } from './static-fixture';

const running = useFixtureServer();

const get = (path: string, extra: Partial<RawRequest> = {}) => send(running.server.port, { path, ...extra });

describe('serving the page', () => {
  it('serves index.html at / without a token, with the CSP and security headers', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.text).toBe(INDEX_HTML);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('serves / with the ?token= query the printed URL carries', async () => {
    const res = await get(`/?token=${running.server.token}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe(INDEX_HTML);
  });

  it.each([
    ['/index.html', 'text/html; charset=utf-8'],
    ['/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/style.css', 'text/css; charset=utf-8'],
  ])('serves %s as %s', async (path, type) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('lets the browser keep a hashed build asset, and revalidate the page and unhashed files', async () => {
    const chunk = await get(HASHED_CHUNK);
    expect(chunk.status).toBe(200);
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/app.js', '/assets/style.css']) {
      expect((await get(path)).headers['cache-control'], path).toBe('no-cache');
    }
  });

  it('serves the script byte for byte', async () => {
    expect((await get('/app.js')).text).toBe(APP_JS);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await get('/app.js', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(APP_JS)));
    expect(res.text).toBe('');
  });

  it.each(['/missing.js', '/assets', '/assets/', '/app.js/x'])('answers %s with a JSON 404', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.text)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('Nothing is served') } });
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses to write: POST / is 405', async () => {
    const res = await get('/', { method: 'POST', body: '{}' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });

  it('checks Host on static requests too (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${running.server.port}`, `127.0.0.1:${running.server.port + 1}`]) {
      const res = await get('/', { headers: { host } });
      expect(res.status).toBe(403);
      expect(res.text).not.toContain('fixture page');
      expect(JSON.parse(res.text).error.code).toBe('FORBIDDEN');
    }
  });

  it('answers pages served as localhost', async () => {
    const res = await get('/', { headers: { host: `localhost:${running.server.port}` } });
    expect(res.status).toBe(200);
  });

  it('sends no Access-Control-* headers, even when asked cross-origin', async () => {
    for (const path of ['/', '/app.js', '/missing.js']) {
      const res = await get(path, { headers: { host: `127.0.0.1:${running.server.port}`, origin: 'http://evil.example' } });
      expect(accessControlHeaders(res.headers)).toEqual([]);
    }
  });
});

describe('path traversal', () => {
  const attempts = [
    '/../package.json',
    '/../secret.txt',
    '/%2e%2e/package.json',
    '/%2E%2E/secret.txt',
    '/.%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/../../secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/%2e%2e%5csecret.txt',
    '/index.html%00.js',
    '/%00',
    '//etc/passwd',
    '/link.txt',
    '/%252e%252e/secret.txt',
    '/%zz',
  ];

  it.each(attempts)('%s never reaches a file outside the folder', async (path) => {
    const res = await get(path);
    expect([400, 403, 404]).toContain(res.status);
    expect(res.text).not.toContain(SECRET);
    expect(res.text).not.toContain('root:');
    expect(JSON.parse(res.text).ok).toBe(false);
  });

  it('refuses encoded and plain `..` as 403 before touching the disk', () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/%2E%2E/%2e%2e/x']) {
      expect(resolveStaticPath(running.fixture.staticDir, path)).toMatchObject({ status: 403 });
    }
    expect(resolveStaticPath(running.fixture.staticDir, '/a%00b')).toMatchObject({ status: 400 });
    expect(resolveStaticPath(running.fixture.staticDir, '/a%5cb')).toMatchObject({ status: 400 });
  });

  it('maps ordinary paths inside the folder', () => {
    expect(resolveStaticPath(running.fixture.staticDir, '/')).toEqual({ file: join(running.fixture.staticDir, 'index.html') });
    expect(resolveStaticPath(running.fixture.staticDir, '/assets/style.css')).toEqual({ file: join(running.fixture.staticDir, 'assets', 'style.css') });
  });
});
