// Whole-table dumps for before/after comparisons ("this operation changed nothing here").
import type Database from 'better-sqlite3';

/** Names of tables (not SQLite's internal ones) whose name matches `pattern`, sorted. */
export function tableNames(db: Database.Database, pattern: RegExp = /.*/): string[] {
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return names.filter((n) => pattern.test(n));
}

/** Every row of every matching table, each row as JSON, sorted (independent of row order). */
export function dumpTables(db: Database.Database, pattern: RegExp = /.*/): Record<string, unknown[]> {
  const dump: Record<string, unknown[]> = {};
  for (const name of tableNames(db, pattern)) {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    const rows = db.prepare(`SELECT * FROM ${quoted}`).all() as Record<string, unknown>[];
    dump[name] = rows
      .map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)))
      .sort();
  }
  return dump;
}

/** The schema as SQLite stores it (type, name, table, sql), for "schema unchanged" checks. */
export function dumpSchema(db: Database.Database): unknown[] {
  return db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all();
}
