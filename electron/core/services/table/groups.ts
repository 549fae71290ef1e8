// The groups of a grouped table query (group by theme or by status). The renderer draws a header
// line before each group's rows, so it must know every group's row count to place the lines
// (the layout); it names only the groups on screen. At a million initiatives grouped by theme
// there are about 100,000 groups: listing each with its headline and plan title on every page
// took 1.9 s of CPU and 13 MB. So the layout is counted once while nothing is written (kept by
// query.ts) as bare counts in display order, and a page names only the groups its rows are in,
// plus the ones the reader folded (the query's groupKeys), wherever they are. Each layout counted
// has its own stamp, which a later query names to be answered without the counts (query.ts).
import { randomUUID } from 'node:crypto';
import type { StatusOption, TableGroup } from '../../../../shared/domain/table';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { countBy, statusValues } from './facets';
import { planTitle } from './plans';
import { fromOf, keptThemeTotalsWhereOf, keptWhereOf, whereOf, type RowScope } from './query-sql';

/** Every group of a query in display order, with its row count (empty groups left out). */
export interface GroupLayout {
  /** This layout's own stamp (TablePage.groupLayout), never given to another: see stampOf. */
  stamp: string;
  counts: number[];
  /** Each group's first row (the running sum of the counts). */
  starts: number[];
  /** Status groups: their keys. */
  statusKeys?: (string | null)[];
  /** Theme groups: their themes' rowids; a theme's id and headline are read when a page names
   *  it (100,000 ids read as strings doubled the layout's cost). */
  themeRows?: number[];
  /** Index by theme rowid, made when first asked for (a folded group's place). */
  indexOfRow?: Map<number, number>;
  /** Theme groups from more than one plan. */
  acrossPlans: boolean;
}

/** Rows per theme under every filter of the scope: summed from the kept counts when the filters
 *  allow (initiative_counts, about 3 entries a theme), else counted row by row. */
function themeCountsSql(scope: RowScope): { sql: string; params: unknown[] } {
  const kept = keptWhereOf(scope);
  if (kept) return { sql: `SELECT c.theme_id AS theme_id, sum(c.n) AS n FROM initiative_counts c ${kept.sql} GROUP BY c.plan_id, c.theme_id`, params: kept.params };
  const where = whereOf(scope);
  return { sql: `SELECT k.theme_id AS theme_id, count(*) AS n ${fromOf(where.usesState)} ${where.sql} GROUP BY k.theme_id`, params: where.params };
}

/** A theme's rowid and count packed in one number (rowid × PACK + count), so that the layout
 *  reads one number per group: rows read as arrays cost three times as much at 100,000 themes. */
const PACK = 2 ** 26;
const MAX_ROWID = 2 ** 27;

/** Theme groups in display order (plan by plan, by plan id as the rows come, see orderByOf;
 *  then theme order) with their counts, in one statement: the kept totals by theme in their
 *  order, or the counted themes sorted. */
function themeGroups(db: Db, scope: RowScope): { themeRows: number[]; counts: number[]; acrossPlans: boolean } {
  // With no condition but plans and themes, the kept totals by theme, read in their key's order
  // (plan, theme ordinal, theme id: the order below) with no sum and no sort.
  const totals = keptThemeTotalsWhereOf(scope);
  let inner: string;
  let params: unknown[];
  if (totals) {
    inner = `FROM initiative_theme_totals c JOIN themes t ON t.id = c.theme_id ${totals.sql ? `${totals.sql} AND` : 'WHERE'} c.n > 0 ORDER BY c.plan_id, c.theme_ordinal, c.theme_id`;
    params = totals.params;
  } else {
    const counted = themeCountsSql(scope);
    inner = `FROM (${counted.sql}) c JOIN themes t ON t.id = c.theme_id WHERE c.n > 0 ORDER BY t.plan_id, t.ordinal, t.id`;
    params = counted.params;
  }
  const packed = prepared(db, `SELECT CASE WHEN c.n < ${PACK} AND t.rowid BETWEEN 0 AND ${MAX_ROWID - 1} THEN t.rowid * ${PACK} + c.n ELSE -1 END ${inner}`)
    .pluck()
    .all(...params) as number[];
  let themeRows: number[];
  let n: number[];
  if (packed.includes(-1)) {
    // A count or rowid too large to pack (never at a million rows): read as pairs.
    const rows = prepared(db, `SELECT t.rowid, c.n ${inner}`).raw().all(...params) as [number, number][];
    themeRows = rows.map((r) => r[0]);
    n = rows.map((r) => r[1]);
  } else {
    themeRows = packed.map((v) => Math.floor(v / PACK));
    n = packed.map((v) => v % PACK);
  }
  // Sorted by plan: the groups span plans when the first and last differ.
  const plans =
    themeRows.length > 1
      ? (prepared(db, 'SELECT count(DISTINCT plan_id) AS n FROM themes WHERE rowid IN (?, ?)').get(themeRows[0], themeRows.at(-1)) as { n: number }).n
      : themeRows.length;
  return { themeRows, counts: n, acrossPlans: plans > 1 };
}

