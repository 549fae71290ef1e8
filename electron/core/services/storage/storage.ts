// The database file's keeper: opens it (or records why it was refused, for recovery mode; a file
// behind this code through the migrations' worker, opening.ts, for the opening screen),
// runs quick_check in the background after every open, makes scheduled and manual backups,
// restores a chosen backup and moves a bad file aside when the reader asks. The core rebuilds
// its handlers whenever the connection changes (onConnection), so the router keeps serving
// across a restore.
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '../../../../shared/api/result';
import type { BackupInfo, DatabaseProblemKind, StorageCheck, StorageProblem, StorageStatus } from '../../../../shared/api/storage/methods';
import type { Db } from '../../db/open';
import { DatabaseProblemError } from '../../db/errors';
import {
  BACKUP_INTERVAL_MS,
  backupName,
  backupNowSync,
  backupPath,
  backupsDir,
  BackupFailedError,
  checkBackupForRestore,
  fileTime,
  finishBackup,
  listBackups,
  rotateBackups,
} from './backups';
import { complaints, runHealthTask, type HealthTask, type RunningTask } from './health-check';
import { pendingMigrationFrom, startOpening, type Opening } from './opening';
import type { WorkerEntry } from '../../worker-entry';

export const QUARANTINE_FOLDER = 'quarantine';
const COMPANIONS = ['-wal', '-shm', '-journal'];

export interface StorageOptions {
  dataDir: string;
  file: string;
  latestSchema: number;
  nativeBinding?: string;
  /** Opens `file` ready for use (migrations, seeding); throws a DatabaseProblemError when refused.
   *  `beforeMigrate` makes the pre-migration backup. */
  open(beforeMigrate: (db: Db) => void): Db;
  /** Runs the migrations of a file behind this code in this worker (opening.ts) while the host
   *  serves the opening screen; without one they run in open(), on the caller's thread. */
  openWorker?: WorkerEntry;
  /** Told the new connection (null: none, recovery mode) every time it changes. */
  onConnection(db: Db | null): void;
  /** Scheduled backups (at start when the newest is older than a day, then daily); default on. */
  scheduleBackups?: boolean;
  /** Told when a scheduled backup fails (storage.status reports it too, as backupError). */
  onBackgroundError?: (err: unknown) => void;
  now?: () => Date;
}

export interface Storage {
  readonly db: Db | null;
  /** Why the database was refused (recovery mode), or null. */
  readonly problem: DatabaseProblemError | null;
  status(): StorageStatus;
  /** Resolves when the background quick_check after the latest open has finished. */
  quickCheckDone(): Promise<StorageCheck | null>;
  /** Resolves once the backups, restores and moves queued so far have finished. */
  whenIdle(): Promise<void>;
  fullCheck(): Promise<StorageCheck>;
  backups(): BackupInfo[];
  backupNow(): Promise<BackupInfo>;
  restore(name: string): Promise<StorageStatus>;
  quarantineAndStartNew(): Promise<StorageStatus & { quarantinedTo: string }>;
  /** Stops a running update (it rolls back); the status then turns 'cancelled'. */
  cancelOpening(): StorageStatus;
  /** After a cancel: starts the opening, and so the update, again. */
  openLibrary(): StorageStatus;
  /** Closes at once; a background check's or backup's worker may still hold its own connection
   *  for a moment, and then the -wal stays beside the file (kept for Electron's sync quit). */
  close(): void;
  /** Stops the background workers and waits for their connections to close, then closes ours:
   *  as the last connection, SQLite checkpoints the -wal into the file and removes it. */
  shutdown(): Promise<void>;
}

/** A refusal the migrations' worker met and named (its kind and sentence, sent across). */
class OpeningProblemError extends DatabaseProblemError {
  constructor(
    readonly kind: DatabaseProblemKind,
    file: string,
    message: string,
  ) {
    super(file, message);
    this.name = 'OpeningProblemError';
  }
}

function toProblem(err: DatabaseProblemError): StorageProblem {
  return { kind: err.kind, file: err.file, message: err.message };
}

