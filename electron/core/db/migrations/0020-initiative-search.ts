// The table's second search index: one document per initiative under its place in the default
// order (search/initiative-index.ts explains it), so a default-order page deep in a common
// term's hits is a count and an offset in the term's doclist (services/table/slotted.ts).
//
//   initiative_search — contentless FTS5 of the tokens of the global search's fields, rowid the
//     initiative's slot; configured as search_fts is (plain tokens, no positions, no merging in
//     a write).
//   initiative_search_plans — each plan with rows and its base (its slots: base × 2^20 + 1…).
//   initiative_search_slots — slot → initiative (the page's ids).
//   initiative_search_stale — what a write changed since the last rewrite (plan = 1: a plan
//     whose rows were written, removed or moved; 0: an initiative whose reader text changed),
//     named by the triggers below in every write's transaction.
//
// Derived data: filled here from the texts (every plan named, then rewritten with progress, a
// plan at a time), as refreshInitiativeSearch keeps it. Names are written WHERE NOT EXISTS, not
// INSERT OR IGNORE: the conflict clause of the statement firing a trigger overrides the
// trigger's own (as 0018 notes).
import type { Migration } from '../migrate';
import { refreshInitiativeSearch } from '../../search/initiative-index';
import { CHUNK_ROWS } from './in-chunks';

const name = (key: string, plan: 0 | 1) =>
  `INSERT INTO initiative_search_stale (plan, key) SELECT ${plan}, ${key}
     WHERE NOT EXISTS (SELECT 1 FROM initiative_search_stale WHERE plan = ${plan} AND key = ${key})`;

const READER_TEXT = ['lead_unit', 'responsible_units', 'progress_note'] as const;
const hasText = (row: string) => READER_TEXT.map((c) => `${row}.${c} IS NOT NULL`).join(' OR ');

export const initiativeSearch: Migration = {
  version: 20,
  name: 'initiative-search',
  up(db, progress) {
    db.exec(`
      CREATE VIRTUAL TABLE initiative_search USING fts5(tok, content = '', contentless_delete = 1, detail = none, tokenize = 'ascii');
      -- As search_fts (0013): a write merges nothing (FTS5's automerge rewrote a save's way into
      -- larger segments: about 0.6 ms of CPU a save at 100k, 0.3 without); FTS5's crisis merge,
      -- 16 segments on a level, is what merges them (search/merge.ts keeps to search_fts).
      INSERT INTO initiative_search (initiative_search, rank) VALUES ('automerge', 0);
      INSERT INTO initiative_search (initiative_search, rank) VALUES ('usermerge', 4);
      CREATE TABLE initiative_search_plans (plan_id TEXT PRIMARY KEY, base INTEGER NOT NULL UNIQUE) STRICT, WITHOUT ROWID;
      CREATE TABLE initiative_search_slots (slot INTEGER PRIMARY KEY, initiative_id TEXT NOT NULL UNIQUE) STRICT;
      CREATE TABLE initiative_search_stale (plan INTEGER NOT NULL, key TEXT NOT NULL, PRIMARY KEY (plan, key)) STRICT, WITHOUT ROWID;

      CREATE TRIGGER initiative_search_row_in AFTER INSERT ON initiative_sort_keys BEGIN
        ${name('NEW.plan_id', 1)};
      END;
      CREATE TRIGGER initiative_search_row_out AFTER DELETE ON initiative_sort_keys BEGIN
        ${name('OLD.plan_id', 1)};
      END;
      CREATE TRIGGER initiative_search_row_moved AFTER UPDATE OF initiative_id, plan_id, theme_ordinal, ordinal ON initiative_sort_keys
      WHEN OLD.initiative_id IS NOT NEW.initiative_id OR OLD.plan_id IS NOT NEW.plan_id
        OR OLD.theme_ordinal IS NOT NEW.theme_ordinal OR OLD.ordinal IS NOT NEW.ordinal BEGIN
        ${name('OLD.plan_id', 1)};
        ${name('NEW.plan_id', 1)};
      END;
      -- The plan's texts are written once with their rows; should one change in place, its plan.
      CREATE TRIGGER initiative_search_text AFTER UPDATE OF headline, body, theme_id ON initiatives BEGIN
        ${name('NEW.plan_id', 1)};
      END;
      CREATE TRIGGER initiative_search_theme AFTER UPDATE OF headline ON themes BEGIN
        ${name('NEW.plan_id', 1)};
      END;

      CREATE TRIGGER initiative_search_state_in AFTER INSERT ON user_initiative_state WHEN ${hasText('NEW')} BEGIN
        ${name('NEW.initiative_id', 0)};
      END;
      CREATE TRIGGER initiative_search_state_out AFTER DELETE ON user_initiative_state WHEN ${hasText('OLD')} BEGIN
        ${name('OLD.initiative_id', 0)};
      END;
      CREATE TRIGGER initiative_search_state_changed AFTER UPDATE OF initiative_id, ${READER_TEXT.join(', ')} ON user_initiative_state
      WHEN OLD.initiative_id IS NOT NEW.initiative_id OR ${READER_TEXT.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')} BEGIN
        ${name('OLD.initiative_id', 0)};
        ${name('NEW.initiative_id', 0)};
      END;
      CREATE TRIGGER initiative_search_tag_in AFTER INSERT ON user_initiative_tags BEGIN
        ${name('NEW.initiative_id', 0)};
      END;
      CREATE TRIGGER initiative_search_tag_out AFTER DELETE ON user_initiative_tags BEGIN
        ${name('OLD.initiative_id', 0)};
      END;
      CREATE TRIGGER initiative_search_tag_changed AFTER UPDATE ON user_initiative_tags BEGIN
        ${name('OLD.initiative_id', 0)};
        ${name('NEW.initiative_id', 0)};
      END;

      INSERT INTO initiative_search_stale (plan, key) SELECT 1, plan_id FROM initiative_plan_totals WHERE n > 0;
    `);
    // Said every CHUNK_ROWS initiatives, as in-chunks.ts says its chunks.
    let said = -CHUNK_ROWS;
    refreshInitiativeSearch(db, (done, total) => {
      if (done - said < CHUNK_ROWS && done < total) return;
      said = done;
      progress.rows(done, total);
    });
  },
};
