// initiative_sort_keys: what the table sorts plan text by. An import writes a plan's rows with
// their ordinals and no ranks; refreshInitiativeSortKeys gives them ranks — at startup and
// before any table query — rather than each import: loading many plans then costs one ranking,
// not one per plan.
//
// Ranks are spaced (RANK_GAP apart after a full ranking, as text-sort-keys.ts does for the
// reader's values): theme and initiative headlines share one order per collation, and a text
// new to the library gets a rank between its two neighbours', found by binary search with the
// collator in a copy of that order kept per connection. Importing one plan into a ranked
// library then writes its own rows only. With dense ranks 1, 2, 3… a new headline shifted the
// rank of every text after it: one plan imported into 100k items rewrote nearly every row of
// all four rank indexes. Everything is ranked afresh only when the collator changed, when most
// rows wait for ranks (a bulk load: one sort beats as many binary searches), or when two
// neighbours have no room left between them.
//
// Until then a plan's rows carry a pending mark in every rank column: one negative number per
// import (below every real rank, which starts at 1), the same for all the plan's rows. In each
// rank index, keyed (rank, theme ordinal, ordinal, id), the plan's rows then sit side by side,
// and an import writes a few pages of each rank index. Left NULL, as they once were, the rows
// of one plan fell under NULL in the order of their theme and initiative ordinals, among every
// other unranked row: each import wrote a page per initiative in each of the four indexes, the
// most of all it wrote, for entries the ranking moves anyway. (Rows of plans imported by an
// older version may still be NULL: stale too.)
import type { PlanDocument } from '../../../shared/domain/plan';
import type { Db } from '../db/open';
import { readStamp, writeStamp } from '../db/derived-state';
import { prepared } from '../db/statements';
import type { Collation } from '../../../shared/domain/table';
import { collatorStamp, COLLATORS, EMPTY_RANK } from './collators';
import { inWriteTransaction, writeTransaction } from '../db/transaction';

const STAMP = 'initiative_sort_keys.collators';
/** The stamp names the rank scheme too: ranks made dense by an older version are redone once. */
const stampValue = (): string => `${collatorStamp()} spaced`;
const ORDERS = ['pinyin', 'stroke'] as const satisfies readonly Collation[];

/** Rank distance between neighbours after a full ranking: room for 16 halvings. */
export const RANK_GAP = 2 ** 16;

