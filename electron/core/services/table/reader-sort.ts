// A sort by one of the reader's fields — status, priority, deadline, last touched, lead unit,
// responsible units, progress note — read off indexes, value by value, instead of sorting
// every row in scope (and a descending headline or theme sort with some empty text: emptyLast). The order (orderByOf's) is: the rows with a value, by value (a status by
// its place among the options, then statuses no longer among them by key; a priority high,
// medium, low; a typed text by its rank), each value's rows in default order, then the rows
// without one in default order. Migrations 0014, 0016 and 0017 keep these values on the sort
// keys with an index (value, default order) each; so that order is a run of index ranges, one
// per segment below, and a page is read from the segments it spans:
// - one value (a status option, a priority, a lead unit's rank, the unset rows): `k.col = ?` /
//   `k.col IS NULL`, in default order — one range of the index, in order, skippable as any
//   index order (skip.ts);
// - many values (deadlines, times, statuses not among the options): `k.col IS NOT NULL`, by
//   value then default order: the index ascending; descending, read backwards with each run of
//   equal values put back into default order (a sort of the run, stopped with the page);
// - the free texts' many values (responsible units, progress notes: mostly distinct, too many
//   for a range each, and the ranks may not be copied onto the rows, whose renumbering would
//   then rewrite them): `k.col IS NOT NULL`, read by walking the typed values' rank index and
//   looking each value's rows up in the copy's index (rankedText).
// The rows of segments before the page are counted (the kept counts for a status or priority,
// else the index range), never read; the last segment's count is the total less the others.
// At a million initiatives a status sort's first page sorted every row: about half a second.
import type { Collation, GroupBy, TableSort } from '../../../../shared/domain/table';
import { EMPTY_RANK } from '../../collation/collators';
import type { KeyCondition, OrderBy, OrderTerm, RankedText, RowScope } from './query-sql';

export interface Segment {
  key: KeyCondition;
  order: OrderBy;
  /** Its number of rows is the total less the other segments' (which are then counted): for a
   *  segment holding most rows, whose count would pass them all. The last one otherwise. */
  rest?: true;
  /** The rows of every segment before this one as one condition (the unset rows' segment, last:
   *  the rows with a value), counted at once for a page past them, not segment by segment. */
  before?: KeyCondition;
}

const TIES: OrderTerm[] = ['k.theme_ordinal', 'k.ordinal', 'k.initiative_id'].map((expr) => ({ expr, desc: false }));
const PRIORITIES = ['high', 'medium', 'low'];

function orderOf(terms: OrderTerm[]): OrderBy {
  return {
    sql: `ORDER BY ${terms.map((t) => (t.desc ? `${t.expr} DESC` : t.expr)).join(', ')}`,
    terms,
    params: [],
    usesState: false,
    textJoins: new Map(),
    planRanks: false,
  };
}

/** One value's rows in default order (the index's range of that value). */
function oneValue(column: string, value: string, counted: boolean): Segment {
  return {
    key: { sql: `k.${column} = ?`, params: [value], ...(counted ? { kept: { sql: `c.${column} = ?`, params: [value] } } : {}) },
    order: orderOf(TIES),
  };
}

/** The rows without a value, in default order (the index's NULL range). The kept counts hold an
 *  unset value as ''. */
function unset(column: string, counted: boolean): Segment {
  return {
    key: { sql: `k.${column} IS NULL`, params: [], ...(counted ? { kept: { sql: `c.${column} = ''`, params: [] } } : {}) },
    order: orderOf(TIES),
    // Every row with a value is in some segment before (each value in use has one, or a range).
    before: { sql: `k.${column} IS NOT NULL`, params: [], ...(counted ? { kept: { sql: `c.${column} <> ''`, params: [] } } : {}) },
  };
}

/** The rows with a value, by value, ties in default order: all of them, or (`between`) those
 *  above and below two values (either end open), as the index orders them. */
function byValue(column: string, desc: boolean, between?: { above?: string; below?: string }, counted = false): Segment {
  const bounds = (alias: string) => {
    const parts: string[] = [];
    const params: string[] = [];
    if (between?.above !== undefined) {
      parts.push(`${alias}.${column} > ?`);
      params.push(between.above);
    }
    if (between?.below !== undefined) {
      parts.push(`${alias}.${column} < ?`);
      params.push(between.below);
    }
    return { parts, params };
  };
  const k = bounds('k');
  const c = bounds('c');
  return {
    key: { sql: k.parts.length ? k.parts.join(' AND ') : `k.${column} IS NOT NULL`, params: k.params,
      // The kept counts hold an unset value as '' (a status is never empty: the options' keys).
      ...(counted ? { kept: { sql: [`c.${column} <> ''`, ...c.parts].join(' AND '), params: c.params } } : {}) },
    order: orderOf([{ expr: `k.${column}`, desc }, ...TIES]),
  };
}

