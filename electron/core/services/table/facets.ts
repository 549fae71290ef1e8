// Facet counts of a table query (groups: groups.ts). A facet is counted under every active
// filter except its own selection. The table asks for a facet only when its
// menu opens (table.facets), never with every page: at a million rows counting costs far more
// than the page itself. Statuses and priorities are counted from
// the reader's state rows (few, and indexed) and the unset ones as the remainder of the row
// count, instead of probing the state of every initiative in scope.
import type { FacetCount, FacetList, StatusOption, TablePage } from '../../../../shared/domain/table';
import { PRIORITIES } from '../../../../shared/domain/table';
import type { Db } from '../../db/open';
import { placeholders, prepared } from '../../db/statements';
import { COLLATORS } from '../../collation/collators';
import { countSql, fromOf, hasTestedConditions, keptThemeTotalsWhereOf, keptWhereOf, whereOf, type FacetName, type RowScope } from './query-sql';
import { ensurePlanRanks } from './plans';
import { hasNeedleSql } from '../../search/match';
import { normalizeForSearch } from '../../search/normalize';

export type Counts = Map<string | null, number>;

function rowsToCounts(rows: { value: string | null; n: number }[]): Counts {
  return new Map(rows.map((r) => [r.value, r.n]));
}

function facetActive(scope: RowScope, facet: FacetName): boolean {
  const f = scope.filters;
  const selection = { plan: f.planIds, theme: f.themeIds, status: f.statuses, priority: f.priorities, tags: f.tags }[facet];
  return (selection?.length ?? 0) > 0;
}

/** Rows per value of one dimension, under the scope without `except`'s selection.
 *  `rowsUnder` is the row count under the same filters (for the unset remainder). */
export function countBy(db: Db, scope: RowScope, dim: FacetName, except: FacetName | undefined, rowsUnder: () => number): Counts {
  const kept = keptWhereOf(scope, except);
  if (kept && dim === 'tags') {
    return rowsToCounts(
      prepared(db, `SELECT c.tag AS value, sum(c.n) AS n FROM initiative_tag_counts c ${kept.sql} GROUP BY c.tag`).all(...kept.params) as {
        value: string;
        n: number;
      }[],
    );
  }
  if (kept && (dim === 'status' || dim === 'priority')) {
    const set = leftOutOnly(scope, except) ? setValueCounts(db, scope, dim) : undefined;
    if (set) {
      // The unset rows are the remainder of the row count, as below.
      const counts = rowsToCounts(set);
      let n = 0;
      for (const c of counts.values()) n += c;
      counts.set(null, rowsUnder() - n);
      return counts;
    }
    // Summed from the kept counts in their status index's order, an unset value ('' there)
    // among them: the priorities grouped by status and priority, each summed across its
    // statuses here (grouped by priority alone, SQLite sorted every count first: at 100k
    // initiatives under a status filter 36.5M → 20.6M instructions for the statement).
    const groups = dim === 'status' ? 'c.status' : 'c.status, c.priority';
    const rows = prepared(db, `SELECT nullif(c.${dim}, '') AS value, sum(c.n) AS n FROM initiative_counts c ${kept.sql} GROUP BY ${groups}`).all(
      ...kept.params,
    ) as { value: string | null; n: number }[];
    const counts: Counts = new Map();
    for (const r of rows) counts.set(r.value, (counts.get(r.value) ?? 0) + r.n);
    return counts;
  }
  if (kept && (dim === 'plan' || dim === 'theme')) {
    // Summed from the kept counts.
    const column = { plan: 'c.plan_id', theme: 'c.theme_id' }[dim];
    const groups = dim === 'theme' ? 'c.plan_id, c.theme_id' : column;
    return rowsToCounts(
      prepared(db, `SELECT ${column} AS value, sum(c.n) AS n FROM initiative_counts c ${kept.sql} GROUP BY ${groups}`).all(
        ...kept.params,
      ) as { value: string | null; n: number }[],
    );
  }
  const where = whereOf(scope, except);
  const and = (condition: string) => (where.sql ? `${where.sql} AND ${condition}` : `WHERE ${condition}`);
  switch (dim) {
    case 'plan':
    case 'theme': {
      const column = dim === 'plan' ? 'k.plan_id' : 'k.theme_id';
      return rowsToCounts(
        prepared(db, `SELECT ${column} AS value, count(*) AS n ${fromOf(where.usesState)} ${where.sql} GROUP BY ${column}`).all(
          ...where.params,
        ) as { value: string; n: number }[],
      );
    }
    case 'status':
    case 'priority': {
      const column = `s.${dim}`;
      const counts = rowsToCounts(
        prepared(
          db,
          `SELECT ${column} AS value, count(*) AS n FROM user_initiative_state s
           JOIN initiative_sort_keys k ON k.initiative_id = s.initiative_id
           ${and(`${column} IS NOT NULL`)} GROUP BY ${column}`,
        ).all(...where.params) as { value: string; n: number }[],
      );
      let set = 0;
      for (const n of counts.values()) set += n;
      counts.set(null, rowsUnder() - set);
      return counts;
    }
    case 'tags': {
      const state = where.usesState ? ' LEFT JOIN user_initiative_state s ON s.initiative_id = k.initiative_id' : '';
      return rowsToCounts(
        prepared(
          db,
          `SELECT g.tag AS value, count(*) AS n FROM user_initiative_tags g
           JOIN initiative_sort_keys k ON k.initiative_id = g.initiative_id${state} ${where.sql} GROUP BY g.tag`,
        ).all(...where.params) as { value: string; n: number }[],
      );
    }
  }
}

