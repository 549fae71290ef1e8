// A default-order page of a search for a term the index answers alone (one or two indexable
// characters), read off initiative_search (search/initiative-index.ts): its rowids are the
// initiatives' places in the default order, so the term's doclist is its hits already in page
// order. The total is the doclist counted; the page an offset in it. The plans a query leaves
// out (the trash, superseded versions) are ranges of rowids: the doclist is counted and read
// between them. No hit's key looked up, sorted or put in a set: at a million initiatives that
// was most of a common term's deep page (数's middle about 0.8 s of CPU).
//
// Only this: the default order, no condition but the search and the plans left out, no facets
// or groups (those take the hit set), the hit set not already held (a deep page then counts off
// it at once), nothing waiting in initiative_search_stale (queryTable rewrites it first).
import type { TablePage, TableQuery } from '../../../../shared/domain/table';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { normalizeForSearch } from '../../search/normalize';
import { matchExpression } from '../../search/tokens';
import { initiativeSearchStale, PLAN_SLOTS } from '../../search/initiative-index';
import { hitsHeld } from './hits';
import { keptPerStamp } from './plans';
import { readRows } from './rows';

/** With more plans left out than this, today's path (each range is a count of its own). */
const MAX_HIDDEN_RANGES = 64;
/** Above every slot (search/initiative-index.ts keeps them below 2^53). */
const NO_SLOT = 2n ** 62n;

/** The index's MATCH for a query this path answers, or null (see the file's comment). */
export function slottedMatch(query: TableQuery): string | null {
  if (query.facets !== false || query.groupBy || query.sort.length > 0 || query.planId !== undefined) return null;
  const f = query.filters;
  if (f.planIds?.length || f.themeIds?.length || f.statuses?.length || f.priorities?.length || f.tags?.length) return null;
  if (Object.values(f.text ?? {}).some((v) => v !== undefined && normalizeForSearch(v) !== '')) return null;
  const needle = normalizeForSearch(query.search);
  if (needle === '') return null;
  const expr = matchExpression(needle);
  return expr?.exact ? expr.match : null;
}

/** Live ranges of rowids (between the left-out plans' ranges) and the term's entries in each. */
interface Counted {
  ranges: { from: bigint; to: bigint; n: number }[];
  total: number;
}

/** Each term's counts, kept while nothing is written (plans.ts keptPerStamp): the next deep
 *  page of the same search reads no count. */
const kept = keptPerStamp<Counted | null>(16);

/** Forgets the counts kept (forgetKept: a page timed as if first asked). */
export function forgetSlottedCounts(db: Db): void {
  kept.forget(db);
}

/** The term's entries between the left-out plans' ranges (kept). Null with too many ranges. */
function counted(db: Db, match: string, hidden: readonly string[]): Counted | null {
  return kept.get(db, JSON.stringify([match, hidden]), () => count(db, match, hidden));
}

function count(db: Db, match: string, hidden: readonly string[]): Counted | null {
  const bases = hidden.length
    ? (prepared(db, 'SELECT base FROM initiative_search_plans WHERE plan_id IN (SELECT value FROM json_each(?)) ORDER BY base').pluck().all(JSON.stringify(hidden)) as number[])
    : [];
  if (bases.length > MAX_HIDDEN_RANGES) return null;
  const count = prepared(db, 'SELECT count(*) AS n FROM initiative_search WHERE initiative_search MATCH ? AND rowid >= ? AND rowid < ?').pluck();
  const ranges: Counted['ranges'] = [];
  let from = 0n;
  for (const to of [...bases.map((b) => BigInt(b * PLAN_SLOTS)), NO_SLOT]) {
    if (to > from) ranges.push({ from, to, n: count.get(match, from, to) as number });
    from = to + BigInt(PLAN_SLOTS);
  }
  return { ranges, total: ranges.reduce((n, r) => n + r.n, 0) };
}

/** The page of a query this path answers (slottedMatch), or null: not such a query, the index
 *  waiting for a rewrite, the hit set held, or too many plans left out. */
export function slottedPage(db: Db, query: TableQuery, hidden: readonly string[]): Pick<TablePage, 'rows' | 'total' | 'totalExact'> | null {
  const match = slottedMatch(query);
  if (match === null || hitsHeld(db, query.search, query.filters.text) || initiativeSearchStale(db)) return null;
  const counts = counted(db, match, hidden);
  if (!counts) return null;
  const page = prepared(
    db,
    'SELECT rowid FROM initiative_search WHERE initiative_search MATCH ? AND rowid >= ? AND rowid < ? ORDER BY rowid LIMIT ? OFFSET ?',
  ).pluck();
  const slots: number[] = [];
  let skip = query.offset;
  for (const r of counts.ranges) {
    if (slots.length >= query.limit) break;
    if (skip >= r.n) {
      skip -= r.n;
      continue;
    }
    slots.push(...(page.all(match, r.from, r.to, query.limit - slots.length, skip) as number[]));
    skip = 0;
  }
  const ids =
    slots.length === 0
      ? []
      : (prepared(db, 'SELECT s.initiative_id FROM json_each(?) j JOIN initiative_search_slots s ON s.slot = j.value ORDER BY j.key').pluck().all(JSON.stringify(slots)) as string[]);
  return { rows: readRows(db, ids), total: counts.total, totalExact: true };
}