/** This process's part of every stamp: a renderer that held a layout of an earlier run (the app
 *  restarted under it) must not find its stamp given to another layout. */
const RUN = randomUUID().slice(0, 8);
let layoutsCounted = 0;
/** A stamp no other layout of any run has (up to the 32 random bits of RUN). */
const stampOf = () => `${RUN}.${++layoutsCounted}`;

/** The groups of a query under all its filters, in the order its rows come. `total` is the
 *  query's row count (the unset status as the remainder). */
export function groupLayout(
  db: Db,
  scope: RowScope,
  groupBy: 'theme' | 'status',
  total: () => number,
  statusOptions: readonly StatusOption[],
): GroupLayout {
  let layout: GroupLayout;
  if (groupBy === 'theme') {
    layout = { stamp: stampOf(), ...themeGroups(db, scope), starts: [] };
  } else {
    const byStatus = countBy(db, scope, 'status', undefined, total);
    const statusKeys = statusValues(statusOptions, byStatus).filter((key) => (byStatus.get(key) ?? 0) > 0);
    layout = { stamp: stampOf(), statusKeys, counts: statusKeys.map((key) => byStatus.get(key)!), starts: [], acrossPlans: false };
  }
  let start = 0;
  for (const n of layout.counts) {
    layout.starts.push(start);
    start += n;
  }
  return layout;
}

/** Index of the group holding row `row` (the last group starting at or before it). */
function groupOfRow(layout: GroupLayout, row: number): number {
  let lo = 0;
  let hi = layout.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (layout.starts[mid]! <= row) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Indexes of the groups of these keys in the layout (those it has). */
function indexesOf(db: Db, layout: GroupLayout, keys: readonly (string | null)[]): number[] {
  if (keys.length === 0) return [];
  if (layout.statusKeys) return keys.map((key) => layout.statusKeys!.indexOf(key)).filter((g) => g >= 0);
  const rows = prepared(db, 'SELECT rowid FROM themes WHERE id IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(JSON.stringify(keys.filter((key) => key !== null))) as number[];
  layout.indexOfRow ??= new Map(layout.themeRows!.map((row, g) => [row, g]));
  return rows.map((row) => layout.indexOfRow!.get(row)).filter((g) => g !== undefined);
}

/** The groups rows offset…offset+limit-1 are in, and those of `keys` in the layout, in display
 *  order, each with its label (a theme's headline and plan, a status key as it is). */
export function pageGroups(db: Db, layout: GroupLayout, range: { offset: number; limit: number }, keys: readonly (string | null)[] = []): TableGroup[] {
  const groups = layout.counts.length;
  const total = groups ? layout.starts[groups - 1]! + layout.counts[groups - 1]! : 0;
  const picked = new Set<number>(indexesOf(db, layout, keys));
  if (range.limit > 0 && range.offset < total) {
    const last = Math.min(range.offset + range.limit, total) - 1;
    for (let g = groupOfRow(layout, range.offset); g < groups && layout.starts[g]! <= last; g++) picked.add(g);
  }
  const indexes = [...picked].sort((a, b) => a - b);
  const base = (g: number) => ({ count: layout.counts[g]!, index: g, firstRow: layout.starts[g]! });
  if (layout.statusKeys) return indexes.map((g) => ({ key: layout.statusKeys![g]!, label: layout.statusKeys![g] ?? '', ...base(g) }));
  const themes = new Map(
    (
      prepared(db, 'SELECT rowid AS row, id, plan_id AS planId, headline FROM themes WHERE rowid IN (SELECT value FROM json_each(?))').all(
        JSON.stringify(indexes.map((g) => layout.themeRows![g]!)),
      ) as { row: number; id: string; planId: string; headline: string }[]
    ).map((t) => [t.row, t]),
  );
  const titles = new Map<string, string>();
  const titleOf = (planId: string) => {
    if (!titles.has(planId)) titles.set(planId, planTitle(db, planId)?.title ?? planId);
    return titles.get(planId)!;
  };
  return indexes.map((g) => {
    const theme = themes.get(layout.themeRows![g]!)!;
    return { key: theme.id, label: theme.headline, ...base(g), planId: theme.planId, planTitle: titleOf(theme.planId) };
  });
}
