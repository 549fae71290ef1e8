// Search everywhere: one smaller index over every text searched, and the reader's recent and
// saved searches.
//
// Derived data, replaced (schema 3's index kept a normalized copy of every text, search_texts,
// and hex-encoded bigrams with positions: together about three times the text they indexed):
//   search_docs — one row per (key, field) with the text's length: no scope column and no copy
//     of the text. A plan's documents are keyed by its id or ids under it (`<planId>/…`), so they
//     go by key range and field (and with the plan: trigger plans_unindex); the reader's fields
//     on its items, keyed by the same ids, stay.
//   search_fts — contentless FTS5 of plain bigram tokens, detail=none (no positions): candidates
//     are checked against the text where it lives (search/source-text.ts).
//   search_initiative_units — (id, plan_id, theme_id) of the initiatives: a hit's item, plan and
//     theme are read from this small index, not from the initiatives' rows with their bodies
//     (at scale most of those page reads missed the cache). Counted with the index's size.
//   Emptied here; the first start on this schema writes it again from the texts (the format
//   stamp in derived_state no longer matches, see refresh-derived.ts), as `npm run search --
//   rebuild` does on demand.
//
// User data (no foreign keys, the rule of 0001/0002):
//   user_recent_searches — what the reader searched for, newest first by `at`; one row per text
//     (a repeat moves it to the top), at most 20 kept (services/search/recent.ts trims).
//   user_saved_searches — a named search (text and filters as JSON) with a revision, like the
//     table's saved views: a change or deletion names the revision it was made on.
import type { Migration } from '../migrate';

export const search: Migration = {
  version: 8,
  name: 'search',
  up(db) {
    db.exec(`
      DROP TRIGGER search_docs_unindex;
      DROP TABLE search_texts;
      DROP TABLE search_fts;
      DROP TABLE search_docs;
      CREATE TABLE search_docs (
        id    INTEGER PRIMARY KEY,
        key   TEXT NOT NULL,
        field TEXT NOT NULL,
        len   INTEGER NOT NULL CHECK (len >= 0),
        UNIQUE (key, field)
      ) STRICT;
      CREATE VIRTUAL TABLE search_fts USING fts5(tok, content = '', contentless_delete = 1, detail = none, tokenize = 'ascii');
      INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 8);
      CREATE INDEX search_initiative_units ON initiatives (id, plan_id, theme_id);
      CREATE TRIGGER search_docs_unindex AFTER DELETE ON search_docs BEGIN
        DELETE FROM search_fts WHERE rowid = old.id;
      END;
      CREATE TRIGGER plans_unindex AFTER DELETE ON plans BEGIN
        DELETE FROM search_docs WHERE (key = old.id OR (key >= old.id || '/' AND key < old.id || '0'))
          AND field IN ('title', 'headline', 'body', 'theme', 'industries', 'headline_en', 'body_en');
      END;
      UPDATE derived_state SET value = 'none' WHERE name = 'search.format';

      CREATE TABLE user_recent_searches (
        text TEXT PRIMARY KEY,
        at   TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX user_recent_searches_by_at ON user_recent_searches (at);

      CREATE TABLE user_saved_searches (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,
        query_json TEXT NOT NULL CHECK (json_valid(query_json)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        revision   INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1)
      ) STRICT;
    `);
  },
};
