// The reader's values on an item and moving them to the item it became: the record in
// user_initiative_state (status, priority, fields; its revision covers the tags too), the tags in
// user_initiative_tags, and the search documents of the reader's text (keyed by item id). A move
// is a new revision of the record (revision + 1) under the new item's id; the old id is left
// with no record, so a write still naming the old item's revision is a CONFLICT, never a silent
// write onto a record that has moved. Call inside the write transaction that decides the move.
import type { ItemValues } from '../../../../shared/api/versions/methods';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { moveSearchDocs } from '../../search/documents';
import { refreshInitiativeSearch } from '../../search/initiative-index';

/** The reader-text fields the search index keeps per item (search/initiative-docs.ts). */
const READER_SEARCH_FIELDS = ['leadUnit', 'responsibleUnits', 'progressNote', 'tags'] as const;

export const NO_VALUES: ItemValues = {
  status: null,
  priority: null,
  leadUnit: null,
  responsibleUnits: null,
  deadline: null,
  progressNote: null,
  tags: [],
  revision: 0,
};

export function readItemValues(db: Db, itemId: string): ItemValues {
  const row = prepared(
    db,
    `SELECT status, priority, lead_unit AS leadUnit, responsible_units AS responsibleUnits, deadline,
       progress_note AS progressNote, revision FROM user_initiative_state WHERE initiative_id = ?`,
  ).get(itemId) as Omit<ItemValues, 'tags'> | undefined;
  const tags = prepared(db, 'SELECT tag FROM user_initiative_tags WHERE initiative_id = ? ORDER BY rowid')
    .pluck()
    .all(itemId) as string[];
  return row ? { ...row, tags } : { ...NO_VALUES, tags };
}

/** How many values the reader put on the item (each filled field, each tag). */
export function valueCount(v: ItemValues): number {
  return (
    [v.status, v.priority, v.leadUnit, v.responsibleUnits, v.deadline, v.progressNote].filter((x) => x !== null).length +
    v.tags.length
  );
}

/** The reader's live notes and highlights on an item. */
export function annotationCount(db: Db, itemId: string): number {
  return (
    prepared(db, 'SELECT count(*) AS n FROM user_annotations WHERE item_id = ? AND deleted_at IS NULL').get(itemId) as { n: number }
  ).n;
}

/** Whether the item has a record or tags at all. */
export function hasRecord(db: Db, itemId: string): boolean {
  return (
    prepared(
      db,
      `SELECT EXISTS (SELECT 1 FROM user_initiative_state WHERE initiative_id = ?)
         OR EXISTS (SELECT 1 FROM user_initiative_tags WHERE initiative_id = ?) AS found`,
    ).get(itemId, itemId) as { found: number }
  ).found === 1;
}

/**
 * Moves the reader's record, tags and reader-text search documents of `from` to `to`.
 * Returns false (nothing moved) when `from` has no record. The caller has checked that `to` has
 * none (a value is never merged into, or written over, another item's values).
 */
export function moveItemValues(db: Db, from: string, to: string, now: string): boolean {
  if (!hasRecord(db, from)) return false;
  const moved = prepared(
    db,
    `INSERT INTO user_initiative_state (initiative_id, status, priority, lead_unit, responsible_units, deadline,
       progress_note, touched_at, revision)
     SELECT ?, status, priority, lead_unit, responsible_units, deadline, progress_note, ?, revision + 1
     FROM user_initiative_state WHERE initiative_id = ?`,
  ).run(to, now, from);
  // Tags with no record (not written by this app, but possible in an older file): the record
  // starts at revision 1 on the new item.
  if (moved.changes === 0) {
    prepared(db, 'INSERT INTO user_initiative_state (initiative_id, touched_at, revision) VALUES (?, ?, 1)').run(to, now);
  }
  prepared(db, 'DELETE FROM user_initiative_state WHERE initiative_id = ?').run(from);
  // UPDATE keeps each tag row's rowid: the order the reader gave the tags.
  prepared(db, 'UPDATE user_initiative_tags SET initiative_id = ? WHERE initiative_id = ?').run(to, from);
  moveSearchDocs(db, from, to, READER_SEARCH_FIELDS);
  // Both items' documents in the initiatives' search index (named by the moves' triggers).
  refreshInitiativeSearch(db);
  return true;
}
