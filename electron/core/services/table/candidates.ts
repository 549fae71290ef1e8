// A selective search's page from the index's candidates, without collecting its hits. Its
// term has too few candidates for a walk of the order's index (a hit every few hundred rows:
// thousands of rows tested for a page), and collecting read and checked the text of every
// candidate, wrote each hit into temp.table_hits and looked each up twice more (count, page):
// at a million initiatives 脑机接口's 5,182 candidates cost about 150 ms of CPU, most of it
// their texts' pages read again after the page cache had dropped them. The page needs none
// of that: the candidates' keys (the index alone, no text read) are put in the query's order,
// and their texts are checked in that order until the page is full (about a page of them when
// most candidates are hits). The total counts the candidates in scope and checks a sample of
// them (candidate number ⌊j·n/m⌋ for j < m: spread along the order, so every plan is sampled
// alike), m doubled until the sample holds `sampleHits` hits: the estimate (the sample's share
// of hits times the candidates) has a relative standard error of at most 1/√sampleHits (5%).
// Exact instead: a term the index answers alone (its candidates are its hits), few candidates
// (each checked), a sample that came to check every candidate, a page that ran out of
// candidates; a deep page (more checks than pageChecks) and a page at or past the estimated
// end take the hit set, as facets, groups and exactTotal do.
import type { TablePage, TableQuery } from '../../../../shared/domain/table';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { candidateKeysSql } from './hits';
import { keptPerStamp } from './plans';
import { fromOf, whereOf, type OrderBy, type RowScope } from './query-sql';
import { readRows } from './rows';

/** The thresholds of the candidates' page; tests lower them to sample in a small corpus. */
export const CANDIDATE_TUNING = {
  /** A term whose rarest token is in fewer documents than this is collected: it has at most
   *  that many candidates, and checking, writing and counting them costs about what sorting
   *  and checking them does (at 100k initiatives 脑机接口, 1,016: about 8 against 10 ms of CPU),
   *  and leaves the hit set to the facet menus. */
  collectBelow: 2_000,
  /** Candidates in scope up to this many are each checked: the total is exact. */
  exactCandidates: 1_000,
  /** The sample grows until it holds this many hits (or checks every candidate). */
  sampleHits: 400,
  /** A page that would check more candidates than this (a deep page) takes the hit set. */
  pageChecks: 2_000,
};

/** A query's candidates in order, what is known of each, and the total once sampled. */
interface Candidates {
  ids: string[];
  /** Each candidate's candidate documents (a JSON array of their ids). */
  docs: string[];
  /** Candidate id → whether it is a hit, for those checked so far. */
  checked: Map<string, boolean>;
  total?: { total: number; exact: boolean };
}

const MAX_KEPT = 4;
const kept = keptPerStamp<Candidates>(MAX_KEPT);

/** Forgets the candidates kept (forgetKept: a page timed as if first asked). */
export const forgetCandidates = kept.forget;

/** The ids of the candidates in scope in the query's order: the keys the index names joined
 *  to their sort keys (CROSS JOIN: the candidates drive, never the order's index), each with
 *  its candidate documents. */
export function candidatesSql(scope: RowScope, order: OrderBy, keys: { sql: string; params: unknown[] }): { sql: string; params: unknown[] } {
  const where = whereOf({ ...scope, tests: undefined, hits: false });
  const from = fromOf(where.usesState || order.usesState, order.textJoins, order.planRanks).replace(
    'FROM initiative_sort_keys k',
    `FROM (${keys.sql}) c CROSS JOIN initiative_sort_keys k ON k.initiative_id = c.key`,
  );
  return { sql: `SELECT k.initiative_id AS id, c.docs AS docs ${from} ${where.sql} ${order.sql}`, params: [...keys.params, ...where.params, ...order.params] };
}

/** The sample's candidate indexes at size m of n: ⌊j·n/m⌋ for j < m (m ≥ n: every one). A
 *  sample of 2m holds the one of m (its even j), so a growing sample only adds checks. */
export function sampleIndexes(n: number, m: number): number[] {
  if (m >= n) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: m }, (_, j) => Math.floor((j * n) / m));
}

