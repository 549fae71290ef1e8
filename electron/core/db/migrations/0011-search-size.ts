// The search index's documents in fewer bytes (the index and what it needs may cost at most the
// bytes of the text it indexes).
//
// Derived data, replaced: schema 8's search_docs kept each document's key as text twice (in the
// row and in its UNIQUE (key, field) index) and its field as a name, twice too. A note's key is
// its 36-character UUID, which with the field cost more than a short note's own text.
//   search_doc_ids — the documents: id (the FTS5 rowid, its static score code above: see
//     search/score.ts), key, field; no length (schema 8's len was only ever written: the id's
//     score code says what the index needs of a text's length). A key that is a lowercase UUID (a note's id) is kept as
//     its 16 bytes (a BLOB); any other key (a plan's or item's id) as its text, so a plan's
//     documents still go by key range. The field is a small integer code (below; stored codes,
//     so append only). The id stays the rowid (it is the FTS5 rowid, and the walk goes by it),
//     so (key, field) is still a UNIQUE index beside it: each copy of a note's key is 16 bytes.
//   search_docs — a view with schema 8's columns but len (id, key as text, field by name) and
//     INSTEAD OF triggers, so a look at the index with the sqlite3 shell, or a repair by hand,
//     reads and writes it as before. The app reads and writes search_doc_ids itself.
//   search_initiative_units — (id, theme_id) of the initiatives, no longer plan_id: an item's
//     plan is the part of its id before the first '/' (the plan ranges above assume as much).
//   search_fts — as in schema 8, but FTS5 merges its segments once 2 (not 8) are at one level:
//     fewer segments, each token's entry in fewer of them. Measured 5–20% smaller (the search
//     bench's corpus), with no difference in the time of imports or note saves we could measure.
//   The format stamp is reset: the first start writes the index again (refresh-derived.ts).
import type { Migration } from '../migrate';

/** Field codes as stored. The app's copy is search/documents.ts (FIELD_CODES); a test holds
 *  the two equal. */
const FIELDS = [
  'note',
  'headline',
  'body',
  'title',
  'theme',
  'industries',
  'headline_en',
  'body_en',
  'leadUnit',
  'responsibleUnits',
  'progressNote',
  'tags',
  'noteTags',
];

const UUID_GLOB = `'${['8', '4', '4', '4', '12'].map((n) => '[0-9a-f]'.repeat(Number(n))).join('-')}'`;
const keyValue = (text: string) => `CASE WHEN ${text} GLOB ${UUID_GLOB} THEN unhex(replace(${text}, '-', '')) ELSE ${text} END`;
const keyText = (col: string) =>
  `CASE WHEN typeof(${col}) = 'blob' THEN lower(substr(hex(${col}), 1, 8) || '-' || substr(hex(${col}), 9, 4) || '-' || ` +
  `substr(hex(${col}), 13, 4) || '-' || substr(hex(${col}), 17, 4) || '-' || substr(hex(${col}), 21)) ELSE ${col} END`;
const fieldName = (col: string) => `CASE ${col} ${FIELDS.map((f, i) => `WHEN ${i} THEN '${f}'`).join(' ')} END`;
const fieldCode = (name: string) => `CASE ${name} ${FIELDS.map((f, i) => `WHEN '${f}' THEN ${i}`).join(' ')} END`;
const PLAN_FIELDS = ['title', 'headline', 'body', 'theme', 'industries', 'headline_en', 'body_en'].map((f) => FIELDS.indexOf(f)).join(', ');

export const searchSize: Migration = {
  version: 11,
  name: 'search-size',
  up(db) {
    db.exec(`
      DROP TRIGGER plans_unindex;
      DROP TRIGGER search_docs_unindex;
      DROP TABLE search_docs;
      DROP TABLE search_fts;
      CREATE TABLE search_doc_ids (
        id    INTEGER PRIMARY KEY,
        key   ANY NOT NULL CHECK (typeof(key) = 'text' OR (typeof(key) = 'blob' AND length(key) = 16)),
        field INTEGER NOT NULL CHECK (field BETWEEN 0 AND ${FIELDS.length - 1}),
        UNIQUE (key, field)
      ) STRICT;
      CREATE VIRTUAL TABLE search_fts USING fts5(tok, content = '', contentless_delete = 1, detail = none, tokenize = 'ascii');
      INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 2);
      CREATE TRIGGER search_doc_ids_unindex AFTER DELETE ON search_doc_ids BEGIN
        DELETE FROM search_fts WHERE rowid = old.id;
      END;
      CREATE TRIGGER plans_unindex AFTER DELETE ON plans BEGIN
        DELETE FROM search_doc_ids WHERE (key = ${keyValue('old.id')} OR (key >= old.id || '/' AND key < old.id || '0'))
          AND field IN (${PLAN_FIELDS});
      END;

      CREATE VIEW search_docs (id, key, field) AS
        SELECT id, ${keyText('key')}, ${fieldName('field')} FROM search_doc_ids;
      CREATE TRIGGER search_docs_insert INSTEAD OF INSERT ON search_docs BEGIN
        INSERT INTO search_doc_ids (id, key, field) VALUES (new.id, ${keyValue('new.key')}, ${fieldCode('new.field')});
      END;
      CREATE TRIGGER search_docs_update INSTEAD OF UPDATE ON search_docs BEGIN
        UPDATE search_doc_ids SET id = new.id, key = ${keyValue('new.key')}, field = ${fieldCode('new.field')}
          WHERE id = old.id;
      END;
      CREATE TRIGGER search_docs_delete INSTEAD OF DELETE ON search_docs BEGIN
        DELETE FROM search_doc_ids WHERE id = old.id;
      END;
      DROP INDEX search_initiative_units;
      CREATE INDEX search_initiative_units ON initiatives (id, theme_id);
      UPDATE derived_state SET value = 'none' WHERE name = 'search.format';
    `);
  },
};
