// Runs the import of one file in a worker thread with a heap limit and a wall-clock timeout
// that terminates it: every file is hostile until parsed (documents reach officials' laptops
// by mail, and crafted PDFs and Office files are a common way in), so a file that hangs a
// library or exhausts memory ends as a plain error naming the file, and the app goes on.
// The file is read here, in the caller, with a size check first; the worker gets bytes only.
import { openSync, closeSync, fstatSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ImportedDocument } from '../../../shared/domain/document';
import { ImportError } from './errors';
import { IMPORT_LIMITS, type ImportLimits } from './limits';
import { formatOf } from './pipeline';

export interface WorkerRequest {
  bytes: ArrayBuffer;
  fileName: string;
  limits: ImportLimits;
}

export type WorkerReply = { ok: true; document: ImportedDocument } | { ok: false; problem: string };

export interface SandboxOptions {
  /** The worker's entry: out/main/import-worker.js in a build, or a loader for it in tests. */
  workerUrl: URL;
  /** Extra workerData the entry needs (a loader's target). */
  workerData?: Record<string, unknown>;
  limits?: Partial<ImportLimits>;
  /** Aborting stops the worker at once; the import rejects with ImportCancelledError. */
  signal?: AbortSignal;
}

/** The import was stopped by its caller (the reader cancelled it). */
export class ImportCancelledError extends ImportError {
  constructor(fileName: string) {
    super(fileName, 'was not imported: reading it was cancelled');
    this.name = 'ImportCancelledError';
  }
}

/** Reads a file from disk with the size limit checked before reading it. */
export function readFileBounded(path: string, limits: ImportLimits): Uint8Array {
  const name = basename(path);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ImportError(name, code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be opened (${code ?? String(err)})`);
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new ImportError(name, 'is a folder, not a file');
    if (info.size > limits.maxFileBytes) {
      throw new ImportError(name, `is ${(info.size / 1048576).toFixed(1)} MB, over the ${Math.round(limits.maxFileBytes / 1048576)} MB limit for a plan`);
    }
    const bytes = new Uint8Array(info.size);
    let off = 0;
    while (off < bytes.length) {
      const n = readSync(fd, bytes, off, bytes.length - off, off);
      if (n === 0) break;
      off += n;
    }
    return bytes.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

/** Imports one file's bytes in a fresh worker; rejects with an ImportError naming the file. */
export async function importInWorker(bytes: Uint8Array, fileName: string, options: SandboxOptions): Promise<ImportedDocument> {
  const limits: ImportLimits = { ...IMPORT_LIMITS, ...options.limits };
  formatOf(fileName);
  const time = limits.timeoutMs < 1000 ? `${limits.timeoutMs} ms` : `${Math.round(limits.timeoutMs / 1000)} s`;
  const copy = bytes.slice().buffer;
  const request: WorkerRequest = { bytes: copy, fileName, limits };
  if (options.signal?.aborted) throw new ImportCancelledError(fileName);
  return new Promise<ImportedDocument>((resolve, reject) => {
    const worker = new Worker(options.workerUrl, {
      workerData: { ...options.workerData, request },
      transferList: [copy],
      resourceLimits: {
        maxOldGenerationSizeMb: limits.maxHeapMb,
        maxYoungGenerationSizeMb: Math.max(16, Math.round(limits.maxHeapMb / 8)),
        stackSizeMb: 4,
      },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => {
      finish(() => reject(new ImportError(fileName, `took longer than ${time} to read and was stopped (a damaged or hostile file?)`)));
    }, limits.timeoutMs);
    const onAbort = (): void => finish(() => reject(new ImportCancelledError(fileName)));
    options.signal?.addEventListener('abort', onAbort);
    worker.on('message', (reply: WorkerReply) => {
      finish(() => (reply.ok ? resolve(reply.document) : reject(new ImportError(fileName, reply.problem))));
    });
    worker.on('error', (err: Error & { code?: string }) => {
      const problem =
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `needed more than ${limits.maxHeapMb} MB of memory to read and was stopped (a damaged or hostile file?)`
          : `could not be read (${err.message.split('\n')[0]})`;
      finish(() => reject(new ImportError(fileName, problem)));
    });
    worker.on('exit', (code) => {
      finish(() => reject(new ImportError(fileName, `could not be read (the reader stopped with code ${code})`)));
    });
  });
}

/** Reads a file (size-checked) and imports it in a worker. */
export async function importFileInWorker(path: string, options: SandboxOptions): Promise<ImportedDocument> {
  const limits: ImportLimits = { ...IMPORT_LIMITS, ...options.limits };
  const name = basename(path);
  formatOf(name);
  return importInWorker(readFileBounded(path, limits), name, { ...options, limits });
}
