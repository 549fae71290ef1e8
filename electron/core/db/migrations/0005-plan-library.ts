// The plan library: every plan's whole document tree, its import metadata, the files it came
// from, and the reader's own record of each plan.
//
// Plan content (goes with its plan, by cascade):
//   plan_sections — the outline, any depth. id is `<planId>/<section hash>` (or a name fixed at
//     the plan's first import, as the embedded plan's `hz-2024/T3/I3`), unique across plans;
//     position is the section's place in document order within its plan.
//   plan_blocks — paragraphs, list items and table rows with their canonical text, in the
//     notice, the preamble or a section.
//   plan_files — the sha256 of every file a plan was imported from, so the same file imported
//     twice is recognised rather than duplicated.
//   New columns on plans: what the importer found (issuer, document number, date…) and which
//     levels of the tree are shown as themes and as items.
// User data: user_plan_state — the reader's rename, tags and trash of a plan. Keyed by plan id
//   with no foreign key (the rule of 0001/0002): purging a plan's content leaves it, so
//   importing the same file again (same content-hash ids) brings the reader's work back.
import type { Migration } from '../migrate';

export const planLibrary: Migration = {
  version: 5,
  name: 'plan-library',
  up(db) {
    db.exec(`
      ALTER TABLE plans ADD COLUMN issuer TEXT;
      ALTER TABLE plans ADD COLUMN doc_number TEXT;
      -- ISO YYYY-MM-DD when the text gives a date; date_text as written.
      ALTER TABLE plans ADD COLUMN doc_date TEXT;
      ALTER TABLE plans ADD COLUMN date_text TEXT;
      ALTER TABLE plans ADD COLUMN notice_title TEXT;
      ALTER TABLE plans ADD COLUMN addressees TEXT;
      ALTER TABLE plans ADD COLUMN publication_note TEXT;
      ALTER TABLE plans ADD COLUMN attachments_json TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE plans ADD COLUMN format TEXT;
      ALTER TABLE plans ADD COLUMN encoding TEXT;
      ALTER TABLE plans ADD COLUMN file_name TEXT;
      ALTER TABLE plans ADD COLUMN theme_level TEXT;
      ALTER TABLE plans ADD COLUMN item_level TEXT;
      ALTER TABLE plans ADD COLUMN warnings_json TEXT NOT NULL DEFAULT '[]';

      CREATE TABLE plan_sections (
        id        TEXT PRIMARY KEY,
        plan_id   TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        parent_id TEXT REFERENCES plan_sections(id) ON DELETE CASCADE,
        position  INTEGER NOT NULL,
        kind      TEXT NOT NULL,
        numbering TEXT NOT NULL,
        ordinal   INTEGER,
        heading   TEXT NOT NULL,
        task_json TEXT,
        UNIQUE (plan_id, position)
      ) STRICT;
      CREATE INDEX plan_sections_by_parent ON plan_sections (parent_id);

      CREATE TABLE plan_blocks (
        id         TEXT PRIMARY KEY,
        plan_id    TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        section_id TEXT REFERENCES plan_sections(id) ON DELETE CASCADE,
        area       TEXT NOT NULL CHECK (area IN ('notice', 'preamble', 'section')),
        position   INTEGER NOT NULL,
        type       TEXT NOT NULL CHECK (type IN ('paragraph', 'list-item', 'table-row')),
        marker     TEXT,
        ordinal    INTEGER,
        header     INTEGER CHECK (header IN (0, 1)),
        text       TEXT,
        cells_json TEXT,
        CHECK ((area = 'section') = (section_id IS NOT NULL)),
        CHECK ((type = 'table-row') = (cells_json IS NOT NULL AND text IS NULL))
      ) STRICT;
      -- Blocks of one area in order: (plan, area, position) for the notice and preamble.
      CREATE INDEX plan_blocks_by_plan ON plan_blocks (plan_id, area, position);
      CREATE INDEX plan_blocks_by_section ON plan_blocks (section_id, position);

      CREATE TABLE plan_files (
        sha256      TEXT PRIMARY KEY,
        plan_id     TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        file_name   TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX plan_files_by_plan ON plan_files (plan_id);

      CREATE TABLE user_plan_state (
        plan_id    TEXT PRIMARY KEY,
        title      TEXT,
        tags_json  TEXT NOT NULL DEFAULT '[]',
        trashed_at TEXT,
        revision   INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
        touched_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX user_plan_state_trashed ON user_plan_state (trashed_at) WHERE trashed_at IS NOT NULL;
    `);
  },
};
