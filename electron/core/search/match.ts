// Finding the keys whose text contains a query. A query of one code point is a token of the
// unigram column and one of two code points a single bigram token: the index answers those
// exactly by itself (a document has the token if and only if one of its values has the
// characters side by side). Longer queries are an FTS5 phrase of their bigrams, which finds
// the candidates; `instr` on the stored normalized text then checks each candidate exactly, so
// the hits are what a plain substring search over the same texts finds — the oracle the tests
// hold this to — even if the positions of a phrase ever admitted a false candidate. A newline
// never occurs in a normalized query, so the check cannot match across two values of a field.
import type { Db } from '../db/open';
import { placeholders, prepared } from '../db/statements';
import { normalizeForSearch } from './normalize';
import { matchExpression } from './tokens';

export interface KeyQuery {
  sql: string;
  params: unknown[];
}

/**
 * SQL selecting the distinct keys with a document in one of `fields` containing `query`
 * (one column, `key`), or null when the query is empty after normalization.
 */
export function matchingKeysSql(query: string, fields: readonly string[]): KeyQuery | null {
  const needle = normalizeForSearch(query);
  if (needle === '' || fields.length === 0) return null;
  const select =
    'SELECT DISTINCT d.key AS key FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid ' +
    `WHERE search_fts MATCH ? AND d.field IN (${placeholders(fields.length)})`;
  const params = [matchExpression(needle), ...fields];
  if ([...needle].length <= 2) return { sql: select, params };
  return {
    sql: `${select} AND instr((SELECT t.text FROM search_texts t WHERE t.id = d.id), ?) > 0`,
    params: [...params, needle],
  };
}

/** The keys whose text in `fields` contains `query` (unordered); [] for an empty query. */
export function searchKeys(db: Db, query: string, fields: readonly string[]): string[] {
  const q = matchingKeysSql(query, fields);
  if (!q) return [];
  return (prepared(db, q.sql).all(...q.params) as { key: string }[]).map((r) => r.key);
}
