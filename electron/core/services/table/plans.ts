// The plan dimension of the table and the dashboard: which plans they list when no single plan
// is asked for (every plan but those the reader put in the trash), the title each plan is shown
// by (the reader's rename in user_plan_state, else the plan's own title), and the pinyin and
// stroke ranks of those titles, which the table sorts its Plan column by.
import { createHash } from 'node:crypto';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { inWriteTransaction } from '../../db/transaction';
import { COLLATORS, EMPTY_RANK } from '../../collation/collators';
import { placeTexts, spacedRanks, type RankEntry } from '../../collation/spaced-ranks';
import type { Collation } from '../../../../shared/domain/table';
import { trashedPlanIds } from '../library/trash';
import { supersededPlanIds } from '../versions/lineage';

export interface PlanTitle {
  id: string;
  title: string;
}

/** SQL for the title a plan is shown by, given the alias of its `plans` row. */
export function planTitleSql(plan: string): string {
  return `coalesce((SELECT u.title FROM user_plan_state u WHERE u.plan_id = ${plan}.id AND u.title IS NOT NULL AND u.title <> ''), ${plan}.title)`;
}

/** Every plan not in the trash and not superseded by a newer version, with the title it is
 *  shown by, in pinyin order of titles. */
export function livePlans(db: Db): PlanTitle[] {
  const trashed = new Set([...trashedPlanIds(db), ...supersededPlanIds(db)]);
  const plans = (prepared(db, `SELECT p.id AS id, ${planTitleSql('p')} AS title FROM plans p`).all() as PlanTitle[]).filter(
    (p) => !trashed.has(p.id),
  );
  return plans.sort((a, b) => COLLATORS.pinyin.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One plan with the title it is shown by, or null when there is no such plan. */
export function planTitle(db: Db, planId: string): PlanTitle | null {
  return (prepared(db, `SELECT p.id AS id, ${planTitleSql('p')} AS title FROM plans p WHERE p.id = ?`).get(planId) as PlanTitle | undefined) ?? null;
}

const ownTempWrites = new WeakMap<Db, number>();

/** Counts rows the table wrote to its own temporary tables (the search's hit set, the plan
 *  ranks): changeStamp leaves them out, so a search does not count as a change and throw away
 *  what the next query would reuse. Pass a statement's own count of rows changed, which is
 *  what it adds to total_changes. */
export function countOwnTempWrites(db: Db, rows: number): void {
  ownTempWrites.set(db, (ownTempWrites.get(db) ?? 0) + rows);
}

/** Changes when anything was written since: by another connection (data_version) or by this
 *  one (total_changes, less the rows of the table's own temporary tables). A write rolled back
 *  still changes it (total_changes keeps counting): a cache is thrown away too often, never
 *  kept too long. */
export function changeStamp(db: Db): string {
  const held = heldStamps.get(db);
  if (held !== undefined) return (held.stamp ??= readStamp(db));
  return readStamp(db);
}

/** The stamps read once for the whole of a request (withOneStamp), by connection. */
const heldStamps = new WeakMap<Db, { stamp?: string }>();

/**
 * Runs `read` (a read transaction's work) with the change stamp read once, when first asked,
 * instead of at each check (the settled state, the hit set, the plan ranks, the kept totals
 * each asked for it: a menu's request read it three or four times, two statements each, about a
 * tenth of a small library's menu). Within one read transaction it cannot change: another
 * connection's commit is not seen by the snapshot, and the only writes a read makes are the
 * table's own temporary ones, which the stamp leaves out (countOwnTempWrites).
 */
export function withOneStamp<T>(db: Db, read: () => T): T {
  if (heldStamps.has(db)) return read();
  heldStamps.set(db, {});
  try {
    return read();
  } finally {
    heldStamps.delete(db);
  }
}

/**
 * Values computed from the database, kept per connection while nothing is written: each under
 * its key while changeStamp stays the same, all dropped when it changes (a write by this
 * connection or another). The table's own temporary writes (the hit set, the plan ranks) are no
 * change (countOwnTempWrites): values are kept across them. Inside a write transaction nothing
 * is kept: a value computed there may count rows not committed yet, and a rollback does not take
 * the stamp back (total_changes keeps counting), so the value would outlive them. Nor is
 * anything read back there (each write moves the stamp on anyway). Past `limit` keys all are
 * dropped before the next is kept: the keys are queries, a few asked again and again.
 */
export function keptPerStamp<V>(limit: number) {
  const byDb = new WeakMap<Db, { stamp: string; values: Map<string, V> }>();
  /** The values kept at the stamp now (none of an earlier one), or undefined inside a write
   *  transaction. What is set in it is kept, up to the limit. */
  const at = (db: Db): Map<string, V> | undefined => {
    if (inWriteTransaction(db)) return undefined;
    const stamp = changeStamp(db);
    let kept = byDb.get(db);
    if (kept?.stamp !== stamp) byDb.set(db, (kept = { stamp, values: new LimitedMap<V>(limit) }));
    return kept.values;
  };
  return {
    at,
    /** The value kept under `key`, else `compute`'s (then kept). */
    get(db: Db, key: string, compute: () => V): V {
      const kept = at(db);
      const known = kept?.get(key);
      if (known !== undefined) return known;
      const value = compute();
      kept?.set(key, value);
      return value;
    },
    /** Drops what is kept (forgetKept: a page timed as if first asked). */
    forget: (db: Db) => void byDb.delete(db),
  };
}

/** A map emptied when full, before a new key goes in. */
class LimitedMap<V> extends Map<string, V> {
  constructor(private readonly limit: number) {
    super();
  }
  override set(key: string, value: V): this {
    if (this.size >= this.limit && !this.has(key)) this.clear();
    return super.set(key, value);
  }
}

function readStamp(db: Db): string {
  const { data_version: version } = prepared(db, 'PRAGMA data_version').get() as { data_version: number };
  const { n: changes } = prepared(db, 'SELECT total_changes() AS n').get() as { n: number };
  return `${version}:${changes - (ownTempWrites.get(db) ?? 0)}`;
}

// Besides each title's rank, each plan's place in the Plan column's order under each collation,
// ascending (`_up`) and descending (`_down`), ties between equal titles by id in both: one unique
// column per order, indexed, so a plan sort across plans reads the plans in order and each
// plan's rows by initiative_sort_keys_by_plan, and stops at the page (query-sql.ts fromOf's
// `fromPlans`). By rank then id, SQLite sorted every row of the table (600 ms at 1M initiatives).
const RANKS = [
  `CREATE TEMP TABLE IF NOT EXISTS plan_ranks (plan_id TEXT PRIMARY KEY, pinyin INTEGER NOT NULL, stroke INTEGER NOT NULL, title TEXT NOT NULL,
    pinyin_up INTEGER NOT NULL, pinyin_down INTEGER NOT NULL, stroke_up INTEGER NOT NULL, stroke_down INTEGER NOT NULL) WITHOUT ROWID`,
  ...['pinyin_up', 'pinyin_down', 'stroke_up', 'stroke_down'].map((c) => `CREATE UNIQUE INDEX IF NOT EXISTS temp.plan_ranks_${c} ON plan_ranks (${c})`),
  'CREATE TEMP TABLE IF NOT EXISTS plan_ranks_of (signature TEXT NOT NULL, stamp TEXT NOT NULL)',
];

/** Per collation, every non-empty plan title ranked in this process, in collator order with
 *  spaced ranks (spaced-ranks.ts); titles since renamed away stay (their ranks keep order). The
 *  collators are the process's own, so it holds for every connection and database. Sorting
 *  20,000 titles with Intl.Collator takes 45–65 ms of CPU per collation at 1M; after a rename
 *  the new title is placed by binary search instead. */
const titleOrders = new Map<Collation, RankEntry[]>();

/** Dense ranks (1, 2, 3… in collator order, titles the collator calls equal sharing one, '' at
 *  EMPTY_RANK) of `titles` and of the others in the kept order: few titles new to it are placed
 *  in it, else all are sorted afresh. */
function titleRanks(titles: readonly string[], collation: Collation): Map<string, number> {
  const compare = COLLATORS[collation].compare;
  const distinct = new Set(titles);
  distinct.delete('');
  const kept = titleOrders.get(collation);
  let order: RankEntry[] | undefined;
  // Kept while it holds at most twice as many titles as are shown (else it only grows).
  if (kept && kept.length <= 2 * distinct.size) {
    const known = new Set(kept.map((e) => e.text));
    const fresh = [...distinct].filter((t) => !known.has(t));
    if (fresh.length * 8 <= distinct.size) order = fresh.length === 0 ? kept : placeTexts(kept, fresh, compare)?.order;
  }
  order ??= spacedRanks(distinct, compare);
  titleOrders.set(collation, order);
  const ranks = new Map<string, number>([['', EMPTY_RANK]]);
  let dense = 0;
  order.forEach((e, i) => {
    if (i === 0 || e.rank !== order[i - 1]!.rank) dense++;
    ranks.set(e.text, dense);
  });
  return ranks;
}

/** Each plan's place (from 1) in the order of its rank, ascending (`up`) and descending
 *  (`down`), an empty title last either way (as the table's other text columns), ties by id.
 *  `ranks` holds the plans' dense ranks (1…top, EMPTY_RANK), the plans in id order: a counting
 *  sort of them keeps that order within each rank, so no comparison is made at all (sorting
 *  20,000 plans by rank then id, and keeping each place in a map, took a fifth of the fill). */
function places(ranks: readonly number[]): { up: Int32Array; down: Int32Array } {
  let top = 0;
  for (const r of ranks) if (r !== EMPTY_RANK && r > top) top = r;
  const bucket = (r: number) => (r === EMPTY_RANK ? top + 1 : r);
  const count = new Int32Array(top + 2);
  for (const r of ranks) count[bucket(r)]!++;
  // Where each rank's run starts, ascending (1…top, empty) and descending (top…1, empty).
  const upStart = new Int32Array(top + 2);
  const downStart = new Int32Array(top + 2);
  let at = 1;
  for (let b = 1; b <= top + 1; b++) {
    upStart[b] = at;
    at += count[b]!;
  }
  at = 1;
  for (let b = top; b >= 1; b--) {
    downStart[b] = at;
    at += count[b]!;
  }
  downStart[top + 1] = at;
  const up = new Int32Array(ranks.length);
  const down = new Int32Array(ranks.length);
  ranks.forEach((r, i) => {
    const b = bucket(r);
    up[i] = upStart[b]!++;
    down[i] = downStart[b]!++;
  });
  return { up, down };
}

/** Which titles temp.plan_ranks ranks now (a digest of every plan's id and shown title) and at
 *  which change stamp they were read, or undefined when it ranks none (or its tables are not
 *  there: never created on this connection, or created in a transaction rolled back since). */
function rankedNow(db: Db): { signature: string; stamp: string } | undefined {
  try {
    return prepared(db, 'SELECT signature, stamp FROM temp.plan_ranks_of').get() as { signature: string; stamp: string } | undefined;
  } catch (error) {
    if (!(error instanceof Error && /no such table/.test(error.message))) throw error;
    for (const sql of RANKS) db.exec(sql);
    return undefined;
  }
}

/**
 * Fills temp.plan_ranks (plan id → rank of its shown title by pinyin and by stroke, and that
 * title) for a query that sorts by plan and for the plan and theme facets, which list plans in
 * that order under those titles (read there once per plan, not once per theme). Plans
 * are few next to their rows, so after any write the titles are read again and ranked again
 * only when one changed (an import, a rename); with nothing written since, not even read.
 * Which titles the ranks are of, and at which stamp, is written beside them in
 * temp.plan_ranks_of in the same transaction (as the table's hit set is): a fill rolled back
 * with the read or write it ran in takes that record back too, so the ranks are never taken
 * for titles they no longer hold.
 */
export function ensurePlanRanks(db: Db): void {
  const known = rankedNow(db);
  const stamp = changeStamp(db);
  if (known?.stamp === stamp) return;
  const plans = prepared(db, `SELECT p.id AS id, ${planTitleSql('p')} AS title FROM plans p ORDER BY p.id`).all() as PlanTitle[];
  const signature = createHash('sha256').update(JSON.stringify(plans)).digest('base64');
  let written = prepared(db, 'DELETE FROM temp.plan_ranks_of').run().changes;
  if (known?.signature !== signature) {
    // Ties by id as JavaScript compares them (SQLite's order above is by bytes): in that order
    // already, bar ids beyond the ASCII ones.
    plans.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const titles = plans.map((p) => p.title);
    const pinyinOf = titleRanks(titles, 'pinyin');
    const strokeOf = titleRanks(titles, 'stroke');
    const pinyin = titles.map((t) => pinyinOf.get(t)!);
    const stroke = titles.map((t) => strokeOf.get(t)!);
    written += prepared(db, 'DELETE FROM temp.plan_ranks').run().changes;
    const [byPinyin, byStroke] = [places(pinyin), places(stroke)];
    const insert = prepared(
      db,
      'INSERT INTO temp.plan_ranks (plan_id, pinyin, stroke, title, pinyin_up, pinyin_down, stroke_up, stroke_down) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    plans.forEach((p, i) => {
      written += insert.run(p.id, pinyin[i], stroke[i], p.title, byPinyin.up[i], byPinyin.down[i], byStroke.up[i], byStroke.down[i]).changes;
    });
  }
  written += prepared(db, 'INSERT INTO temp.plan_ranks_of (signature, stamp) VALUES (?, ?)').run(signature, stamp).changes;
  countOwnTempWrites(db, written);
}
