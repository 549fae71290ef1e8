// The tags the reader has given initiatives and annotations, with how many records carry each:
// the tag editors offer them as suggestions, so one idea keeps one spelling (重点 not 重点举措
// here and 重点 there). A tag can be renamed everywhere at once; renaming onto a tag in use
// merges the two (a record that had both keeps one).
import type { TagCount } from '../../../shared/api/contract';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import { COLLATORS } from '../collation/collators';
import { indexReaderFields } from '../search/initiative-docs';
import { recordState } from './annotations/store';

/** Every tag in use (on initiatives and on annotations not in the trash), most used first, then in pinyin order. */
export function listTags(db: Db): TagCount[] {
  const rows = db
    .prepare(
      `SELECT tag, count(*) AS count FROM (
         SELECT tag FROM user_initiative_tags
         UNION ALL
         SELECT t.tag FROM user_annotation_tags t JOIN user_annotations a ON a.id = t.annotation_id WHERE a.deleted_at IS NULL
       ) GROUP BY tag`,
    )
    .all() as TagCount[];
  return rows.sort((a, b) => b.count - a.count || COLLATORS.pinyin.compare(a.tag, b.tag));
}

/**
 * Renames `from` to `to` on every initiative and annotation (those in the trash too). Each
 * record changed gets a new revision (annotations a 'tag-rename' history entry), so a window
 * holding the old tags gets a CONFLICT rather than writing them back.
 */
export function renameTag(db: Db, from: string, to: string, now = new Date()): { items: number; annotations: number } {
  const at = now.toISOString();
  return writeTransaction(db, () => {
    const items = prepared(db, 'SELECT initiative_id AS id FROM user_initiative_tags WHERE tag = ?').pluck().all(from) as string[];
    for (const id of items) {
      renameOn(db, 'user_initiative_tags', 'initiative_id', id, from, to);
      // Tags are part of the initiative's record (user_initiative_state), whose revision covers them.
      prepared(
        db,
        `INSERT INTO user_initiative_state (initiative_id, touched_at, revision) VALUES (?, ?, 1)
         ON CONFLICT (initiative_id) DO UPDATE SET touched_at = excluded.touched_at, revision = revision + 1`,
      ).run(id, at);
      const state = prepared(
        db,
        'SELECT lead_unit AS leadUnit, responsible_units AS responsibleUnits, progress_note AS progressNote FROM user_initiative_state WHERE initiative_id = ?',
      ).get(id) as { leadUnit: string | null; responsibleUnits: string | null; progressNote: string | null };
      const tags = prepared(db, 'SELECT tag FROM user_initiative_tags WHERE initiative_id = ? ORDER BY rowid').pluck().all(id) as string[];
      indexReaderFields(db, id, { ...state, tags });
    }
    const annotations = prepared(db, 'SELECT annotation_id AS id FROM user_annotation_tags WHERE tag = ?').pluck().all(from) as string[];
    for (const id of annotations) {
      renameOn(db, 'user_annotation_tags', 'annotation_id', id, from, to);
      prepared(db, 'UPDATE user_annotations SET modified_at = ?, revision = revision + 1 WHERE id = ?').run(at, id);
      recordState(db, id, 'tag-rename', now);
    }
    return { items: items.length, annotations: annotations.length };
  });
}

/** Renames the tag on one record in place (its position kept), or drops it where `to` is there already. */
function renameOn(db: Db, table: string, key: string, id: string, from: string, to: string): void {
  const has = prepared(db, `SELECT 1 FROM ${table} WHERE ${key} = ? AND tag = ?`).get(id, to);
  if (has) prepared(db, `DELETE FROM ${table} WHERE ${key} = ? AND tag = ?`).run(id, from);
  else prepared(db, `UPDATE ${table} SET tag = ? WHERE ${key} = ? AND tag = ?`).run(to, id, from);
}
