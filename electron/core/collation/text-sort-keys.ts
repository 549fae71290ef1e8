// text_sort_keys: pinyin and stroke ranks of the distinct values the reader typed into the
// table's free-text fields (lead unit, responsible units, progress note). SQL sorts by the
// ranks; only their order matters, so they are order-preserving keys with gaps between them:
// a new value gets a rank between its two neighbours, found by binary search with the
// collator, and when two neighbours have no room left between them only a neighbourhood is
// renumbered (spaced-ranks.ts insertRespaced), not the whole dictionary. A save therefore costs
// the same however many distinct values there are, even when many new values land between the
// same two neighbours (dated notes typed one after another).
//
// The search runs over an in-memory copy of each order, loaded once per connection and kept
// in step with our own inserts. PRAGMA data_version changes when another connection commits,
// and the copy is then reloaded. A copy that holds a value whose transaction rolled back is
// still a superset of the table in the right order, so ranks chosen from it stay correct. A
// renumbering is different: rolled back, it is undone in the table only. So each one writes a
// token of its own (NUMBERING, in the same transaction) that the copy remembers; the copy is
// kept while the table holds that token and reloaded when it does not.
import type { Collation } from '../../../shared/domain/table';
import type { Db } from '../db/open';
import { readStamp, writeStamp } from '../db/derived-state';
import { prepared } from '../db/statements';
import { collatorStamp, COLLATORS, EMPTY_RANK } from './collators';
import { inWriteTransaction, writeTransaction } from '../db/transaction';
import { dataVersion, insertRespaced, lowerBound, RANK_GAP, RANK_LIMIT, spacedRanks, SPACED_ORDERS, type OrdersCopy, type RankEntry } from './spaced-ranks';

const STAMP = 'text_sort_keys.collators';
/** Names the latest renumbering: see the top of the file. */
const NUMBERING = 'text_sort_keys.numbering';
const ORDERS = SPACED_ORDERS;

type Entry = RankEntry;
interface Copy extends OrdersCopy {
  /** The token of the latest renumbering made through this copy, if any. */
  numbering?: string;
}

const copies = new WeakMap<Db, Copy>();
let renumberings = 0;

function loadCopy(db: Db): Copy {
  const have = copies.get(db);
  const version = dataVersion(db);
  if (have && have.dataVersion === version && (have.numbering === undefined || readStamp(db, NUMBERING) === have.numbering)) return have;
  const orders = {} as Record<Collation, Entry[]>;
  for (const c of ORDERS) {
    orders[c] = prepared(db, `SELECT text, ${c} AS rank FROM text_sort_keys WHERE text <> '' ORDER BY ${c}, text`).all() as Entry[];
  }
  const copy: Copy = { dataVersion: version, orders };
  copies.set(db, copy);
  return copy;
}

/** Ranks for `text` in one order (inserted into the copy), renumbering a neighbourhood of the
 *  order if its neighbours leave no room. */
function placeIn(db: Db, copy: Copy, c: Collation, text: string): number {
  const order = copy.orders[c];
  const compare = COLLATORS[c].compare;
  const lo = lowerBound(order, text, compare);
  if (lo < order.length && compare(order[lo]!.text, text) === 0) {
    // A text the collator calls equal shares its rank (ties broken by initiative order).
    order.splice(lo, 0, { text, rank: order[lo]!.rank });
    return order[lo]!.rank;
  }
  const below = lo > 0 ? order[lo - 1]!.rank : 0;
  const above = lo < order.length ? order[lo]!.rank : Math.min(below + 2 * RANK_GAP, RANK_LIMIT);
  if (above - below >= 2) {
    const rank = below + Math.floor((above - below) / 2);
    order.splice(lo, 0, { text, rank });
    return rank;
  }
  const update = prepared(db, `UPDATE text_sort_keys SET ${c} = ? WHERE text = ?`);
  const changed = insertRespaced(order, lo, text);
  // The new text's entry is written by the caller (it is not in the table yet).
  for (const e of changed) if (e !== order[lo]) update.run(e.rank, e.text);
  copy.numbering = `${process.pid}.${Date.now()}.${++renumberings}`;
  writeStamp(db, NUMBERING, copy.numbering);
  return order[lo]!.rank;
}

/** Gives every value of `values` missing from the dictionary its ranks. Inside the writing
 *  transaction. */
