// A page deep in an order an index gives (the default order, a headline or theme sort, the
// short id): the reader drags the scroll bar to the middle of a million rows and the renderer
// asks for rows 500,001–500,200. The rows before the page are passed in the order's index alone
// (pageRowsSql's skip form; from the end when fewer rows follow the page), not joined to their
// text and the reader's fields as the flat form does for every row it passes.
//
// An OFFSET passes index entries fast only while nothing is tested on them: at 1M initiatives,
// 500,000 entries of the pinyin index in about 4 ms of CPU. The plans a query leaves out (the
// reader's trash, superseded versions) are such a test: the rank indexes do not hold the plan,
// so each entry passed cost a lookup of its row (1.5–2.2 s of CPU for the middle page; the
// flat form took 7 s), a set of the left-out rows' ids about 70 ms, a plan column added to the
// index about 20 ms (and 13 bytes an entry in four indexes, rebuilt by a migration). Instead the
// rows are passed with the left-out plans counted in, and the page is put right by those plans'
// rows before it, which are few:
// - `start`: the row at the page's offset in the order, left-out plans included (no test);
// - `before`: the left-out rows before that row (each found by its plan's index);
// - the page: from `start` on, every condition tested, passing `before` rows of the scope.
// The row at live position N is the `before`-th row of the scope from the N-th row of the
// index on, since exactly `before` of the N rows before that one were left out.
import type { Db } from '../../db/open';
import { placeholders, prepared } from '../../db/statements';
import { keptPerStamp } from './plans';
import { fromOf, fromStartSql, hasTestedConditions, keptCountsOf, pageRowsSql, skipWalk, whereOf, type OrderBy, type RowScope } from './query-sql';

export const SKIP_TUNING = {
  /** From this offset on, a page in an order an index gives is picked by the skip form. */
  from: 1_000,
  /** With more rows of left-out plans in scope than this, the skip tests each row it passes
   *  (their correction would cost a lookup each). */
  hiddenRows: 50_000,
  /** A page the order's index reaches from its nearer end after at most this many rows tested
   *  is walked there, not found by the kept counts (countedSkipStatement): summing a dense
   *  status's counts plan by plan up to the middle costs about 15 ms of CPU at 1M initiatives,
   *  a test along the index under a microsecond. */
  nearEndTests: 20_000,
};

type Statement = { sql: string; params: unknown[] };

/** The statement of a page deep in an order an index gives (see the file's comment). `total` is
 *  the exact number of rows in scope. */
export function skipStatement(db: Db, scope: RowScope, order: OrderBy, page: { offset: number; limit: number }, total: number): Statement {
  const counted = { ...page, total };
  const plain = pageRowsSql(scope, order, counted, 'skip');
  const hidden = scope.trashedPlans ?? [];
  const { terms } = order;
  // A start is a row value of the order's terms: columns of the sort keys, all one way.
  const keyed = terms.every((t) => /^k\.\w+$/.test(t.expr) && t.desc === terms[0]!.desc) && order.params.length === 0;
  const walk = skipWalk(counted);
  if (hidden.length === 0 || !keyed || walk.limit === 0) return plain;
  const open = whereOf({ ...scope, trashedPlans: undefined });
  const from = fromOf(open.usesState);
  // The left-out rows are found by their plans' index: with a condition on a reader's value
  // (reader-sort.ts), SQLite took that value's index instead and looked up each of its rows'
  // plans (at 1M items, 800,000 unset rows: 13 s).
  const fromLeft = scope.keys?.length ? from.replace('FROM initiative_sort_keys k', 'FROM initiative_sort_keys k INDEXED BY initiative_sort_keys_by_plan') : from;
  const columns = terms.map((t, n) => `${t.expr} AS s${n}`).join(', ');
  const direction = terms.map((t) => `${t.expr}${t.desc !== walk.backwards ? ' DESC' : ''}`).join(', ');
  const start = prepared(db, `SELECT ${columns} ${from} ${open.sql} ORDER BY ${direction} LIMIT 1 OFFSET ?`).get(...open.params, walk.skip) as
    | Record<string, unknown>
    | undefined;
  // Fewer rows than the offset, left-out ones included: the page is empty.
  if (!start) return pageRowsSql(scope, order, { offset: 0, limit: 0 }, 'nested');
  const key = terms.map((_, n) => start[`s${n}`]);
  if (key.some((v) => v === null || v === undefined)) return plain;
  const left = `${open.sql ? `${open.sql} AND` : 'WHERE'} k.plan_id IN (SELECT value FROM json_each(?))`;
  const nulls = terms.map((t) => `${t.expr} IS NULL`).join(' OR ');
  const { n, after, unranked } = prepared(
    db,
    `SELECT count(*) AS n, coalesce(sum(h.after), 0) AS after, coalesce(sum(h.unranked), 0) AS unranked
     FROM (SELECT ${fromStartSql(order, walk.backwards)} AS after, ${nulls} AS unranked ${fromLeft} ${left} LIMIT ?) h`,
  ).get(...key, ...open.params, JSON.stringify(hidden), SKIP_TUNING.hiddenRows + 1) as { n: number; after: number; unranked: number };
  // A row value with a NULL compares as NULL: such rows would be miscounted.
  if (n > SKIP_TUNING.hiddenRows || unranked > 0) return plain;
  return pageRowsSql(scope, order, { ...counted, start: { key, skip: n - after } }, 'skip');
}

