// Entry of the import worker thread (built to out/main/import-worker.js): reads one file's
// bytes from its workerData, runs the pipeline and posts back the document or a one-line
// error. It runs under the limits sandbox.ts sets, so a hostile file that makes a library
// loop or allocate without end costs this thread, not the app.
import { parentPort, workerData } from 'node:worker_threads';
import { importDocument } from './pipeline';
import { ImportError } from './errors';
import type { WorkerReply, WorkerRequest } from './sandbox';

async function run(request: WorkerRequest): Promise<WorkerReply> {
  try {
    const document = await importDocument(new Uint8Array(request.bytes), request.fileName, request.limits);
    return { ok: true, document };
  } catch (err) {
    if (err instanceof ImportError) return { ok: false, problem: err.problem };
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, problem: `could not be read (${message.split('\n')[0]!.slice(0, 200)})` };
  }
}

const request = (workerData as { request?: WorkerRequest }).request;
if (parentPort && request) {
  void run(request).then((reply) => parentPort!.postMessage(reply));
}
