// A search page without collecting every hit. Filling temp.table_hits costs one insert per
// hit and the count one lookup per hit: at a million initiatives a common term (a sixth of the
// rows) took seconds before the first row. The first page needs none of that: it walks the
// order's index and tests each row against the text conditions (hits.ts textTests) until the
// page is full, and the total is estimated from a sample spread over all rows, shown as
// "about N" (totalExact false) as search everywhere does. A rarer term is answered from its
// candidates (candidates.ts), a rare one keeps the hit set: its few hits are found by the index
// at once and sorted, and their count is exact.
//
// What stays exact: a page always holds exactly the rows the hit set would give (the tests are
// the same conditions); a page that ends the rows gives the exact total (its offset plus its
// rows); a page reaching the estimated end, a walk that would test too many rows, and a query
// asking for the exact total (exactTotal) take the hit set, as do facets and groups.
import type { TablePage, TableQuery } from '../../../../shared/domain/table';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { candidateKeysSql, fewestCandidates, hitsHeld, textTests } from './hits';
import { keptPerStamp } from './plans';
import { CANDIDATE_TUNING } from './candidates';
import { countSql, fromOf, pageRowsSql, whereOf, type RowScope } from './query-sql';
import { toRows } from './rows';

/** The thresholds of the choice; tests lower them to make the walk stop early in a small corpus. */
export const WALK_TUNING = {
  /** A condition whose term has fewer candidate documents than this is collected: at 100k
   *  initiatives 17,500 hits cost about 25 ms of CPU to collect, sort and count, a sample and a
   *  walk about as much; at 1M collecting grows tenfold and the walk stays. */
  candidates: 30_000,
  /** Fewer, a term is walked still when its rarest token is in at least this share of the rows:
   *  at 100k initiatives 低空经济 (18,087 documents, 17,492 hits) cost about 21 ms of CPU
   *  walked, 58 from its candidates (candidates.ts), 125 collected; 低空 (answered by the index
   *  alone, 17,500 hits) 16 walked, 27 collected. */
  dense: 0.1,
  /** In-scope rows a sample aims to test (at a sixth matching, the estimate's standard error is
   *  about 7%; each test costs about 25 µs of CPU). */
  sample: 1_000,
  /** At most this many rows looked up for a sample (a narrow scope is sampled thinner). */
  samplePoints: 30_000,
  /** Consecutive rowids sampled together (samplePoints). */
  run: 10,
  /** A scope of at most this many rows is counted exactly by testing each. */
  exactRows: 3_000,
  /** A walk expected to test more rows than this (a deep page, a term rare in the scope) takes
   *  the hit set instead. */
  walkTests: 20_000,
};

export interface HitEstimate {
  /** Rows in scope with the text conditions (estimated unless exact). */
  total: number;
  exact: boolean;
  /** Rows in scope per hit, as the sample found (Infinity: the sample found none). */
  rowsPerHit: number;
}

/** The sample's points: `count` rowids of initiatives in runs of `run` consecutive ones, a run
 *  every `step` rowids from `first` (the n-th point: first + floor(n / run) × step + n mod run).
 *  Runs rather than single rows: neighbours in import order share their pages (the row, its
 *  documents' keys, its text), so at a million initiatives a sample read a third of the pages
 *  and took a third of the time; every plan is still sampled alike. The bench's floor and the
 *  tests draw the same points. */
export function samplePoints(maxRowid: number, allRows: number, scopeRows: number): { first: number; step: number; count: number; run: number } {
  const wanted = Math.min(WALK_TUNING.samplePoints, Math.ceil((WALK_TUNING.sample * allRows) / Math.max(1, scopeRows)));
  const run = WALK_TUNING.run;
  const runs = Math.max(1, Math.ceil(wanted / run));
  const step = Math.max(run, Math.floor(maxRowid / runs));
  const first = 1 + Math.floor((step - run) / 2);
  return { first, step, run, count: Math.min(runs * run, Math.max(0, maxRowid - first + 1)) };
}

const MAX_ESTIMATES = 16;
const estimates = keptPerStamp<HitEstimate>(MAX_ESTIMATES);

/** Forgets the estimates kept (forgetKept: a page timed as if first asked). */
export const forgetEstimates = estimates.forget;

const run = (db: Db, statement: { sql: string; params: unknown[] }) => prepared(db, statement.sql).get(...statement.params) as Record<string, number>;

/**
 * The number of rows in scope meeting the text conditions: exact for a small scope (each row
 * tested), else the share of hits among the scope's rows at evenly spaced rowids of initiatives
 * (import order: every plan sampled alike) times the rows in scope. Kept while nothing is
 * written, so every page of the search shows the same estimate.
 */
export function estimateHits(db: Db, scope: RowScope): HitEstimate {
  return estimates.get(db, JSON.stringify([scope.planId, scope.filters, scope.trashedPlans, scope.tests]), () => sampledEstimate(db, scope));
}

