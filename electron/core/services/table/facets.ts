// Facet counts and group counts of a table query. A facet is counted under every active filter
// except its own selection; groups under all filters. Statuses and priorities are counted from
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

interface ScopeTheme {
  id: string;
  planId: string;
  headline: string;
}

/** Themes of the given plans, plan by plan in the order given, each plan's in theme order. */
function themesOf(db: Db, planIds: readonly string[]): ScopeTheme[] {
  if (planIds.length === 0) return [];
  const themes = prepared(
    db,
    `SELECT t.id AS id, t.plan_id AS planId, t.headline AS headline FROM json_each(?) j
     JOIN themes t ON t.plan_id = j.value ORDER BY j.key, t.ordinal`,
  ).all(JSON.stringify(planIds)) as ScopeTheme[];
  return themes;
}

/** The plans in scope narrowed to the chosen ones, if any are chosen. */
function chosenPlans(plans: readonly PlanTitle[], scope: RowScope): string[] {
  const chosen = scope.filters.planIds?.length ? new Set(scope.filters.planIds) : null;
  return plans.filter((p) => !chosen || chosen.has(p.id)).map((p) => p.id);
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
  total: number;
  statusOptions: readonly StatusOption[];
}

export function computeFacets(ctx: CountContext): TablePage['facets'] {
  const { db, scope, total } = ctx;
  const facetCounts = (facet: FacetName) =>
    countBy(db, scope, facet, facet, () => (facetActive(scope, facet) ? countRows(db, scope, facet) : total));

  const plans = plansInScope(db, scope);
  const planCounts = facetCounts('plan');
  const plan: FacetCount[] = plans.map((p) => ({ value: p.id, label: p.title, count: planCounts.get(p.id) ?? 0 }));

  const themeCounts = facetCounts('theme');
  const theme: FacetCount[] = themesOf(db, chosenPlans(plans, scope)).map((t) => ({
    value: t.id,
    label: t.headline,
    count: themeCounts.get(t.id) ?? 0,
    planId: t.planId,
  }));

  const statusCounts = facetCounts('status');
  const status: FacetCount[] = statusValues(ctx.statusOptions, statusCounts).map((value) => ({
    value,
    label: value ?? '',
    count: statusCounts.get(value) ?? 0,
  }));

  const priorityCounts = facetCounts('priority');
  const priority: FacetCount[] = [...PRIORITIES, null].map((value) => ({
    value,
    label: value ?? '',
    count: priorityCounts.get(value) ?? 0,
  }));

  const tagCounts = facetCounts('tags');
  for (const chosen of scope.filters.tags ?? []) if (!tagCounts.has(chosen)) tagCounts.set(chosen, 0);
  const tags: FacetCount[] = [...tagCounts.entries()]
    .map(([value, count]) => ({ value, label: value ?? '', count }))
    .sort((a, b) => b.count - a.count || COLLATORS.pinyin.compare(a.label, b.label));

  return { plan, theme, status, priority, tags };
}

/** Rows in scope without one facet's selection. */
function countRows(db: Db, scope: RowScope, except: FacetName): number {
  const { sql, params } = countSql(scope, except);
  return (prepared(db, sql).get(...params) as { n: number }).n;
}

/** Groups of a grouped query in display order, with their row counts (empty groups left out). */
export function computeGroups(ctx: CountContext, groupBy: 'theme' | 'status'): TableGroup[] {
  const { db, scope, total } = ctx;
  const counts = countBy(db, scope, groupBy, undefined, () => total);
  if (groupBy === 'theme') {
    // In the order the rows come in: plan by plan (by id, see orderByOf), then theme order.
    const planIds = chosenPlans(plansInScope(db, scope), scope).sort();
    return themesOf(db, planIds)
      .filter((t) => (counts.get(t.id) ?? 0) > 0)
      .map((t) => ({ key: t.id, label: t.headline, count: counts.get(t.id)!, planId: t.planId }));
  }
  return statusValues(ctx.statusOptions, counts)
    .filter((key) => (counts.get(key) ?? 0) > 0)
    .map((key) => ({ key, label: key ?? '', count: counts.get(key)! }));
}
