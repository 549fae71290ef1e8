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

/** FTS5 tables: name → the shadow tables that hold its index's segments. */
function fts5Tables(db: Database.Database): Map<string, string[]> {
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5(%'")
    .pluck()
    .all() as string[];
  return new Map(names.map((n) => [n, [`${n}_data`, `${n}_idx`]]));
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const json = (row: unknown): string => JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/**
 * Every row of every matching table, each row as JSON, sorted (independent of row order).
 *
 * An FTS5 index is dumped by what it holds, not how: its segment pages (`<name>_data`,
 * `<name>_idx`) are replaced by `<name> (terms)`, every (term, row) pair read through fts5vocab.
 * The app merges the index's segments in idle time (search/merge.ts), which rewrites those pages
 * while keeping every pair, so a dump taken around an idle moment must not see it as a change.
 */
export function dumpTables(db: Database.Database, pattern: RegExp = /.*/): Record<string, unknown[]> {
  const dump: Record<string, unknown[]> = {};
  const fts = fts5Tables(db);
  const segmentTables = new Set([...fts.values()].flat());
  for (const name of tableNames(db, pattern)) {
    if (segmentTables.has(name)) continue;
    const rows = db.prepare(`SELECT * FROM ${quote(name)}`).all() as Record<string, unknown>[];
    dump[name] = rows.map(json).sort();
    if (fts.has(name)) dump[`${name} (terms)`] = ftsTerms(db, name);
  }
  return dump;
}

/** Every (term, rowid) pair of an FTS5 index, deletions applied, as JSON, sorted. */
function ftsTerms(db: Database.Database, table: string): string[] {
  const vocab = quote(`dump_vocab_${table}`);
  db.exec(`CREATE VIRTUAL TABLE temp.${vocab} USING fts5vocab(main, ${quote(table)}, instance)`);
  try {
    const rows = db.prepare(`SELECT term, doc FROM temp.${vocab}`).raw().all() as unknown[][];
    return rows.map(json).sort();
  } finally {
    db.exec(`DROP TABLE temp.${vocab}`);
  }
}

/** The schema as SQLite stores it (type, name, tbl_name, sql), for "schema unchanged" checks. */
export function dumpSchema(db: Database.Database): unknown[] {
  return db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all();
}
