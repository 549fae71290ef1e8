// table.query and table.rows: sorting, filtering, grouping and paging run in SQL (see
// query-sql.ts); this module resolves the text conditions, runs the statements in one read
// transaction (a consistent snapshot) and shapes the page.
import { AppError } from '../../../../shared/api/result';
import type { FacetCount, FacetList, InitiativeRow, StatusOption, TableGroup, TablePage, TableQuery } from '../../../../shared/domain/table';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { refreshInitiativeSortKeys, sortKeysStale } from '../../collation/initiative-sort-keys';
import { EMPTY_RANK } from '../../collation/collators';
import { rankMissingTextSortKeys, textSortKeysMissing } from '../../collation/text-sort-keys';
import { readStatusOptions } from '../status-options';
import { fillHits, forgetHits } from './hits';
import { computeFacets, facetList, type FacetListing } from './facets';
import { groupLayout, pageGroups, type GroupLayout } from './groups';
import { countSql, hasTestedConditions, orderByOf, pageRowsSql, pageSql, type FacetName, type OrderBy, type PageForm, type RowScope } from './query-sql';
import { trashedPlanIds } from '../library/trash';
import { supersededPlanIds } from '../versions/lineage';
import { ensurePlanRanks, keptPerStamp, withOneStamp } from './plans';
import { readRows, toRows } from './rows';
import { forgetEstimates, searchPlan, walkedPage } from './walk';
import { candidatePage, forgetCandidates } from './candidates';
import { countedSkipStatement, forgetHitCounts, hitsAlone, hitsByPlan, inPlanOrder, runSkipStatement, skipStatement, SKIP_TUNING } from './skip';
import { readerSegments, segmentedPage } from './reader-sort';
import { inWriteTransaction, readTransaction } from '../../db/transaction';
import { forgetSlottedCounts, slottedMatch, slottedPage } from './slotted';
import { initiativeSearchFewStale, initiativeSearchStale, refreshInitiativeSearch } from '../../search/initiative-index';

/** Query fields that choose and order rows (everything but paging). */
export type RowQuery = Omit<TableQuery, 'offset' | 'limit'>;

/**
 * Whether a query's rows may come from more than one plan. Its plan filter or theme filter may
 * already keep it to one (a theme's id starts with its plan's id): then the order needs no plan
 * term, and the theme index still gives the order without a sort.
 */
function spansPlans(query: RowQuery): boolean {
  if (query.planId !== undefined) return false;
  const { planIds, themeIds } = query.filters;
  if (planIds?.length && new Set(planIds).size === 1) return false;
  if (themeIds?.length && new Set(themeIds.map((id) => id.slice(0, id.indexOf('/')))).size === 1) return false;
  return true;
}

/** What every query reads besides its arguments: the status options and the plans in the trash
 *  or superseded. Read again only after a write (changeStamp), so a page of an unchanged
 *  database spends its statements on its rows. */
interface Settled {
  statusOptions: StatusOption[];
  trashed: string[];
  superseded: string[];
  /** Every sort key had its ranks, and every typed text in use its rank, when last checked under this stamp. */
  ranked?: boolean;
  /** Rows of initiative_sort_keys (when some query needed it): what a walk may have to test. */
  rows?: number;
  /** By rank column: whether some row has the empty text's rank there (orderByOf). */
  emptyRanks?: Map<string, boolean>;
  /** By column (status, priority): the values some row has, null past MAX_VALUES_IN_USE. */
  inUse?: Map<string, ReadonlySet<string> | null>;
}

/** At most this many values of a status or priority are looked up (one seek each). */
const MAX_VALUES_IN_USE = 64;

/** The statuses or priorities some row of initiative_sort_keys has (their copies, migration
 *  0014): one seek per distinct value in the column's index, known while nothing is written.
 *  Undefined with more than MAX_VALUES_IN_USE of them. A sort by the column reads no segment for
 *  a value no row has (reader-sort.ts): each cost a statement. */
