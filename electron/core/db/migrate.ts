// Migration runner: numbered steps from an explicit list, tracked in PRAGMA user_version,
// all pending steps applied in one transaction so a failure leaves the previous schema intact.
import type Database from 'better-sqlite3';
import { writeTransaction } from './transaction';

/** What a migration that works through rows in chunks says as it goes (the opening screen
 *  shows it). Calling it may throw: that is how the reader's cancel stops a migration, and the
 *  one transaction all pending steps run in then rolls back. */
export interface MigrationProgress {
  rows(done: number, total: number): void;
}

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database, progress: MigrationProgress): void;
}

/** Where the runner is: before each pending step (rows null until the step reports any),
 *  after each of its chunks, and once more (index === count) before the commit. */
export interface MigrationStep {
  version: number;
  name: string;
  /** 0-based among the pending steps; `count` once all have run and the commit comes next. */
  index: number;
  count: number;
  done: number | null;
  total: number | null;
}

/** Told every MigrationStep; throwing from it stops the run and rolls every step back. */
export type OnMigrationStep = (step: MigrationStep) => void;

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
  onStep?: OnMigrationStep,
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
    const pending = migrations.filter((m) => m.version > now && m.version <= target);
    pending.forEach((m, index) => {
      const step = { version: m.version, name: m.name, index, count: pending.length };
      onStep?.({ ...step, done: null, total: null });
      m.up(db, { rows: (done, total) => onStep?.({ ...step, done, total }) });
      db.pragma(`user_version = ${m.version}`);
    });
    const last = pending[pending.length - 1];
    if (last) onStep?.({ version: last.version, name: last.name, index: pending.length, count: pending.length, done: null, total: null });
  });
  return readSchemaVersion(db);
}
