// The SQL of a table query, built from its parts: which rows (plans, facets, text hits, ids),
// in which order (the reader's sort, after the grouping), with only the joins those need.
// Every query drives from initiative_sort_keys (alias k), whose indexes serve the default
// order, the theme filter and the headline/theme sorts; the reader's fields come in by a
// LEFT JOIN on user_initiative_state (alias s) only when a filter or sort uses them.
import type { Collation, FacetName, GroupBy, TableFilters, TableSort } from '../../../../shared/domain/table';
import { EMPTY_RANK } from '../../collation/collators';
import { placeholders } from '../../db/statements';
import { ROW_COLUMNS, ROW_JOINS } from './rows';

export type { FacetName } from '../../../../shared/domain/table';

/** Which rows a query covers. */
export interface RowScope {
  planId?: string;
  filters: TableFilters;
  /** Restrict to the ids in temp.table_hits (search and text filters, see hits.ts). */
  hits: boolean;
  /** Restrict to these ids (an export of the selection). */
  ids?: readonly string[];
  /** Text conditions tested row by row (hits.ts textTests: a search walked instead of its hits
   *  collected), each an SQL condition over k.initiative_id with its parameters. */
  tests?: readonly { sql: string; params: unknown[] }[];
  /** Plans in the reader's trash, left out (none: the SQL is as without a trash). */
  trashedPlans?: readonly string[];
  /** Conditions on the sort keys' own columns, left for an index to serve (reader-sort.ts: one
   *  value's rows of a reader's field), each with the same condition over the kept counts
   *  (alias c) when they can count it. */
  keys?: readonly KeyCondition[];
}

/** A condition over initiative_sort_keys (alias k), and the same over initiative_counts (c). */
export interface KeyCondition {
  sql: string;
  params: unknown[];
  kept?: { sql: string; params: unknown[] };
}

/** Whether a scope (without one facet's selection) has conditions on the reader's fields, tags,
 *  text hits or ids: conditions an index of the sort keys cannot answer (see whereOf's walk). */
export function hasTestedConditions(scope: RowScope, except?: FacetName): boolean {
  const f = scope.filters;
  return (
    scope.hits ||
    scope.ids !== undefined ||
    !!scope.tests?.length ||
    (except !== 'status' && !!f.statuses?.length) ||
    (except !== 'priority' && !!f.priorities?.length) ||
    (except !== 'tags' && !!f.tags?.length)
  );
}

export interface Where {
  sql: string;
  params: unknown[];
  usesState: boolean;
}

/** Plans left out, as the list of an IN: a few as parameters (a fifth faster to test per row
 *  than json_each), many as one JSON parameter (one statement for any number). */
function planList(planIds: readonly string[]): { sql: string; params: unknown[] } {
  return planIds.length <= 16
    ? { sql: placeholders(planIds.length), params: [...planIds] }
    : { sql: 'SELECT value FROM json_each(?)', params: [JSON.stringify(planIds)] };
}