function sampledEstimate(db: Db, scope: RowScope): HitEstimate {
  const plain: RowScope = { ...scope, tests: undefined };
  const scopeRows = run(db, countSql(plain)).n!;
  let estimate: HitEstimate;
  if (scopeRows <= WALK_TUNING.exactRows) {
    const total = run(db, countSql(scope)).n!;
    estimate = { total, exact: true, rowsPerHit: total === 0 ? Infinity : scopeRows / total };
  } else {
    // Every initiative's rows, as kept counted by plan (migration 0015): a count(*) of
    // initiatives read an index of every row, at 1M about 33 ms of CPU warm (150 cold) of a
    // walked first page's 50.
    const { n: allRows, top } = run(db, {
      sql: 'SELECT (SELECT ifnull(sum(n), 0) FROM initiative_plan_totals) AS n, (SELECT max(rowid) FROM initiatives) AS top',
      params: [],
    });
    const points = samplePoints(top!, allRows!, scopeRows);
    const where = whereOf(plain);
    const tests = scope.tests ?? [];
    const from = fromOf(where.usesState).replace('FROM initiative_sort_keys k', 'FROM pts CROSS JOIN initiatives i ON i.rowid = ? + (pts.n / CAST(? AS INTEGER)) * ? + pts.n % CAST(? AS INTEGER) CROSS JOIN initiative_sort_keys k ON k.initiative_id = i.id');
    const sample = run(db, {
      sql: `WITH RECURSIVE pts(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM pts LIMIT ?)
        SELECT count(*) AS n, coalesce(sum(${tests.map((t) => t.sql).join(' AND ') || '1'}), 0) AS h ${from} ${where.sql}`,
      params: [points.count, ...tests.flatMap((t) => t.params), points.first, points.run, points.step, points.run, ...where.params],
    });
    const n = sample.n!;
    const h = sample.h!;
    if (points.step === points.run && points.first === 1 && points.count >= top!) estimate = { total: h, exact: true, rowsPerHit: h === 0 ? Infinity : scopeRows / h };
    else estimate = { total: n === 0 ? 0 : Math.round((h / n) * scopeRows), exact: false, rowsPerHit: h === 0 ? Infinity : n / h };
  }
  return estimate;
}

/** How a query's search is answered without collecting its hits, with the text tests of its
 *  rows: `walk` when some condition's term is common, or dense among the `rows` (the order's
 *  index walked), else from its
 *  candidates (candidates.ts); undefined when the hit set answers (it is held, the term is
 *  rare, or facets, groups or the exact total are asked for). */
export function searchPlan(db: Db, query: TableQuery, rows: () => number): { tests: ReturnType<typeof textTests>; walk: boolean } | undefined {
  if (query.exactTotal || query.facets !== false || query.groupBy) return undefined;
  const tests = textTests(query.search, query.filters.text);
  if (tests.length === 0 || hitsHeld(db, query.search, query.filters.text)) return undefined;
  // A page ending past as many rows as a walk may test (it tests at least a row per hit) and as
  // many candidates as a page may check (candidates.ts) is the hit set's: a walk or the
  // candidates gave it up after their estimate or sample, but for an empty scope or a page
  // past the end of a few hits, which the hit set gives alike. At 1M initiatives 低空's middle
  // page counted its term's entries and sampled a thousand rows for nothing.
  if (query.offset + query.limit > Math.max(WALK_TUNING.walkTests, CANDIDATE_TUNING.pageChecks)) return undefined;
  const fewest = fewestCandidates(db, query.search, query.filters.text, WALK_TUNING.candidates, CANDIDATE_TUNING.collectBelow);
  if (fewest < CANDIDATE_TUNING.collectBelow) return undefined;
  if (fewest >= WALK_TUNING.candidates) return { tests, walk: true };
  const keys = candidateKeysSql(query.search, query.filters.text);
  // A term the index answers alone (one or two characters) and not walked is collected: its
  // candidates are its hits (candidates.ts collects them too), so the hit set answers at once,
  // without building the candidates' scope first.
  if (keys?.exact && fewest < WALK_TUNING.dense * rows()) return undefined;
  if (keys === null || fewest < WALK_TUNING.dense * rows()) return { tests, walk: false };
  if (!keys.exact) return { tests, walk: true };
  // A term the index answers alone, dense: walked too when nothing but the plans limits the
  // rows and the page is near the top, its hits collected otherwise (at 100k initiatives 低空,
  // 17,500 hits, a first page: about 16 ms of CPU walked against 27 collected; under a status,
  // or deep, the walk tested many more rows, or paid the sample before collecting: 34 → 70–160
  // ms).
  const f = query.filters;
  const alone = !f.statuses?.length && !f.priorities?.length && !f.tags?.length;
  return alone && (query.offset + query.limit) * rows() <= WALK_TUNING.walkTests * fewest ? { tests, walk: true } : undefined;
}

/** The page of a walked search (scope with its tests), or null when the hit set should answer
 *  it: a walk expected to test too many rows, a page at or past the estimated end. `sortFree`
 *  says whether SQLite runs the walk off the order's index (no sort step). */
export function walkedPage(
  db: Db,
  query: TableQuery,
  scope: RowScope,
  order: Parameters<typeof pageRowsSql>[1],
  sortFree: (statement: { sql: string; params: unknown[] }) => boolean,
): Pick<TablePage, 'rows' | 'total' | 'totalExact'> | null {
  const walk = pageRowsSql(scope, order, { offset: query.offset, limit: query.limit }, 'walk');
  if (!sortFree(walk)) return null;
  const estimate = estimateHits(db, scope);
  const end = query.offset + query.limit;
  if (estimate.exact && estimate.total === 0) return { rows: [], total: 0, totalExact: true };
  if (end * estimate.rowsPerHit > WALK_TUNING.walkTests) return null;
  if (!estimate.exact && end >= estimate.total) return null;
  const rows = toRows(prepared(db, walk.sql).all(...walk.params));
  // The walk ran out of rows: they end here, whatever the estimate said.
  if (rows.length < query.limit && (rows.length > 0 || query.offset === 0)) return { rows, total: query.offset + rows.length, totalExact: true };
  if (rows.length === 0) return null;
  return { rows, total: estimate.total, totalExact: estimate.exact };
}
