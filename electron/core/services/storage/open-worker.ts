// Entry of the migrations' worker thread (built to out/main/open-worker.js): opens a library
// that needs this version's migrations on its own connection, makes the pre-migration backup,
// runs the migrations (one transaction) and closes it, posting where it is as it goes
// (opening.ts shows that to the reader). The host's main thread stays free to serve the
// opening screen; it opens the file itself once this thread has let go of it.
//
// A cancel is a flag in shared memory, read at every step and chunk the runner reports (and
// around the backup): the step then throws, the transaction rolls back, and the file is left as
// it was. A single statement (the backup's VACUUM INTO, one index build) finishes first: SQLite
// offers no interrupt through better-sqlite3.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/open';
import { DatabaseProblemError } from '../../db/errors';
import { backupNowSync, rotateBackups } from './backups';
import type { OpenWorkerData, OpenWorkerMessage, WorkerProgress } from './opening';

class CancelledError extends Error {}

/** Between two tries while another process holds the write lock (each try waits the busy
 *  timeout first). */
const RETRY_MS = 200;

function run(data: OpenWorkerData, post: (message: OpenWorkerMessage) => void): void {
  const cancel = new Int32Array(data.cancel);
  const stopIfCancelled = () => {
    if (Atomics.load(cancel, 0) !== 0) throw new CancelledError('cancelled by the reader');
  };
  const progress = (p: Partial<WorkerProgress>) =>
    post({ type: 'progress', progress: { phase: 'start', step: 0, version: null, name: null, done: null, total: null, ...p } });
  let backedUp = false;
  try {
    for (;;) {
      stopIfCancelled();
      try {
        const db = openDatabase(data.file, {
          nativeBinding: data.nativeBinding,
          beforeMigrate: (opened, from) => {
            stopIfCancelled();
            if (!backedUp) {
              progress({ phase: 'backup' });
              // A cancel during the copy skips its check (most of the backup's time at scale).
              backupNowSync(opened, data.dataDir, 'pre-migration', data.nativeBinding, new Date(data.now), () => {
                stopIfCancelled();
                progress({ phase: 'verify' });
              });
              rotateBackups(data.dataDir, new Date(data.now));
              backedUp = true;
            }
            stopIfCancelled();
            // Next: the first step, once the transaction has the write lock.
            progress({ phase: 'migrate', step: 1, version: from + 1, name: null });
          },
          onMigrationStep: (step) => {
            stopIfCancelled();
            if (step.index === step.count) progress({ phase: 'commit', step: step.count });
            else progress({ phase: 'migrate', step: step.index + 1, version: step.version, name: step.name, done: step.done, total: step.total });
          },
        });
        // The last connection: closing checkpoints the migrated pages into the file.
        db.close();
        post({ type: 'done' });
        return;
      } catch (err) {
        // Another process (a second browser-mode server, the desktop app) is writing to the
        // library: wait for it as long as the reader does, not the busy timeout alone.
        if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
        progress({ phase: 'wait' });
        Atomics.wait(cancel, 0, 0, RETRY_MS);
      }
    }
  } catch (err) {
    if (err instanceof CancelledError) post({ type: 'cancelled' });
    else if (err instanceof DatabaseProblemError) post({ type: 'failed', kind: err.kind, message: err.message });
    else post({ type: 'failed', kind: null, message: err instanceof Error ? err.message : String(err) });
  }
}

if (parentPort) {
  const port = parentPort;
  run(workerData as OpenWorkerData, (message) => port.postMessage(message));
}
