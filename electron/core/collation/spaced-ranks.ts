// Spaced ranks: order-preserving integer keys for texts, RANK_GAP apart after a full ranking,
// so that a new text gets a rank between its two neighbours' (found by binary search with the
// collator) and no other text's rank moves. SQL sorts by the ranks; only their order matters.
// Used for the reader's typed values (text-sort-keys.ts) and for plan headlines
// (initiative-sort-keys.ts); each keeps a per-connection copy of its orders, checked against
// PRAGMA data_version, which changes when another connection commits.
import type { Collation } from '../../../shared/domain/table';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';

/** Rank distance between neighbours after a full ranking: room for 16 halvings. */
export const RANK_GAP = 2 ** 16;

/** The collations ranked (the code-point order needs no ranks). */
export const SPACED_ORDERS = ['pinyin', 'stroke'] as const satisfies readonly Collation[];

export interface RankEntry {
  text: string;
  rank: number;
}

/** A connection's copy of each order: its non-empty texts in rank order. */
export interface OrdersCopy {
  dataVersion: number;
  orders: Record<Collation, RankEntry[]>;
}

export function dataVersion(db: Db): number {
  // A cached statement: db.pragma() prepares its statement on every call.
  return (prepared(db, 'PRAGMA data_version').get() as { data_version: number }).data_version;
}

/**
 * Ranks for `texts` (non-empty, distinct) in `order` (entries in rank order): a text the
 * collator calls equal to one in the order shares its rank; the others get ranks spread evenly
 * between their neighbours' (texts equal to each other sharing one). Returns the ranks and the
 * order with the new texts merged in, or null when some gap is too narrow.
 */
export function placeTexts(
  order: readonly RankEntry[],
  texts: readonly string[],
  compare: (a: string, b: string) => number,
): { ranks: Map<string, number>; order: RankEntry[] } | null {
  const sorted = [...texts].sort(compare);
  const ranks = new Map<string, number>();
  const added: RankEntry[] = [];
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

/** Ranks stay below 2^52: EMPTY_RANK (2^53 − 1) sorts after every one of them, and spreading
 *  ranks over a power-of-two range stays exact in a double. */
export const RANK_LIMIT = 2 ** 52;

/**
 * Inserts `text` into `order` at position `at`, where its neighbours' ranks leave no room
 * (adjacent integers), by renumbering a neighbourhood only, as order-maintenance structures do
 * (Bender et al., "Two simplified algorithms for maintaining order in a list", 2002): the
 * smallest aligned range of 2^i ranks around the lower neighbour's rank that holds at most
 * 2^(i/2) distinct ranks once the new text is in gets its ranks spread evenly. A crowd of new
 * texts between the same two neighbours thus renumbers a window that grows with the crowd, not
 * with the order (each range left sparser than its thresholds, amortized O(log n) ranks
 * rewritten per insert), where spreading the whole order again cost every text a write each
 * time a gap ran out. Texts sharing a rank (the collator calls them equal) keep sharing one.
 * Returns the entries whose rank changed, the new one included.
 */
export function insertRespaced(order: RankEntry[], at: number, text: string): RankEntry[] {
  const below = at > 0 ? order[at - 1]!.rank : 0;
  // The window [a, b) of entries with a rank in [base, base + 2^i), grown level by level;
  // `groups` counts its distinct ranks.
  let a = at;
  let b = at;
  let groups = 0;
  let level = 0;
  let base: number;
  let size = 1;
  for (;;) {
    level++;
    size *= 2;
    base = Math.floor(below / size) * size;
    const end = base + size;
    while (a > 0 && order[a - 1]!.rank >= base) {
      if (a === b || order[a - 1]!.rank !== order[a]!.rank) groups++;
      a--;
    }
    while (b < order.length && order[b]!.rank < end) {
      if (a === b || order[b]!.rank !== order[b - 1]!.rank) groups++;
      b++;
    }
    if (groups + 1 <= 2 ** (level / 2) || size >= RANK_LIMIT) break;
  }
  const entry: RankEntry = { text, rank: 0 };
  order.splice(at, 0, entry);
  b++;
  const slots = groups + 1;
  const changed: RankEntry[] = [];
  let k = -1;
  let previous = NaN;
  for (let i = a; i < b; i++) {
    const e = order[i]!;
    // Each distinct old rank is one slot; the new text (between two distinct ranks) is its own.
    const old = e === entry ? NaN : e.rank;
    if (old !== previous) k++;
    previous = old;
    const rank = base + Math.floor(((k + 1) * size) / (slots + 1));
    if (e === entry || e.rank !== rank) {
      e.rank = rank;
      changed.push(e);
    }
  }
  return changed;
}

/** The first position whose text is not below `text`. */
export function lowerBound(order: readonly RankEntry[], text: string, compare: (a: string, b: string) => number): number {
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
function mergeByRank(order: readonly RankEntry[], added: readonly RankEntry[]): RankEntry[] {
  if (added.length === 0) return [...order];
  const out: RankEntry[] = new Array<RankEntry>(order.length + added.length);
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
export function spacedRanks(texts: Iterable<string>, compare: (a: string, b: string) => number): RankEntry[] {
  const distinct = [...new Set(texts)].filter((t) => t !== '').sort(compare);
  const order: RankEntry[] = [];
  let rank = 0;
  for (let i = 0; i < distinct.length; i++) {
    if (i === 0 || compare(distinct[i - 1]!, distinct[i]!) !== 0) rank += RANK_GAP;
    order.push({ text: distinct[i]!, rank });
  }
  return order;
}