/** The total of a query's candidates: exact when the index answers alone or every candidate is
 *  checked, else the sample's share of hits times the candidates (see the file's comment). */
export function candidateTotal(n: number, exact: boolean, isHit: (indexes: number[]) => boolean[]): { total: number; exact: boolean } {
  if (exact) return { total: n, exact: true };
  let m = n <= CANDIDATE_TUNING.exactCandidates ? n : CANDIDATE_TUNING.sampleHits;
  for (;;) {
    const indexes = sampleIndexes(n, m);
    const hits = isHit(indexes).filter(Boolean).length;
    if (m >= n) return { total: hits, exact: true };
    if (hits >= CANDIDATE_TUNING.sampleHits) return { total: Math.round((hits / m) * n), exact: false };
    m *= 2;
  }
}

/** The page of a search answered from its candidates (scope with its tests), or null when the
 *  hit set should answer it (a deep page, a page at or past the estimated end). */
export function candidatePage(db: Db, query: TableQuery, scope: RowScope, order: OrderBy): Pick<TablePage, 'rows' | 'total' | 'totalExact'> | null {
  // A term the index answers alone (one or two characters) is collected: no text to read, and
  // its hits written and counted cost less than its candidates sorted whole (at 100k
  // initiatives 低空's 17,500: about 24 against 44 ms of CPU).
  const keys = candidateKeysSql(query.search, query.filters.text);
  if (!keys || keys.exact || !scope.tests?.length) return null;
  const c = candidatesOf(db, scope, order, keys);
  // A candidate's documents are checked as collecting checks them (hasNeedleSql), only those
  // the index named: testing the row (textTests) would read each of its fields' texts.
  const checkSql = `SELECT DISTINCT d.key AS id FROM json_each(?) j CROSS JOIN search_doc_ids d ON d.id = j.value WHERE ${keys.check.sql}`;
  /** Whether each candidate (by index) is a hit, checking those not checked yet in one statement. */
  const check = (indexes: number[]): boolean[] => {
    const unknown = indexes.filter((i) => !c.checked.has(c.ids[i]!));
    if (unknown.length) {
      const docs = `[${unknown.map((i) => c.docs[i]!.slice(1, -1)).join(',')}]`;
      const pass = new Set((prepared(db, checkSql).all(docs, ...keys.check.params) as { id: string }[]).map((r) => r.id));
      for (const i of unknown) c.checked.set(c.ids[i]!, pass.has(c.ids[i]!));
    }
    return indexes.map((i) => c.checked.get(c.ids[i]!)!);
  };
  c.total ??= candidateTotal(c.ids.length, false, check);

  const end = query.offset + query.limit;
  if (!c.total.exact && end >= c.total.total) return null;
  // The page: candidates checked in order until `end` hits are passed, a batch at a time.
  const page: string[] = [];
  let found = 0;
  let next = 0;
  while (found < end && next < c.ids.length) {
    const batch = Array.from({ length: Math.min(c.ids.length - next, Math.max(16, end - found)) }, (_, i) => next + i);
    if (next + batch.length > CANDIDATE_TUNING.pageChecks && !c.total.exact) return null;
    const hit = check(batch);
    for (let i = 0; i < batch.length && found < end; i++, next++) {
      if (!hit[i]) continue;
      if (found >= query.offset) page.push(c.ids[batch[i]!]!);
      found++;
    }
  }
  const rows = readRows(db, page);
  // Every candidate checked up to the end: the hits end here, whatever the estimate said.
  if (found < end) return { rows, total: found, totalExact: true };
  return { rows, total: c.total.total, totalExact: c.total.exact };
}

/** The query's candidates, kept while nothing is written (its next pages, the page asked again). */
function candidatesOf(db: Db, scope: RowScope, order: OrderBy, keys: { sql: string; params: unknown[] }): Candidates {
  const statement = candidatesSql(scope, order, keys);
  return kept.get(db, JSON.stringify([statement.sql, statement.params, scope.tests]), () => {
    const rows = prepared(db, statement.sql).all(...statement.params) as { id: string; docs: string }[];
    return { ids: rows.map((r) => r.id), docs: rows.map((r) => r.docs), checked: new Map() };
  });
}
