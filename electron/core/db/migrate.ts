// Migration runner: numbered steps from an explicit list, tracked in PRAGMA user_version,
// all pending steps applied in one transaction so a failure leaves the previous schema intact.
import type Database from 'better-sqlite3';
import { writeTransaction } from './transaction';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export function readSchemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
}

/** Throws unless versions run 1, 2, 3… in list order. */
export function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`Migration list out of order: position ${i + 1} holds version ${m.version} (${m.name})`);
    }
  });
}

/** Applies the migrations above the database's version, up to `target` (default: all). */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  target = latestVersion(migrations),
): number {
  checkMigrationList(migrations);
  const current = readSchemaVersion(db);
  if (current > latestVersion(migrations)) {
    throw new Error(`Schema version ${current} is newer than this code (${latestVersion(migrations)})`);
  }
  if (!migrations.some((m) => m.version > current && m.version <= target)) return current;
  // IMMEDIATE, and the version read again inside: another process starting on the same file
  // may have migrated it while this one waited for the lock.
  writeTransaction(db, () => {
    const now = readSchemaVersion(db);
    for (const m of migrations.filter((m) => m.version > now && m.version <= target)) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  });
  return readSchemaVersion(db);
}
