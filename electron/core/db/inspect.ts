// Looks at a database file with plain fs reads before SQLite is given it. SQLite itself would
// happily "open" an empty file as a new database, replay or discard a WAL, switch a foreign
// file to WAL mode or create -wal/-shm files beside it: all of that changes what the reader
// had. So every refusal we can decide from the bytes on disk is decided here, and SQLite only
// ever sees a file that looks like ours (or an empty folder, on the very first run).
//
// The SQLite file format (sqlite.org/fileformat2.html), 100-byte header, big-endian:
//   0  "SQLite format 3\0"     16 page size (1 means 65536)   18/19 write/read version (2 = WAL)
//   24 change counter          28 size in pages                60 user_version
//   68 application_id          92 version-valid-for (28 is valid only if it equals 24)
import { accessSync, closeSync, existsSync, constants, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  DatabaseFromFutureError,
  EmptyDatabaseFileError,
  EmptyDatabaseWithWalError,
  ForeignDatabaseError,
  NotSqliteError,
  ReadOnlyDataFolderError,
  ReadOnlyDatabaseFileError,
  TruncatedDatabaseError,
  UnreadableDatabaseError,
  WalWithoutDatabaseError,
} from './errors';

/**
 * Briefbook's PRAGMA application_id: the ASCII bytes "BrBk" (0x4272426B). SQLite stores it at
 * offset 68 of the header so that any tool (and `file(1)`) can tell whose file it is; it is set
 * in the same transaction as the first migration (or, for a database made before it existed,
 * with the migrations that adopt it).
 */
export const BRIEFBOOK_APPLICATION_ID = 0x4272426b;

export const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
export const HEADER_SIZE = 100;

/** Tables every Briefbook schema since version 1 has: how a file made before application_id is recognised. */
const BRIEFBOOK_MARKER_TABLES = ['plans', 'themes', 'initiatives'];

export interface SqliteHeader {
  pageSize: number;
  walMode: boolean;
  /** Pages the header says the file has, when that field is valid. */
  pageCount: number | null;
  userVersion: number;
  applicationId: number;
}

export type Inspection =
  | { state: 'absent' }
  | { state: 'existing'; header: SqliteHeader; /** application_id 0 but Briefbook's tables. */ legacy: boolean };

export function parseHeader(bytes: Buffer): SqliteHeader | null {
  if (bytes.length < HEADER_SIZE || !bytes.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) return null;
  const rawPageSize = bytes.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const validCount = bytes.readUInt32BE(24) === bytes.readUInt32BE(92);
  const pageCount = bytes.readUInt32BE(28);
  return {
    pageSize,
    walMode: bytes[18] === 2 || bytes[19] === 2,
    pageCount: validCount && pageCount > 0 ? pageCount : null,
    userVersion: bytes.readInt32BE(60),
    applicationId: bytes.readInt32BE(68),
  };
}

const isPowerOfTwo = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Read-only by the mode bits: no write bit for anyone. Tests (and some users) run as root, for
 * whom access(W_OK) succeeds on any file, so the bits are what says the owner meant it to be
 * read-only; a failing access() check covers the ordinary user without write permission.
 */