function valuesInUse(db: Db, known: Settled, column: 'status' | 'priority'): ReadonlySet<string> | undefined {
  known.inUse ??= new Map();
  let values = known.inUse.get(column);
  if (values === undefined) {
    const found = prepared(
      db,
      `WITH RECURSIVE v(x) AS (
         SELECT min(${column}) FROM initiative_sort_keys
         UNION ALL SELECT (SELECT min(${column}) FROM initiative_sort_keys WHERE ${column} > v.x) FROM v WHERE v.x IS NOT NULL)
       SELECT x FROM v WHERE x IS NOT NULL LIMIT ?`,
    )
      .pluck()
      .all(MAX_VALUES_IN_USE + 1) as string[];
    values = found.length > MAX_VALUES_IN_USE ? null : new Set(found);
    known.inUse.set(column, values);
  }
  return values ?? undefined;
}

/** Whether some row of initiative_sort_keys has the empty text's rank in this rank column (one
 *  seek in its index), known while nothing is written. */
function hasEmptyRank(db: Db, known: Settled, column: string): boolean {
  if (!/^(headline|theme)_(pinyin|stroke)$/.test(column)) throw new Error(`not a rank column: ${column}`);
  known.emptyRanks ??= new Map();
  let empty = known.emptyRanks.get(column);
  if (empty === undefined) {
    empty = (prepared(db, `SELECT EXISTS (SELECT 1 FROM initiative_sort_keys WHERE ${column} = ?) AS e`).get(EMPTY_RANK) as { e: number }).e === 1;
    known.emptyRanks.set(column, empty);
  }
  return empty;
}
const settledKept = keptPerStamp<Settled>(1);

/** The plans of these ids that still have their content: a purged plan stays in the trash
 *  without rows to leave out, and a condition on it would cost every query a test per row. */
function withContent(db: Db, planIds: string[]): string[] {
  if (planIds.length === 0) return planIds;
  return (prepared(db, 'SELECT id FROM plans WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(planIds)) as { id: string }[]).map(
    (p) => p.id,
  );
}

function settled(db: Db): Settled {
  return settledKept.get(db, 'settled', () => ({
    statusOptions: readStatusOptions(db),
    trashed: withContent(db, trashedPlanIds(db)),
    superseded: supersededPlanIds(db),
  }));
}

/** Plans a query leaves out: those in the trash, and versions superseded by a newer one unless
 *  the query names them (the reader picked that version). */
function hiddenPlans(known: Settled, query: RowQuery): string[] {
  const picked = new Set([query.planId, ...(query.filters.planIds ?? [])]);
  return [...known.trashed, ...known.superseded.filter((id) => !picked.has(id))];
}

const sortsByPlan = (query: RowQuery) => query.sort.some((s) => s.column === 'plan');

/** The scope and order of a query, after resolving its text conditions into temp.table_hits
 *  (or, given `tests`, with its text conditions tested row by row: walk.ts). */
export function prepareQuery(db: Db, query: RowQuery, ids?: readonly string[], tests?: RowScope['tests']) {
  const { scope, statusOptions, known } = scopeOf(db, query, ids, tests);
  if (sortsByPlan(query)) ensurePlanRanks(db);
  const order = orderByOf(query.sort, query.collation, query.groupBy, statusOptions.map((o) => o.key), spansPlans(query), (column) =>
    hasEmptyRank(db, known, column),
  );
  return { scope, order, statusOptions };
}

/** The rows a query is about (its scope, prepareQuery's without the order): its text
 *  conditions resolved into temp.table_hits. */
function scopeOf(db: Db, query: RowQuery, ids?: readonly string[], tests?: RowScope['tests']) {
  const known = settled(db);
  const { statusOptions } = known;
  const hits = ids || tests ? false : fillHits(db, query.search, query.filters.text);
  // A selection is exported whole: its ids decide the rows, the query only their order.
  const scope: RowScope = ids
    ? { filters: {}, hits: false, ids }
    : { planId: query.planId, filters: query.filters, hits, trashedPlans: hiddenPlans(known, query), ...(tests ? { tests } : {}) };
  return { scope, statusOptions, known };
}

const MAX_PLANS_KNOWN = 256;
const sortFree = new WeakMap<Db, Map<string, boolean>>();

/** A step sorting the rows of the statement, whole or the terms after those an index gives (each
 *  run of rows equal in those sorted apart); a json_group_array's ORDER BY does not count. */
const SORT_STEP = /^USE TEMP B-TREE FOR (RIGHT PART OF |LAST TERM OF |LAST \d+ TERMS OF )?ORDER BY$/;
/** A step sorting every row of the statement at once. */
const WHOLE_SORT_STEP = /^USE TEMP B-TREE FOR ORDER BY$/;

/** Whether SQLite runs a statement without a sort step (its order from an index), by EXPLAIN
 *  QUERY PLAN, once per statement text: the plan depends on the text, not on the values bound.
 *  Where: at its top (`top`), anywhere (the picked page of a nested form too), or anywhere but
 *  its top (`inner`: a skipped page counted from the end sorts its own rows back at the top;
 *  `whole`: the same, but runs of equal leading terms sorted one by one are allowed). */
function withoutSort(db: Db, statement: { sql: string; params: unknown[] }, where: 'top' | 'anywhere' | 'inner' | 'whole' = 'top'): boolean {
  let known = sortFree.get(db);
  if (!known) sortFree.set(db, (known = new Map()));
  const key = `${where} ${statement.sql}`;
  let free = known.get(key);
  if (free === undefined) {
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.params) as { parent: number; detail: string }[];
    const counted = (parent: number) => (where === 'top' ? parent === 0 : where === 'inner' || where === 'whole' ? parent !== 0 : true);
    const sorting = where === 'whole' ? WHOLE_SORT_STEP : SORT_STEP;
    free = !plan.some((step) => counted(step.parent) && sorting.test(step.detail));
    if (known.size >= MAX_PLANS_KNOWN) known.clear();
    known.set(key, free);
  }
  return free;
}

