// Where the import worker is. In a build the core is bundled into out/main/index.js (the
// desktop app) or out/main/server.js (browser mode), or a chunk they share in out/main/chunks/,
// beside or below the bundled worker out/main/import-worker.js; from the TypeScript sources (tests, `npm run dev`) the worker entry
// is loaded through tsx by electron/scripts/ts-worker.mjs, as the import command line does.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SandboxOptions } from '../../import/sandbox';

export function defaultImportWorker(): SandboxOptions {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) {
    // The bundler may put this code in a shared chunk (out/main/chunks/…) one folder below.
    for (const dir of [dirname(here), dirname(dirname(here))]) {
      const built = join(dir, 'import-worker.js');
      if (existsSync(built)) return { workerUrl: pathToFileURL(built) };
    }
  }
  // This file is electron/core/services/import/worker-location.ts: four folders below the root.
  const root = resolve(dirname(here), '..', '..', '..', '..');
  return {
    workerUrl: pathToFileURL(join(root, 'electron', 'scripts', 'ts-worker.mjs')),
    workerData: { entry: pathToFileURL(join(root, 'electron', 'core', 'import', 'worker.ts')).href },
  };
}
