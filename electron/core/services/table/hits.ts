// The table's text conditions — the global search and the per-column text filters — resolved
// through the search index into one temporary set of initiative ids (their intersection), which
// the row, count and facet statements of the same query then share instead of each running
// the full-text match again. One connection per process and synchronous calls: no other query
// can see the set half-written.
import type { TableFilters } from '../../../../shared/domain/table';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { matchingDocsSql, type KeyQuery } from '../../search/match';
import { normalizeForSearch } from '../../search/normalize';
import { GLOBAL_SEARCH_FIELDS, TEXT_FILTER_FIELD } from '../../search/initiative-docs';

const created = new WeakSet<Db>();

function ensureHitsTable(db: Db): void {
  if (created.has(db)) return;
  db.exec('CREATE TEMP TABLE IF NOT EXISTS table_hits (id TEXT PRIMARY KEY) WITHOUT ROWID');
  created.add(db);
}

/** The documents matching each of a table query's text conditions (none when all are blank):
 *  FROM … WHERE … over search_docs d (see matchingDocsSql). */
export function textConditions(search: string, text: TableFilters['text']): KeyQuery[] {
  const parts: KeyQuery[] = [];
  const add = (value: string, fields: readonly string[]) => {
    const needle = normalizeForSearch(value);
    if (needle !== '') parts.push(matchingDocsSql(needle, fields));
  };
  add(search, GLOBAL_SEARCH_FIELDS);
  for (const [column, value] of Object.entries(text ?? {}) as [keyof typeof TEXT_FILTER_FIELD, string | undefined][]) {
    if (value !== undefined) add(value, [TEXT_FILTER_FIELD[column]]);
  }
  return parts;
}

/** Fills temp.table_hits with the ids meeting every text condition; false when there are none
 *  (then the query has no text restriction and the set is not used). One condition's keys go
 *  in as its documents give them, a key met again ignored by the table's key (half the time
 *  of a DISTINCT over a common word's documents, which sorts them all once more); several are
 *  intersected. */
export function fillHits(db: Db, search: string, text: TableFilters['text']): boolean {
  const parts = textConditions(search, text);
  if (parts.length === 0) return false;
  ensureHitsTable(db);
  prepared(db, 'DELETE FROM temp.table_hits').run();
  const select = parts.map((p) => `SELECT d.key ${p.sql}`).join(' INTERSECT ');
  prepared(db, `INSERT OR IGNORE INTO temp.table_hits (id) ${select}`).run(...parts.flatMap((p) => p.params));
  return true;
}
