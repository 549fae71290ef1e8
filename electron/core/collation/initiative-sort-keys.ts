// initiative_sort_keys: what the table sorts plan text by. An import writes a plan's rows with
// their ordinals and no ranks; ranks are dense over ALL plans (a new headline shifts everyone
// after it), so they are computed for every row in one pass by refreshInitiativeSortKeys —
// at startup and before any table query — rather than once per imported plan: loading many
// plans then costs one ranking, not one per plan.
import type { PlanDocument } from '../../../shared/domain/plan';
import type { Db } from '../db/open';
import { readStamp, writeStamp } from '../db/derived-state';
import { prepared } from '../db/statements';
import { collatorStamp, COLLATORS, denseRanks } from './collators';
import { writeTransaction } from '../db/transaction';

const STAMP = 'initiative_sort_keys.collators';

/** Writes a freshly imported plan's rows (ranks to be computed). Inside the import transaction. */
export function insertSortKeyRows(db: Db, doc: PlanDocument): void {
  const themeOrdinal = new Map(doc.themes.map((t) => [t.id, t.ordinal]));
  const insert = prepared(
    db,
    'INSERT INTO initiative_sort_keys (initiative_id, plan_id, theme_id, theme_ordinal, ordinal) VALUES (?, ?, ?, ?, ?)',
  );
  for (const i of doc.initiatives) insert.run(i.id, doc.meta.id, i.themeId, themeOrdinal.get(i.themeId)!, i.ordinal);
}

/** True when some row has no ranks yet or the ranks were made by another collator. */
export function sortKeysStale(db: Db): boolean {
  if (readStamp(db, STAMP) !== collatorStamp()) return true;
  return prepared(db, 'SELECT 1 AS stale FROM initiative_sort_keys WHERE headline_pinyin IS NULL LIMIT 1').get() !== undefined;
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

/** Recomputes every rank if any is missing or stale; rewrites only rows whose ranks changed.
 *  Returns whether it recomputed. */
export function refreshInitiativeSortKeys(db: Db): boolean {
  if (!sortKeysStale(db)) return false;
  writeTransaction(db, () => {
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
    const pinyin = denseRanks(texts, COLLATORS.pinyin);
    const stroke = denseRanks(texts, COLLATORS.stroke);
    const update = prepared(
      db,
      `UPDATE initiative_sort_keys SET theme_pinyin = ?, theme_stroke = ?, headline_pinyin = ?, headline_stroke = ?
       WHERE initiative_id = ?`,
    );
    for (const r of rows) {
      const next = [pinyin.get(r.theme)!, stroke.get(r.theme)!, pinyin.get(r.headline)!, stroke.get(r.headline)!];
      if (
        next[0] !== r.themePinyin ||
        next[1] !== r.themeStroke ||
        next[2] !== r.headlinePinyin ||
        next[3] !== r.headlineStroke
      ) {
        update.run(...next, r.id);
      }
    }
    writeStamp(db, STAMP, collatorStamp());
  });
  return true;
}
