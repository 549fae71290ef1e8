// Backups of the database, made with SQLite's VACUUM INTO (a consistent snapshot written by
// SQLite itself, never a copy of the live file's bytes, which could catch a half-written page
// or miss what is still in the WAL). Each lands in <dataDir>/backups/ under a name saying when
// and why, is verified with integrity_check before it counts, and rotation keeps the newest
// few plus the ones made before a migration or a restore for a while.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BACKUP_NAME_PATTERN, BACKUP_REASONS, type BackupInfo, type BackupReason } from '../../../../shared/api/storage/methods';
import { AppError } from '../../../../shared/api/result';
import type { Db } from '../../db/open';
import { DatabaseFromFutureError, DatabaseProblemError } from '../../db/errors';
import { BRIEFBOOK_APPLICATION_ID, HEADER_SIZE, inspectDatabaseFile, parseHeader } from '../../db/inspect';

export const BACKUPS_FOLDER = 'backups';
/** Scheduled and manual backups kept (newest first). */
export const KEEP_RECENT = 10;
/** Backups made before a migration or a restore are kept this long (the newest of each always). */
export const KEEP_SPECIAL_MS = 30 * 24 * 60 * 60 * 1000;
export const BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;

export const backupsDir = (dataDir: string): string => join(dataDir, BACKUPS_FOLDER);

/** A file-name-safe, sortable time: 2026-12-05T17-43-00-123Z. */
export function fileTime(date: Date): string {
  return date.toISOString().replace(/:/g, '-').replace('.', '-');
}

function parseFileTime(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(text)!;
  return `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`;
}

export function backupName(reason: BackupReason, date: Date, schemaVersion?: number): string {
  return `briefbook-${fileTime(date)}-${reason}${schemaVersion === undefined ? '' : `-v${schemaVersion}`}.sqlite3`;
}

function readHeader(file: string) {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_SIZE);
    readSync(fd, buffer, 0, HEADER_SIZE, 0);
    return parseHeader(buffer);
  } finally {
    closeSync(fd);
  }
}

/** Backups in the folder, newest first. Creates nothing (the folder may not exist yet). */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  const found: BackupInfo[] = [];
  for (const name of readdirSync(dir)) {
    const m = BACKUP_NAME_PATTERN.exec(name);
    if (!m || !(BACKUP_REASONS as readonly string[]).includes(m[2]!)) continue;
    try {
      const file = join(dir, name);
      const stats = statSync(file);
      if (!stats.isFile()) continue;
      found.push({
        name,
        createdAt: parseFileTime(m[1]!),
        size: stats.size,
        reason: m[2] as BackupReason,
        schemaVersion: readHeader(file)?.userVersion ?? 0,
      });
    } catch {
      // A file that vanished or cannot be read is simply not offered.
    }
  }
  return found.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1));
}

/** Page cache of integrity_check's connection, in KiB. The check walks each table and looks
 *  every row up in each of its indexes, in the table's order, not the index's: with the default
 *  cache (16 MB) most of those lookups read their index pages from the file again. At a
 *  million initiatives (a 2.4 GB file) that was 11–15 of the check's 44–54 s of CPU, system
 *  time spent in reads; with 256 MB, 4 s. Taken only as pages are read (a small library's
 *  check uses its file's size), and given back when the check's connection closes. */
export const CHECK_CACHE_KIB = 256 * 1024;

/**
 * integrity_check on a backup file through a read-only connection. Backups are written by
 * VACUUM INTO in rollback-journal mode, so reading them creates no -wal or -shm beside them.
 * Returns SQLite's complaints ([] = sound).
 */
export function integrityProblems(file: string, nativeBinding?: string): string[] {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    // Not mmap, though it spared a little more CPU: an I/O error on a mapped page is a signal
    // that ends the process, where a read's error is a complaint the check reports.
    db.pragma(`cache_size = ${-CHECK_CACHE_KIB}`);
    const rows = db.pragma('integrity_check(20)', { simple: false }) as Record<string, string>[];
    const lines = rows.map((r) => String(Object.values(r)[0]));
    return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
  } catch (err) {
    return [`${(err as { code?: string }).code ?? 'error'}: ${(err as Error).message}`];
  } finally {
    db?.close();
  }
}

export class BackupFailedError extends AppError {
  constructor(message: string) {
    super('INTERNAL', message);
    this.name = 'BackupFailedError';
  }
}

/**
 * Writes a verified backup of `db` (VACUUM INTO, synchronous: used before a migration, and by
 * hosts that can afford to wait). A backup that fails integrity_check is deleted and reported.
 */
