// Where each indexed field's text lives, as one SQL expression over a search_doc_ids row aliased
// `d` (its key and field stored compactly: documents.ts): the index keeps no copy of the text
// (the texts are in their own tables already), and a candidate the index cannot decide is
// checked against search_norm() of its text as stored.
// Several values (tags, list items) are joined by U+0000, which search_norm reads as a value
// boundary a match cannot cross.
import { FIELD_CODES, keyTextSql } from './documents';

/** The document's key as text (a note's UUID is stored as its bytes; so could a plan id be, which
 *  has a UUID's form). An item's id has a '/', so its key is always stored as text: item fields
 *  compare d.key as it is, which is cheaper per candidate. */
const KEY = keyTextSql('d.key');

const ITEM = (column: string) => `(SELECT ${column} FROM initiatives WHERE id = d.key)`;
const STATE = (column: string) => `(SELECT ${column} FROM user_initiative_state WHERE initiative_id = d.key)`;
const TRANSLATION = `(SELECT t.json FROM initiatives i JOIN plan_translations t ON t.plan_id = i.plan_id AND t.language = 'en' WHERE i.id = d.key)`;
const PATH = `'$.initiatives."' || d.key || '"'`;

/** The text expression, with a note's body read from `noteBody` when given (an SQL expression:
 *  the note's row already joined by the caller, where looking it up again by the key would
 *  convert the key and search the notes' key index once more). */
export const sourceTextSql = (noteBody?: string): string => `CASE d.field
  WHEN ${FIELD_CODES.headline} THEN ${ITEM('headline')}
  WHEN ${FIELD_CODES.body} THEN ${ITEM('body')}
  WHEN ${FIELD_CODES.theme} THEN (SELECT t.headline FROM initiatives i JOIN themes t ON t.id = i.theme_id WHERE i.id = d.key)
  WHEN ${FIELD_CODES.industries} THEN (SELECT group_concat(li.text, char(0)) FROM plan_lists l JOIN list_items li ON li.list_id = l.id WHERE l.initiative_id = d.key)
  WHEN ${FIELD_CODES.title} THEN (SELECT title FROM plans WHERE id = ${KEY})
  WHEN ${FIELD_CODES.headline_en} THEN json_extract(${TRANSLATION}, ${PATH} || '.headline')
  WHEN ${FIELD_CODES.body_en} THEN (SELECT group_concat(value, ' ') FROM json_each(${TRANSLATION}, ${PATH} || '.body'))
  WHEN ${FIELD_CODES.leadUnit} THEN ${STATE('lead_unit')}
  WHEN ${FIELD_CODES.responsibleUnits} THEN ${STATE('responsible_units')}
  WHEN ${FIELD_CODES.progressNote} THEN ${STATE('progress_note')}
  WHEN ${FIELD_CODES.tags} THEN (SELECT group_concat(tag, char(0)) FROM user_initiative_tags WHERE initiative_id = d.key)
  WHEN ${FIELD_CODES.note} THEN ${noteBody ?? `(SELECT body FROM user_annotations WHERE id = ${KEY})`}
  WHEN ${FIELD_CODES.noteTags} THEN (SELECT group_concat(tag, char(0)) FROM user_annotation_tags WHERE annotation_id = ${KEY})
END`;

export const SOURCE_TEXT_SQL = sourceTextSql();