/** A walk (pageRowsSql) tests about (offset + limit) × rows / total rows to fill its page, when
 *  the matches are spread along the order; sorting handles each of the total rows about once,
 *  each dearer than a test. The walk is taken while its tests stay under this many per row in
 *  scope (a status in a twentieth of the rows: 1,000 tests against 5,000 rows sorted). */
const WALK_TESTS_PER_ROW = 2;

/** Summing the kept counts up to a page (skip.ts countedSkipStatement) at a share p of its
 *  scope's rows costs about what a walk testing COUNTS_PER_ROW × p of all rows does: a walk
 *  from the nearer end is taken under that many tests too, not only under
 *  SKIP_TUNING.nearEndTests (set at 1M initiatives, where it is the smaller). At 10k, the unset
 *  status's middle page walked 5,000 rows where its counts cost a few hundred entries (CPU
 *  taking turns: 4.28 → 3.25 ms median); at 100k, a page a tenth of the way down 5.40 → 3.73. */
const COUNTS_PER_ROW = 0.12;


function sortKeyRows(db: Db): number {
  const known = settled(db);
  known.rows ??= (prepared(db, 'SELECT count(*) AS n FROM initiative_sort_keys').get() as { n: number }).n;
  return known.rows;
}

/** The count and page statements of a query, as queryTable runs them (EXPLAIN tests read them):
 *  `page` picks the page's ids; `rows(total)` is what queryTable runs once it has the total,
 *  the page's rows in one statement: flat when the order needs no sort step; else walking the
 *  order's index when many rows match; else `page` nested in it (see pageRowsSql). */
type Statement = { sql: string; params: unknown[] };

/** A query's scope, order and statements, as prepareQuery and the SQL builders give them. */
interface Built {
  scope: RowScope;
  order: OrderBy;
  statusOptions: StatusOption[];
  count: Statement;
  forms: Partial<Record<PageForm, Statement>>;
}

const MAX_BUILT = 64;
const builtQueries = keptPerStamp<Built>(MAX_BUILT);

/** A query's statements, built once while nothing is written (the same page asked again, as
 *  the table does after a save elsewhere or on going back): building their text costs a tenth
 *  of a small page. A query with text conditions has its hit set filled again when the set
 *  holds another query's (fillHits keeps it while it holds this one's); one sorting by plan
 *  has the plan ranks checked again. */
