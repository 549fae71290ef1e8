// The baselines' side: plain better-sqlite3 doing what our code does, without our code.
// The pragmas mirror electron/core/db/open.ts (its helper is private); the DDL is whatever the
// migrations create, captured by running their up() steps on a scratch connection.
import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS } from '../../../electron/core/db/open';
import { latestVersion, type Migration } from '../../../electron/core/db/migrate';

export function rawOpen(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return db;
}

export interface CapturedSchema {
  statements: string[];
  version: number;
}

/** The CREATE statements the migrations leave behind, in creation order. */
export function captureSchema(migrations: readonly Migration[]): CapturedSchema {
  const scratch = new Database(':memory:');
  try {
    for (const m of migrations) m.up(scratch, { rows: () => undefined });
    // FTS5 shadow tables (search_fts_data…) are made by their virtual table's CREATE; SQLite
    // refuses them as separate statements.
    const rows = scratch
      .prepare(
        `SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL
           AND tbl_name NOT IN (SELECT name FROM pragma_table_list WHERE type = 'shadow') ORDER BY rowid`,
      )
      .all() as { sql: string }[];
    return { statements: rows.map((r) => r.sql), version: latestVersion(migrations) };
  } finally {
    scratch.close();
  }
}

/** Raw SQLite executing the same DDL in one transaction, ending at the same user_version. */
export function rawCreate(file: string, schema: CapturedSchema): Database.Database {
  const db = rawOpen(file);
  db.transaction(() => {
    for (const sql of schema.statements) db.exec(sql);
    db.pragma(`user_version = ${schema.version}`);
  })();
  return db;
}

/** Schema, version and connection settings, for checking that both sides end up alike. */
export function describeDb(db: Database.Database): string {
  const schema = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all();
  const settings = ['user_version', 'journal_mode', 'synchronous', 'foreign_keys', 'busy_timeout'].map((p) => [
    p,
    db.pragma(p, { simple: true }),
  ]);
  return JSON.stringify({ schema, settings });
}
