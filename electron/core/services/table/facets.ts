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

type Counts = Map<string | null, number>;

function rowsToCounts(rows: { value: string | null; n: number }[]): Counts {
  return new Map(rows.map((r) => [r.value, r.n]));
}

function facetActive(scope: RowScope, facet: FacetName): boolean {
  const f = scope.filters;
  const selection = { theme: f.themeIds, status: f.statuses, priority: f.priorities, tags: f.tags }[facet];
  return (selection?.length ?? 0) > 0;
}

/** Rows per value of one dimension, under the scope without `except`'s selection.
 *  `rowsUnder` is the row count under the same filters (for the unset remainder). */
function countBy(db: Db, scope: RowScope, dim: FacetName, except: FacetName | undefined, rowsUnder: () => number): Counts {
  const where = whereOf(scope, except);
  const and = (condition: string) => (where.sql ? `${where.sql} AND ${condition}` : `WHERE ${condition}`);
  switch (dim) {
    case 'theme':
      return rowsToCounts(
        prepared(db, `SELECT k.theme_id AS value, count(*) AS n ${fromOf(where.usesState)} ${where.sql} GROUP BY k.theme_id`).all(
          ...where.params,
        ) as { value: string; n: number }[],
      );
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

interface ThemeRow {
  id: string;
  headline: string;
  ordinal: number;
}

const byThemeOrder = (a: ThemeRow, b: ThemeRow) => a.ordinal - b.ordinal || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The themes of these ids, in theme order (ordinal, then id). */
function themesOf(db: Db, ids: readonly string[]): ThemeRow[] {
  if (ids.length === 0) return [];
  return prepared(
    db,
    'SELECT id, headline, ordinal FROM themes WHERE id IN (SELECT value FROM json_each(?)) ORDER BY ordinal, id',
  ).all(JSON.stringify(ids)) as ThemeRow[];
}

/** The theme facet in one statement: the counts joined to their themes in theme order (across
 *  many plans, thousands of them), then any chosen theme no row in scope has, at 0. */
function themeFacet(db: Db, scope: RowScope): FacetCount[] {
  const where = whereOf(scope, 'theme');
  const counted = prepared(
    db,
    `SELECT t.id AS id, t.headline AS headline, t.ordinal AS ordinal, c.n AS n
     FROM (SELECT k.theme_id AS theme_id, count(*) AS n ${fromOf(where.usesState)} ${where.sql} GROUP BY k.theme_id) c
     JOIN themes t ON t.id = c.theme_id ORDER BY t.ordinal, t.id`,
  ).all(...where.params) as (ThemeRow & { n: number })[];
  const listed = new Set(counted.map((t) => t.id));
  const missing = themesOf(db, (scope.filters.themeIds ?? []).filter((id) => !listed.has(id))).map((t) => ({ ...t, n: 0 }));
  const all = missing.length ? [...counted, ...missing].sort(byThemeOrder) : counted;
  return all.map((t) => ({ value: t.id, label: t.headline, count: t.n }));
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
 * One facet's counts. Only what is in scope is listed: themes, like tags, only when some row
 * under the other filters has them, plus the chosen ones (a chosen value stays listed so it
 * can be unchecked), so counting across a thousand plans does not list every plan's themes.
 */
export function facetCounts(ctx: CountContext, facet: FacetName): FacetCount[] {
  const { db, scope } = ctx;
  if (facet === 'theme') return themeFacet(db, scope);
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
    const ids = [...counts].filter(([id, n]) => id !== null && n > 0).map(([id]) => id!);
    return themesOf(db, ids).map((t) => ({ key: t.id, label: t.headline, count: counts.get(t.id)! }));
  }
  return statusValues(ctx.statusOptions, counts)
    .filter((key) => (counts.get(key) ?? 0) > 0)
    .map((key) => ({ key, label: key ?? '', count: counts.get(key)! }));
}
