// Finding the texts that contain a query. The index (tokens.ts) answers a query of one or two
// indexable characters exactly by itself; for anything else it gives candidates (texts with
// every token of the query), and each is checked (hasNeedleSql: search_has, db/open.ts, or the
// same answer from instr): its stored text (source-text.ts), normalized as search_norm does,
// contains the needle. So the hits are what a
// plain substring search over the same texts finds — the oracle the tests hold this to. A query with no indexable character at
// all (only ASCII punctuation) checks every text of the fields asked for. A newline never
// occurs in a normalized query, so the check cannot match across two values of a field.
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { fieldListSql, keyTextSql } from './documents';
import { ideographSources, ideographsOnly, normalizeForSearch } from './normalize';
import { SOURCE_TEXT_SQL } from './source-text';
import { matchExpression } from './tokens';

export interface KeyQuery {
  sql: string;
  params: unknown[];
}

/** At most this many characters folding into a needle's are looked for by instr (hasNeedleSql);
 *  a needle with more is checked by search_has alone. */
const MAX_SOURCES = 4;

/**
 * The check of one candidate, as SQL: does `text` (an SQL expression) hold the normalized
 * `needle`, as search_has answers. A needle of common CJK ideographs only is in the text's
 * normalized form exactly where it is in the text as stored, unless the text holds a character
 * folding into one of the needle's (normalize.ts: ideographsOnly, ideographSources): then
 * SQLite's instr answers, and search_has (a call into JavaScript that normalizes the whole
 * text) runs only for a text holding such a character. At a million initiatives a selective
 * term's 5,000 candidates cost about half the CPU this way. `text` is evaluated again only for
 * a candidate without the needle as stored.
 */
export function hasNeedleSql(text: string, needle: string): KeyQuery {
  const sources = ideographsOnly(needle) ? [...new Set(Array.from(needle).flatMap(ideographSources))] : null;
  if (!sources || sources.length > MAX_SOURCES) return { sql: `search_has(${text}, ?)`, params: [needle] };
  if (sources.length === 0) return { sql: `instr(${text}, ?) > 0`, params: [needle] };
  const folded = sources.map(() => `instr(${text}, ?) > 0`).join(' OR ');
  return { sql: `(CASE WHEN instr(${text}, ?) > 0 THEN 1 WHEN ${folded} THEN search_has(${text}, ?) ELSE 0 END)`, params: [needle, ...sources, needle] };
}

/**
 * FROM … WHERE … over the documents (search_doc_ids aliased `d`: key and field as stored, see
 * documents.ts) of `fields` whose text contains the
 * normalized, non-empty `needle`, with its parameters.
 */
export function matchingDocsSql(needle: string, fields: readonly string[]): KeyQuery {
  const candidates = candidateDocsSql(needle, fields);
  const check = hasNeedleSql(SOURCE_TEXT_SQL, needle);
  if (!candidates) return { sql: `FROM search_doc_ids d WHERE d.field IN (${fieldListSql(fields)}) AND ${check.sql}`, params: check.params };
  return candidates.exact ? candidates : { sql: `${candidates.sql} AND ${check.sql}`, params: [...candidates.params, ...check.params] };
}

/**
 * FROM … WHERE … over the documents of `fields` the index names for the normalized `needle`
 * (search_doc_ids aliased `d`), before any check of their text: `exact` when the index alone
 * answers (one or two indexable characters), else a superset of matchingDocsSql's documents.
 * Null when the needle has no indexable character (every document would be a candidate).
 */
export function candidateDocsSql(needle: string, fields: readonly string[]): (KeyQuery & { exact: boolean }) | null {
  const expr = matchExpression(needle);
  if (!expr) return null;
  return {
    sql: `FROM search_fts JOIN search_doc_ids d ON d.id = search_fts.rowid WHERE search_fts MATCH ? AND d.field IN (${fieldListSql(fields)})`,
    params: [expr.match],
    exact: expr.exact,
  };
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