function built(db: Db, query: TableQuery): Built {
  const kept = builtQueries.at(db);
  const key = JSON.stringify(query);
  let entry = kept?.get(key);
  if (entry) {
    // What the statements read from temporary tables is checked again (a rollback since may
    // have taken it back): cheap when it is still there.
    if (entry.scope.hits) fillHits(db, query.search, query.filters.text);
    if (sortsByPlan(query)) ensurePlanRanks(db);
  } else {
    const { scope, order, statusOptions } = prepareQuery(db, query);
    entry = { scope, order, statusOptions, count: countSql(scope), forms: {} };
    kept?.set(key, entry);
  }
  return entry;
}

/** The count and page statements of a query, as queryTable runs them (EXPLAIN tests read them):
 *  `page` picks the page's ids; `rows(total)` is what queryTable runs once it has the total,
 *  the page's rows in one statement: flat when the order needs no sort step; else walking the
 *  order's index when many rows match; else `page` nested in it (see pageRowsSql). */
export function tableStatements(db: Db, query: TableQuery) {
  const { scope, order, statusOptions, count, forms } = built(db, query);
  const range = { offset: query.offset, limit: query.limit };
  return {
    scope,
    order,
    statusOptions,
    count,
    /** Built when asked for (the EXPLAIN tests): queryTable runs `rows`. */
    get page() {
      return pageSql(scope, order, range);
    },
    rows: (total: number) => rowsStatement(db, scope, order, range, total, forms),
  };
}

/** The statement of a page's rows given the exact number of rows in its scope (`forms` keeps
 *  the forms built): flat when the order needs no sort step (skipped deep in it); else walking
 *  the order's index when many rows match; else the page picked first (see pageRowsSql). */
export function rowsStatement(
  db: Db,
  scope: RowScope,
  order: OrderBy,
  range: { offset: number; limit: number },
  total: number,
  forms: Partial<Record<PageForm, Statement>> = {},
): Statement & { form: PageForm } {
  const form = (name: PageForm) => ({ ...(forms[name] ??= pageRowsSql(scope, order, range, name)), form: name });
  const flat = form('flat');
  const indexed = withoutSort(db, flat);
  // Deep in the default order under a status, priority or one tag: whole plans passed by their counts
  // (skip.ts), then walked while the page's own tests stay few (as a walk from the top). Not
  // where the order's index, walked from the nearer end, reaches the page after a few tests (a
  // dense status's last page: its counts summed would cost more).
  const rows = sortKeyRows(db);
  const rowsPerMatch = total > 0 ? rows / total : Infinity;
  const fromNearerEnd = Math.min(range.offset + range.limit, total - range.offset) * rowsPerMatch;
  // The counts are summed from the first plan to the page's: their cost grows with the page's
  // depth and the library's size, the walk's with its tests alone.
  const countsCost = total > 0 ? COUNTS_PER_ROW * (range.offset / total) * rows : Infinity;
  if (range.limit * rowsPerMatch <= WALK_TESTS_PER_ROW * total && !(indexed && fromNearerEnd <= Math.min(SKIP_TUNING.nearEndTests, countsCost))) {
    const counted = countedSkipStatement(db, scope, order, range);
    if (counted && withoutSort(db, counted, 'anywhere')) return { ...counted, form: 'walk' };
  }
  if (indexed) {
    // Deep in the order: the rows before the page passed in the order's index (skip.ts).
    if (range.offset < SKIP_TUNING.from) return flat;
    const skip = { ...skipStatement(db, scope, order, range, total), form: 'skip' as const };
    return withoutSort(db, skip, 'inner') ? skip : flat;
  }
  // Deep in an order whose first term's index gives it run by run (a descending sort, a
  // second sort column): the page starts at its run (skip.ts), each run sorted, none before.
  // A first page too when plans are left out: they are then tested on the page's window
  // only, not on every row of the first runs (a descending short-id sort's first run at 1M
  // is one row per plan: 96 → 38 ms of CPU).
  if (range.offset >= SKIP_TUNING.from || scope.trashedPlans?.length) {
    const runs = runSkipStatement(db, scope, order, range, total);
    if (runs && withoutSort(db, runs, 'whole')) return { ...runs, form: 'skip' };
  }
  const tests = total > 0 ? ((range.offset + range.limit) * sortKeyRows(db)) / total : Infinity;
  if (hasTestedConditions(scope) && tests <= WALK_TESTS_PER_ROW * total) {
    const walk = form('walk');
    if (withoutSort(db, walk, 'anywhere')) return walk;
  }
  return form('nested');
}