/** The lead of an order whose rows an index gives run by run: its first term, a column of the
 *  sort keys, the plan's place (plans.ts) or a free text's rank (reader-sort.ts), and the initiative's ordinal after the theme's
 *  (the default order's index); undefined for any other first term. */
function leadOf(order: OrderBy): OrderBy['terms'] | undefined {
  const [first, second] = order.terms;
  if (!first || !/^(k\.(theme_ordinal|(headline|theme)_(pinyin|stroke))|pr\.(pinyin|stroke)_(up|down)|tv\.(pinyin|stroke))$/.test(first.expr)) return undefined;
  return first.expr === 'k.theme_ordinal' && second?.expr === 'k.ordinal' && second.desc === first.desc ? [first, second] : [first];
}

/**
 * The statement of a page deep in an order the index of its first term gives only run by run:
 * a descending headline, theme or short-id sort (its ties in default order, ascending, so the
 * index read backwards has each run of equal values the wrong way round), or a second sort
 * column after the first (SQLite sorts each run of the first's equal values), or a free
 * text's rows with a value by rank (reader-sort.ts: the typed values' rank index walked, each
 * value's rows looked up; tested row by row against the left-out plans, a lookup of each row
 * passed, at 1M about 0.6 s of CPU for rows 100,001– of 200,000). The flat form
 * passed every row before the page through that sort: 1.5–3 s at 1M initiatives for the
 * middle page. Here the page starts at the run holding the row at its offset:
 * - `lead`: the first term's value at that offset, left-out plans counted in, read in its
 *   index alone; `within`: the rows of its run before it, counted in that run alone;
 * - `left`: the left-out rows before the run (few, see skipStatement);
 * - the page: from that run on, every condition tested, sorted run by run, passing the rows
 *   of the scope before the page in that run (and those of the left-out plans before it).
 * Undefined when the order has another first term, the scope has conditions tested row by row,
 * some row has no rank yet, or too many rows are left out.
 */
