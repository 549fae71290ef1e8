// The first open of a library by a version with new migrations. At a million initiatives they
// take seconds of CPU (README, Performance), and run on the host's main thread they froze it
// with nothing on screen. So when the file on disk is behind this code, its migrations run in a
// worker thread (open-worker.ts) while the host serves the opening screen from what this
// module reports; cancelling rolls them back and leaves the file as it was. Any migration is
// covered: the runner reports every step, and a step that works in chunks reports its rows.
import { Worker } from 'node:worker_threads';
import type { DatabaseProblemKind, OpeningProgress } from '../../../../shared/api/storage/methods';
import { inspectDatabaseFile } from '../../db/inspect';
import { MIGRATIONS } from '../../db/migrations';
import type { WorkerEntry } from '../../worker-entry';

/** What the worker says of itself; opening.ts adds the versions, the count and the cancel. */
export type WorkerProgress = Pick<OpeningProgress, 'phase' | 'step' | 'version' | 'name' | 'done' | 'total'>;

export interface OpenWorkerData {
  file: string;
  dataDir: string;
  nativeBinding?: string;
  /** One Int32: non-zero once the reader cancelled. */
  cancel: SharedArrayBuffer;
  /** The time the backup is named after (ISO). */
  now: string;
}

export type OpenWorkerMessage =
  | { type: 'progress'; progress: WorkerProgress }
  | { type: 'done' }
  | { type: 'cancelled' }
  | { type: 'failed'; kind: DatabaseProblemKind | null; message: string };

export type OpeningOutcome =
  | { type: 'done' }
  | { type: 'cancelled' }
  | { type: 'failed'; kind: DatabaseProblemKind | null; message: string };

export interface Opening {
  progress(): OpeningProgress;
  /** Asks the worker to stop; `done` then says 'cancelled' (or 'done', if it had committed). */
  cancel(): void;
  done: Promise<OpeningOutcome>;
}

/**
 * The schema version of a file that exists, is ours to open and is behind `latest`, read from
 * its header alone; null when there is nothing to migrate or the file has a problem (the
 * ordinary open meets it and says which).
 */
export function pendingMigrationFrom(file: string, latest: number, nativeBinding?: string): number | null {
  try {
    const inspection = inspectDatabaseFile(file, latest, nativeBinding);
    if (inspection.state !== 'existing') return null;
    const found = inspection.header.userVersion;
    return found > 0 && found < latest ? found : null;
  } catch {
    return null;
  }
}

export interface OpeningOptions {
  worker: WorkerEntry;
  file: string;
  dataDir: string;
  nativeBinding?: string;
  from: number;
  to: number;
  now: Date;
}

export function startOpening(options: OpeningOptions): Opening {
  const cancel = new SharedArrayBuffer(4);
  const data: OpenWorkerData = {
    file: options.file,
    dataDir: options.dataDir,
    nativeBinding: options.nativeBinding,
    cancel,
    now: options.now.toISOString(),
  };
  let last: WorkerProgress = { phase: 'start', step: 0, version: null, name: null, done: null, total: null };
  let cancelling = false;
  const worker = new Worker(options.worker.workerUrl, { workerData: { ...options.worker.workerData, ...data } });
  const done = new Promise<OpeningOutcome>((resolve) => {
    let outcome: OpeningOutcome | null = null;
    worker.on('message', (message: OpenWorkerMessage) => {
      if (message.type === 'progress') last = message.progress;
      else outcome = message;
    });
    worker.once('error', (err) => {
      outcome ??= { type: 'failed', kind: null, message: err.message };
    });
    // Resolved on exit, not on the last message: by then the worker's connection is closed.
    worker.once('exit', (code) => resolve(outcome ?? { type: 'failed', kind: null, message: `the update stopped (exit ${code})` }));
  });
  return {
    progress: () => ({
      ...last,
      from: options.from,
      to: options.to,
      steps: options.to - options.from,
      stepNames: MIGRATIONS.filter((m) => m.version > options.from && m.version <= options.to).map((m) => m.name),
      cancelling,
      startedAt: data.now,
    }),
    cancel: () => {
      cancelling = true;
      const flag = new Int32Array(cancel);
      Atomics.store(flag, 0, 1);
      // Wakes a worker waiting between tries for another process's write lock.
      Atomics.notify(flag, 0);
    },
    done,
  };
}
