// Where a worker thread's entry is. In a build the core is bundled into out/main/index.js (the
// desktop app) or out/main/server.js (browser mode), or a chunk they share in out/main/chunks/,
// beside or below the bundled workers (out/main/import-worker.js, out/main/open-worker.js;
// electron.config.ts lists them). From the TypeScript sources (tests, `npm run dev`) an entry is
// loaded through tsx by electron/scripts/ts-worker.mjs, as the import command line does.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface WorkerEntry {
  workerUrl: URL;
  /** Extra workerData the entry needs (a loader's target). */
  workerData?: Record<string, unknown>;
}

/** `built`: the bundled file's name; `source`: the entry's path from the repository's root. */
export function workerEntry(built: string, source: string): WorkerEntry {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) {
    // The bundler may put this code in a shared chunk (out/main/chunks/…) one folder below.
    for (const dir of [dirname(here), dirname(dirname(here))]) {
      const file = join(dir, built);
      if (existsSync(file)) return { workerUrl: pathToFileURL(file) };
    }
  }
  // This file is electron/core/worker-entry.ts: two folders below the root.
  const root = resolve(dirname(here), '..', '..');
  return {
    workerUrl: pathToFileURL(join(root, 'electron', 'scripts', 'ts-worker.mjs')),
    workerData: { entry: pathToFileURL(join(root, source)).href },
  };
}
