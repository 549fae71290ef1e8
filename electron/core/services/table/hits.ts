// The table's text conditions — the global search and the per-column text filters — resolved
// through the search index into one temporary set of initiative ids (their intersection), which
// the row, count and facet statements of the same query then share instead of each running
// the full-text match again. One connection per process and synchronous calls: no other query
// can see the set half-written.
//
// The set is kept for the next query with the same text conditions while nothing is written:
// a facet menu opened after the page, the next page, the page asked again after a sort. Which
// conditions it holds, and at which change stamp, is written beside it in temp.table_hits_of,
// in the same transaction: a transaction rolled back after filling the set takes that record
// back with it, so the set is never taken for a fill that did not last.
import type { TableFilters } from '../../../../shared/domain/table';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { candidateDocsSql, hasNeedleSql, matchingDocsSql, type KeyQuery } from '../../search/match';
import { normalizeForSearch } from '../../search/normalize';
import { fieldListSql } from '../../search/documents';
import { SOURCE_TEXT_SQL } from '../../search/source-text';
import { matchExpression } from '../../search/tokens';
import { GLOBAL_SEARCH_FIELDS, TEXT_FILTER_FIELD } from '../../search/initiative-docs';
import { changeStamp, countOwnTempWrites, keptPerStamp } from './plans';

const CREATE = [
  'CREATE TEMP TABLE IF NOT EXISTS table_hits (id TEXT PRIMARY KEY) WITHOUT ROWID',
  'CREATE TEMP TABLE IF NOT EXISTS table_hits_of (conditions TEXT NOT NULL, stamp TEXT NOT NULL)',
];

/** Each text condition of a table query: the normalized needle and the fields it searches. */
function textNeedles(search: string, text: TableFilters['text']): { needle: string; fields: readonly string[] }[] {
  const parts: { needle: string; fields: readonly string[] }[] = [];
  const add = (value: string, fields: readonly string[]) => {
    const needle = normalizeForSearch(value);
    if (needle !== '') parts.push({ needle, fields });
  };
  add(search, GLOBAL_SEARCH_FIELDS);
  for (const [column, value] of Object.entries(text ?? {}) as [keyof typeof TEXT_FILTER_FIELD, string | undefined][]) {
    if (value !== undefined) add(value, [TEXT_FILTER_FIELD[column]]);
  }
  return parts;
}

/** The documents matching each of a table query's text conditions (none when all are blank):
 *  FROM … WHERE … over search_docs d (see matchingDocsSql). */
export function textConditions(search: string, text: TableFilters['text']): KeyQuery[] {
  return textNeedles(search, text).map((p) => matchingDocsSql(p.needle, p.fields));
}

/** For a query with one text condition: its candidates as the index names them, before any
 *  text is read — one row per key (`key`) with its candidate documents' ids (`docs`, a JSON
 *  array) — a superset of the hits, equal to them when `exact` (answered by the index alone);
 *  and the check of one such document (`check`, over d, as matchingDocsSql checks it). Null
 *  with no condition, several, or one without an indexable character (every document would
 *  be a candidate). */
export function candidateKeysSql(search: string, text: TableFilters['text']): (KeyQuery & { exact: boolean; check: KeyQuery }) | null {
  const needles = textNeedles(search, text);
  if (needles.length !== 1) return null;
  const { needle, fields } = needles[0]!;
  const docs = candidateDocsSql(needle, fields);
  if (!docs) return null;
  return {
    sql: `SELECT d.key AS key, json_group_array(d.id) AS docs ${docs.sql} GROUP BY d.key`,
    params: docs.params,
    exact: docs.exact,
    check: hasNeedleSql(SOURCE_TEXT_SQL, needle),
  };
}

/**
 * Each text condition as a test of one row (k.initiative_id), for a walk along the order's
 * index that stops once its page is full: does one of the row's documents in the condition's
 * fields hold the needle? The row's documents come off search_doc_ids' (key, field) index and
 * each one's stored text is checked as matchingDocsSql checks a candidate (hasNeedleSql: the
 * normalized text contains the needle), which is what the index's hits are (the recall tests
 * hold the index to that plain substring search); so a row passes exactly when fillHits would
 * put it in the set. Asking the index instead, one seek per document (rowid = d.id AND MATCH),
 * cost 2–3× the CPU of the check at 100k initiatives.
 */
export function textTests(search: string, text: TableFilters['text']): KeyQuery[] {
  return textNeedles(search, text).map(({ needle, fields }) => {
    const check = hasNeedleSql(SOURCE_TEXT_SQL, needle);
    return {
      sql: `EXISTS (SELECT 1 FROM search_doc_ids d WHERE d.key = k.initiative_id AND d.field IN (${fieldListSql(fields)})
      AND ${check.sql})`,
      params: check.params,
    };
  });
}

/** Each token's entries in the search index as counted (up to `upTo`; `n` below it is exact),
 *  per connection, at a change stamp. */
const MAX_TOKENS_KNOWN = 256;
const tokenCounts = keptPerStamp<{ n: number; upTo: number }>(MAX_TOKENS_KNOWN);

/** At most how many documents the index could name as candidates for the most selective text
 *  condition: the fewest entries of any one of its tokens, each counted up to `cap` (one term's
 *  entries read in rowid order, no join, stopping at the cap). A bound on what filling the hit
 *  set would read; counting the conjunction itself cost as much again as collecting a rare
 *  term's hits (its common tokens skipped through). A condition with no indexable character has
 *  every document of its fields as a candidate. Given `below`, every token is counted up to it
 *  first, and only when none is under it up to `cap`: the same answer.
 *
 *  Each token's count is kept while nothing is written (the change stamp; not inside a write
 *  transaction, which a rollback could take back): it is a fact of the index, as the rows
 *  counted in query.ts's settled state are, and every page of a search asks it again. At 100k
 *  initiatives 低空's 17,500 entries cost about 0.9 ms of CPU to count up to the cap, every page
 *  of it (a deep page's whole is about 20). */
