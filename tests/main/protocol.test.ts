// app://briefbook/ serves files from the renderer folder and nothing else, with real files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { createAppHandler, handleAppProtocol, mimeType, registerAppScheme, resolveAppPath } from '../../electron/main/protocol';
import { useTempDirs } from '../helpers/temp-dir';
import { resetFakeElectron, fakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());
afterEach(resetFakeElectron);

const temp = useTempDirs('briefbook-protocol-');
const SECRET = 'TOP-SECRET-OUTSIDE-THE-RENDERER';

/** <tmp>/renderer/{index.html, assets/app.js, assets/style.css, fonts/x.woff2} and <tmp>/secret.txt beside it. */
function site(): { root: string; dir: string } {
  const dir = temp.make();
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  mkdirSync(join(root, 'fonts'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Briefbook</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(root, 'fonts', 'x.woff2'), 'wOF2');
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  mkdirSync(join(dir, 'renderer-evil'));
  writeFileSync(join(dir, 'renderer-evil', 'index.html'), SECRET);
  return { root, dir };
}

const get = (root: string, url: string, method = 'GET') => createAppHandler(root)(new Request(url, { method }));

describe('app:// protocol', () => {
  it('registers app as a standard, secure scheme with fetch support', async () => {
    const { protocol } = await fakeElectron();
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
  });

  it('installs its handler for the app scheme', async () => {
    const { protocol } = await fakeElectron();
    const { root } = site();
    handleAppProtocol(undefined, root);
    const response = await protocol.handlers.get('app')!(new Request('app://briefbook/index.html'));
    expect(response.status).toBe(200);
  });

  it('serves files with their MIME type and our CSP', async () => {
    const { root } = site();
    const cases: [string, string, string][] = [
      ['app://briefbook/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Briefbook</title>'],
      ['app://briefbook/', 'text/html; charset=utf-8', '<!doctype html><title>Briefbook</title>'],
      ['app://briefbook/assets/app.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
      ['app://briefbook/assets/style.css?v=2', 'text/css; charset=utf-8', 'body{}'],
      ['app://briefbook/fonts/x.woff2', 'font/woff2', 'wOF2'],
    ];
    for (const [url, type, body] of cases) {
      const response = await get(root, url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe(type);
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(await response.text(), url).toBe(body);
    }
    expect(mimeType('a/b.unknown')).toBe('application/octet-stream');
  });

  it('answers 404 for missing files, folders and other hosts', async () => {
    const { root } = site();
    for (const url of ['app://briefbook/missing.js', 'app://briefbook/assets/', 'app://briefbook/assets', 'app://other/index.html', 'app://briefbook/%E0%A4%A']) {
      expect((await get(root, url)).status, url).toBe(404);
    }
  });

  it('never serves a file outside the renderer folder, however the path is spelled', async () => {
    const { root, dir } = site();
    const attempts = [
      'app://briefbook/../secret.txt',
      'app://briefbook/%2e%2e/secret.txt',
      'app://briefbook/..%2fsecret.txt',
      'app://briefbook/..%2Fsecret.txt',
      'app://briefbook/assets/..%2f..%2fsecret.txt',
      'app://briefbook/%2e%2e%2fsecret.txt',
      'app://briefbook/..%5csecret.txt',
      'app://briefbook/..\\secret.txt',
      `app://briefbook/${encodeURIComponent(join(dir, 'secret.txt'))}`,
      'app://briefbook/..%2frenderer-evil/index.html',
      'app://briefbook/secret.txt%00.html',
    ];
    for (const url of attempts) {
      const resolved = resolveAppPath(root, url);
      if (resolved !== null) expect(resolved.startsWith(join(root, '/')), url).toBe(true);
      const response = await get(root, url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain(SECRET);
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const { root } = site();
    const head = await get(root, 'app://briefbook/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get(root, 'app://briefbook/index.html', 'POST')).status).toBe(405);
  });
});