/** `col IN (…) OR col IS NULL` for a facet selection that may include null (= unset). */
function nullableIn(column: string, values: readonly (string | null)[], params: unknown[]): string {
  const keys = [...new Set(values.filter((v): v is string => v !== null))];
  const parts: string[] = [];
  if (keys.length) {
    parts.push(`${column} IN (${placeholders(keys.length)})`);
    params.push(...keys);
  }
  if (values.includes(null)) parts.push(`${column} IS NULL`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

/**
 * The WHERE clause of a scope, leaving out one facet's own selection (for its counts).
 * `walk`: the conditions on the reader's fields, tags, text hits and ids are written so that no
 * index can serve them (unary +): SQLite then walks the order's index and tests each row, and
 * stops at the page's last row, instead of collecting every row they select and sorting them.
 * Plan and theme conditions stay indexed: their indexes keep the default order.
 */
export function whereOf(scope: RowScope, except?: FacetName, walk = false): Where {
  const clauses: string[] = [];
  const params: unknown[] = [];
  let usesState = false;
  const { filters } = scope;
  const tested = (column: string) => (walk ? `+${column}` : column);
  // Walked with text tests, a status or priority is tested on the sort keys' copies (migration
  // 0014, kept by triggers in every write): the reader's state joined after the sort keys is a
  // later loop, so SQLite tested each row's text (a read of its documents' texts, ~20 µs) before
  // its status — at 1M initiatives 低空 under a status, 23,500 rows to fill a first page: about
  // 0.45 s of CPU. On k, the status is tested first and the text only on its rows.
  const onKeys = walk && !!scope.tests?.length;
  const reader = (column: 'status' | 'priority') => (onKeys ? `+k.${column}` : tested(`s.${column}`));
  if (scope.planId !== undefined) {
    clauses.push('k.plan_id = ?');
    params.push(scope.planId);
  }
  if (except !== 'plan' && filters.planIds?.length) {
    const plans = [...new Set(filters.planIds)];
    clauses.push(`k.plan_id IN (${placeholders(plans.length)})`);
    params.push(...plans);
  }
  if (except !== 'theme' && filters.themeIds?.length) {
    const themes = [...new Set(filters.themeIds)];
    clauses.push(`k.theme_id IN (${placeholders(themes.length)})`);
    params.push(...themes);
  }
  if (except !== 'status' && filters.statuses?.length) {
    clauses.push(nullableIn(reader('status'), filters.statuses, params));
    usesState ||= !onKeys;
  }
  if (except !== 'priority' && filters.priorities?.length) {
    clauses.push(nullableIn(reader('priority'), filters.priorities, params));
    usesState ||= !onKeys;
  }
  if (except !== 'tags' && filters.tags?.length) {
    const tags = [...new Set(filters.tags)];
    // Tested row by row, one tag is a seek in the row's tags: the list of every row having it
    // (and its Bloom filter) was built first for a page that tests a few thousand rows (at 100k
    // initiatives, the tag filter's middle page statement 4.8 → 4.2 ms of CPU).
    clauses.push(
      walk && tags.length === 1
        ? 'EXISTS (SELECT 1 FROM user_initiative_tags g WHERE g.initiative_id = k.initiative_id AND g.tag = ?)'
        : `${tested('k.initiative_id')} IN (SELECT initiative_id FROM user_initiative_tags WHERE tag IN (${placeholders(tags.length)})
        GROUP BY initiative_id HAVING count(*) = ${tags.length})`,
    );
    params.push(...tags);
  }
  for (const key of scope.keys ?? []) {
    clauses.push(key.sql);
    params.push(...key.params);
  }
  if (scope.trashedPlans?.length) {
    const left = planList(scope.trashedPlans);
    clauses.push(`k.plan_id NOT IN (${left.sql})`);
    params.push(...left.params);
  }
  if (scope.hits) clauses.push(`${tested('k.initiative_id')} IN (SELECT id FROM temp.table_hits)`);
  if (scope.ids) {
    clauses.push(`${tested('k.initiative_id')} IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(scope.ids));
  }
  // Last, so a row is tested only once every cheaper condition kept it (no index serves them).
  for (const test of scope.tests ?? []) {
    clauses.push(test.sql);
    params.push(...test.params);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params, usesState };
}

/** One ORDER BY term: an expression over the query's aliases, and its direction. */
export interface OrderTerm {
  expr: string;
  desc: boolean;
}

export interface OrderBy {
  sql: string;
  terms: OrderTerm[];
  params: unknown[];
  usesState: boolean;
  /** text_sort_keys joins needed, by alias → the state column they rank. */
  textJoins: Map<string, string>;
  /** Sorts by plan title: temp.plan_ranks (plans.ts) is joined as pr. */
  planRanks: boolean;
  /** Sorts by the rank of a free text copied onto the sort keys (reader-sort.ts, migration
   *  0017): the typed values' ranks are joined as tv by that copy, and read in their index's
   *  order when the rows are read in the order's (fromOf). */
  ranked?: RankedText;
}

/** A free text of the reader's copied onto the sort keys (k.column), ranked in a collation. */
export interface RankedText {
  column: 'lead_unit' | 'responsible_units' | 'progress_note';
  collation: Collation;
}

const TEXT_COLUMNS = {
  leadUnit: { alias: 'tl', column: 's.lead_unit' },
  responsibleUnits: { alias: 'tr', column: 's.responsible_units' },
  progressNote: { alias: 'tn', column: 's.progress_note' },
} as const;

const PRIORITY_ORDER = "CASE s.priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 WHEN 'low' THEN 2 END";

/** CASE giving a status its position among the configured options (others after them). */
function statusOrder(statusKeys: readonly string[], params: unknown[]): string {
  params.push(...statusKeys);
  return `CASE s.status ${statusKeys.map((_, i) => `WHEN ? THEN ${i}`).join(' ')} ELSE ${statusKeys.length} END`;
}

const termSql = (t: OrderTerm) => (t.desc ? `${t.expr} DESC` : t.expr);

/**
 * ORDER BY for a sort: grouped rows first by group (theme order; status in option order, then
 * unset), then the reader's sort columns, then ties in default order (theme ordinal, initiative
 * ordinal, id). Empty and unset values come last in either direction.
 * Across plans (`acrossPlans`: no single plan asked for), theme groups and the default order
 * (no sort column) keep each plan's rows together, plan by plan, as the plan index gives them;
 * after a sort column, ties stay in theme order so the rank indexes still give the order.
 */
export function orderByOf(
  sort: readonly TableSort[],
  collation: Collation,
  groupBy: GroupBy,
  statusKeys: readonly string[],
  acrossPlans = false,
  emptyRanks: (rankColumn: string) => boolean = () => true,
): OrderBy {
  const terms: OrderTerm[] = [];
  const params: unknown[] = [];
  const push = (expr: string, desc = false) => terms.push({ expr, desc });
  const textJoins = new Map<string, string>();
  let usesState = false;
  let planRanks = false;
  /** Nulls last in both directions, then the value. */
  const nullsLast = (expr: string, desc: boolean) => {
    push(`${expr} IS NULL`);
    push(expr, desc);
  };

  // A theme's ordinal is unique within its plan (themes: UNIQUE (plan_id, ordinal)), so the plan
  // and the ordinal already keep each theme's rows together: the grouped order is the default
  // order, which the plan index gives. With the theme's id after them as well (as before), no
  // index gave it, and every grouped page was read group by group (query.ts groupedRows).
  if (groupBy === 'theme') for (const expr of [...(acrossPlans ? ['k.plan_id'] : []), 'k.theme_ordinal']) push(expr);
  if (groupBy === 'status') {
    usesState = true;
    push('s.status IS NULL');
    push(statusOrder(statusKeys, params));
    push('s.status');
  }
  for (const { column, desc } of sort) {
    switch (column) {
      case 'shortId':
        push('k.theme_ordinal', desc);
        push('k.ordinal', desc);
        break;
      case 'plan':
        // The plan's place in the column's order (plans.ts): by its title's rank, plans whose
        // titles rank equal kept apart by id (in either direction), each in its own run of rows.
        planRanks = true;
        push(`pr.${collation}_${desc ? 'down' : 'up'}`);
        break;
      case 'theme':
      case 'headline': {
        const rankColumn = `${column === 'theme' ? 'theme' : 'headline'}_${collation}`;
        const rank = `k.${rankColumn}`;
        // Ascending, the empty text's rank is already last; descending, it is put last first —
        // unless no row has it (`emptyRanks`): that term then says nothing, and without it the
        // rank index read backwards gives the order up to ties, each run of equal ranks sorted
        // by default order and the sort stopping with the page (at 1M items a descending
        // headline sort's first page sorted every row: 190 ms).
        if (desc && emptyRanks(rankColumn)) push(`${rank} = ${EMPTY_RANK}`);
        push(rank, desc);
        break;
      }
      case 'status':
        usesState = true;
        push('s.status IS NULL');
        push(statusOrder(statusKeys, params), desc);
        push('s.status', desc);
        break;
      case 'priority':
        usesState = true;
        nullsLast(PRIORITY_ORDER, desc);
        break;
      case 'leadUnit':
      case 'responsibleUnits':
      case 'progressNote': {
        usesState = true;
        const { alias, column: stateColumn } = TEXT_COLUMNS[column];
        textJoins.set(alias, stateColumn);
        nullsLast(`${alias}.${collation}`, desc);
        break;
      }
      case 'deadline':
        usesState = true;
        nullsLast('s.deadline', desc);
        break;
      case 'touchedAt':
        usesState = true;
        nullsLast('s.touched_at', desc);
        break;
      case 'highlightCount':
      case 'noteCount': {
        const kind = column === 'highlightCount' ? 'highlight' : 'note';
        push(
          `(SELECT count(*) FROM user_annotations a WHERE a.item_id = k.initiative_id AND a.kind = '${kind}' AND a.deleted_at IS NULL)`,
          desc,
        );
        break;
      }
    }
  }
  // Ties in default order; terms already present are not repeated (the index still matches).
  const ties = ['k.theme_ordinal', 'k.ordinal', 'k.initiative_id'];
  if (acrossPlans && sort.length === 0) ties.unshift('k.plan_id');
  for (const tie of ties) {
    if (!terms.some((t) => t.expr === tie)) push(tie);
  }
  return { sql: `ORDER BY ${terms.map(termSql).join(', ')}`, terms, params, usesState, textJoins, planRanks };
}

/** FROM with the joins a query's filters and order need. `fromPlans`: a plan sort's rows read
 *  plan by plan in the order's place column (its index), each plan's rows by its plan index —
 *  for a scope neither bounded by plans or themes nor tested row by row before the order
 *  (pageRowsSql), where SQLite would otherwise read every row and sort them all. */
export function fromOf(
  usesState: boolean,
  textJoins: ReadonlyMap<string, string> = new Map(),
  planRanks = false,
  fromPlans = false,
  ranked?: RankedText,
): string {
  // A ranked text's order read as `fromPlans` reads a plan sort's: the typed values in their
  // rank index's order (CROSS JOIN: SQLite keeps that order), each value's rows by the copy's
  // index; otherwise the rows' own values looked up (only rows with a value: the segment's).
  const first = ranked && fromPlans
    ? `FROM text_sort_keys tv INDEXED BY text_sort_keys_by_${ranked.collation} CROSS JOIN initiative_sort_keys k ON k.${ranked.column} = tv.text`
    : planRanks && fromPlans
      ? 'FROM temp.plan_ranks pr CROSS JOIN initiative_sort_keys k ON k.plan_id = pr.plan_id'
      : 'FROM initiative_sort_keys k';
  const joins = [first];
  if (ranked && !fromPlans) joins.push(`JOIN text_sort_keys tv ON tv.text = k.${ranked.column}`);
  if (planRanks && !fromPlans) joins.push('LEFT JOIN temp.plan_ranks pr ON pr.plan_id = k.plan_id');
  if (usesState || textJoins.size) joins.push('LEFT JOIN user_initiative_state s ON s.initiative_id = k.initiative_id');
  for (const [alias, column] of textJoins) joins.push(`LEFT JOIN text_sort_keys ${alias} ON ${alias}.text = ${column}`);
  return joins.join(' ');
}

/** The ids of one page (or all rows, without limit) in display order (`walk`: see whereOf). */
export function pageSql(
  scope: RowScope,
  order: OrderBy,
  page: { offset: number; limit: number } | null,
  walk = false,
): { sql: string; params: unknown[] } {
  const where = whereOf(scope, undefined, walk);
  const from = fromOf(where.usesState || order.usesState, order.textJoins, order.planRanks, false, order.ranked);
  const limit = page ? ' LIMIT ? OFFSET ?' : '';
  return {
    sql: `SELECT k.initiative_id AS id ${from} ${where.sql} ${order.sql}${limit}`,
    params: [...where.params, ...order.params, ...(page ? [page.limit, page.offset] : [])],
  };
}

/**
 * One page's rows, picked and read in one statement. Two forms, the same rows in the same order:
 * - flat: the row columns selected straight off the ordered scan, as a hand-written page would
 *   be. Only when the order comes from an index (no sort step): then the scan stops at the
 *   page's last row and the per-row subqueries run for the page's rows alone.
 * - nested: the page's ids (and the values of its order terms) picked first, then joined to
 *   their columns. With a sort step, a flat statement would compute every column of every row
 *   in scope before sorting. CROSS JOIN keeps the page as the outer loop; the outer ORDER BY
 *   sorts its few rows again by the values the inner one chose them by.
 * - walk: nested, the ids picked by walking the order's index and testing each row against the
 *   conditions on the reader's fields, hits and tags (whereOf's walk). Cheaper than collecting and sorting
 *   every row in scope when many rows match (the page is found after a few of them); far
 *   dearer when few do (every row is tested). queryTable chooses by the row count.
 * - skip: nested, for a page deep in an order an index gives (flat's): the rows before it are
 *   skipped in the order's index alone, where flat joins each skipped row to its text and the
 *   reader's fields first (OFFSET counts rows after the joins). Given the total (`page.total`,
 *   exact: the rows the inner statement finds), a page nearer the end than the start is
 *   counted from the end, the index walked backwards (skipWalk): the last page skips no row.
 *   Given `page.start` (skip.ts), the walk starts at a row found beforehand.
 */
export type PageForm = 'flat' | 'nested' | 'walk' | 'skip';

/** Where a skip-form page's walk starts: at the row of these order values (its first terms', as
 *  many as given, in the walk's direction), passing `skip` rows of the scope before the page's
 *  first. */
export interface SkipStart {
  key: readonly unknown[];
  skip: number;
  /** Rows of left-out plans from the start on (at most): given, those plans are tested only on
   *  the window of rows the page can come from (pageRowsSql). */
  leftAfter?: number;
}

/** How a skip-form page walks: backwards from the end when fewer rows follow the page than
 *  precede it (given the total), taking `limit` rows after passing `skip` rows of the scope. */
export function skipWalk(page: { offset: number; limit: number; total?: number }): { backwards: boolean; limit: number; skip: number } {
  const after = page.total === undefined ? undefined : page.total - page.offset - page.limit;
  if (after === undefined || after >= page.offset) return { backwards: false, limit: page.limit, skip: page.offset };
  return { backwards: true, limit: Math.max(0, Math.min(page.limit, page.limit + after)), skip: Math.max(0, after) };
}

/** The first `n` terms of an order (all of them by default) as one row value, and the
 *  comparison keeping the rows from a start on in a walk's direction: only for terms that all
 *  go one way (skip.ts checks). */
export function fromStartSql(order: OrderBy, backwards: boolean, n = order.terms.length): string {
  const down = order.terms[0]!.desc !== backwards;
  return `(${order.terms.slice(0, n).map((t) => t.expr).join(', ')}) ${down ? '<=' : '>='} (${placeholders(n)})`;
}

export function pageRowsSql(
  scope: RowScope,
  order: OrderBy,
  page: { offset: number; limit: number; total?: number; start?: SkipStart },
  form: PageForm,
): { sql: string; params: unknown[] } {
  // Nested within some plans or themes (few rows, found by their index), the conditions on the
  // reader's fields are tested on those rows: left indexable, SQLite drove the page from the
  // status index instead, reading every row of that status in the library (at 1M items, 50,000
  // rows for two plans' 2: 0.1 s).
  const bounded = scope.planId !== undefined || !!scope.filters.planIds?.length || !!scope.filters.themeIds?.length;
  const tested = form === 'walk' || ((form === 'nested' || form === 'skip') && bounded && !scope.hits && scope.ids === undefined);
  const where = whereOf(scope, undefined, tested);
  if (form === 'flat') {
    // Themes and plans joined by k's copies of their ids, as the order's index has them.
    const from = fromOf(true, order.textJoins, order.planRanks, false, order.ranked).replace(
      'FROM initiative_sort_keys k',
      `FROM initiative_sort_keys k JOIN initiatives i ON i.id = k.initiative_id
        JOIN themes t ON t.id = k.theme_id JOIN plans p ON p.id = k.plan_id`,
    );
    return {
      sql: `SELECT ${ROW_COLUMNS} ${from} ${where.sql} ${order.sql} LIMIT ? OFFSET ?`,
      params: [...where.params, ...order.params, page.limit, page.offset],
    };
  }
  // Unbounded and untested (or walked: testing rows in order is the point), a plan sort reads
  // plan by plan (fromOf); a bounded scope's few rows, or hits found by their index, are
  // reached through their own index and sorted.
  const fromPlans = form === 'walk' || !(bounded || hasTestedConditions(scope));
  const from = fromOf(where.usesState || order.usesState, order.textJoins, order.planRanks, fromPlans, order.ranked);
  // The inner ORDER BY names its terms by column number, so each is computed once per row.
  const values = order.terms.map((t, n) => `${t.expr} AS o${n}`).join(', ');
  // From the end: the page's rows are the last ones before the rows after it, in reverse order
  // (the outer ORDER BY puts them back).
  const walk = form === 'skip' ? skipWalk(page) : { backwards: false, limit: page.limit, skip: page.offset };
  // A walk may start at a row found beforehand too (skip.ts countedSkipStatement: the rows of
  // the plans before the page's plan passed by their kept counts).
  const start = form === 'skip' || form === 'walk' ? page.start : undefined;
  const conditions = start ? `${where.sql ? `${where.sql} AND` : 'WHERE'} ${fromStartSql(order, walk.backwards, start.key.length)}` : where.sql;
  const directions = (first: number) => order.terms.map((t, n) => `${n + first}${t.desc !== walk.backwards ? ' DESC' : ''}`).join(', ');
  const outer = (inner: string, params: unknown[]) => ({
    sql: `SELECT ${ROW_COLUMNS} FROM (${inner}) pg CROSS JOIN initiatives i ON i.id = pg.id ${ROW_JOINS}
      ORDER BY ${order.terms.map((t, n) => `pg.o${n}${t.desc ? ' DESC' : ''}`).join(', ')}`,
    params,
  });
  if (start?.leftAfter !== undefined && scope.trashedPlans?.length) {
    // The left-out plans tested on the window of rows the page can come from only (its rows,
    // those it passes, and at most `leftAfter` left-out ones), not on every row the sort of a
    // run reads: the rank indexes do not hold the plan, so each test is a lookup of the row
    // (a short-id run at 1M is 20,000 rows: 94 ms of lookups against 11 ms of sorting).
    const open = whereOf({ ...scope, trashedPlans: undefined }, undefined, tested);
    const left = planList(scope.trashedPlans);
    // The window reads the order's index alone (the plan is not in it); its rows are tested
    // against the left-out plans' row ids, a set made once from their plan index.
    const window = `SELECT k.initiative_id AS id, ${values} ${fromOf(open.usesState || order.usesState, order.textJoins, order.planRanks, fromPlans, order.ranked)}
      ${open.sql ? `${open.sql} AND` : 'WHERE'} ${fromStartSql(order, walk.backwards, start.key.length)} ORDER BY ${directions(2)} LIMIT ?`;
    const inner = `SELECT id, ${order.terms.map((_, n) => `o${n}`).join(', ')} FROM (${window}) w
      WHERE id NOT IN (SELECT x.initiative_id FROM initiative_sort_keys x WHERE x.plan_id IN (${left.sql}))
      ORDER BY ${directions(2)} LIMIT ? OFFSET ?`;
    return outer(inner, [...order.params, ...open.params, ...start.key, start.skip + walk.limit + start.leftAfter, ...left.params, walk.limit, start.skip]);
  }
  const inner = `SELECT k.initiative_id AS id, ${values} ${from} ${conditions} ORDER BY ${directions(2)} LIMIT ? OFFSET ?`;
  return outer(inner, [...order.params, ...where.params, ...(start ? start.key : []), walk.limit, start ? start.skip : walk.skip]);
}

/**
 * A scope's conditions over the kept counts (initiative_counts, alias c: rows by plan, theme,
 * status and priority, kept by triggers in every write's transaction), without one facet's
 * selection; null when some condition is not a plan, theme, status or priority (a search's
 * hits, tags, a selection of ids): those rows must be counted one by one.
 */
export function keptWhereOf(scope: RowScope, except?: FacetName, byPlan = false): { sql: string; params: unknown[] } | null {
  const { filters } = scope;
  if (scope.hits || scope.ids !== undefined || (except !== 'tags' && filters.tags?.length)) return null;
  const clauses: string[] = [];
  const params: unknown[] = [];
  // `byPlan`: the status and priority left unindexed (unary +), so the counts are read in their
  // key's plan order, each plan's summed as it ends (skip.ts countedSkipStatement).
  const among = (column: string, values: readonly unknown[]) => {
    const keys = [...new Set(values)];
    clauses.push(`${byPlan && /^c\.(status|priority)$/.test(column) ? '+' : ''}${column} IN (${placeholders(keys.length)})`);
    params.push(...keys);
  };
  if (scope.planId !== undefined) among('c.plan_id', [scope.planId]);
  if (except !== 'plan' && filters.planIds?.length) among('c.plan_id', filters.planIds);
  if (except !== 'theme' && filters.themeIds?.length) {
    among('c.theme_id', filters.themeIds);
    // The themes' plans bound the key's first column, where the themes alone would have every
    // count read. Looked up: a new version's theme may keep the id (and prefix) of its older one.
    const themes = [...new Set(filters.themeIds)];
    clauses.push(`c.plan_id IN (SELECT plan_id FROM themes WHERE id IN (${placeholders(themes.length)}))`);
    params.push(...themes);
  }
  // An unset value is kept as '' (see the migration).
  if (except !== 'status' && filters.statuses?.length) among('c.status', filters.statuses.map((v) => v ?? ''));
  if (except !== 'priority' && filters.priorities?.length) among('c.priority', filters.priorities.map((v) => v ?? ''));
  for (const key of scope.keys ?? []) {
    if (!key.kept) return null;
    clauses.push(key.kept.sql);
    params.push(...key.kept.params);
  }
  if (scope.trashedPlans?.length) {
    const left = planList(scope.trashedPlans);
    clauses.push(`c.plan_id NOT IN (${left.sql})`);
    params.push(...left.params);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * The conditions over the kept totals by theme (initiative_theme_totals, alias c: plan_id,
 * theme_ordinal, theme_id, n) of a scope whose only conditions (without one facet's selection,
 * if named) are plans, themes and the plans left out; null for any other condition (a status,
 * a priority, a tag, a reader's field, text, ids), which those totals cannot count.
 */
export function keptThemeTotalsWhereOf(scope: RowScope, except?: FacetName): { sql: string; params: unknown[] } | null {
  const f = scope.filters;
  if (scope.hits || scope.ids !== undefined || scope.tests?.length || scope.keys?.length) return null;
  if (f.text && Object.values(f.text).some(Boolean)) return null;
  if ((except !== 'status' && f.statuses?.length) || (except !== 'priority' && f.priorities?.length) || (except !== 'tags' && f.tags?.length)) return null;
  return keptWhereOf(scope, except);
}

/**
 * The kept counts of a scope, as keptWhereOf gives their conditions, with the table they are in:
 * initiative_counts, or with one tag chosen initiative_tag_counts (the same columns, and the
 * tag: rows having it, counted by plan, theme, status and priority in every write's
 * transaction). Null where rows must be counted one by one: several tags (a row must have each),
 * a search's hits, text tests, a selection of ids.
 */
export function keptCountsOf(scope: RowScope, except?: FacetName, byPlan = false): { table: string; sql: string; params: unknown[] } | null {
  if (scope.tests?.length) return null;
  const tags = except !== 'tags' ? [...new Set(scope.filters.tags ?? [])] : [];
  if (tags.length > 1) return null;
  const kept = keptWhereOf({ ...scope, filters: { ...scope.filters, tags: undefined } }, except, byPlan);
  if (!kept) return null;
  if (tags.length === 0) return { table: 'initiative_counts', ...kept };
  return { table: 'initiative_tag_counts', sql: `${kept.sql ? `${kept.sql} AND` : 'WHERE'} c.tag = ?`, params: [...kept.params, tags[0]] };
}

/**
 * The number of rows a scope covers (without one facet's selection, if named). With plans left
 * out (the trash), the rows counted without leaving them out, less those of the plans left
 * out: both counts can come from an index (all rows, a plan's rows), where `plan_id NOT IN`
 * would test every row.
 */
export function countSql(scope: RowScope, except?: FacetName): { sql: string; params: unknown[] } {
  // A status or priority condition: the kept counts of those values (without one, the rows
  // of an index are counted at the speed of a page walk, faster than summing every count).
  const f = scope.filters;
  const byState =
    (except !== 'status' && !!f.statuses?.length) || (except !== 'priority' && !!f.priorities?.length) || !!scope.keys?.some((key) => key.kept);
  const kept = byState ? keptWhereOf(scope, except) : null;
  if (kept) return { sql: `SELECT ifnull(sum(c.n), 0) AS n FROM initiative_counts c ${kept.sql}`, params: kept.params };
  // One tag: the kept counts of that tag (at 1M initiatives, a tag on 40,000 rows counted row
  // by row, each looked up: about 70 ms of CPU; its kept counts summed: about 15).
  const tagged = except !== 'tags' && new Set(f.tags ?? []).size === 1 ? keptCountsOf(scope, except) : null;
  if (tagged) return { sql: `SELECT ifnull(sum(c.n), 0) AS n FROM ${tagged.table} c ${tagged.sql}`, params: tagged.params };
  // No condition but plans (every plan but those left out, a plan, plans chosen): the totals
  // kept by plan (migration 0015), where the index of every row is read page by page, which
  // is most of a fresh connection's first page. Every plan less the plans left out, as below:
  // \`NOT IN\` tests each of 20,000 totals (1.9 ms of CPU at 1M, the sum of all of them 0.5).
  const byPlan = !hasTestedConditions(scope, except) && !(except !== 'theme' && f.themeIds?.length) ? keptWhereOf(scope, except) : null;
  if (byPlan && scope.trashedPlans?.length && scope.planId === undefined && !(except !== 'plan' && f.planIds?.length)) {
    const left = planList(scope.trashedPlans);
    return {
      sql: `SELECT (SELECT ifnull(sum(n), 0) FROM initiative_plan_totals) - (SELECT ifnull(sum(n), 0) FROM initiative_plan_totals WHERE plan_id IN (${left.sql})) AS n`,
      params: left.params,
    };
  }
  if (byPlan) return { sql: `SELECT ifnull(sum(c.n), 0) AS n FROM initiative_plan_totals c ${byPlan.sql}`, params: byPlan.params };
  // With a condition tested row by row, the rows are reached through it, not by a count of an
  // index: leaving the trash out is one more test on rows already read.
  if (!scope.trashedPlans?.length || hasTestedConditions(scope, except)) {
    const where = whereOf(scope, except);
    return { sql: `SELECT count(*) AS n ${fromOf(where.usesState)} ${where.sql}`, params: where.params };
  }
  const all = whereOf({ ...scope, trashedPlans: undefined }, except);
  const plans = planList(scope.trashedPlans);
  const left = `k.plan_id IN (${plans.sql})`;
  const from = fromOf(all.usesState);
  // The left-out rows by their plans' index: under a reader's value (reader-sort.ts) SQLite
  // took that value's index and looked up each of its rows' plans (at 1M items the five lead
  // units' ranges before a middle page, 200,000 rows: 960 ms of CPU), as skip.ts's do.
  const fromLeft = scope.keys?.length ? from.replace('FROM initiative_sort_keys k', 'FROM initiative_sort_keys k INDEXED BY initiative_sort_keys_by_plan') : from;
  return {
    sql: `SELECT (SELECT count(*) ${from} ${all.sql}) -
      (SELECT count(*) ${fromLeft} ${all.sql ? `${all.sql} AND ${left}` : `WHERE ${left}`}) AS n`,
    params: [...all.params, ...all.params, ...plans.params],
  };
}