export function fewestCandidates(db: Db, search: string, text: TableFilters['text'], cap: number, below = 0): number {
  const count = prepared(db, 'SELECT count(*) AS n FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT ?)');
  const tokens = textNeedles(search, text).flatMap(({ needle }) => matchExpression(needle)?.match.match(/"(?:[^"]|"")*"/g) ?? []);
  const known = tokenCounts.at(db);
  /** The token's entries up to `limit`: as kept when the count kept answers it. */
  const entries = (token: string, limit: number): number => {
    const kept = known?.get(token);
    if (kept && (kept.n < kept.upTo || limit <= kept.upTo)) return Math.min(kept.n, limit);
    const n = (count.get(token, limit) as { n: number }).n;
    known?.set(token, { n, upTo: limit });
    return n;
  };
  const fewestUpTo = (limit: number) => {
    let fewest = limit;
    for (const token of tokens) {
      fewest = Math.min(fewest, entries(token, fewest));
      if (fewest === 0) return 0;
    }
    return fewest;
  };
  // Every token counted up to `below` first: a rare term's first token is often common (投资 of
  // 投资873亿元), and counting it up to the cap cost half of the rare term's page at 100k
  // initiatives (2 of 4 ms counting, the whole page 8); any token under `below` answers.
  if (below > 0 && below < cap) {
    const few = fewestUpTo(below);
    if (few < below) return few;
  }
  return fewestUpTo(cap);
}

/** Whether temp.table_hits holds these text conditions now, as fillHits left them. */
export function hitsHeld(db: Db, search: string, text: TableFilters['text']): boolean {
  const parts = textConditions(search, text);
  if (parts.length === 0) return false;
  const held = heldNow(db);
  return held?.conditions === JSON.stringify(parts) && held.stamp === changeStamp(db);
}

/** What the set holds now: its conditions and the change stamp they were resolved at, or
 *  undefined when it holds nothing (or its tables are not there: never created on this
 *  connection, or created in a transaction that was rolled back). */
function heldNow(db: Db): { conditions: string; stamp: string } | undefined {
  try {
    return prepared(db, 'SELECT conditions, stamp FROM temp.table_hits_of').get() as { conditions: string; stamp: string } | undefined;
  } catch (error) {
    if (!(error instanceof Error && /no such table/.test(error.message))) throw error;
    for (const sql of CREATE) db.exec(sql);
    return undefined;
  }
}

/** The last text conditions built (textConditions, and their text as table_hits_of keeps
 *  it), by the search and text filters they were built from: a page's menus ask for the same
 *  ones, request after request, and building them (normalizing, splitting into the index's
 *  terms, writing the SQL) cost a tenth of a small library's menu. */
let lastConditions: { key: string; parts: KeyQuery[]; conditions: string } | undefined;

function conditionsOf(search: string, text: TableFilters['text']): { parts: KeyQuery[]; conditions: string } {
  const key = JSON.stringify([search, text ?? null]);
  if (lastConditions?.key !== key) {
    const parts = textConditions(search, text);
    lastConditions = { key, parts, conditions: JSON.stringify(parts) };
  }
  return lastConditions;
}

/** Fills temp.table_hits with the ids meeting every text condition; false when there are none
 *  (then the query has no text restriction and the set is not used). Kept as it is when it
 *  already holds these conditions and nothing was written since. One condition's keys go
 *  in sorted, a key met again ignored by the table's key (a DISTINCT, which sorts and
 *  compares them once more, cost about a tenth more: 677 against 626 ms for 数 at 1M); several
 *  are intersected. Its own writes are not counted as changes (countOwnTempWrites). */
export function fillHits(db: Db, search: string, text: TableFilters['text']): boolean {
  const { parts, conditions } = conditionsOf(search, text);
  if (parts.length === 0) return false;
  const stamp = changeStamp(db);
  const held = heldNow(db);
  if (held?.conditions === conditions && held.stamp === stamp) return true;
  // One condition's keys go in sorted: inserted in the documents' order (by score) they land
  // all over the set's B-tree; sorted first, each goes next to the one before (at 1M 数's
  // 809,000 documents 767 → 626 ms of CPU, 低空's 240 → 150; the lead unit's documents, written
  // in key order already, the same). An INTERSECT gives its keys sorted.
  const select = parts.length === 1 ? `SELECT d.key ${parts[0]!.sql} ORDER BY d.key` : parts.map((p) => `SELECT d.key ${p.sql}`).join(' INTERSECT ');
  countOwnTempWrites(
    db,
    prepared(db, 'DELETE FROM temp.table_hits_of').run().changes +
      prepared(db, 'DELETE FROM temp.table_hits').run().changes +
      prepared(db, `INSERT OR IGNORE INTO temp.table_hits (id) ${select}`).run(...parts.flatMap((p) => p.params)).changes +
      prepared(db, 'INSERT INTO temp.table_hits_of (conditions, stamp) VALUES (?, ?)').run(conditions, stamp).changes,
  );
  return true;
}

/** Lets the next query find its hits again, whatever the set holds (forgetKept). */
export function forgetHits(db: Db): void {
  heldNow(db);
  countOwnTempWrites(db, prepared(db, 'DELETE FROM temp.table_hits_of').run().changes);
}
