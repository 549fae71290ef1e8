// Search everywhere: the reader's recent and saved searches.
//
// User data (no foreign keys, the rule of 0001/0002):
//   user_recent_searches — what the reader searched for, newest first by `at`; one row per text
//     (a repeat moves it to the top), at most 20 kept (services/search/recent.ts trims).
//   user_saved_searches — a named search (text and filters as JSON) with a revision, like the
//     table's saved views: a change or deletion names the revision it was made on.
// The index itself is derived data: its documents for the new sources (plan titles, English
// translations, notes) are written by the start that finds the index format stamp older than
// the code's (refresh-derived.ts), and by every write from then on.
import type { Migration } from '../migrate';

export const search: Migration = {
  version: 8,
  name: 'search',
  up(db) {
    db.exec(`
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