/** With more plans left out than this, their rows are not subtracted one by one (setValueCounts). */
const MAX_LEFT_OUT_PLANS = 16;

/** Whether a scope has no condition but the plans left out (the trash, superseded versions),
 *  one facet's own selection aside, and few of those plans. */
function leftOutOnly(scope: RowScope, except: FacetName | undefined): boolean {
  const f = scope.filters;
  return (
    !hasTestedConditions(scope, except) &&
    scope.planId === undefined &&
    !(except !== 'plan' && f.planIds?.length) &&
    !(except !== 'theme' && f.themeIds?.length) &&
    !scope.keys?.length &&
    (scope.trashedPlans?.length ?? 0) <= MAX_LEFT_OUT_PLANS
  );
}

/**
 * Rows per set value of the status or priority (the unset ones not counted) under a scope with
 * no condition but the plans left out: off the value's index on the sort keys (their copies of
 * the reader's values, migration 0014), which holds only the rows that have one, less the
 * left-out plans' rows, found by their plan's index. The kept counts hold an entry of unset
 * values for every theme, and the priority is not the first column of their index (at 100k
 * initiatives, CPU instructions for the statement: the status menu's 27.3M → 11.8M, the
 * priority menu's 65.8M → 6.4M).
 */
function setValueCounts(db: Db, scope: RowScope, dim: 'status' | 'priority'): { value: string; n: number }[] {
  const left = scope.trashedPlans ?? [];
  const all = `SELECT k.${dim} AS value, count(*) AS n FROM initiative_sort_keys k WHERE k.${dim} > '' GROUP BY k.${dim}`;
  if (left.length === 0) return prepared(db, all).all() as { value: string; n: number }[];
  return prepared(
    db,
    `SELECT value, sum(n) AS n FROM (${all}
       UNION ALL
       SELECT k.${dim} AS value, -count(*) AS n FROM initiative_sort_keys k INDEXED BY initiative_sort_keys_by_plan
       WHERE k.plan_id IN (${placeholders(left.length)}) AND k.${dim} > '' GROUP BY k.${dim})
     GROUP BY value HAVING sum(n) > 0`,
  ).all(...left) as { value: string; n: number }[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

interface ThemeRow {
  id: string;
  planId: string;
  headline: string;
  ordinal: number;
}

/** The themes of these ids, plan by plan (by plan id, as rows come), each plan's in theme order. */
function themesOf(db: Db, ids: readonly string[]): ThemeRow[] {
  if (ids.length === 0) return [];
  return prepared(
    db,
    `SELECT id, plan_id AS planId, headline, ordinal FROM themes WHERE id IN (SELECT value FROM json_each(?))
     ORDER BY plan_id, ordinal, id`,
  ).all(JSON.stringify(ids)) as ThemeRow[];
}

/** A plan as the plan and theme facets list it: its shown title and the pinyin rank of that
 *  title among all plans (temp.plan_ranks), null for an id no plan has. */
interface RankedPlan {
  id: string;
  title: string;
  rank: number | null;
}

/** Plans by id with their shown titles and ranks; an id no plan has is listed by itself, unranked. */
function rankedPlans(db: Db, ids: readonly string[]): RankedPlan[] {
  if (ids.length === 0) return [];
  // temp.plan_ranks holds every plan with its shown title (ensurePlanRanks first).
  const found = prepared(
    db,
    `SELECT pr.plan_id AS id, pr.title AS title, pr.pinyin AS rank FROM temp.plan_ranks pr
     WHERE pr.plan_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as RankedPlan[];
  const known = new Set(found.map((p) => p.id));
  return [...found, ...ids.filter((id) => !known.has(id)).map((id) => ({ id, title: id, rank: null }))];
}

/** Plan order of the facets: by the pinyin rank of the shown title (ensurePlanRanks), then id;
 *  an id no plan has goes last. The ranks are the collator's order, computed once per change
 *  of titles rather than by sorting every plan's title on every request. */
const byPlanRank = (a: { rank: number | null; id: string }, b: { rank: number | null; id: string }) =>
  (a.rank ?? Infinity) - (b.rank ?? Infinity) || byId(a, b);

/** Rows per plan in scope (`SELECT id, n`), under the scope without its plan selection. */
function planCountsSql(scope: RowScope): { sql: string; params: unknown[] } {
  const kept = keptWhereOf(scope, 'plan');
  // No condition but plans (the plans left out, the one asked for): the totals kept by plan
  // (migration 0015), one row a plan, where summing the kept counts reads every plan's rows by
  // theme, status and priority (at 100k initiatives the menu's statement 4.2 → 0.9 ms of CPU).
  if (kept && !hasTestedConditions(scope, 'plan') && !scope.filters.themeIds?.length && !scope.keys?.length) {
    return { sql: `SELECT c.plan_id AS id, c.n AS n FROM initiative_plan_totals c ${kept.sql}`, params: kept.params };
  }
  if (kept) return { sql: `SELECT c.plan_id AS id, sum(c.n) AS n FROM initiative_counts c ${kept.sql} GROUP BY c.plan_id`, params: kept.params };
  const where = whereOf(scope, 'plan');
  return { sql: `SELECT k.plan_id AS id, count(*) AS n ${fromOf(where.usesState)} ${where.sql} GROUP BY k.plan_id`, params: where.params };
}

/** Plans with their counts by the title the reader sees, plus the chosen ones no row in scope
 *  has (another plan, or in the trash since), at 0, so they can be unchecked. */
function planEntries(db: Db, scope: RowScope, counted: (RankedPlan & { n: number })[]): FacetCount[] {
  const listed = new Set(counted.map((p) => p.id));
  const extra = rankedPlans(db, [...new Set(scope.filters.planIds ?? [])].filter((id) => !listed.has(id))).map((p) => ({ ...p, n: 0 }));
  return [...counted, ...extra].sort(byPlanRank).map((p) => ({ value: p.id, label: p.title, count: p.n }));
}

/** The plan facet: the plans in scope some row under the other filters is in (counted and
 *  titled in one statement), plus the chosen ones, by the title the reader sees. */
function planFacet(db: Db, scope: RowScope): FacetCount[] {
  ensurePlanRanks(db);
  const counts = planCountsSql(scope);
  // temp.plan_ranks holds every plan (with its shown title): the join keeps the ids of plans.
  const counted = prepared(
    db,
    `SELECT c.id AS id, pr.title AS title, pr.pinyin AS rank, c.n AS n
     FROM (${counts.sql}) c
     JOIN temp.plan_ranks pr ON pr.plan_id = c.id`,
  ).all(...counts.params) as (RankedPlan & { n: number })[];
  return planEntries(db, scope, counted);
}

/**
 * The theme facet's counts: `inner` gives rows per theme under the scope without its theme
 * selection, `outer` (over the themes t they are joined to) what is left of the scope. Across
 * all plans, with no condition but the plans left out (the trash, superseded versions), every
 * row is counted by theme straight off the theme index, which holds no plan id, and the plans
 * left out are dropped afterwards by their themes (a theme and its rows are in one plan): a test
 * of each row's plan would read every row of the table (five times as long at 100k rows).
 */
function themeCountsSql(scope: RowScope): { inner: string; outer: string; params: unknown[] } {
  // With no condition but plans (and the plans left out): the kept totals by theme, one row each.
  const totals = keptThemeTotalsWhereOf(scope, 'theme');
  if (totals) return { inner: `SELECT c.theme_id AS theme_id, c.n AS n FROM initiative_theme_totals c ${totals.sql}`, outer: '', params: totals.params };
  const kept = keptWhereOf(scope, 'theme');
  // Grouped by plan and theme: the counts' key order, with no sort step (a theme is in one plan).
  if (kept) return { inner: `SELECT c.theme_id AS theme_id, sum(c.n) AS n FROM initiative_counts c ${kept.sql} GROUP BY c.plan_id, c.theme_id`, outer: '', params: kept.params };
  const byTheme = (where: { sql: string; usesState: boolean }) =>
    `SELECT k.theme_id AS theme_id, count(*) AS n ${fromOf(where.usesState)} ${where.sql} GROUP BY k.theme_id`;
  const left = scope.trashedPlans ?? [];
  if (left.length && scope.planId === undefined && !scope.filters.planIds?.length && !hasTestedConditions(scope, 'theme')) {
    const all = whereOf({ ...scope, trashedPlans: undefined }, 'theme');
    if (all.sql === '') return { inner: byTheme(all), outer: 'WHERE t.plan_id NOT IN (SELECT value FROM json_each(?))', params: [JSON.stringify(left)] };
  }
  const where = whereOf(scope, 'theme');
  return { inner: byTheme(where), outer: '', params: where.params };
}

/** How much of a facet to list (table.facets' limit and match). */
export interface FacetListing {
  /** At most this many values by count (most rows first), besides the chosen ones. */
  limit?: number;
  /** Only values whose label holds this text (a theme's headline or its plan's shown title; a
   *  plan's shown title), normalized as search normalizes (search_has). */
  match?: string;
}

/** Themes with their counts, plan by plan in the plan facet's order (title), each plan's themes
 *  in theme order, each naming its plan; chosen ones no row in scope has at 0. */
function themeEntries(db: Db, scope: RowScope, counted: (ThemeRow & { n: number })[], plans?: ReadonlyMap<string, RankedPlan>): FacetCount[] {
  const listed = new Set(counted.map((t) => t.id));
  const missing = themesOf(db, (scope.filters.themeIds ?? []).filter((id) => !listed.has(id)));
  // Bucketed by plan, the plans put in order, each plan's few themes sorted: a sort of every
  // theme row by plan rank took as long as the counts.
  const byPlan = new Map<string, (ThemeRow & { n: number })[]>();
  for (const t of [...counted, ...missing.map((t) => ({ ...t, n: 0 }))]) {
    let themes = byPlan.get(t.planId);
    if (!themes) byPlan.set(t.planId, (themes = []));
    themes.push(t);
  }
  // The plans already known (`plans`: the listed themes' own, read with them) are not looked up again.
  const unknown = [...byPlan.keys()].filter((id) => !plans?.has(id));
  const ranked = [...rankedPlans(db, unknown), ...[...byPlan.keys()].flatMap((id) => (plans?.has(id) ? [plans.get(id)!] : []))];
  const facet: FacetCount[] = [];
  for (const plan of ranked.sort(byPlanRank)) {
    for (const t of byPlan.get(plan.id)!.sort((a, b) => a.ordinal - b.ordinal || byId(a, b))) {
      facet.push({ value: t.id, label: t.headline, count: t.n, planId: t.planId, planTitle: plan.title });
    }
  }
  return facet;
}

/** The theme facet: the counts joined to their themes (across many plans, thousands of them:
 *  the statement an honest GROUP BY by hand needs too), then each plan's shown title and rank
 *  looked up once per plan (temp.plan_ranks), and any chosen theme no row in scope has, at 0.
 *  Titles and ranks joined to every theme row and the rows sorted in SQL took three times as
 *  long as the counts at 200k rows. */
function themeFacet(db: Db, scope: RowScope): FacetCount[] {
  ensurePlanRanks(db);
  const { inner, outer, params } = themeCountsSql(scope);
  const counted = prepared(
    db,
    `SELECT t.id AS id, t.plan_id AS planId, t.headline AS headline, t.ordinal AS ordinal, c.n AS n
     FROM (${inner}) c JOIN themes t ON t.id = c.theme_id ${outer}`,
  ).all(...params) as (ThemeRow & { n: number })[];
  return themeEntries(db, scope, counted);
}

/** A menu's values before they are listed: every value in scope with its count (`SELECT id, n`),
 *  and how a value's labels are reached from its count row `c` to be matched (joins, texts). */
interface MenuCounts {
  sql: string;
  params: unknown[];
  labelJoins: string;
  labels: readonly string[];
}

/**
 * The values a menu lists (table.facets' limit and match): the `limit` values with the most rows
 * in scope (ties by id), among those whose labels hold `match` if given, plus the `chosen` ones
 * counted in scope, as SQL giving `x(id, n, matched, listed)`: `matched` 0 for a chosen value
 * that does not match, `listed` how many values match in all. Every value is still counted (a
 * top by count needs every count), once, into a materialized table; only the listed ones leave
 * SQLite, to be joined to their labels by the caller. An empty answer means nothing matches in
 * scope (the limit is at least 1) and nothing was chosen.
 */
function menuTopSql(counts: MenuCounts, listing: FacetListing, chosen: readonly string[]): { sql: string; params: unknown[] } {
  const needle = normalizeForSearch(listing.match ?? '');
  if (needle === '' && chosen.length === 0) {
    // Nothing typed, nothing chosen (a menu as it first opens): the top of the counts and how
    // many there are, without the matched copy and the chosen ones' part, whose tables cost
    // more than the counts themselves in a small library (at 10k initiatives the plan menu's
    // statement 0.45 → 0.30 ms of CPU).
    return {
      sql: `WITH c AS MATERIALIZED (${counts.sql})
       SELECT id, n, 1 AS matched, (SELECT count(*) FROM c WHERE n > 0) AS listed FROM c WHERE n > 0 ORDER BY n DESC, id LIMIT ?`,
      params: [...counts.params, listing.limit ?? -1],
    };
  }
  const checks = needle === '' ? [] : counts.labels.map((text) => hasNeedleSql(text, needle));
  const matching = checks.length
    ? `SELECT c.id AS id, c.n AS n FROM c ${counts.labelJoins} WHERE c.n > 0 AND (${checks.map((k) => k.sql).join(' OR ')})`
    : 'SELECT id, n FROM c WHERE n > 0';
  return {
    sql: `WITH c AS MATERIALIZED (${counts.sql}),
       m AS MATERIALIZED (${matching}),
       top AS (SELECT id, n FROM m ORDER BY n DESC, id LIMIT ?)
     SELECT x.id AS id, x.n AS n, x.matched AS matched, (SELECT count(*) FROM m) AS listed
     FROM (SELECT id, n, 1 AS matched FROM top
           UNION ALL
           SELECT id, n, id IN (SELECT id FROM m) FROM c
           WHERE id IN (SELECT value FROM json_each(?)) AND id NOT IN (SELECT id FROM top)) x`,
    params: [...counts.params, ...checks.flatMap((k) => k.params), listing.limit ?? -1, JSON.stringify(chosen)],
  };
}

/** How many matching values a menu's answer (menuTopSql's rows) left out. */
function leftOut(rows: readonly { matched: number; listed: number }[]): number {
  return (rows[0]?.listed ?? 0) - rows.reduce((sum, r) => sum + r.matched, 0);
}

/**
 * The theme facet as a menu lists it (menuTopSql): a theme matches by its headline or by its
 * plan's shown title (the heading it is listed under). At a million initiatives the scope holds
 * about 100,000 themes: a reader cannot use a menu of them, and listing them (each joined to its
 * theme, made an object, sent) cost most of its 0.7 s of CPU. The counts shown are exact.
 */
function themeFacetList(db: Db, scope: RowScope, listing: FacetListing): FacetList {
  ensurePlanRanks(db);
  const { inner, outer, params } = themeCountsSql(scope);
  const counts = outer
    ? `SELECT c.theme_id AS id, c.n AS n FROM (${inner}) c JOIN themes t ON t.id = c.theme_id ${outer}`
    : `SELECT theme_id AS id, n FROM (${inner})`;
  const top = menuTopSql(
    { sql: counts, params, labelJoins: 'JOIN themes t ON t.id = c.id JOIN temp.plan_ranks pr ON pr.plan_id = t.plan_id', labels: ['t.headline', 'pr.title'] },
    listing,
    scope.filters.themeIds ?? [],
  );
  // Each listed theme's plan title and rank read with it (a hundred rows at most), not looked up
  // by a second statement over a JSON list of their plans (about a fifth of the menu's CPU in a
  // small library).
  const rows = prepared(
    db,
    `SELECT t.id AS id, t.plan_id AS planId, t.headline AS headline, t.ordinal AS ordinal, x.n AS n, x.matched AS matched, x.listed AS listed,
       pr.title AS planTitle, pr.pinyin AS planRank
     FROM (${top.sql}) x JOIN themes t ON t.id = x.id LEFT JOIN temp.plan_ranks pr ON pr.plan_id = t.plan_id`,
  ).all(...top.params) as (ThemeRow & { n: number; matched: number; listed: number; planTitle: string | null; planRank: number | null })[];
  return { entries: themeEntries(db, scope, rows, plansOf(rows)), more: leftOut(rows) };
}

/** The plans of theme rows read with their plan's title and rank. */
function plansOf(rows: readonly (ThemeRow & { planTitle: string | null; planRank: number | null })[]): Map<string, RankedPlan> {
  const plans = new Map<string, RankedPlan>();
  for (const r of rows) if (r.planTitle !== null) plans.set(r.planId, { id: r.planId, title: r.planTitle, rank: r.planRank });
  return plans;
}

/**
 * The plan facet as a menu lists it (menuTopSql): a plan matches by its shown title. At a
 * million initiatives a library holds 20,000 plans; the menu listed every one (about 140 ms of
 * CPU and a list no reader can use).
 */
function planFacetList(db: Db, scope: RowScope, listing: FacetListing): FacetList {
  ensurePlanRanks(db);
  const counts = planCountsSql(scope);
  const top = menuTopSql(
    { ...counts, labelJoins: 'JOIN temp.plan_ranks pr ON pr.plan_id = c.id', labels: ['pr.title'] },
    listing,
    scope.filters.planIds ?? [],
  );
  const rows = prepared(
    db,
    `SELECT x.id AS id, pr.title AS title, pr.pinyin AS rank, x.n AS n, x.matched AS matched, x.listed AS listed
     FROM (${top.sql}) x JOIN temp.plan_ranks pr ON pr.plan_id = x.id`,
  ).all(...top.params) as (RankedPlan & { n: number; matched: number; listed: number })[];
  return { entries: planEntries(db, scope, rows), more: leftOut(rows) };
}

/** Status values in display order: configured options, other keys in use, then null. */
export function statusValues(options: readonly StatusOption[], counts: Counts): (string | null)[] {
  const configured = options.map((o) => o.key);
  const others = [...counts.keys()].filter((k): k is string => k !== null && !configured.includes(k)).sort();
  return [...configured, ...others, null];
}

export interface CountContext {
  db: Db;
  scope: RowScope;
  /** Rows in scope under every filter (computed only if a count needs it). */
  total: () => number;
  statusOptions: readonly StatusOption[];
}

/**
 * One facet's counts. Only what is in scope is listed: plans and themes, like tags, only when
 * some row under the other filters has them, plus the chosen ones (a chosen value stays listed so it
 * can be unchecked), so counting across a thousand plans does not list every plan's themes.
 */
export function facetCounts(ctx: CountContext, facet: FacetName): FacetCount[] {
  const { db, scope } = ctx;
  if (facet === 'theme') return themeFacet(db, scope);
  if (facet === 'plan') return planFacet(db, scope);
  const counts = countBy(db, scope, facet, facet, () => (facetActive(scope, facet) ? countRows(db, scope, facet) : ctx.total()));
  switch (facet) {
    case 'status':
      return statusValues(ctx.statusOptions, counts).map((value) => ({ value, label: value ?? '', count: counts.get(value) ?? 0 }));
    case 'priority':
      return [...PRIORITIES, null].map((value) => ({ value, label: value ?? '', count: counts.get(value) ?? 0 }));
    case 'tags':
      for (const chosen of scope.filters.tags ?? []) if (!counts.has(chosen)) counts.set(chosen, 0);
      return [...counts.entries()]
        .map(([value, count]) => ({ value, label: value ?? '', count }))
        .sort((a, b) => b.count - a.count || COLLATORS.pinyin.compare(a.label, b.label));
  }
}

/** One facet's counts as a menu lists them: the theme and plan facets limited and matched
 *  (themeFacetList, planFacetList), every other facet whole (a few statuses and priorities, the
 *  reader's tags). */
export function facetList(ctx: CountContext, facet: FacetName, listing: FacetListing = {}): FacetList {
  const limited = listing.limit !== undefined || (listing.match ?? '') !== '';
  if (facet === 'theme' && limited) return themeFacetList(ctx.db, ctx.scope, listing);
  if (facet === 'plan' && limited) return planFacetList(ctx.db, ctx.scope, listing);
  return { entries: facetCounts(ctx, facet), more: 0 };
}

export function computeFacets(ctx: CountContext): TablePage['facets'] {
  return {
    plan: facetCounts(ctx, 'plan'),
    theme: facetCounts(ctx, 'theme'),
    status: facetCounts(ctx, 'status'),
    priority: facetCounts(ctx, 'priority'),
    tags: facetCounts(ctx, 'tags'),
  };
}

/** Rows in scope without one facet's selection. */
function countRows(db: Db, scope: RowScope, except: FacetName): number {
  const { sql, params } = countSql(scope, except);
  return (prepared(db, sql).get(...params) as { n: number }).n;
}
