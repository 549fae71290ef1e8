// Where the import worker is: the bundled out/main/import-worker.js, or its source through tsx.
import type { SandboxOptions } from '../../import/sandbox';
import { workerEntry } from '../../worker-entry';

export function defaultImportWorker(): SandboxOptions {
  return workerEntry('import-worker.js', 'electron/core/import/worker.ts');
}