export function runSkipStatement(db: Db, scope: RowScope, order: OrderBy, page: { offset: number; limit: number }, total: number): Statement | undefined {
  const lead = leadOf(order);
  if (!lead || hasTestedConditions(scope)) return undefined;
  const counted = { ...page, total };
  const walk = skipWalk(counted);
  if (walk.limit === 0) return pageRowsSql(scope, order, { offset: 0, limit: 0 }, 'nested');
  // A NULL rank compares as NULL: such rows (not ranked yet) would be miscounted.
  for (const t of lead) {
    const rank = /^k\.(\w+_(pinyin|stroke))$/.exec(t.expr)?.[1];
    if (rank && (prepared(db, `SELECT EXISTS (SELECT 1 FROM initiative_sort_keys WHERE ${rank} IS NULL) AS u`).get() as { u: number }).u) return undefined;
  }
  const hidden = scope.trashedPlans ?? [];
  const open = whereOf({ ...scope, trashedPlans: undefined });
  const from = fromOf(open.usesState, new Map(), order.planRanks, true, order.ranked);
  const down = lead[0]!.desc !== walk.backwards;
  // The row at the offset, read in its index's own order (the lead, then the default order's
  // columns, all one way): its run starts `within` rows earlier, counted in that run alone.
  const tail = ['k.theme_ordinal', 'k.ordinal', 'k.initiative_id'].filter((c) => !lead.some((t) => t.expr === c));
  const way = down ? ' DESC' : '';
  const value = prepared(
    db,
    `SELECT ${[...lead.map((t) => t.expr), ...tail].map((c, n) => `${c} AS s${n}`).join(', ')} ${from} ${open.sql}
     ORDER BY ${[...lead.map((t) => t.expr), ...tail].map((c) => `${c}${way}`).join(', ')} LIMIT 1 OFFSET ?`,
  ).get(...open.params, walk.skip) as Record<string, unknown> | undefined;
  if (!value) return pageRowsSql(scope, order, { offset: 0, limit: 0 }, 'nested');
  const key = lead.map((_, n) => value[`s${n}`]);
  const at = tail.map((_, n) => value[`s${lead.length + n}`]);
  const and = open.sql ? `${open.sql} AND` : 'WHERE';
  const same = `(${lead.map((t) => t.expr).join(', ')}) = (${placeholders(lead.length)})`;
  const { within } = prepared(
    db,
    `SELECT count(*) AS within ${from} ${and} ${same} AND (${tail.join(', ')}) ${down ? '>' : '<'} (${placeholders(tail.length)})`,
  ).get(...open.params, ...key, ...at) as { within: number };
  const earlier = `(${lead.map((t) => t.expr).join(', ')}) ${down ? '>' : '<'} (${placeholders(lead.length)})`;
  let left = 0;
  let leftAfter: number | undefined;
  if (hidden.length) {
    const { n, early } = prepared(
      db,
      `SELECT count(*) AS n, coalesce(sum(h.early), 0) AS early
       FROM (SELECT ${earlier} AS early ${fromOf(open.usesState, new Map(), order.planRanks, false, order.ranked)} ${and} k.plan_id IN (SELECT value FROM json_each(?)) LIMIT ?) h`,
    ).get(...key, ...open.params, JSON.stringify(hidden), SKIP_TUNING.hiddenRows + 1) as { n: number; early: number };
    if (n > SKIP_TUNING.hiddenRows) return undefined;
    left = early;
    leftAfter = n - early;
  }
  // `walk.skip - within` rows precede the run, `left` of them left out: the rows of the scope
  // before the page's first, from the run's start on, are `within + left`.
  return pageRowsSql(scope, order, { ...counted, start: { key, skip: within + left, ...(leftAfter === undefined ? {} : { leftAfter }) } }, 'skip');
}

/** The default order across plans, as orderByOf gives it: plan by plan, each plan's rows in
 *  theme and initiative order. */
const PLAN_ORDER = ['k.plan_id', 'k.theme_ordinal', 'k.ordinal', 'k.initiative_id'];

/**
 * The statement of a page deep in the default order across plans under conditions tested row
 * by row that the kept counts can count (statuses, priorities, one tag, besides plans and
 * themes: not several tags, text or ids). Without it such a page was the scope's every row
 * collected and sorted (a status at 1M initiatives, 50,000 rows: 115 ms of CPU for its middle
 * page; two statuses 340), or the order's index walked up to the page testing each row it
 * passed (the unset status's middle page: 400,000 rows, 240 ms). Here the rows of whole plans
 * are passed by their counts (keptCountsOf: initiative_counts, or one tag's
 * initiative_tag_counts, kept in every write's transaction), read in their key's plan order and
 * summed plan by plan up to the plan holding the row at the page's offset (`before`: the
 * scope's rows in the plans before it); the page walks the plan index from that plan on,
 * testing each row, passing `offset - before` rows of the scope (that plan's, a few).
 * Undefined for any other order or condition, or a page near the top (the walk is cheap there).
 */
export function countedSkipStatement(db: Db, scope: RowScope, order: OrderBy, page: { offset: number; limit: number }): Statement | undefined {
  if (page.offset < SKIP_TUNING.from || !hasTestedConditions(scope) || scope.tests?.length) return undefined;
  if (!inPlanOrder(order)) return undefined;
  const kept = keptCountsOf(scope, undefined, true);
  let plans: Iterable<{ plan: string; n: number }>;
  if (kept) plans = prepared(db, `SELECT c.plan_id AS plan, sum(c.n) AS n FROM ${kept.table} c ${kept.sql} GROUP BY c.plan_id ORDER BY c.plan_id`).iterate(...kept.params) as IterableIterator<{ plan: string; n: number }>;
  else if (hitsAlone(scope)) plans = hitsByPlan(db, scope).plans;
  else return undefined;
  let before = 0;
  for (const { plan, n } of plans) {
    // Leaving the loop resets the statement: the plans after this one are not read.
    if (before + n > page.offset) return pageRowsSql(scope, order, { ...page, start: { key: [plan], skip: page.offset - before } }, 'walk');
    before += n;
  }
  // Fewer rows than the offset: the page is empty.
  return pageRowsSql(scope, order, { offset: 0, limit: 0 }, 'nested');
}

