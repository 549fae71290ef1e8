// Where each indexed field's text lives, as one SQL expression over a search_docs row aliased
// `d`: the index keeps no copy of the text (the texts are in their own tables already), and a
// candidate the index cannot decide is checked against search_norm() of its text as stored.
// Several values (tags, list items) are joined by U+0000, which search_norm reads as a value
// boundary a match cannot cross.

const ITEM = (column: string) => `(SELECT ${column} FROM initiatives WHERE id = d.key)`;
const STATE = (column: string) => `(SELECT ${column} FROM user_initiative_state WHERE initiative_id = d.key)`;
const TRANSLATION = `(SELECT t.json FROM initiatives i JOIN plan_translations t ON t.plan_id = i.plan_id AND t.language = 'en' WHERE i.id = d.key)`;
const PATH = `'$.initiatives."' || d.key || '"'`;

export const SOURCE_TEXT_SQL = `CASE d.field
  WHEN 'headline' THEN ${ITEM('headline')}
  WHEN 'body' THEN ${ITEM('body')}
  WHEN 'theme' THEN (SELECT t.headline FROM initiatives i JOIN themes t ON t.id = i.theme_id WHERE i.id = d.key)
  WHEN 'industries' THEN (SELECT group_concat(li.text, char(0)) FROM plan_lists l JOIN list_items li ON li.list_id = l.id WHERE l.initiative_id = d.key)
  WHEN 'title' THEN (SELECT title FROM plans WHERE id = d.key)
  WHEN 'headline_en' THEN json_extract(${TRANSLATION}, ${PATH} || '.headline')
  WHEN 'body_en' THEN (SELECT group_concat(value, ' ') FROM json_each(${TRANSLATION}, ${PATH} || '.body'))
  WHEN 'leadUnit' THEN ${STATE('lead_unit')}
  WHEN 'responsibleUnits' THEN ${STATE('responsible_units')}
  WHEN 'progressNote' THEN ${STATE('progress_note')}
  WHEN 'tags' THEN (SELECT group_concat(tag, char(0)) FROM user_initiative_tags WHERE initiative_id = d.key)
  WHEN 'note' THEN (SELECT body FROM user_annotations WHERE id = d.key)
  WHEN 'noteTags' THEN (SELECT group_concat(tag, char(0)) FROM user_annotation_tags WHERE annotation_id = d.key)
END`;
