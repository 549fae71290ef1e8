// text_sort_keys: pinyin and stroke ranks of the distinct values the reader typed into the
// table's free-text fields (lead unit, responsible units, progress note). Readers type few
// distinct values, so the whole dictionary is rebuilt whenever a value it lacks appears.
import type { Db } from '../db/open';
import { readStamp, writeStamp } from '../db/derived-state';
import { prepared } from '../db/statements';
import { collatorStamp, COLLATORS, denseRanks } from './collators';
import { writeTransaction } from '../db/transaction';

const STAMP = 'text_sort_keys.collators';

/** Rebuilds the dictionary if one of `values` is missing from it. Inside the writing transaction. */
export function ensureTextSortKeys(db: Db, values: readonly (string | null | undefined)[]): void {
  const lookup = prepared(db, 'SELECT 1 AS found FROM text_sort_keys WHERE text = ?');
  if (values.some((v) => v != null && lookup.get(v) === undefined)) rebuildTextSortKeys(db);
}

/** Ranks every distinct value in use, dropping values no longer used. */
export function rebuildTextSortKeys(db: Db): void {
  writeTransaction(db, () => {
    const values = (
      prepared(
        db,
        `SELECT lead_unit AS v FROM user_initiative_state WHERE lead_unit IS NOT NULL
         UNION SELECT responsible_units FROM user_initiative_state WHERE responsible_units IS NOT NULL
         UNION SELECT progress_note FROM user_initiative_state WHERE progress_note IS NOT NULL`,
      ).all() as { v: string }[]
    ).map((r) => r.v);
    const pinyin = denseRanks(values, COLLATORS.pinyin);
    const stroke = denseRanks(values, COLLATORS.stroke);
    prepared(db, 'DELETE FROM text_sort_keys').run();
    const insert = prepared(db, 'INSERT INTO text_sort_keys (text, pinyin, stroke) VALUES (?, ?, ?)');
    for (const v of new Set(values)) insert.run(v, pinyin.get(v)!, stroke.get(v)!);
    writeStamp(db, STAMP, collatorStamp());
  });
}

/** Rebuilds the dictionary when another collator made it. Returns whether it rebuilt. */
export function refreshTextSortKeys(db: Db): boolean {
  if (readStamp(db, STAMP) === collatorStamp()) return false;
  rebuildTextSortKeys(db);
  return true;
}