const MAX_TOTALS = 64;
const totals = keptPerStamp<number>(MAX_TOTALS);

/** The rows a query's count statement finds, counted once while nothing is written: the next
 *  page of the same query (scrolling), the page asked again, and the status and priority
 *  menus (their unset remainder) reuse it. A count of a search's hits is kept under the text
 *  conditions too (what temp.table_hits holds for it). Inside a write transaction nothing is
 *  kept: a rollback would take back what was counted, not the stamp. */
function countedTotal(db: Db, count: Statement, text: Pick<RowQuery, 'search'> & { filters: Pick<RowQuery['filters'], 'text'> }, scope: RowScope): number {
  const key = JSON.stringify([count.sql, count.params, scope.hits ? [text.search, text.filters.text ?? null] : null]);
  return totals.get(db, key, () => (prepared(db, count.sql).get(...count.params) as { n: number }).n);
}

const MAX_LAYOUTS = 8;
const layouts = keptPerStamp<GroupLayout>(MAX_LAYOUTS);

/** The groups of a grouped query (groups.ts), counted once while nothing is written, as its
 *  total is (countedTotal): every page of a grouped view, as the reader scrolls, names the groups
 *  of its rows from the same layout, and leaves out its counts when the query names its stamp
 *  (the renderer holds them). Not kept inside a write transaction: a layout counted there has a
 *  stamp no query holds, so its counts always go out. A write since, or a layout dropped to make
 *  room, is counted again under a new stamp: a stamp named is never taken for another layout. */
function keptLayout(db: Db, query: TableQuery, built: { scope: RowScope; count: Statement; statusOptions: StatusOption[] }, total: number): GroupLayout {
  const groupBy = query.groupBy!;
  const key = JSON.stringify([groupBy, built.count.sql, built.count.params, built.scope.hits ? [query.search, query.filters.text ?? null] : null]);
  return layouts.get(db, key, () => groupLayout(db, built.scope, groupBy, () => total, built.statusOptions));
}

/** Forgets the hit set and the totals kept for the next query, so that it runs as asked for the
 *  first time: what the bench times (asked again with nothing written, a page would find its
 *  total and hits kept from the sample before). */
export function forgetKept(db: Db): void {
  totals.forget(db);
  layouts.forget(db);
  forgetEstimates(db);
  forgetCandidates(db);
  forgetHitCounts(db);
  forgetHits(db);
  forgetSlottedCounts(db);
}

/** Ranks must exist before SQL sorts by them (an import leaves them to be computed; a typed text
 *  written without its rank is named by migration 0018's triggers). A write, so it runs before
 *  the query's read transaction, never inside it. */
export function ensureSortRanks(db: Db): void {
  refreshInitiativeSortKeys(db);
  if (textSortKeysMissing(db)) rankMissingTextSortKeys(db);
}

export function queryTable(db: Db, query: TableQuery): TablePage {
  // Ranks are checked inside the read (one snapshot, one lock); only when some are missing does
  // the page wait for them to be written, then read again.
  const page = readTransaction(db, () => {
    const known = settled(db);
    if (!known.ranked) {
      // A reader's text without a rank would be missing from the pages of its field's sort
      // (reader-sort.ts walks the ranks): ranked first, as the plans' texts are.
      if (sortKeysStale(db) || textSortKeysMissing(db)) return null;
      known.ranked = true;
    }
    try {
      return readPage(db, query);
    } catch (error) {
      if (error instanceof IndexWaiting) return null;
      throw error;
    }
  });
  if (page) return page;
  ensureSortRanks(db);
  // The initiatives' search index too (slotted.ts), when a write left a few things named there
  // (more are idle time's: see PAGE_REWRITE_LIMIT).
  if (initiativeSearchFewStale(db)) refreshInitiativeSearch(db);
  // Should another connection name more meanwhile, this page takes the other paths.
  return readTransaction(db, () => readPage(db, query, undefined, false));
}