export function createStorage(options: StorageOptions): Storage {
  const { dataDir, file, nativeBinding } = options;
  const now = options.now ?? (() => new Date());
  let db: Db | null = null;
  let problem: DatabaseProblemError | null = null;
  let check: StorageCheck | null = null;
  let checkDone: Promise<StorageCheck | null> = Promise.resolve(null);
  let backupError: string | null = null;
  let closed = false;
  // The update of a file behind this code, while it runs (status 'opening'); `cancelled` once the
  // reader stopped it (status 'cancelled': the file as it was, not open).
  let opening: Opening | null = null;
  let cancelled = false;
  const running = new Set<RunningTask>();
  let timer: NodeJS.Timeout | null = null;
  // Restores, moves and backups one at a time: a restore must not close the file under a backup.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  async function task(t: HealthTask): Promise<string[]> {
    // A backup queued behind a shutdown must not start a worker on the closing file.
    if (closed) throw new AppError('UNAVAILABLE', 'The database is closing.');
    const job = runHealthTask(t, nativeBinding);
    running.add(job);
    try {
      const reply = await job.done;
      // Stopped by the shutdown: not a finding about the file.
      if (closed) throw new AppError('UNAVAILABLE', 'The database is closing.');
      return complaints(reply);
    } finally {
      running.delete(job);
    }
  }

  async function stopBackground(): Promise<void> {
    if (timer) clearInterval(timer);
    timer = null;
    await Promise.all([...running].map((job) => job.stop()));
  }

  function openReady(): void {
    try {
      db = options.open((opened) => {
        backupNowSync(opened, dataDir, 'pre-migration', nativeBinding, now());
        rotateBackups(dataDir, now());
      });
      problem = null;
    } catch (err) {
      if (!(err instanceof DatabaseProblemError)) throw err;
      db = null;
      problem = err;
    }
    options.onConnection(db);
    if (db) startQuickCheck();
    else {
      check = null;
      checkDone = Promise.resolve(null);
    }
  }

  /** Opens the file: through the migrations' worker when it is behind this code, else at once. */
  function begin(): void {
    const from = options.openWorker ? pendingMigrationFrom(file, options.latestSchema, nativeBinding) : null;
    if (from === null || !options.openWorker) {
      openReady();
      return;
    }
    db = null;
    problem = null;
    check = null;
    checkDone = Promise.resolve(null);
    const current = startOpening({ worker: options.openWorker, file, dataDir, nativeBinding, from, to: options.latestSchema, now: now() });
    opening = current;
    options.onConnection(null);
    void current.done.then((outcome) => {
      if (opening !== current) return;
      opening = null;
      if (closed) return;
      if (outcome.type === 'cancelled') {
        cancelled = true;
        return;
      }
      if (outcome.type === 'failed' && outcome.kind !== null) {
        problem = new OpeningProblemError(outcome.kind, file, outcome.message);
        options.onConnection(null);
        return;
      }
      // Migrated (or failed in a way the worker could not name): the ordinary open, which finds
      // nothing left to migrate, or meets the failure itself and says what it is.
      try {
        openReady();
      } catch (err) {
        options.onBackgroundError?.(err);
        problem = new OpeningProblemError('unreadable', file, `Briefbook could not open ${file}: ${(err as Error).message}`);
        options.onConnection(null);
      }
    });
  }

  function refuseWhileOpening(): void {
    if (opening) throw new AppError('UNAVAILABLE', 'The library is being updated; wait for the update or cancel it first.');
  }

  function startQuickCheck(): void {
    const current: StorageCheck = { state: 'pending', level: 'quick', finishedAt: null, details: [] };
    check = current;
    checkDone = task({ op: 'pragma', file, pragma: 'quick_check' }).then((found) => {
      const result: StorageCheck = { ...current, state: found.length ? 'damaged' : 'ok', finishedAt: now().toISOString(), details: found };
      if (check === current) check = result;
      if (result.state === 'ok' && !closed && check === result) scheduleBackups();
      return result;
    }, (err: unknown) => {
      // The core closed while it ran: nothing was learnt about the file.
      if (closed) return null;
      throw err;
    });
  }

  function scheduleBackups(): void {
    if (options.scheduleBackups === false || timer) return;
    const newest = listBackups(dataDir).find((b) => b.reason === 'scheduled' || b.reason === 'manual');
    if (!newest || now().getTime() - Date.parse(newest.createdAt) >= BACKUP_INTERVAL_MS) void scheduledBackup();
    timer = setInterval(() => void scheduledBackup(), BACKUP_INTERVAL_MS);
    timer.unref();
  }

  function scheduledBackup(): Promise<void> {
    return backgroundBackup('scheduled').then(
      () => undefined,
      (err: unknown) => {
        // Recorded in backupError for storage.status; a closed core has nothing to report.
        if (!closed) options.onBackgroundError?.(err);
      },
    );
  }

  /** VACUUM INTO and its integrity_check, both in the worker. Never of a file known damaged. */
  function backgroundBackup(reason: 'scheduled' | 'manual'): Promise<BackupInfo> {
    return exclusive(async () => {
      if (!db) throw new AppError('UNAVAILABLE', problem?.message ?? 'The database is not open.');
      const dir = backupsDir(dataDir);
      mkdirSync(dir, { recursive: true });
      const final = join(dir, backupName(reason, now()));
      const partial = `${final}.partial`;
      try {
        const written = await task({ op: 'vacuumInto', file, target: partial });
        if (written.length) throw new BackupFailedError(`The backup into ${dir} could not be written: ${written.join('; ')}`);
        const info = finishBackup(partial, final, await task({ op: 'pragma', file: partial, pragma: 'integrity_check' }));
        rotateBackups(dataDir, now());
        backupError = null;
        return info;
      } catch (err) {
        rmSync(partial, { force: true });
        backupError = (err as Error).message;
        throw err;
      }
    });
  }

  /** Moves the database and whatever of its -wal/-shm/-journal exists into quarantine/<time>/. */
  function moveAside(reasonStamp: Date): string {
    const folder = join(dataDir, QUARANTINE_FOLDER, fileTime(reasonStamp));
    const present = [file, ...COMPANIONS.map((s) => file + s)].filter((f) => existsSync(f));
    mkdirSync(folder, { recursive: true });
    try {
      for (const f of present) renameSync(f, join(folder, basename(f)));
    } catch (err) {
      throw new AppError('FORBIDDEN', `Briefbook could not move ${file} into ${folder}: ${(err as Error).message}`);
    }
    return folder;
  }

  /** Closes the connection; the file then stands alone (rollback journal, no -wal) if it can. */
  async function closeConnection(): Promise<void> {
    await stopBackground();
    if (!db) return;
    try {
      db.pragma('journal_mode = DELETE');
    } catch {
      // Another process still reads it: the -wal stays, and moveAside takes it along.
    }
    db.close();
    db = null;
    options.onConnection(null);
  }

  begin();

  return {
    get db() {
      return db;
    },
    get problem() {
      return problem;
    },
    status: currentStatus,
    quickCheckDone: () => checkDone,
    whenIdle: () => queue.then(() => undefined),
    fullCheck: () =>
      exclusive(async () => {
        if (!db) throw new AppError('UNAVAILABLE', problem?.message ?? 'The database is not open.');
        const found = await task({ op: 'pragma', file, pragma: 'integrity_check' });
        check = { state: found.length ? 'damaged' : 'ok', level: 'full', finishedAt: now().toISOString(), details: found };
        return check;
      }),
    backups: () => listBackups(dataDir),
    backupNow: () => backgroundBackup('manual'),
    restore: (name) =>
      exclusive(async () => {
        refuseWhileOpening();
        const source = backupPath(dataDir, name);
        checkBackupForRestore(source, options.latestSchema, nativeBinding);
        const stamp = now();
        const wasOpen = db !== null;
        await closeConnection();
        const companionsLeft = COMPANIONS.some((s) => existsSync(file + s));
        if (wasOpen && !companionsLeft && existsSync(file)) {
          // The file being replaced stays restorable: it is listed among the backups.
          mkdirSync(backupsDir(dataDir), { recursive: true });
          renameSync(file, join(backupsDir(dataDir), backupName('before-restore', stamp)));
        } else if (existsSync(file) || companionsLeft) {
          moveAside(stamp);
        }
        // A backup is a closed, checked snapshot (not the live file), so a byte copy is exact.
        // Copied under another name, flushed, then renamed: a crash leaves either no database
        // or the whole backup, never half of one.
        const incoming = `${file}.restoring`;
        copyFileSync(source, incoming);
        const fd = openSync(incoming, 'r+');
        try {
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        renameSync(incoming, file);
        cancelled = false;
        begin();
        return currentStatus();
      }),
    quarantineAndStartNew: () =>
      exclusive(async () => {
        refuseWhileOpening();
        cancelled = false;
        await closeConnection();
        const quarantinedTo = moveAside(now());
        openReady();
        return { ...currentStatus(), quarantinedTo };
      }),
    cancelOpening: () => {
      opening?.cancel();
      return currentStatus();
    },
    openLibrary: () => {
      if (cancelled && !opening && !closed) {
        cancelled = false;
        begin();
      }
      return currentStatus();
    },
    close: () => {
      // Synchronous for the hosts' exit paths: workers are told to stop, the connection closes.
      // An update still running is cancelled; if the process ends first, its transaction was
      // never committed, which SQLite rolls back on the next open.
      closed = true;
      opening?.cancel();
      void stopBackground();
      db?.close();
      db = null;
    },
    shutdown: async () => {
      closed = true;
      // An update still running rolls back first: its worker lets go of the file.
      const running = opening;
      running?.cancel();
      await running?.done;
      await stopBackground();
      db?.close();
      db = null;
    },
  };

  function currentStatus(): StorageStatus {
    return {
      mode: opening ? 'opening' : cancelled ? 'cancelled' : db ? 'ready' : 'recovery',
      opening: opening?.progress() ?? null,
      file,
      problem: problem ? toProblem(problem) : null,
      check,
      lastBackup: listBackups(dataDir)[0] ?? null,
      backupError,
    };
  }
}