/** Text order as SQLite's BINARY collation compares (UTF-8 bytes). */
const binary = (x: string, y: string) => Buffer.compare(Buffer.from(x), Buffer.from(y));

/** The statuses no longer among the options, by key: the ranges of the status index between
 *  the options' keys, each one seek when empty (the usual case), where one range less the
 *  options would read every row with a status. Given the statuses in use, only the ranges
 *  holding one of them. */
function otherStatuses(keys: readonly string[], desc: boolean, counted: boolean, inUse?: ReadonlySet<string>): Segment[] {
  const sorted = [...keys].sort(binary);
  const ranges = sorted.length
    ? [...sorted.map((below, n) => ({ above: sorted[n - 1], below })), { above: sorted.at(-1) }]
    : [{}];
  const others = inUse && [...inUse].filter((v) => !keys.includes(v));
  const holding = (r: { above?: string; below?: string }) =>
    !others || others.some((v) => (r.above === undefined || binary(v, r.above) > 0) && (r.below === undefined || binary(v, r.below) < 0));
  const each = ranges.filter(holding).map((between) => byValue('status', desc, between, counted));
  return desc ? each.reverse() : each;
}

/** The rows of lead units sharing one rank (texts the collator calls equal: one, nearly
 *  always) in default order: one range of the index, or a few merged by a sort. */
function leadUnitRank(texts: readonly string[]): Segment {
  return {
    key: { sql: texts.length === 1 ? 'k.lead_unit = ?' : `k.lead_unit IN (${texts.map(() => '?').join(', ')})`, params: [...texts] },
    order: orderOf(TIES),
  };
}

/** The rows with a free text (responsible units, progress note: mostly distinct values, too
 *  many for a range each), by the text's rank in the collation, each rank's rows in default
 *  order: the typed values' rank index walked (either way), each value's rows looked up in the
 *  copy's index (migration 0017), each run of equal ranks sorted back into default order (a
 *  partial sort, stopped with the page; values the collator calls equal, nearly never). The
 *  empty text's rank is the largest, as in orderByOf. */
function rankedText(ranked: RankedText, desc: boolean): Segment {
  return {
    key: { sql: `k.${ranked.column} IS NOT NULL`, params: [] },
    order: { ...orderOf([{ expr: `tv.${ranked.collation}`, desc }, ...TIES]), ranked },
  };
}

/** A descending headline or theme sort when some row has the empty text (its rank, EMPTY_RANK, the
 *  largest, is put last in either direction: orderByOf's `rank = EMPTY_RANK` term, which no index
 *  gives, so every row in scope was sorted — at 100k initiatives 140–160 ms of CPU for a middle
 *  or last page against 8): the ranked rows by rank descending, the rank index read backwards
 *  (its runs of equal ranks put back into default order, as without an empty text), then the
 *  empty ones in default order, one range of the same index. The empty rows are few: they are
 *  counted, and the ranked rows are the rest. */
function emptyLast(rankColumn: string): Segment[] {
  return [
    { key: { sql: `k.${rankColumn} < ?`, params: [EMPTY_RANK] }, order: orderOf([{ expr: `k.${rankColumn}`, desc: true }, ...TIES]), rest: true },
    { key: { sql: `k.${rankColumn} = ?`, params: [EMPTY_RANK] }, order: orderOf(TIES) },
  ];
}

const FREE_TEXTS = { responsibleUnits: 'responsible_units', progressNote: 'progress_note' } as const;

/** The segments of a sort by one reader's field, or a descending headline or theme sort with
 *  some empty text (emptyLast), in page order; null for any other query (its order is
 *  orderByOf's alone). `leadUnits`: the lead units in use, grouped by rank in the query's
 *  collation, ascending ('many': too many to read one by one, read as the free texts are;
 *  null: a value without a rank, the sort kept). `emptyRanks`: whether some row has the empty
 *  text's rank in a rank column (as orderByOf asks). `keptCounts`: a status's or priority's
 *  segments counted from the kept counts (initiative_counts), as under plan, theme or other
 *  conditions the counts' key holds; without any, a value's rows are counted off its sort-key
 *  index (less the left-out plans' rows, by their plan index) in about half the CPU: at 1M
 *  initiatives a status option's rows 1.4 against 2.8 ms, and a middle page counts them all.
 *  `inUse`: the statuses or priorities some row has, when known: the others get no segment. */
