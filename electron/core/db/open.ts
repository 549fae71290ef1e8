// Opens the one connection a process owns, with the durability settings the data rules ask
// for. The files are inspected before SQLite sees them (inspect.ts), so a damaged, foreign,
// read-only or newer database is refused byte for byte untouched (WAL mode alone would rewrite
// its header, and SQLite would create -wal and -shm files beside it).
import { randomBytes } from 'node:crypto';
import { constants, copyFileSync, linkSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { writeTransaction } from './transaction';
import { latestVersion, migrate, readSchemaVersion, type OnMigrationStep } from './migrate';
import { MIGRATIONS } from './migrations';
import { normalizeStored, storedHas, storedMask } from '../search/normalize';
import { DatabaseFromFutureError, ForeignDatabaseError, problemFromSqliteError, UnreadableDatabaseError } from './errors';
import { BRIEFBOOK_APPLICATION_ID, inspectDatabaseFile } from './inspect';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of a better-sqlite3 native build for another ABI (the Electron app passes its own). */
  nativeBinding?: string;
  /**
   * Runs before migrations change an existing database's schema (from → to), on the open
   * connection; Briefbook makes its pre-migration backup here. Throwing stops the opening.
   */
  beforeMigrate?: (db: Db, from: number, to: number) => void;
  /** Told where the migrations are (migrate.ts); throwing stops them, rolled back, and the
   *  opening fails with that error. */
  onMigrationStep?: OnMigrationStep;
}

// Not better-sqlite3's default (5000), so a test can tell that this setting is applied.
export const BUSY_TIMEOUT_MS = 10_000;

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const latest = latestVersion(MIGRATIONS);
  let inspection = inspectDatabaseFile(file, latest, options.nativeBinding);
  if (inspection.state === 'absent') {
    createDatabaseFile(file, options.nativeBinding);
    inspection = inspectDatabaseFile(file, latest, options.nativeBinding);
  }
  let db: Db;
  try {
    db = new Database(file, { nativeBinding: options.nativeBinding, fileMustExist: inspection.state === 'existing' });
  } catch (err) {
    throw problemFromSqliteError(file, err) ?? new UnreadableDatabaseError(file, err);
  }
  try {
    // The header was read from the file alone; a WAL beside it may hold a newer first page.
    // Read both again through SQLite before the first write.
    const found = readSchemaVersion(db);
    if (found > latest) throw new DatabaseFromFutureError(file, found, latest);
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (applicationId !== 0 && applicationId !== BRIEFBOOK_APPLICATION_ID) {
      throw new ForeignDatabaseError(file, `its application_id is ${applicationId}`);
    }
    applyPragmas(db);
    if (found > 0 && found < latest) options.beforeMigrate?.(db, found, latest);
    // Claiming the file (application_id) commits with the migrations or not at all.
    writeTransaction(db, () => {
      migrate(db, MIGRATIONS, latest, options.onMigrationStep);
      if (applicationId !== BRIEFBOOK_APPLICATION_ID) db.pragma(`application_id = ${BRIEFBOOK_APPLICATION_ID}`);
    });
    return db;
  } catch (err) {
    db.close();
    throw problemFromSqliteError(file, err) ?? err;
  }
}

/**
 * Makes a new database file appear whole: migrated and claimed (application_id) under a
 * temporary name, then hard-linked into place, which fails if the name exists. SQLite itself
 * would create an empty file and fill it on its first commit (in WAL mode, on its first
 * checkpoint), and a second process starting on the same fresh folder meanwhile would see an
 * empty file — which the inspection rightly refuses, since a 0-byte file is what a lost
 * database looks like. When another process linked its file first, theirs is used.
 */
function createDatabaseFile(file: string, nativeBinding: string | undefined): void {
  const temp = `${file}.new-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const db = new Database(temp, { nativeBinding });
    try {
      db.pragma('foreign_keys = ON');
      writeTransaction(db, () => {
        migrate(db, MIGRATIONS);
        db.pragma(`application_id = ${BRIEFBOOK_APPLICATION_ID}`);
      });
    } finally {
      db.close();
    }
    try {
      linkSync(temp, file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return;
      // A file system without hard links: copying never replaces an existing file either.
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV' || code === 'ENOSYS') {
        try {
          copyFileSync(temp, file, constants.COPYFILE_EXCL);
        } catch (copyErr) {
          if ((copyErr as NodeJS.ErrnoException).code !== 'EEXIST') throw copyErr;
        }
        return;
      }
      throw err;
    }
  } catch (err) {
    throw problemFromSqliteError(file, err) ?? new UnreadableDatabaseError(file, err);
  } finally {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${temp}${suffix}`, { force: true });
  }
}

/** Page cache per connection, in KiB. */
const CACHE_KIB = 64 * 1024;

function applyPragmas(db: Db): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  // ':memory:' databases stay in 'memory' mode; files must really be in WAL.
  if (mode !== 'wal' && db.name !== ':memory:') {
    throw new Error(`SQLite refused WAL mode for ${db.name} (got ${String(mode)})`);
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // A search or a table page over a large library reads tens of megabytes of index and text
  // pages; the page cache better-sqlite3 builds SQLite with (16 MB) re-reads most of them on every
  // query. 64 MB per connection is taken only as pages are read.
  db.pragma(`cache_size = ${-CACHE_KIB}`);
  // The search index checks its candidates against the stored text in this form (search/).
  db.function('search_norm', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? normalizeStored(text) : null));
  // The check itself, in one call: the normalized text never goes back to SQL (a whole body
  // converted twice per candidate cost more than the test).
  db.function('search_has', { deterministic: true }, (text: unknown, needle: unknown) =>
    typeof text === 'string' && typeof needle === 'string' && storedHas(text, needle) ? 1 : 0,
  );
  // Which of several needles a text contains ('1' or '0' for each, in order), normalizing the
  // text once: search everywhere asks it of a result's texts for all its words at once.
  db.function('search_mask', { deterministic: true, varargs: true }, (text: unknown, ...needles: unknown[]) =>
    typeof text === 'string' ? storedMask(text, needles) : '0'.repeat(needles.length),
  );
}
