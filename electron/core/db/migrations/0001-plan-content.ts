// Plan content: what an importer writes and a re-import replaces. Nothing here is the
// reader's own work; user data lives in user_* tables (0002 onward) that refer to plan items
// by stable id without foreign keys, so replacing a plan can never cascade into user data.
import type { Migration } from '../migrate';

export const planContent: Migration = {
  version: 1,
  name: 'plan-content',
  up(db) {
    db.exec(`
      CREATE TABLE plans (
        id            TEXT PRIMARY KEY,
        title         TEXT NOT NULL,
        column_name   TEXT,
        published_at  TEXT,
        source        TEXT,
        author        TEXT,
        editor        TEXT,
        graphics      TEXT,
        tags_json     TEXT NOT NULL DEFAULT '[]',
        theme_line    TEXT,
        lead          TEXT NOT NULL,
        author_note   TEXT,
        language      TEXT NOT NULL,
        source_sha256 TEXT NOT NULL,
        imported_at   TEXT NOT NULL
      ) STRICT;

      CREATE TABLE themes (
        id       TEXT PRIMARY KEY,
        plan_id  TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        ordinal  INTEGER NOT NULL,
        headline TEXT NOT NULL,
        UNIQUE (plan_id, ordinal)
      ) STRICT;

      CREATE TABLE initiatives (
        id       TEXT PRIMARY KEY,
        plan_id  TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        theme_id TEXT NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
        ordinal  INTEGER NOT NULL,
        numeral  TEXT NOT NULL,
        headline TEXT NOT NULL,
        body     TEXT NOT NULL,
        UNIQUE (theme_id, ordinal)
      ) STRICT;
      CREATE INDEX initiatives_by_plan ON initiatives (plan_id);

      CREATE TABLE plan_lists (
        id            TEXT PRIMARY KEY,
        plan_id       TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        initiative_id TEXT NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
        ordinal       INTEGER NOT NULL,
        label         TEXT NOT NULL,
        stated_count  INTEGER NOT NULL,
        UNIQUE (plan_id, ordinal)
      ) STRICT;
      CREATE INDEX plan_lists_by_initiative ON plan_lists (initiative_id);

      CREATE TABLE list_items (
        id      TEXT PRIMARY KEY,
        list_id TEXT NOT NULL REFERENCES plan_lists(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        text    TEXT NOT NULL,
        UNIQUE (list_id, ordinal)
      ) STRICT;
    `);
  },
};
