// The storage part of the contract: the database file's health, its backups, and the way out
// when the file could not be opened (restore a backup, or move the file aside and start anew).
// These methods answer in both of the core's modes: normally, and in recovery mode, where the
// database was refused and every other method answers UNAVAILABLE.

/** Why the database file was refused (the recovery screen explains each in the reader's language). */
export const DATABASE_PROBLEM_KINDS = [
  'future',
  'empty',
  'wal-without-database',
  'empty-with-wal',
  'not-sqlite',
  'truncated',
  'foreign',
  'read-only-file',
  'read-only-folder',
  'unreadable',
  'damaged',
] as const;
export type DatabaseProblemKind = (typeof DATABASE_PROBLEM_KINDS)[number];

export interface StorageProblem {
  kind: DatabaseProblemKind;
  /** The file the problem is about. */
  file: string;
  /** The backend's own sentence (English), naming the file and what is wrong. */
  message: string;
}

/** quick_check runs in the background at every start; integrity_check when the reader asks. */
export interface StorageCheck {
  state: 'pending' | 'ok' | 'damaged';
  level: 'quick' | 'full';
  /** ISO time the check finished; null while pending. */
  finishedAt: string | null;
  /** SQLite's report when damaged (at most 20 lines). */
  details: string[];
}

export const BACKUP_REASONS = ['scheduled', 'manual', 'pre-migration', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface BackupInfo {
  /** File name inside the data folder's backups/ folder; what storage.restore takes. */
  name: string;
  createdAt: string;
  size: number;
  reason: BackupReason;
  /** The schema version in the backup's header. */
  schemaVersion: number;
}

/**
 * Where the opening of a library that needs this version's migrations is (status mode
 * 'opening'): they run in a worker thread, in one transaction, after a backup of the file as it
 * was; the opening screen shows this while the other methods answer UNAVAILABLE.
 */
export interface OpeningProgress {
  /** Schema versions: the file's, and this code's. */
  from: number;
  to: number;
  /** 'start': opening the file; 'backup': the backup made before the update is written;
   *  'verify': its integrity_check (most of a large library's backup time); 'migrate': a step
   *  (`step` of `steps`); 'wait': another process is writing to the file, the update waits for
   *  it; 'commit': every step done, the transaction being written. */
  phase: 'start' | 'backup' | 'verify' | 'migrate' | 'wait' | 'commit';
  /** 1-based, of `steps` (the migrations pending); 0 before the first. */
  step: number;
  steps: number;
  /** The code names of the pending migrations, in order (versions from + 1 … to). */
  stepNames: string[];
  /** The migration running (version and its code name), or null outside 'migrate'. */
  version: number | null;
  name: string | null;
  /** Rows done of total, for a step that works in chunks; null when it cannot say. */
  done: number | null;
  total: number | null;
  /** The reader asked to cancel: honoured at the next chunk or step (a backup or a single index
   *  build finishes first), then everything rolls back. */
  cancelling: boolean;
  startedAt: string;
}

export interface StorageStatus {
  /** 'recovery': the database was refused; only the storage methods (and app.info) answer.
   *  'opening': its update is running (`opening` says how far); 'cancelled': the reader cancelled
   *  that update: it was rolled back, the file is as it was and not open (storage.openLibrary
   *  starts the update again). In both only the storage methods and app.info answer. */
  mode: 'ready' | 'recovery' | 'opening' | 'cancelled';
  opening: OpeningProgress | null;
  file: string;
  problem: StorageProblem | null;
  check: StorageCheck | null;
  lastBackup: BackupInfo | null;
  /** Why the latest automatic backup failed, if it did (cleared by the next good one). */
  backupError: string | null;
}

type NoArgs = Record<string, never>;

export interface StorageMethods {
  'storage.status': { args: NoArgs; result: StorageStatus };
  /** Full PRAGMA integrity_check (slow on a large library). */
  'storage.check': { args: NoArgs; result: StorageCheck };
  'storage.backups': { args: NoArgs; result: BackupInfo[] };
  'storage.backupNow': { args: NoArgs; result: BackupInfo };
  /** Checks the backup first; keeps the current file (backups/ or quarantine/); reopens on the backup. */
  'storage.restore': { args: { name: string }; result: StorageStatus };
  /** Moves the database (and its -wal/-shm) into quarantine/<time>/ and starts a new one. */
  'storage.quarantineAndStartNew': { args: { confirm: true }; result: StorageStatus & { quarantinedTo: string } };
  /** Stops the running update: it rolls back, the file stays as it was and the library is not opened. */
  'storage.cancelOpening': { args: NoArgs; result: StorageStatus };
  /** After a cancel: opens the library again, which starts its update again. */
  'storage.openLibrary': { args: NoArgs; result: StorageStatus };
}

export const STORAGE_METHODS = [
  'storage.status',
  'storage.check',
  'storage.backups',
  'storage.backupNow',
  'storage.restore',
  'storage.quarantineAndStartNew',
  'storage.cancelOpening',
  'storage.openLibrary',
] as const satisfies readonly (keyof StorageMethods)[];

/** Backup file names as the core writes them: briefbook-<time>-<reason>[-v<schema>].sqlite3 */
export const BACKUP_NAME_PATTERN = /^briefbook-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([a-z-]+?)(?:-v(\d{1,6}))?\.sqlite3$/;
