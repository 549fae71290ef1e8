// Prepared statements cached per connection and SQL text. Preparing is most of the cost of a
// small query; the table builds its SQL from a handful of shapes, so a bounded cache keeps each
// shape prepared without growing with every distinct IN-list length a caller might send.
import type Database from 'better-sqlite3';
import type { Db } from './open';

const MAX_PER_CONNECTION = 256;
const caches = new WeakMap<Db, Map<string, Database.Statement>>();

export function prepared(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size >= MAX_PER_CONNECTION) cache.clear();
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** `?, ?, ?` for n parameters (n ≥ 1). */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/**
 * `now` as ISO text, moved to one millisecond after the latest `column` stored in `table` when
 * it is not already later: lists ordered "newest first" stay in the order of the writes even
 * when two writes fall in one millisecond. `where` narrows the rows to the ones such a list
 * shows (and lets a partial index on `column` answer). Call inside the write transaction;
 * `table`, `column` and `where` are the caller's constants, never input.
 */
export function stampAfterLatest(db: Db, table: string, column: string, now: Date, where?: string): string {
  const at = now.toISOString();
  const latest = (prepared(db, `SELECT max(${column}) AS at FROM ${table}${where ? ` WHERE ${where}` : ''}`).get() as { at: string | null }).at;
  return latest !== null && latest >= at ? new Date(Date.parse(latest) + 1).toISOString() : at;
}