/** Whether an order is the default order across plans (PLAN_ORDER). */
export function inPlanOrder(order: OrderBy): boolean {
  return order.terms.length === PLAN_ORDER.length && order.terms.every((t, n) => t.expr === PLAN_ORDER[n] && !t.desc);
}

/** Whether a scope's only condition is the hits of its text conditions (plans in the trash left
 *  out): counting them plan by plan costs about what counting them does. With a plan, theme,
 *  status, priority or tag condition too, its count is driven by that condition's index when
 *  it is the more selective (at 1M 低空 under a status, 8,815 rows: counted by plan from the
 *  hits, 577 → 661 ms of CPU for its middle page). */
export function hitsAlone(scope: RowScope): boolean {
  const f = scope.filters;
  return (
    scope.hits &&
    scope.ids === undefined &&
    !scope.tests?.length &&
    !scope.keys?.length &&
    scope.planId === undefined &&
    !f.planIds?.length &&
    !f.themeIds?.length &&
    !f.statuses?.length &&
    !f.priorities?.length &&
    !f.tags?.length
  );
}

/** A scope's hits (temp.table_hits, hits.ts) counted plan by plan, and their total. */
interface HitsByPlan {
  plans: { plan: string; n: number }[];
  total: number;
}

const MAX_HIT_COUNTS = 8;
const hitCounts = keptPerStamp<HitsByPlan>(MAX_HIT_COUNTS);

/**
 * The rows of a scope with a search's or text filter's hits (temp.table_hits) counted plan by
 * plan in plan order, and their sum (the scope's total): a page deep in the default order then
 * starts at its plan as under a status (countedSkipStatement), where it walked the order's index
 * from the top testing each row against the hits (at 1M initiatives 数's middle page, 660,000
 * hits: about 500,000 rows, 165 ms of CPU; the last page twice that). Kept while nothing is
 * written (the hit set itself is kept as long: the next deep pages read no count), not inside
 * a write transaction.
 *
 * Counted off the hit set's key order (byKeyRanges): each plan's hits are the range of keys
 * under its id, stepped through, not each looked up (at 1M, load 8–13, 低空's 176,000 hits about
 * 170 → 45–60 ms of CPU, 数's 662,000 340–520 → 100–130). With fewer hits than plans, or should a plan's id hold a
 * '/' (its range would hold other keys), by hitsByPlanSql: each hit's row looked up.
 */
export function hitsByPlan(db: Db, scope: RowScope): HitsByPlan {
  const where = whereOf({ ...scope, hits: false });
  // What the hit set holds (hits.ts writes it beside the set, in the same transaction).
  const held = prepared(db, 'SELECT conditions, stamp FROM temp.table_hits_of').get() as { conditions: string; stamp: string } | undefined;
  return hitCounts.get(db, JSON.stringify([where.sql, where.params, held?.conditions, held?.stamp]), () => {
    // A seek per plan with rows against one per hit: with fewer hits than plans, each hit's row
    // looked up costs less (at 1M 脑机接口's 5,000 hits against 20,000 plans).
    const hits = (prepared(db, 'SELECT count(*) AS n FROM temp.table_hits').get() as { n: number }).n;
    const ranges = (prepared(db, 'SELECT count(*) AS n FROM initiative_plan_totals').get() as { n: number }).n;
    const plans = (hits >= ranges ? byKeyRanges(db, scope) : undefined) ?? byRows(db, scope, hits);
    return { plans, total: plans.reduce((sum, p) => sum + p.n, 0) };
  });
}

/** The hits counted plan by plan by hitsByPlanSql: each hit's row found. */
function byRows(db: Db, scope: RowScope, hits: number): HitsByPlan['plans'] {
  const rows = (prepared(db, 'SELECT ifnull(sum(n), 0) AS n FROM initiative_plan_totals').get() as { n: number }).n;
  const statement = hitsByPlanSql(scope, 3 * hits >= rows);
  return prepared(db, statement.sql).all(...statement.params) as { plan: string; n: number }[];
}

/** Each plan with rows (initiative_plan_totals, in plan order) but those left out, and its hits:
 *  those in its key range ('P/' ≤ key < 'P0': the keys starting with 'P/'), stepped through. */
export const KEY_RANGE_COUNTS = `SELECT plan, n FROM (
  SELECT p.plan_id AS plan, (SELECT count(*) FROM temp.table_hits h WHERE h.id >= p.plan_id || '/' AND h.id < p.plan_id || '0') AS n
  FROM initiative_plan_totals p WHERE p.plan_id NOT IN (SELECT value FROM json_each(?)) ORDER BY p.plan_id) WHERE n > 0`;

