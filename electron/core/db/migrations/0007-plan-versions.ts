// Versions of a plan: a revised text imported as a new version of a plan it revises. Each
// version is a plan of its own (its own ids; earlier versions stay stored and readable), and the
// reader's values follow their item from version to version by the text (see
// services/versions/).
//
//   plan_versions — which lineage a plan belongs to and its number in it (1, 2, …), and the plan
//     it was imported as a new version of. A plan with no row is a lineage of its own, version 1.
//     The current version of a lineage is its newest version not in the trash. Goes with its plan
//     (it describes plan content; purging a version purges its row).
//   item_successions — which item of a newer version each item of an older one became, and how
//     that was decided: 'identical', 'heading', 'similar' (matched by the text at the version
//     import, with its score) or 'manual' (the reader assigned it; to_item_id NULL: the reader
//     chose to leave it unmatched). An item of the older version with no row for a version is
//     unmatched there: the reader's values on it stayed where they were. No foreign keys, the
//     rule of the user_* tables: these rows are the record of where the reader's values went, and
//     purging a plan must not erase it.
import type { Migration } from '../migrate';

export const planVersions: Migration = {
  version: 7,
  name: 'plan-versions',
  up(db) {
    db.exec(`
      CREATE TABLE plan_versions (
        plan_id      TEXT PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
        lineage_id   TEXT NOT NULL,
        version      INTEGER NOT NULL CHECK (version >= 1),
        derived_from TEXT,
        created_at   TEXT NOT NULL,
        UNIQUE (lineage_id, version)
      ) STRICT;

      CREATE TABLE item_successions (
        from_item_id TEXT NOT NULL,
        to_plan_id   TEXT NOT NULL,
        to_item_id   TEXT,
        score        REAL CHECK (score IS NULL OR (score >= 0 AND score <= 1)),
        how          TEXT NOT NULL CHECK (how IN ('identical', 'heading', 'similar', 'manual')),
        decided_at   TEXT NOT NULL,
        PRIMARY KEY (from_item_id, to_plan_id),
        CHECK (to_item_id IS NOT NULL OR how = 'manual')
      ) STRICT;
      CREATE INDEX item_successions_by_to ON item_successions (to_item_id) WHERE to_item_id IS NOT NULL;
      CREATE INDEX item_successions_by_plan ON item_successions (to_plan_id);
    `);
  },
};
