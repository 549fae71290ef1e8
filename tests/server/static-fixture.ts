// A stand-in for the built renderer, so the server tests do not depend on a build. Beside it
// (outside the served folder) lie files a path traversal would try to reach.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const INDEX_HTML = '<!doctype html><html><head><script src="/app.js"></script></head><body>fixture page</body></html>';
export const APP_JS = 'console.log("fixture app");';
/** A built chunk, named with its content hash as Vite names them. */
export const HASHED_CHUNK = '/assets/chunk-Ab3dE_9-.js';
/** Content of every file outside the static folder; it must never appear in a response. */
export const SECRET = 'SECRET-OUTSIDE-STATIC-DIR';

export interface StaticFixture {
  /** Temp folder holding everything below; remove it when done. */
  root: string;
  staticDir: string;
  dataDir: string;
}

export function makeStaticFixture(): StaticFixture {
  const root = mkdtempSync(join(tmpdir(), 'briefbook-server-'));
  const staticDir = join(root, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(staticDir, 'app.js'), APP_JS);
  writeFileSync(join(staticDir, 'assets', 'style.css'), 'body { color: black; }');
  writeFileSync(join(staticDir, HASHED_CHUNK), 'export {};');
  writeFileSync(join(root, 'package.json'), JSON.stringify({ secret: SECRET }));
  writeFileSync(join(root, 'secret.txt'), SECRET);
  // A link inside the folder that points out of it.
  symlinkSync(join(root, 'secret.txt'), join(staticDir, 'link.txt'));
  return { root, staticDir, dataDir: join(root, 'data') };
}