export const READER_SORT_TUNING = {
  /** Fewer rows in scope than this are sorted (a sort by a reader's field read value by value
   *  walks each value's index range, testing the scope's conditions on every row it passes). */
  minRows: 2_000,
  /** Under conditions, read value by value while the walks' tests stay under this many per row
   *  in scope (as WALK_TESTS_PER_ROW). */
  testsPerRow: 2,
  /** A lead-unit sort is read value by value up to this many lead units in use (each a range
   *  of its index; a deep page counts the ranges before it); with more, its rank index is
   *  walked (reader-sort.ts rankedText, as for responsible units). */
  maxLeadUnits: 256,
};

/** The lead units in use (the index's distinct values, one seek each, stopped past the
 *  limit), grouped by their rank in `collation` ascending; 'many' past the limit; null should
 *  a value looked at have no rank (the sort then puts it with the unset rows: kept to the
 *  sort). Past the limit every value has a rank as the free texts' do (a save ranks its new
 *  texts, a rebuild every value in use). */
function leadUnitRanks(db: Db, collation: TableQuery['collation']): string[][] | 'many' | null {
  const values = prepared(
    db,
    `WITH RECURSIVE v(text) AS (
       SELECT min(lead_unit) FROM initiative_sort_keys
       UNION ALL SELECT (SELECT min(lead_unit) FROM initiative_sort_keys WHERE lead_unit > v.text) FROM v WHERE v.text IS NOT NULL)
     SELECT v.text AS text, t.${collation === 'stroke' ? 'stroke' : 'pinyin'} AS rank
     FROM v LEFT JOIN text_sort_keys t ON t.text = v.text WHERE v.text IS NOT NULL LIMIT ?`,
  ).all(READER_SORT_TUNING.maxLeadUnits + 1) as { text: string; rank: number | null }[];
  if (values.some((v) => v.rank === null)) return null;
  if (values.length > READER_SORT_TUNING.maxLeadUnits) return 'many';
  // Equal ranks in text order: the segments are ranges of the index, merged when they share one.
  values.sort((a, b) => a.rank! - b.rank! || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  const groups: string[][] = [];
  values.forEach((v, n) => (n > 0 && values[n - 1]!.rank === v.rank ? groups.at(-1)!.push(v.text) : groups.push([v.text])));
  return groups;
}

/** Whether a sort by a reader's field reads its page value by value (reader-sort.ts): not for a
 *  search or a selection (their rows are few, or walk.ts and candidates.ts page them), nor a
 *  scope small enough to sort; under other conditions (plans, themes, statuses, tags), only
 *  while the walks would test about as few rows as a walk of the order's index would (each
 *  value's range holds matches as the whole order does). */
function readerSorted(db: Db, scope: RowScope, query: TableQuery, total: number): boolean {
  if (scope.hits || scope.ids !== undefined || scope.tests?.length || total < READER_SORT_TUNING.minRows) return false;
  return !hasConditions(scope) || ((query.offset + query.limit) * sortKeyRows(db)) / total <= READER_SORT_TUNING.testsPerRow * total;
}

/** Whether a scope has conditions (plans, themes, or any tested row by row), besides the plans
 *  every query leaves out. */
function hasConditions(scope: RowScope): boolean {
  const f = scope.filters;
  return scope.planId !== undefined || !!f.planIds?.length || !!f.themeIds?.length || hasTestedConditions(scope);
}

/** A segment's page statement: under conditions on the reader's fields or tags, its value's
 *  index range walked with each row tested (left to choose, SQLite drove it from the reader's
 *  status or priority index and sorted what it found, once per segment: at 1M a descending
 *  status sort under a priority took 417 ms); else as any page of an index order. */
function segmentRows(db: Db, scope: RowScope, order: OrderBy, range: { offset: number; limit: number }, total: number): Statement {
  // The walk of a range of many values descending sorts each run of equal values back into
  // default order as it goes (a partial sort, stopped with the page): still a walk.
  if (hasTestedConditions(scope)) return pageRowsSql(scope, order, range, 'walk');
  return rowsStatement(db, scope, order, range, total);
}

const NO_FACETS: TablePage['facets'] = { plan: [], theme: [], status: [], priority: [], tags: [] };

/** Thrown by readPage out of its read transaction: the initiatives' search index would answer the
 *  page but has writes named to catch up on (a write, so not inside the read). */
class IndexWaiting extends Error {}

/** `total`: the rows in scope when known (a group's part of a grouped page: its count). `wait`:
 *  whether a page the initiatives' search index would answer, with writes named there still to
 *  be written, throws IndexWaiting (else it takes the other paths). */
function readPage(db: Db, query: TableQuery, known?: number, wait = true): TablePage {
  // A search's page without collecting every hit: a common term's walks the order (walk.ts),
  // a rarer one's checks its candidates in order (candidates.ts).
  const plan = searchPlan(db, query, () => sortKeyRows(db));
  if (plan) {
    const { scope, order } = prepareQuery(db, query, undefined, plan.tests);
    const page = plan.walk ? walkedPage(db, query, scope, order, (statement) => withoutSort(db, statement, 'anywhere')) : candidatePage(db, query, scope, order);
    if (page) return { ...page, facets: NO_FACETS, groups: [], groupCounts: [], groupsAcrossPlans: false };
  }
  // A default-order page of a term the index answers alone: off the initiatives' search
  // index (slotted.ts), its hits never collected. With what a write named still to be
  // written there (a save leaves it), queryTable writes it and reads the page again; with
  // more named than a page should pay for (PAGE_REWRITE_LIMIT), the other paths answer.
  if (wait && slottedMatch(query) !== null && !inWriteTransaction(db) && initiativeSearchStale(db) && initiativeSearchFewStale(db)) throw new IndexWaiting();
  const slotted = slottedPage(db, query, hiddenPlans(settled(db), query));
  if (slotted) return { ...slotted, facets: NO_FACETS, groups: [], groupCounts: [], groupsAcrossPlans: false };
  {
    const statements = tableStatements(db, query);
    const { scope, statusOptions, count } = statements;
    const total = known ?? deepHitsTotal(db, query, statements) ?? countedTotal(db, count, query, scope);
    const run = (statement: Statement) => prepared(db, statement.sql).all(...statement.params);
    const ctx = { db, scope, total: () => total, statusOptions };
    const layout = query.groupBy ? keptLayout(db, query, statements, total) : null;
    const groups = layout ? pageGroups(db, layout, query, query.groupKeys) : [];
    return {
      rows: layout ? groupedPageRows(db, query, groups, statements.rows(total), run) : toRows(ungroupedRows(db, query, statements, total, run)),
      total,
      totalExact: true,
      facets: query.facets === false ? NO_FACETS : computeFacets(ctx),
      groups,
      // The asker holds this layout's counts when it names its stamp.
      groupCounts: !layout ? [] : query.groupLayout === layout.stamp ? null : layout.counts,
      ...(layout ? { groupLayout: layout.stamp } : {}),
      groupsAcrossPlans: layout?.acrossPlans ?? false,
    };
  }
}

/** The total of a page deep in the default order under a search's or text filter's hits: the
 *  hits counted plan by plan (skip.ts hitsByPlan), which its page starts from; undefined for
 *  any other page (its count statement counts). */
function deepHitsTotal(db: Db, query: TableQuery, statements: ReturnType<typeof tableStatements>): number | undefined {
  const { scope, order } = statements;
  if (!hitsAlone(scope) || query.groupBy || query.offset < SKIP_TUNING.from || !inPlanOrder(order)) return undefined;
  return hitsByPlan(db, scope).total;
}

/** An ungrouped page's rows: a sort by a reader's field read value by value off its index
 *  (reader-sort.ts), any other order by its page statement. */
function ungroupedRows(db: Db, query: TableQuery, statements: ReturnType<typeof tableStatements>, total: number, run: (statement: Statement) => unknown[]): unknown[] {
  const { scope, statusOptions } = statements;
  const segments = readerSorted(db, scope, query, total)
    ? readerSegments(
        query.sort,
        query.groupBy,
        statusOptions.map((o) => o.key),
        () => leadUnitRanks(db, query.collation),
        query.collation,
        (column) => hasEmptyRank(db, settled(db), column),
        hasConditions(scope),
        (column) => valuesInUse(db, settled(db), column),
      )
    : null;
  if (!segments) return run(statements.rows(total));
  return segmentedPage(
    scope,
    segments,
    query,
    total,
    (within) => countedTotal(db, countSql(within), query, within),
    (within, order, range, size) => segmentRows(db, within, order, range, size),
    run,
  );
}

/** A grouped page's rows: in one statement when its order is an index's (by theme with no sort
 *  of the reader's: the default order, flat or skipped deep in it), else group by group
 *  (groupedRows). */
function groupedPageRows(db: Db, query: TableQuery, groups: readonly TableGroup[], statement: Statement & { form: PageForm }, run: (statement: Statement) => unknown[]): InitiativeRow[] {
  const indexed = statement.form === 'flat' || statement.form === 'skip';
  return indexed ? toRows(run(statement)) : groupedRows(db, query, groups);
}

/**
 * A grouped page's rows, group by group: each group's part of the page is that query's page
 * with the group's key as its only status or theme (its rows, in the same order: within a group
 * the grouped order is the reader's sort, then default order), at the page's offset within the
 * group, as the layout places it. So each part takes the fast paths of a filtered page (the
 * walk of a status, a theme's rows by their index) instead of one statement sorting every row
 * by its group: at a million initiatives a status group's first page sorted them all (about
 * 0.5 s of CPU), and a theme group's page half-way down passed 500,000 rows.
 */
function groupedRows(db: Db, query: TableQuery, groups: readonly TableGroup[]): InitiativeRow[] {
  const rows: InitiativeRow[] = [];
  const end = query.offset + query.limit;
  for (const group of groups) {
    const from = Math.max(query.offset, group.firstRow);
    const to = Math.min(end, group.firstRow + group.count);
    // A folded group named by groupKeys, away from the page.
    if (to <= from) continue;
    const filters = query.groupBy === 'theme' ? { ...query.filters, themeIds: [group.key!] } : { ...query.filters, statuses: [group.key] };
    const part: TableQuery = { ...query, filters, groupBy: null, groupKeys: undefined, offset: from - group.firstRow, limit: to - from, facets: false };
    rows.push(...readPage(db, part, group.count).rows);
  }
  return rows;
}

/** One facet's counts under a query, every value listed (as TablePage.facets[facet]). */
export function queryFacet(db: Db, query: RowQuery, facet: FacetName): FacetCount[] {
  return queryFacetList(db, query, facet).entries;
}

/** One facet's counts under a query as its menu lists them (table.facets: the table asks when
 *  the facet's menu opens; the theme menu with a limit, and what the reader typed to filter). */
export function queryFacetList(db: Db, query: RowQuery, facet: FacetName, listing: FacetListing = {}): FacetList {
  // A menu needs the query's scope, not its order; the change stamp is read once for the
  // request's checks (withOneStamp): a menu's own work in a small library is a few statements
  // of tens of microseconds, and the checks around them cost as much.
  return readTransaction(db, () =>
    withOneStamp(db, () => {
      const { scope, statusOptions } = scopeOf(db, query);
      const total = () => countedTotal(db, countSql(scope), query, scope);
      return facetList({ db, scope, total, statusOptions }, facet, listing);
    }),
  );
}

/** Rows for ids, in the order given; NOT_FOUND naming the ids no plan has. */
export function tableRows(db: Db, ids: readonly string[]): InitiativeRow[] {
  const rows = readRows(db, ids);
  const found = new Set(rows.map((r) => r.id));
  const unknown = [...new Set(ids.filter((id) => !found.has(id)))];
  if (unknown.length) {
    const shown = unknown.slice(0, 10).join(', ');
    const more = unknown.length > 10 ? ` and ${unknown.length - 10} more` : '';
    throw new AppError('NOT_FOUND', `No initiative with id ${shown}${more}`);
  }
  return rows;
}