export function isReadOnly(path: string, stats: Stats): boolean {
  if ((stats.mode & 0o222) === 0) return true;
  try {
    accessSync(path, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

function readHead(file: string, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * Decides, from the files on disk alone, whether `file` may be handed to SQLite. Throws the
 * refusal when it may not; creates and changes nothing either way.
 */
/** `nativeBinding`: the better-sqlite3 build the host uses (Electron's ABI in the desktop app). */
export function inspectDatabaseFile(file: string, latestSchema: number, nativeBinding?: string): Inspection {
  const folder = dirname(file);
  const wal = `${file}-wal`;
  const dbStats = statOrNull(file);
  const walStats = statOrNull(wal);
  const folderStats = statOrNull(folder);

  if (!dbStats) {
    if (walStats) throw new WalWithoutDatabaseError(wal);
    if (folderStats && isReadOnly(folder, folderStats)) throw new ReadOnlyDataFolderError(file, folder);
    return { state: 'absent' };
  }
  if (!dbStats.isFile()) throw new UnreadableDatabaseError(file, new Error('it is not a regular file'));
  if (dbStats.size === 0) {
    if (walStats && walStats.size > 0) throw new EmptyDatabaseWithWalError(file);
    throw new EmptyDatabaseFileError(file);
  }

  let head: Buffer;
  try {
    head = readHead(file, HEADER_SIZE);
  } catch (err) {
    throw new UnreadableDatabaseError(file, err);
  }
  const header = parseHeader(head);
  if (!header) {
    // A file that starts like SQLite but ends before its header does is cut short, not foreign.
    const prefix = head.subarray(0, Math.min(head.length, SQLITE_MAGIC.length));
    if (head.length < HEADER_SIZE && prefix.equals(SQLITE_MAGIC.subarray(0, prefix.length))) {
      throw new TruncatedDatabaseError(file, dbStats.size, `shorter than SQLite's ${HEADER_SIZE}-byte header`);
    }
    throw new NotSqliteError(file);
  }
  if (header.pageSize < 512 || !isPowerOfTwo(header.pageSize)) throw new NotSqliteError(file);
  if (dbStats.size % header.pageSize !== 0) {
    throw new TruncatedDatabaseError(file, dbStats.size, `not a whole number of ${header.pageSize}-byte pages`);
  }
  // While a WAL holds pages not yet copied back, the file may legitimately be shorter than
  // its header says (a checkpoint interrupted half way): SQLite completes it from the log.
  const walPending = walStats !== null && walStats.size > 0;
  if (header.pageCount !== null && !walPending && dbStats.size < header.pageCount * header.pageSize) {
    throw new TruncatedDatabaseError(
      file,
      dbStats.size,
      `its header says ${header.pageCount} pages of ${header.pageSize} bytes, ${header.pageCount * header.pageSize} bytes`,
    );
  }

  let legacy = false;
  if (header.applicationId !== BRIEFBOOK_APPLICATION_ID) {
    if (header.applicationId !== 0) {
      throw new ForeignDatabaseError(file, `its application_id is 0x${(header.applicationId >>> 0).toString(16).padStart(8, '0')}`);
    }
    legacy = isLegacyBriefbook(file, header, walPending, nativeBinding);
  }
  if (header.userVersion > latestSchema) throw new DatabaseFromFutureError(file, header.userVersion, latestSchema);
  if (isReadOnly(file, dbStats)) throw new ReadOnlyDatabaseFileError(file);
  if (folderStats && isReadOnly(folder, folderStats)) throw new ReadOnlyDataFolderError(file, folder);
  return { state: 'existing', header, legacy };
}

/**
 * application_id 0: a Briefbook database from before application_id was set, an empty SQLite
 * file, or another application's. Reads the schema from an in-memory copy of the file (SQLite
 * opening the file itself, even read-only, would create -wal and -shm files beside a WAL-mode
 * database and leave them there).
 */
function isLegacyBriefbook(file: string, header: SqliteHeader, walPending: boolean, nativeBinding?: string): boolean {
  const copy = readFileSync(file);
  // An in-memory database cannot be in WAL mode: mark the copy as a rollback-journal file.
  copy[18] = 1;
  copy[19] = 1;
  let tables: string[];
  try {
    const mem = new Database(copy, { nativeBinding });
    try {
      tables = mem.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    } finally {
      mem.close();
    }
  } catch (err) {
    throw new UnreadableDatabaseError(file, err);
  }
  const ours = BRIEFBOOK_MARKER_TABLES.every((t) => tables.includes(t));
  if (ours && header.userVersion >= 1) return true;
  // An empty file of SQLite's own making (no tables, never migrated) holds nothing to lose:
  // Briefbook's first run may have stopped right after creating it. Unless a WAL beside it may
  // hold tables we cannot see without letting SQLite touch it.
  if (tables.length === 0 && header.userVersion === 0 && !walPending) return false;
  // A WAL with a shared-memory index beside it is another Briefbook's live database (the
  // desktop app and browser mode may share a folder) that has not been checkpointed yet: its
  // tables and application_id are still in the log. SQLite reads them without creating a file
  // when -wal and -shm exist, and a read-only connection never checkpoints on close, so the
  // file stays as it was whatever the answer.
  if (tables.length === 0 && header.userVersion === 0 && walPending && existsSync(`${file}-shm`)) {
    const live = readThroughSqlite(file, nativeBinding);
    if (live.applicationId === BRIEFBOOK_APPLICATION_ID) return false;
    if (live.applicationId === 0) {
      if (live.tables.length === 0 && live.userVersion === 0) return false;
      if (BRIEFBOOK_MARKER_TABLES.every((t) => live.tables.includes(t)) && live.userVersion >= 1) return true;
    }
    tables = live.tables;
  }
  const listed = tables.slice(0, 5).join(', ') + (tables.length > 5 ? ', …' : '');
  throw new ForeignDatabaseError(
    file,
    tables.length > 0
      ? `its tables are ${listed}`
      : walPending
        ? 'no tables of Briefbook, and a write-ahead log Briefbook did not write'
        : `no tables, and schema version ${header.userVersion}`,
  );
}

/** application_id, user_version and tables as SQLite sees them, log included, read-only. */
function readThroughSqlite(file: string, nativeBinding?: string): { applicationId: number; userVersion: number; tables: string[] } {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    try {
      return {
        applicationId: db.pragma('application_id', { simple: true }) as number,
        userVersion: db.pragma('user_version', { simple: true }) as number,
        tables: db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[],
      };
    } finally {
      db.close();
    }
  } catch (err) {
    throw new UnreadableDatabaseError(file, err);
  }
}