/** The hits named in search_stray_keys (migration 0019), with the plan of their row (NULL for
 *  none). */
export const STRAY_HITS = `SELECT s.key AS key, k.plan_id AS plan FROM search_stray_keys s
  CROSS JOIN temp.table_hits h ON h.id = s.key LEFT JOIN initiative_sort_keys k ON k.initiative_id = s.key`;

/**
 * The hits counted plan by plan off their keys: a plan's hits are those in its key range, but
 * for the keys migration 0019 names (search_stray_keys: documents with no row in the plan their
 * prefix names, such as a later version's ids carried from an earlier one, or the reader's text
 * on an initiative gone), each of which is taken out of the range it sits in and counted in its
 * row's plan, if it has a row. Plans left out by the scope are dropped. Undefined when some
 * plan's id holds a '/' (its range would hold another plan's keys).
 */
function byKeyRanges(db: Db, scope: RowScope): HitsByPlan['plans'] | undefined {
  if (someIdHoldsSlash(db)) return undefined;
  const left = scope.trashedPlans ?? [];
  // Read as arrays, made objects here: better-sqlite3's row objects, one per plan with hits,
  // cost about half a millisecond more at 100k initiatives (2,000 plans).
  const plans = (prepared(db, KEY_RANGE_COUNTS).raw().all(JSON.stringify(left)) as [string, number][]).map(([plan, n]) => ({ plan, n }));
  const strays = prepared(db, STRAY_HITS).all() as { key: string; plan: string | null }[];
  if (strays.length === 0) return plans;
  const counts = new Map(plans.map((p) => [p.plan, p.n]));
  const hidden = new Set(left);
  let appended = false;
  for (const { key, plan } of strays) {
    // Counted in the range it sits in (the plan its prefix names), if that plan is counted; a
    // key without a '/' is in no range.
    const slash = key.indexOf('/');
    const within = slash < 0 ? undefined : key.slice(0, slash);
    if (within !== undefined && counts.has(within)) counts.set(within, counts.get(within)! - 1);
    if (plan === null || hidden.has(plan)) continue;
    appended ||= !counts.has(plan);
    counts.set(plan, (counts.get(plan) ?? 0) + 1);
  }
  const corrected = [...counts].filter(([, n]) => n > 0).map(([plan, n]) => ({ plan, n }));
  // A plan met only through a named key went in last: back in plan order (the ids' code points,
  // as SQLite compares them).
  return appended ? corrected.sort((a, b) => compareBinary(a.plan, b.plan)) : corrected;
}

const slashKnown = keptPerStamp<boolean>(1);

/** Whether some plan with rows has a '/' in its id (its key range would hold other plans'
 *  keys): a test of every plan's id, known while nothing is written (not inside a write
 *  transaction, which a rollback could take back). */
function someIdHoldsSlash(db: Db): boolean {
  return slashKnown.get(
    db,
    'slash',
    () => (prepared(db, "SELECT EXISTS (SELECT 1 FROM initiative_plan_totals WHERE instr(plan_id, '/') > 0) AS slash").get() as { slash: number }).slash === 1,
  );
}

/** SQLite's BINARY order of two texts (their UTF-8 bytes, which is their code points' order;
 *  JavaScript's < compares UTF-16 units, which differs past U+FFFF). */
function compareBinary(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** hitsByPlan's statement: `dense`, the plan index walked, each row tested against the hits
 *  (grouped in the index's order, no sort); else the hits driving, each row looked up by its
 *  key, grouped by plan. */
export function hitsByPlanSql(scope: RowScope, dense: boolean): Statement {
  if (dense) {
    const walked = whereOf(scope, undefined, true);
    const from = fromOf(walked.usesState).replace('FROM initiative_sort_keys k', 'FROM initiative_sort_keys k INDEXED BY initiative_sort_keys_by_plan');
    return { sql: `SELECT k.plan_id AS plan, count(*) AS n ${from} ${walked.sql} GROUP BY k.plan_id ORDER BY k.plan_id`, params: walked.params };
  }
  const where = whereOf({ ...scope, hits: false });
  const from = fromOf(where.usesState).replace('FROM initiative_sort_keys k', 'FROM temp.table_hits h CROSS JOIN initiative_sort_keys k ON k.initiative_id = h.id');
  return { sql: `SELECT k.plan_id AS plan, count(*) AS n ${from} ${where.sql} GROUP BY k.plan_id ORDER BY k.plan_id`, params: where.params };
}

/** Forgets the hits' counts kept (forgetKept: a page timed as if first asked). */
export const forgetHitCounts = hitCounts.forget;
