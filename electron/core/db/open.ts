// Opens the one connection a process owns, with the durability settings the data rules ask
// for. The schema version is checked before anything is written, so a database from a newer
// Briefbook is refused byte for byte untouched (WAL mode alone would rewrite its header).
import Database from 'better-sqlite3';
import { latestVersion, migrate, readSchemaVersion } from './migrate';
import { MIGRATIONS } from './migrations';
import { DatabaseFromFutureError } from './errors';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of a better-sqlite3 native build for another ABI (the Electron app passes its own). */
  nativeBinding?: string;
}

// Not better-sqlite3's default (5000), so a test can tell that this setting is applied.
export const BUSY_TIMEOUT_MS = 10_000;

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, { nativeBinding: options.nativeBinding });
  try {
    const found = readSchemaVersion(db);
    const latest = latestVersion(MIGRATIONS);
    if (found > latest) throw new DatabaseFromFutureError(file, found, latest);
    applyPragmas(db);
    migrate(db, MIGRATIONS);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function applyPragmas(db: Db): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  // ':memory:' databases stay in 'memory' mode; files must really be in WAL.
  if (mode !== 'wal' && db.name !== ':memory:') {
    throw new Error(`SQLite refused WAL mode for ${db.name} (got ${String(mode)})`);
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
}
