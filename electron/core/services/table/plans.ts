// The plan dimension of the table and the dashboard: which plans they list when no single plan
// is asked for (every plan but those the reader put in the trash), the title each plan is shown
// by (the reader's rename in user_plan_state, else the plan's own title), and the pinyin and
// stroke ranks of those titles, which the table sorts its Plan column by.
import { createHash } from 'node:crypto';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { COLLATORS, denseRanks, EMPTY_RANK } from '../../collation/collators';
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

/** Each plan's place (from 1) in the order of its rank, ascending (`up`) and descending
 *  (`down`), an empty title last either way (as the table's other text columns), ties by id:
 *  one sort of numbers, the descending order its runs of equal ranks taken from the end. */
function places(plans: readonly PlanTitle[], rank: ReadonlyMap<string, number>): { up: Map<string, number>; down: Map<string, number> } {
  const keyed = plans.map((p) => ({ id: p.id, rank: rank.get(p.title)! }));
  keyed.sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const up = new Map(keyed.map((p, n) => [p.id, n + 1]));
  const runs: (typeof keyed)[] = [];
  for (const p of keyed) {
    const run = runs.at(-1);
    if (run && run[0]!.rank === p.rank) run.push(p);
    else runs.push([p]);
  }
  const empty = runs.at(-1)?.[0]!.rank === EMPTY_RANK ? runs.pop()! : [];
  const down = new Map([...runs.reverse().flat(), ...empty].map((p, n) => [p.id, n + 1]));
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
    const titles = plans.map((p) => p.title);
    const pinyin = denseRanks(titles, COLLATORS.pinyin);
    const stroke = denseRanks(titles, COLLATORS.stroke);
    written += prepared(db, 'DELETE FROM temp.plan_ranks').run().changes;
    const [byPinyin, byStroke] = [places(plans, pinyin), places(plans, stroke)];
    const [pinyinUp, pinyinDown, strokeUp, strokeDown] = [byPinyin.up, byPinyin.down, byStroke.up, byStroke.down];
    const insert = prepared(
      db,
      'INSERT INTO temp.plan_ranks (plan_id, pinyin, stroke, title, pinyin_up, pinyin_down, stroke_up, stroke_down) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const p of plans) {
      const at = [pinyinUp, pinyinDown, strokeUp, strokeDown].map((m) => m.get(p.id)!);
      written += insert.run(p.id, pinyin.get(p.title)!, stroke.get(p.title)!, p.title, ...at).changes;
    }
  }
  written += prepared(db, 'INSERT INTO temp.plan_ranks_of (signature, stamp) VALUES (?, ?)').run(signature, stamp).changes;
  countOwnTempWrites(db, written);
}
