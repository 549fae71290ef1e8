// Finding the texts that contain a query. The index (tokens.ts) answers a query of one or two
// indexable characters exactly by itself; for anything else it gives candidates (texts with
// every token of the query), and each is checked by search_has (db/open.ts): its stored text
// (source-text.ts), normalized as search_norm does, contains the needle. So the hits are what a
// plain substring search over the same texts finds — the oracle the tests hold this to. A query with no indexable character at
// all (only ASCII punctuation) checks every text of the fields asked for. A newline never
// occurs in a normalized query, so the check cannot match across two values of a field.
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { fieldListSql, keyTextSql } from './documents';
import { normalizeForSearch } from './normalize';
import { SOURCE_TEXT_SQL } from './source-text';
import { matchExpression } from './tokens';

export interface KeyQuery {
  sql: string;
  params: unknown[];
}

/**
 * FROM … WHERE … over the documents (search_doc_ids aliased `d`: key and field as stored, see
 * documents.ts) of `fields` whose text contains the
 * normalized, non-empty `needle`, with its parameters.
 */
export function matchingDocsSql(needle: string, fields: readonly string[]): KeyQuery {
  const expr = matchExpression(needle);
  const inFields = `d.field IN (${fieldListSql(fields)})`;
  const check = `search_has(${SOURCE_TEXT_SQL}, ?)`;
  if (!expr) return { sql: `FROM search_doc_ids d WHERE ${inFields} AND ${check}`, params: [needle] };
  const from = `FROM search_fts JOIN search_doc_ids d ON d.id = search_fts.rowid WHERE search_fts MATCH ? AND ${inFields}`;
  return expr.exact ? { sql: from, params: [expr.match] } : { sql: `${from} AND ${check}`, params: [expr.match, needle] };
}

/**
 * SQL selecting the distinct keys with a document in one of `fields` containing `query`
 * (one column, `key`), or null when the query is empty after normalization.
 */
export function matchingKeysSql(query: string, fields: readonly string[]): KeyQuery | null {
  const needle = normalizeForSearch(query);
  if (needle === '' || fields.length === 0) return null;
  const docs = matchingDocsSql(needle, fields);
  return { sql: `SELECT DISTINCT ${keyTextSql('d.key')} AS key ${docs.sql}`, params: docs.params };
}

/** The keys whose text in `fields` contains `query` (unordered); [] for an empty query. */
export function searchKeys(db: Db, query: string, fields: readonly string[]): string[] {
  const q = matchingKeysSql(query, fields);
  if (!q) return [];
  return (prepared(db, q.sql).all(...q.params) as { key: string }[]).map((r) => r.key);
}
