// The initiative table, the plan's translations and the search index.
//
// Plan content (replaced with its plan): plan_translations.
// Derived data (rebuilt from the tables it comes from, never the only copy of anything):
//   initiative_sort_keys — per initiative the keys the table sorts by, including dense ranks of
//     the theme and initiative headlines under Intl.Collator('zh') (pinyin) and
//     Intl.Collator('zh-u-co-stroke'), computed in JavaScript because better-sqlite3 cannot
//     register collations; indexed so SQL sorts 100k rows by pinyin without a temp B-tree.
//     Rank columns stay NULL until computed (see collation/initiative-sort-keys.ts).
//   text_sort_keys — the same ranks for the distinct values of the reader's free-text fields.
//   search_docs + search_texts + search_fts — overlapping-bigram FTS5 index (see search/).
//   derived_state — stamps saying which collator / index format the derived data was made with.
// User data (user_* tables): keyed by stable ids with no foreign keys into plan content, the
//   rule of 0001/0002, so re-importing a plan can never cascade into the reader's work.
import type { Migration } from '../migrate';

export const initiativeTable: Migration = {
  version: 3,
  name: 'initiative-table',
  up(db) {
    db.exec(`
      CREATE TABLE plan_translations (
        plan_id  TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        language TEXT NOT NULL,
        json     TEXT NOT NULL,
        PRIMARY KEY (plan_id, language)
      ) STRICT;

      CREATE TABLE initiative_sort_keys (
        initiative_id   TEXT PRIMARY KEY REFERENCES initiatives(id) ON DELETE CASCADE,
        plan_id         TEXT NOT NULL,
        theme_id        TEXT NOT NULL,
        theme_ordinal   INTEGER NOT NULL,
        ordinal         INTEGER NOT NULL,
        theme_pinyin    INTEGER,
        theme_stroke    INTEGER,
        headline_pinyin INTEGER,
        headline_stroke INTEGER
      ) STRICT, WITHOUT ROWID;
      -- Default order (theme, initiative), across plans and within one plan.
      CREATE INDEX initiative_sort_keys_by_order ON initiative_sort_keys (theme_ordinal, ordinal, initiative_id);
      CREATE INDEX initiative_sort_keys_by_plan ON initiative_sort_keys (plan_id, theme_ordinal, ordinal, initiative_id);
      -- Theme filter, already in default order within a theme.
      CREATE INDEX initiative_sort_keys_by_theme ON initiative_sort_keys (theme_id, theme_ordinal, ordinal, initiative_id);
      -- Sorting by the theme or initiative headline, ties in default order.
      CREATE INDEX initiative_sort_keys_by_headline_pinyin
        ON initiative_sort_keys (headline_pinyin, theme_ordinal, ordinal, initiative_id);
      CREATE INDEX initiative_sort_keys_by_headline_stroke
        ON initiative_sort_keys (headline_stroke, theme_ordinal, ordinal, initiative_id);
      CREATE INDEX initiative_sort_keys_by_theme_pinyin
        ON initiative_sort_keys (theme_pinyin, theme_ordinal, ordinal, initiative_id);
      CREATE INDEX initiative_sort_keys_by_theme_stroke
        ON initiative_sort_keys (theme_stroke, theme_ordinal, ordinal, initiative_id);
      -- Plans imported before this migration get their rows now; their ranks on next start.
      INSERT INTO initiative_sort_keys (initiative_id, plan_id, theme_id, theme_ordinal, ordinal)
        SELECT i.id, i.plan_id, i.theme_id, t.ordinal, i.ordinal
        FROM initiatives i JOIN themes t ON t.id = i.theme_id;

      CREATE TABLE text_sort_keys (
        text   TEXT PRIMARY KEY,
        pinyin INTEGER NOT NULL,
        stroke INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      -- Small rows on purpose: a search maps every FTS5 hit to its key through this table.
      CREATE TABLE search_docs (
        id    INTEGER PRIMARY KEY,
        -- The plan whose import wrote this text (its docs go with it); NULL for the reader's text.
        scope TEXT REFERENCES plans(id) ON DELETE CASCADE,
        -- The item the text belongs to, e.g. an initiative id.
        key   TEXT NOT NULL,
        field TEXT NOT NULL,
        UNIQUE (key, field)
      ) STRICT;
      CREATE INDEX search_docs_by_scope ON search_docs (scope);
      -- A document's normalized text (lower case, whitespace collapsed; several values joined by
      -- a newline), read only to check phrase candidates exactly.
      CREATE TABLE search_texts (
        id   INTEGER PRIMARY KEY REFERENCES search_docs(id) ON DELETE CASCADE,
        text TEXT NOT NULL
      ) STRICT;
      CREATE VIRTUAL TABLE search_fts USING fts5(
        bi, uni, content = '', contentless_delete = 1, tokenize = 'ascii'
      );
      -- Every plan import is a transaction that adds a segment; merging 8 at a time rather than
      -- FTS5's default 4 roughly halves what indexing a plan costs, for slightly more segments
      -- per lookup.
      INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 8);
      -- However a doc goes (explicitly or with its plan), its index entry goes with it.
      CREATE TRIGGER search_docs_unindex AFTER DELETE ON search_docs BEGIN
        DELETE FROM search_fts WHERE rowid = old.id;
      END;

      CREATE TABLE derived_state (
        name  TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
      -- Documents written from here on are in the first index format; a later format compares
      -- against this and rebuilds (refresh-derived.ts).
      INSERT INTO derived_state (name, value) VALUES ('search.format', 'bigram-1');

      CREATE TABLE user_initiative_state (
        initiative_id     TEXT PRIMARY KEY,
        status            TEXT,
        priority          TEXT CHECK (priority IN ('high', 'medium', 'low')),
        lead_unit         TEXT,
        responsible_units TEXT,
        deadline          TEXT,
        progress_note     TEXT,
        touched_at        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX user_initiative_state_by_status ON user_initiative_state (status);
      CREATE INDEX user_initiative_state_by_priority ON user_initiative_state (priority);
      CREATE INDEX user_initiative_state_by_deadline ON user_initiative_state (deadline);
      CREATE INDEX user_initiative_state_by_touched ON user_initiative_state (touched_at);

      -- A rowid table: rowid order is the order the reader gave the tags.
      CREATE TABLE user_initiative_tags (
        initiative_id TEXT NOT NULL,
        tag           TEXT NOT NULL,
        PRIMARY KEY (initiative_id, tag)
      ) STRICT;
      CREATE INDEX user_initiative_tags_by_tag ON user_initiative_tags (tag, initiative_id);

      CREATE TABLE user_annotations (
        id            TEXT PRIMARY KEY,
        initiative_id TEXT NOT NULL,
        kind          TEXT NOT NULL CHECK (kind IN ('highlight', 'note')),
        selector_json TEXT,
        body          TEXT,
        created_at    TEXT NOT NULL,
        modified_at   TEXT NOT NULL,
        anchor_status TEXT NOT NULL DEFAULT 'anchored'
          CHECK (anchor_status IN ('anchored', 'relocated', 'orphaned', 'ambiguous'))
      ) STRICT;
      CREATE INDEX user_annotations_by_initiative ON user_annotations (initiative_id, kind);

      CREATE TABLE user_saved_views (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,
        state_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
