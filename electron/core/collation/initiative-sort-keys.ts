// initiative_sort_keys: what the table sorts plan text by. An import writes a plan's rows with
// their ordinals and no ranks; refreshInitiativeSortKeys gives them ranks — at startup and
// before any table query — rather than each import: loading many plans then costs one ranking,
// not one per plan.
//
// Ranks are spaced (spaced-ranks.ts: RANK_GAP apart after a full ranking, as for the
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
import { dataVersion, placeTexts, spacedRanks, SPACED_ORDERS, type OrdersCopy, type RankEntry as Entry } from './spaced-ranks';

const STAMP = 'initiative_sort_keys.collators';
/** The stamp names the rank scheme too: ranks made dense by an older version are redone once. */
const stampValue = (): string => `${collatorStamp()} spaced`;
const ORDERS = SPACED_ORDERS;

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

/** Per collation the non-empty texts in rank order, one per rank, as the table holds them (or
 *  a superset: texts of a plan since removed stay, and ranks placed between them keep order). */
type Copy = OrdersCopy;

const copies = new WeakMap<Db, Copy>();

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
    // One text per distinct rank (texts sharing a rank are equal to the collator, and the binary
    // search needs one of them): the distinct ranks straight off the rank index, each rank's
    // text from one row. Every row's text, joined, read 4 million rows at 1M items (36 s of CPU
    // for the first import after a start); there are a tenth as many distinct ranks.
    read(`SELECT (SELECT i.headline FROM initiative_sort_keys k JOIN initiatives i ON i.id = k.initiative_id
            WHERE k.headline_${c} = r.rank LIMIT 1), r.rank
          FROM (SELECT DISTINCT headline_${c} AS rank FROM initiative_sort_keys WHERE headline_${c} > 0 AND headline_${c} < ?) r`);
    read(`SELECT (SELECT t.headline FROM initiative_sort_keys k JOIN themes t ON t.id = k.theme_id
            WHERE k.theme_${c} = r.rank LIMIT 1), r.rank
          FROM (SELECT DISTINCT theme_${c} AS rank FROM initiative_sort_keys WHERE theme_${c} > 0 AND theme_${c} < ?) r`);
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
  // A bulk load (no more rows ranked than waiting) is ranked whole. Counted only up to the
  // number waiting: a count of every row would cost more than the placing at a million rows.
  const ranked = (
    prepared(db, 'SELECT count(*) AS n FROM (SELECT 1 FROM initiative_sort_keys WHERE headline_pinyin > 0 LIMIT ?)').get(pending.length) as {
      n: number;
    }
  ).n;
  if (ranked < pending.length) return false;
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
