// Facet counts and group counts of a table query. A facet is counted under every active filter
// except its own selection; groups under all filters. The table asks for a facet only when its
// menu opens (table.facets), never with every page: at a million rows counting costs far more
// than the page itself. Statuses and priorities are counted from
// the reader's state rows (few, and indexed) and the unset ones as the remainder of the row
// count, instead of probing the state of every initiative in scope.
import type { FacetCount, StatusOption, TableGroup, TablePage } from '../../../../shared/domain/table';
import { PRIORITIES } from '../../../../shared/domain/table';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { COLLATORS } from '../../collation/collators';
import { countSql, fromOf, whereOf, type FacetName, type RowScope } from './query-sql';
import { livePlans, planTitle, type PlanTitle } from './plans';

type Counts = Map<string | null, number>;

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
function countBy(db: Db, scope: RowScope, dim: FacetName, except: FacetName | undefined, rowsUnder: () => number): Counts {
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

/** The plans a query covers: the one asked for, else every plan not in the trash, by title. */
function plansInScope(db: Db, scope: RowScope): PlanTitle[] {
  if (scope.planId === undefined) return livePlans(db);
  const plan = planTitle(db, scope.planId);
  return plan ? [plan] : [];
}

interface ThemeRow {
  id: string;
  planId: string;
  headline: string;
  ordinal: number;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The themes of these ids, plan by plan (by plan id, as rows come), each plan's in theme order. */
function themesOf(db: Db, ids: readonly string[]): ThemeRow[] {
  if (ids.length === 0) return [];
  return prepared(
    db,
    `SELECT id, plan_id AS planId, headline, ordinal FROM themes WHERE id IN (SELECT value FROM json_each(?))
     ORDER BY plan_id, ordinal, id`,
  ).all(JSON.stringify(ids)) as ThemeRow[];
}

/** The plan facet: the plans in scope some row under the other filters is in, plus the chosen
 *  ones (so they can be unchecked), by the title the reader sees. */
function planFacet(db: Db, scope: RowScope): FacetCount[] {
  const counts = countBy(db, scope, 'plan', 'plan', () => 0);
  const chosen = new Set(scope.filters.planIds ?? []);
  const listed = plansInScope(db, scope);
  const known = new Set(listed.map((p) => p.id));
  // A chosen plan outside the scope (another plan, or in the trash since) stays listed too.
  const extra = [...chosen].filter((id) => !known.has(id)).map((id) => planTitle(db, id) ?? { id, title: id });
  return [...listed, ...extra]
    .filter((p) => counts.has(p.id) || chosen.has(p.id))
    .sort((a, b) => COLLATORS.pinyin.compare(a.title, b.title) || byId(a, b))
    .map((p) => ({ value: p.id, label: p.title, count: counts.get(p.id) ?? 0 }));
}

/** The theme facet in one statement: the counts joined to their themes (across many plans,
 *  thousands of them), then any chosen theme no row in scope has, at 0; plan by plan in the
 *  plan facet's order (title), each plan's themes in theme order, each naming its plan. */
function themeFacet(db: Db, scope: RowScope): FacetCount[] {
  const where = whereOf(scope, 'theme');
  const counted = prepared(
    db,
    `SELECT t.id AS id, t.plan_id AS planId, t.headline AS headline, t.ordinal AS ordinal, c.n AS n
     FROM (SELECT k.theme_id AS theme_id, count(*) AS n ${fromOf(where.usesState)} ${where.sql} GROUP BY k.theme_id) c
     JOIN themes t ON t.id = c.theme_id`,
  ).all(...where.params) as (ThemeRow & { n: number })[];
  const listed = new Set(counted.map((t) => t.id));
  const missing = themesOf(db, (scope.filters.themeIds ?? []).filter((id) => !listed.has(id))).map((t) => ({ ...t, n: 0 }));
  const all = [...counted, ...missing];
  const plans = new Map<string, PlanTitle>();
  for (const t of all) if (!plans.has(t.planId)) plans.set(t.planId, planTitle(db, t.planId) ?? { id: t.planId, title: t.planId });
  const planOrder = new Map(
    [...plans.values()]
      .sort((a, b) => COLLATORS.pinyin.compare(a.title, b.title) || byId(a, b))
      .map((p, n) => [p.id, n]),
  );
  return all
    .sort((a, b) => planOrder.get(a.planId)! - planOrder.get(b.planId)! || a.ordinal - b.ordinal || byId(a, b))
    .map((t) => ({ value: t.id, label: t.headline, count: t.n, planId: t.planId, planTitle: plans.get(t.planId)!.title }));
}

/** Status values in display order: configured options, other keys in use, then null. */
function statusValues(options: readonly StatusOption[], counts: Counts): (string | null)[] {
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

/** Groups of a grouped query in display order, with their row counts (empty groups left out). */
export function computeGroups(ctx: CountContext, groupBy: 'theme' | 'status'): TableGroup[] {
  const { db, scope } = ctx;
  const counts = countBy(db, scope, groupBy, undefined, ctx.total);
  if (groupBy === 'theme') {
    // In the order the rows come in: plan by plan (by id, see orderByOf), then theme order.
    const ids = [...counts].filter(([id, n]) => id !== null && n > 0).map(([id]) => id!);
    const titles = new Map<string, string>();
    const titleOf = (planId: string) => {
      if (!titles.has(planId)) titles.set(planId, planTitle(db, planId)?.title ?? planId);
      return titles.get(planId)!;
    };
    return themesOf(db, ids).map((t) => ({ key: t.id, label: t.headline, count: counts.get(t.id)!, planId: t.planId, planTitle: titleOf(t.planId) }));
  }
  return statusValues(ctx.statusOptions, counts)
    .filter((key) => (counts.get(key) ?? 0) > 0)
    .map((key) => ({ key, label: key ?? '', count: counts.get(key)! }));
}