export function ensureTextSortKeys(db: Db, values: readonly (string | null | undefined)[]): void {
  const lookup = prepared(db, 'SELECT 1 AS found FROM text_sort_keys WHERE text = ?');
  const missing = [...new Set(values.filter((v): v is string => v != null))].filter((v) => lookup.get(v) === undefined);
  if (missing.length === 0) return;
  if (readStamp(db, STAMP) !== collatorStamp()) {
    rebuildTextSortKeys(db);
    return;
  }
  // Inside the caller's write transaction (a save) the inserts need no savepoint of their own:
  // two more statements on every new value.
  if (inWriteTransaction(db)) insertRanked(db, missing);
  else writeTransaction(db, () => insertRanked(db, missing));
}

function insertRanked(db: Db, missing: readonly string[]): void {
  const copy = loadCopy(db);
  const insert = prepared(db, 'INSERT INTO text_sort_keys (text, pinyin, stroke) VALUES (?, ?, ?)');
  // A save writes the reader's state before it ranks the new texts: the state's triggers named
  // them unranked (migration 0018), and they are ranked here.
  const ranked = prepared(db, 'DELETE FROM unranked_texts WHERE text = ?');
  for (const text of missing) {
    ranked.run(text);
    if (text === '') {
      insert.run(text, EMPTY_RANK, EMPTY_RANK);
      continue;
    }
    insert.run(text, placeIn(db, copy, 'pinyin', text), placeIn(db, copy, 'stroke', text));
  }
}

/** Whether some text in the reader's state has no rank (named by migration 0018's triggers in
 *  the transaction that wrote it): a sort by its field would miss its rows. One seek. */
export function textSortKeysMissing(db: Db): boolean {
  return (prepared(db, 'SELECT EXISTS (SELECT 1 FROM unranked_texts) AS u').get() as { u: number }).u === 1;
}

/** Ranks the texts named unranked (a value written without its rank, by a tool or a file from
 *  elsewhere: the app ranks each in the save that writes it) and forgets them. Returns how many
 *  it ranked. */
export function rankMissingTextSortKeys(db: Db): number {
  return writeTransaction(db, () => {
    const named = (prepared(db, 'SELECT text FROM unranked_texts').all() as { text: string }[]).map((r) => r.text);
    const lookup = prepared(db, 'SELECT 1 AS found FROM text_sort_keys WHERE text = ?');
    const missing = named.filter((text) => lookup.get(text) === undefined);
    if (missing.length) ensureTextSortKeys(db, missing);
    prepared(db, 'DELETE FROM unranked_texts').run();
    return missing.length;
  });
}

/** Ranks every distinct value in use afresh, RANK_GAP apart, dropping values no longer used. */
export function rebuildTextSortKeys(db: Db): void {
  writeTransaction(db, () => {
    const values = [
      ...new Set(
        (
          prepared(
            db,
            `SELECT lead_unit AS v FROM user_initiative_state WHERE lead_unit IS NOT NULL
             UNION SELECT responsible_units FROM user_initiative_state WHERE responsible_units IS NOT NULL
             UNION SELECT progress_note FROM user_initiative_state WHERE progress_note IS NOT NULL`,
          ).all() as { v: string }[]
        ).map((r) => r.v),
      ),
    ];
    prepared(db, 'DELETE FROM text_sort_keys').run();
    const ranks = {} as Record<Collation, Map<string, number>>;
    for (const c of ORDERS) ranks[c] = new Map(spacedRanks(values, COLLATORS[c].compare).map((e) => [e.text, e.rank]));
    const insert = prepared(db, 'INSERT INTO text_sort_keys (text, pinyin, stroke) VALUES (?, ?, ?)');
    for (const v of values) {
      insert.run(v, ranks.pinyin.get(v) ?? EMPTY_RANK, ranks.stroke.get(v) ?? EMPTY_RANK);
    }
    // Every value in use is ranked now.
    prepared(db, 'DELETE FROM unranked_texts').run();
    writeStamp(db, STAMP, collatorStamp());
    copies.delete(db);
  });
}

/** Rebuilds the dictionary when another collator made it. Returns whether it rebuilt. */
export function refreshTextSortKeys(db: Db): boolean {
  if (readStamp(db, STAMP) === collatorStamp()) return false;
  rebuildTextSortKeys(db);
  return true;
}