export function backupNowSync(
  db: Db,
  dataDir: string,
  reason: BackupReason,
  nativeBinding?: string,
  now = new Date(),
  /** Told when the copy is written and its integrity_check begins (the opening screen says so:
   *  at a million initiatives the check is most of the backup's time). Throwing stops there:
   *  the unchecked copy is deleted and the error goes on. */
  onWritten?: () => void,
): BackupInfo {
  const dir = backupsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const version = db.pragma('user_version', { simple: true }) as number;
  const name = backupName(reason, now, reason === 'pre-migration' ? version : undefined);
  const partial = join(dir, `${name}.partial`);
  rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
  } catch (err) {
    rmSync(partial, { force: true });
    throw new BackupFailedError(`The backup into ${dir} could not be written: ${(err as Error).message}`);
  }
  try {
    onWritten?.();
  } catch (err) {
    // The caller stopped here (a cancelled update): an unchecked copy is not kept as a backup.
    rmSync(partial, { force: true });
    throw err;
  }
  return finishBackup(partial, join(dir, name), integrityProblems(partial, nativeBinding));
}

/** Gives a freshly written backup its final name once its integrity_check found nothing
 *  (`problems` empty); deletes it otherwise. */
export function finishBackup(partial: string, final: string, problems: string[]): BackupInfo {
  if (problems.length > 0) {
    rmSync(partial, { force: true });
    throw new BackupFailedError(`The backup failed its integrity check and was deleted: ${problems.slice(0, 3).join('; ')}`);
  }
  renameSync(partial, final);
  const dataDir = join(final, '..', '..');
  const info = listBackups(dataDir).find((b) => join(backupsDir(dataDir), b.name) === final);
  if (!info) throw new BackupFailedError(`The backup ${final} was written but cannot be listed.`);
  return info;
}

/** Deletes old backups: keeps the newest KEEP_RECENT scheduled/manual ones, and the newest
 *  pre-migration and before-restore ones always, others of those for KEEP_SPECIAL_MS. */
export function rotateBackups(dataDir: string, now = new Date()): string[] {
  const all = listBackups(dataDir);
  const removed: string[] = [];
  let recent = 0;
  const newestSpecial = new Set<BackupReason>();
  for (const backup of all) {
    let keep: boolean;
    if (backup.reason === 'scheduled' || backup.reason === 'manual') {
      keep = recent++ < KEEP_RECENT;
    } else {
      keep = !newestSpecial.has(backup.reason) || now.getTime() - Date.parse(backup.createdAt) < KEEP_SPECIAL_MS;
      newestSpecial.add(backup.reason);
    }
    if (!keep) {
      rmSync(join(backupsDir(dataDir), backup.name), { force: true });
      removed.push(backup.name);
    }
  }
  return removed;
}

/** The path of a listed backup, or NOT_FOUND. */
export function backupPath(dataDir: string, name: string): string {
  if (!listBackups(dataDir).some((b) => b.name === name)) {
    throw new AppError('NOT_FOUND', `There is no backup named ${name} in ${backupsDir(dataDir)}.`);
  }
  return join(backupsDir(dataDir), name);
}

/**
 * Checks a backup before it may replace anything: a Briefbook database (or one from before
 * application_id), not newer than this code, and sound by integrity_check. Throws a
 * BAD_REQUEST naming what is wrong; changes nothing.
 */
export function checkBackupForRestore(file: string, latestSchema: number, nativeBinding?: string): void {
  try {
    const inspection = inspectDatabaseFile(file, latestSchema, nativeBinding);
    if (inspection.state !== 'existing') throw new AppError('NOT_FOUND', `The backup ${file} does not exist.`);
    const { applicationId } = inspection.header;
    if (applicationId !== BRIEFBOOK_APPLICATION_ID && !inspection.legacy) {
      throw new AppError('BAD_REQUEST', `The backup ${file} is not a Briefbook database; nothing was replaced.`);
    }
  } catch (err) {
    if (err instanceof DatabaseFromFutureError) {
      throw new AppError('BAD_REQUEST', `The backup ${file} was made by a newer Briefbook (schema ${err.found}); nothing was replaced.`);
    }
    if (err instanceof DatabaseProblemError) throw new AppError('BAD_REQUEST', `${err.message} Nothing was replaced.`);
    throw err;
  }
  const problems = integrityProblems(file, nativeBinding);
  if (problems.length > 0) {
    throw new AppError('BAD_REQUEST', `The backup ${file} is damaged (${problems.slice(0, 3).join('; ')}); nothing was replaced.`);
  }
}
