// Worker-thread entry for running TypeScript sources under tsx (`npm run import`, tests): Node
// 20 does not pass tsx's loader on to worker threads, so the worker registers it itself and
// then loads the real entry named in workerData.entry (e.g. electron/core/import/worker.ts).
// The built app never uses this: its worker is the bundled out/main/import-worker.js.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
