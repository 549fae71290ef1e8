// The import worker as tests run it: the TypeScript entry through tsx's worker bootstrap (the
// built app uses the bundled out/main/import-worker.js instead).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SandboxOptions } from '../../electron/core/import/sandbox';
import { REPO_ROOT } from './paths';

export const TS_WORKER: SandboxOptions = {
  workerUrl: pathToFileURL(join(REPO_ROOT, 'electron', 'scripts', 'ts-worker.mjs')),
  workerData: { entry: pathToFileURL(join(REPO_ROOT, 'electron', 'core', 'import', 'worker.ts')).href },
};