/** Writes a freshly imported plan's rows (ranks to be computed). Inside the import transaction. */
export function insertSortKeyRows(db: Db, doc: PlanDocument): void {
  const themeOrdinal = new Map(doc.themes.map((t) => [t.id, t.ordinal]));
  const lowest = (prepared(db, 'SELECT min(headline_pinyin) AS m FROM initiative_sort_keys').get() as { m: number | null }).m;
  const pending = Math.min(lowest ?? 0, 0) - 1;
  const insert = prepared(
    db,
    `INSERT INTO initiative_sort_keys (initiative_id, plan_id, theme_id, theme_ordinal, ordinal,
       theme_pinyin, theme_stroke, headline_pinyin, headline_stroke) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const i of doc.initiatives) insert.run(i.id, doc.meta.id, i.themeId, themeOrdinal.get(i.themeId)!, i.ordinal, pending, pending, pending, pending);
}

/** True when some row has no ranks yet (NULL or a pending mark, both first in the headline
 *  index) or the ranks were made by another collator or scheme. */
export function sortKeysStale(db: Db): boolean {
  if (readStamp(db, STAMP) !== stampValue()) return true;
  const first = prepared(db, 'SELECT headline_pinyin AS rank FROM initiative_sort_keys ORDER BY headline_pinyin LIMIT 1').get() as
    | { rank: number | null }
    | undefined;
  return first !== undefined && (first.rank === null || first.rank < 0);
}

interface Entry {
  text: string;
  rank: number;
}

/** Per collation the distinct non-empty texts in rank order, as the table holds them (or a
 *  superset: texts of a plan since removed stay, and ranks placed between them keep order). */
interface Copy {
  dataVersion: number;
  orders: Record<Collation, Entry[]>;
}

const copies = new WeakMap<Db, Copy>();

function dataVersion(db: Db): number {
  return (prepared(db, 'PRAGMA data_version').get() as { data_version: number }).data_version;
}

/** The copy, read from the table unless this connection's is current (data_version changes
 *  when another connection commits). */
function loadCopy(db: Db): Copy {
  const version = dataVersion(db);
  const have = copies.get(db);
  if (have && have.dataVersion === version) return have;
  const orders = {} as Record<Collation, Entry[]>;
  for (const c of ORDERS) {
    const byText = new Map<string, number>();
    const read = (sql: string) => {
      for (const [text, rank] of prepared(db, sql).raw().iterate(EMPTY_RANK) as Iterable<[string, number]>) byText.set(text, rank);
    };
    read(`SELECT i.headline, k.headline_${c} FROM initiative_sort_keys k JOIN initiatives i ON i.id = k.initiative_id
          WHERE k.headline_${c} > 0 AND k.headline_${c} < ?`);
    read(`SELECT DISTINCT t.headline, k.theme_${c} FROM initiative_sort_keys k JOIN themes t ON t.id = k.theme_id
          WHERE k.theme_${c} > 0 AND k.theme_${c} < ?`);
    orders[c] = [...byText].map(([text, rank]) => ({ text, rank })).sort((a, b) => a.rank - b.rank);
  }
  const copy = { dataVersion: version, orders };
  copies.set(db, copy);
  return copy;
}

interface PendingRow {
  id: string;
  headline: string;
  theme: string;
}

/** Ranks every row waiting for them, or everything when needed (see the top of the file).
 *  Returns whether it wrote. */
export function refreshInitiativeSortKeys(db: Db): boolean {
  if (!sortKeysStale(db)) return false;
  // The copy is kept only when this is the whole transaction: a savepoint's caller could still
  // roll back what the copy says was written.
  const keep = !inWriteTransaction(db);
  try {
    writeTransaction(db, () => {
      if (!placePending(db)) rankAll(db);
    });
  } catch (error) {
    copies.delete(db);
    throw error;
  }
  if (!keep) copies.delete(db);
  return true;
}

/** Gives the rows waiting for ranks ranks between their neighbours'. False (nothing written)
 *  when a full ranking is due instead. */
function placePending(db: Db): boolean {
  if (readStamp(db, STAMP) !== stampValue()) return false;
  const pending = prepared(
    db,
    `SELECT k.initiative_id AS id, i.headline AS headline, t.headline AS theme
     FROM initiative_sort_keys k JOIN initiatives i ON i.id = k.initiative_id JOIN themes t ON t.id = k.theme_id
     WHERE k.headline_pinyin IS NULL OR k.headline_pinyin < 0`,
  ).all() as PendingRow[];
  const total = (prepared(db, 'SELECT count(*) AS n FROM initiative_sort_keys').get() as { n: number }).n;
  if (2 * pending.length >= total) return false;
  const copy = loadCopy(db);
  const texts = new Set<string>();
  for (const r of pending) {
    texts.add(r.headline);
    texts.add(r.theme);
  }
  texts.delete('');
  const ranks = {} as Record<Collation, Map<string, number>>;
  const merged = {} as Record<Collation, Entry[]>;
  for (const c of ORDERS) {
    const placed = placeTexts(copy.orders[c], [...texts], COLLATORS[c].compare);
    if (!placed) {
      copies.delete(db);
      return false;
    }
    ranks[c] = placed.ranks;
    merged[c] = placed.order;
  }
  const rankOf = (c: Collation, text: string): number => (text === '' ? EMPTY_RANK : ranks[c].get(text)!);
  const update = prepared(
    db,
    `UPDATE initiative_sort_keys SET theme_pinyin = ?, theme_stroke = ?, headline_pinyin = ?, headline_stroke = ?
     WHERE initiative_id = ?`,
  );
  for (const r of pending) {
    update.run(rankOf('pinyin', r.theme), rankOf('stroke', r.theme), rankOf('pinyin', r.headline), rankOf('stroke', r.headline), r.id);
  }
  copies.set(db, { dataVersion: copy.dataVersion, orders: merged });
  return true;
}

/**
 * Ranks for `texts` (non-empty, distinct) in `order` (entries in rank order): a text the
 * collator calls equal to one in the order shares its rank; the others get ranks spread evenly
 * between their neighbours' (texts equal to each other sharing one). Returns the ranks and the
 * order with the new texts merged in, or null when some gap is too narrow.
 */
export function placeTexts(
  order: readonly Entry[],
  texts: readonly string[],
  compare: (a: string, b: string) => number,
): { ranks: Map<string, number>; order: Entry[] } | null {
  const sorted = [...texts].sort(compare);
  const ranks = new Map<string, number>();
  const added: Entry[] = [];
  let i = 0;
  while (i < sorted.length) {
    const at = lowerBound(order, sorted[i]!, compare);
    // The run of new texts that fall in the same gap, and the distinct slots they need.
    const run: string[][] = [];
    let j = i;
    for (; j < sorted.length; j++) {
      const t = sorted[j]!;
      if (at < order.length && compare(order[at]!.text, t) <= 0) break;
      const last = run[run.length - 1];
      if (last && compare(last[0]!, t) === 0) last.push(t);
      else run.push([t]);
    }
    if (run.length > 0) {
      const below = at > 0 ? order[at - 1]!.rank : 0;
      const above = at < order.length ? order[at]!.rank : below + (run.length + 1) * RANK_GAP;
      if (above - below < run.length + 1) return null;
      run.forEach((same, k) => {
        const rank = below + Math.floor(((above - below) * (k + 1)) / (run.length + 1));
        for (const t of same) {
          ranks.set(t, rank);
          added.push({ text: t, rank });
        }
      });
      i = j;
      continue;
    }
    // sorted[i] equals order[at]'s text under the collator: it shares that rank.
    const rank = order[at]!.rank;
    ranks.set(sorted[i]!, rank);
    if (order[at]!.text !== sorted[i]) added.push({ text: sorted[i]!, rank });
    i++;
  }
  return { ranks, order: mergeByRank(order, added) };
}

/** The first position whose text is not below `text`. */
function lowerBound(order: readonly Entry[], text: string, compare: (a: string, b: string) => number): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(order[mid]!.text, text) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Two lists in rank order as one (`added` in rank order too). */
function mergeByRank(order: readonly Entry[], added: readonly Entry[]): Entry[] {
  if (added.length === 0) return [...order];
  const out: Entry[] = new Array<Entry>(order.length + added.length);
  let a = 0;
  let b = 0;
  for (let k = 0; k < out.length; k++) {
    out[k] = b >= added.length || (a < order.length && order[a]!.rank <= added[b]!.rank) ? order[a++]! : added[b++]!;
  }
  return out;
}

/** Spaced ranks RANK_GAP apart of the distinct texts in collator order; texts the collator
 *  calls equal share a rank (the table breaks such ties by theme and initiative order). The
 *  empty text is left out (EMPTY_RANK, last). */
export function spacedRanks(texts: Iterable<string>, compare: (a: string, b: string) => number): Entry[] {
  const distinct = [...new Set(texts)].filter((t) => t !== '').sort(compare);
  const order: Entry[] = [];
  let rank = 0;
  for (let i = 0; i < distinct.length; i++) {
    if (i === 0 || compare(distinct[i - 1]!, distinct[i]!) !== 0) rank += RANK_GAP;
    order.push({ text: distinct[i]!, rank });
  }
  return order;
}

interface KeyRow {
  id: string;
  headline: string;
  theme: string;
  themePinyin: number | null;
  themeStroke: number | null;
  headlinePinyin: number | null;
  headlineStroke: number | null;
}

/** Ranks every text afresh; rewrites only rows whose ranks changed. */
function rankAll(db: Db): void {
  const rows = prepared(
    db,
    `SELECT k.initiative_id AS id, i.headline AS headline, t.headline AS theme,
       k.theme_pinyin AS themePinyin, k.theme_stroke AS themeStroke,
       k.headline_pinyin AS headlinePinyin, k.headline_stroke AS headlineStroke
     FROM initiative_sort_keys k
     JOIN initiatives i ON i.id = k.initiative_id
     JOIN themes t ON t.id = k.theme_id`,
  ).all() as KeyRow[];
  const texts = new Set<string>();
  for (const r of rows) {
    texts.add(r.headline);
    texts.add(r.theme);
  }
  const orders = {} as Record<Collation, Entry[]>;
  const ranks = {} as Record<Collation, Map<string, number>>;
  for (const c of ORDERS) {
    orders[c] = spacedRanks(texts, COLLATORS[c].compare);
    ranks[c] = new Map(orders[c].map((e) => [e.text, e.rank]));
    ranks[c].set('', EMPTY_RANK);
  }
  const update = prepared(
    db,
    `UPDATE initiative_sort_keys SET theme_pinyin = ?, theme_stroke = ?, headline_pinyin = ?, headline_stroke = ?
     WHERE initiative_id = ?`,
  );
  for (const r of rows) {
    const next = [ranks.pinyin.get(r.theme)!, ranks.stroke.get(r.theme)!, ranks.pinyin.get(r.headline)!, ranks.stroke.get(r.headline)!];
    if (
      next[0] !== r.themePinyin ||
      next[1] !== r.themeStroke ||
      next[2] !== r.headlinePinyin ||
      next[3] !== r.headlineStroke
    ) {
      update.run(...next, r.id);
    }
  }
  writeStamp(db, STAMP, stampValue());
  copies.set(db, { dataVersion: dataVersion(db), orders });
}