export function readerSegments(
  sort: readonly TableSort[],
  groupBy: GroupBy,
  statusKeys: readonly string[],
  leadUnits: () => readonly (readonly string[])[] | 'many' | null = () => null,
  collation: Collation = 'pinyin',
  emptyRanks: (rankColumn: string) => boolean = () => false,
  keptCounts = true,
  inUse: (column: 'status' | 'priority') => ReadonlySet<string> | undefined = () => undefined,
): Segment[] | null {
  if (groupBy !== null || sort.length !== 1) return null;
  const { column, desc } = sort[0]!;
  // Only the values some row has (when known): a segment of a value no row has costs its
  // statement all the same (a descending status sort's first page read five empty ranges and
  // options before the one holding its rows).
  const values = (column: 'status' | 'priority', keys: readonly string[]) => {
    const used = inUse(column);
    const each = keys.filter((v) => !used || used.has(v)).map((v) => oneValue(column, v, keptCounts));
    return desc ? each.reverse() : each;
  };
  switch (column) {
    case 'status': {
      const keys = [...new Set(statusKeys)];
      // Statuses no longer among the options come after them (before them, descending).
      const others = otherStatuses(keys, desc, keptCounts, inUse('status'));
      const options = values('status', keys);
      return [...(desc ? [...others, ...options] : [...options, ...others]), unset('status', keptCounts)];
    }
    case 'priority':
      return [...values('priority', PRIORITIES), unset('priority', keptCounts)];
    case 'deadline':
      return [byValue('deadline', desc), unset('deadline', false)];
    case 'touchedAt':
      return [byValue('touched_at', desc), unset('touched_at', false)];
    case 'leadUnit': {
      // By the value's rank (the empty text's is the largest), descending too; unset rows last.
      const ranks = leadUnits();
      if (!ranks) return null;
      // Too many lead units for a range each (a deep page counts the ranges before it): the
      // rank index walked, as for responsible units.
      if (ranks === 'many') return [rankedText({ column: 'lead_unit', collation }, desc), unset('lead_unit', false)];
      const each = ranks.map(leadUnitRank);
      return [...(desc ? each.reverse() : each), unset('lead_unit', false)];
    }
    case 'headline':
    case 'theme': {
      // Ascending, or with no empty text, the rank index gives the order whole.
      const rankColumn = `${column}_${collation}`;
      return desc && emptyRanks(rankColumn) ? emptyLast(rankColumn) : null;
    }
    case 'responsibleUnits':
    case 'progressNote': {
      const copy = FREE_TEXTS[column];
      return [rankedText({ column: copy, collation }, desc), unset(copy, false)];
    }
    default:
      return null;
  }
}

type Statement = { sql: string; params: unknown[] };

/** A page read from the segments it spans: those before it counted (`count`), the page's rows
 *  taken from each in turn (`rows`: the statement for a scope, order and range given the
 *  scope's exact number of rows). `total` is the number of rows of the whole scope. */
export function segmentedPage<Row>(
  scope: RowScope,
  segments: readonly Segment[],
  page: { offset: number; limit: number },
  total: number,
  count: (scope: RowScope) => number,
  rows: (scope: RowScope, order: OrderBy, range: { offset: number; limit: number }, total: number) => Statement,
  run: (statement: Statement) => Row[],
): Row[] {
  const out: Row[] = [];
  let offset = page.offset;
  let left = total;
  const withinOf = (key: KeyCondition): RowScope => ({ ...scope, keys: [...(scope.keys ?? []), key] });
  const found = segments.findIndex((s) => s.rest);
  const rest = found < 0 ? segments.length - 1 : found;
  // A page past every row with a value (the unset rows are most rows: a middle page) counts
  // those rows in one statement, not value by value (a status sort's middle page at 100k
  // initiatives counted four statuses).
  let first = 0;
  const last = segments.length - 1;
  const jump = segments[last]?.before;
  if (jump && rest === last && last >= 2 && offset > 0) {
    const before = count(withinOf(jump));
    if (offset >= before) {
      first = last;
      offset -= before;
      left -= before;
    }
  }
  for (let n = first; n < segments.length && out.length < page.limit && left > 0; n++) {
    const { key, order } = segments[n]!;
    const within = withinOf(key);
    // Counted only while the page is still ahead: from its first row on, a segment is read
    // until the page is full (its size, unknown, at most the rows left). The rest's size is
    // the rows left less those of the segments after it.
    const after = () => segments.slice(n + 1).reduce((sum, s) => sum + count(withinOf(s.key)), 0);
    const size = offset === 0 ? undefined : n === rest ? left - (n === segments.length - 1 ? 0 : after()) : count(within);
    if (size !== undefined) {
      left -= size;
      if (offset >= size) {
        offset -= size;
        continue;
      }
    }
    const range = { offset, limit: page.limit - out.length };
    out.push(...run(rows(within, order, range, size ?? left)));
    offset = 0;
  }
  return out;
}
