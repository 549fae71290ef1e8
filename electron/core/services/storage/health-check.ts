// Background work on the database file in a worker thread with its own read-only connection,
// so neither a quick_check at start nor a scheduled backup delays the first screen or a save
// on a large library. The worker's source is inline (an eval worker): the core is bundled into
// the hosts' entry files, and a separate worker file would need its own bundle entry and path.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export type HealthTask =
  | { op: 'pragma'; file: string; pragma: 'quick_check' | 'integrity_check' }
  /** VACUUM INTO from a read-only connection: a consistent snapshot while the app keeps writing. */
  | { op: 'vacuumInto'; file: string; target: string };

export type HealthReply = { ok: true; lines: string[] } | { ok: false; code: string; message: string };

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const { task, nativeBinding } = workerData;
let reply;
let db;
try {
  db = new Database(task.file, { readonly: true, fileMustExist: true, nativeBinding });
  if (task.op === 'pragma') {
    const rows = db.pragma(task.pragma + '(20)');
    reply = { ok: true, lines: rows.map((r) => String(Object.values(r)[0])) };
  } else {
    db.prepare('VACUUM INTO ?').run(task.target);
    reply = { ok: true, lines: [] };
  }
} catch (err) {
  reply = { ok: false, code: String((err && err.code) || 'ERROR'), message: String((err && err.message) || err) };
} finally {
  try { if (db) db.close(); } catch {}
}
parentPort.postMessage(reply);
`;

// Named so as not to clash with the `require` shim the ESM bundle of the hosts declares.
const requireFromHere = createRequire(import.meta.url);

export interface RunningTask {
  done: Promise<HealthReply>;
  /** Stops the worker (when the core closes or reopens); `done` then reports it. */
  stop(): Promise<void>;
}

export function runHealthTask(task: HealthTask, nativeBinding?: string): RunningTask {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { task, nativeBinding, modulePath: requireFromHere.resolve('better-sqlite3') },
  });
  const done = new Promise<HealthReply>((resolve) => {
    worker.once('message', (reply: HealthReply) => resolve(reply));
    worker.once('error', (err) => resolve({ ok: false, code: 'WORKER', message: err.message }));
    worker.once('exit', (code) => resolve({ ok: false, code: 'STOPPED', message: `the check stopped (exit ${code})` }));
  });
  return { done, stop: async () => {
      await worker.terminate();
    },
  };
}

/** SQLite's answer to quick_check/integrity_check: [] when sound, else its complaints. */
export function complaints(reply: HealthReply): string[] {
  if (!reply.ok) return [`${reply.code}: ${reply.message}`];
  return reply.lines.length === 1 && reply.lines[0] === 'ok' ? [] : reply.lines;
}
