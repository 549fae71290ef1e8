// initiative_sort_keys: what the table sorts plan text by. An import writes a plan's rows with
// their ordinals and no ranks; ranks are dense over ALL plans (a new headline shifts everyone
// after it), so they are computed for every row in one pass by refreshInitiativeSortKeys —
// at startup and before any table query — rather than once per imported plan: loading many
// plans then costs one ranking, not one per plan.
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
import { collatorStamp, COLLATORS, denseRanks } from './collators';
import { writeTransaction } from '../db/transaction';

const STAMP = 'initiative_sort_keys.collators';

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
 *  index) or the ranks were made by another collator. */
export function sortKeysStale(db: Db): boolean {
  if (readStamp(db, STAMP) !== collatorStamp()) return true;
  const first = prepared(db, 'SELECT headline_pinyin AS rank FROM initiative_sort_keys ORDER BY headline_pinyin LIMIT 1').get() as
    | { rank: number | null }
    | undefined;
  return first !== undefined && (first.rank === null || first.rank < 0);
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
