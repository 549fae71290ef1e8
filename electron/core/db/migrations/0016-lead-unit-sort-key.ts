// The reader's lead unit copied onto the table's sort keys, with an index (lead unit, default
// order), so that a sort by it reads its page off that index value by value
// (services/table/reader-sort.ts) instead of sorting every row: at a million initiatives any
// page of a lead-unit sort joined every row to the reader's state and the typed values' ranks
// and sorted them all (about 0.4 s of CPU).
//
// The text is copied, not its rank: the order of the values comes from the ranks of the typed
// values (text_sort_keys) at query time, one lookup per value in use, so a renumbering of that
// dictionary (a new value finding no room between its neighbours) writes nothing here; a
// copied rank would need every row of every renumbered value rewritten inside that save.
// Derived data kept by triggers in every write's transaction, as 0014's copies; the reader's
// state stays the only original.
import type { Migration } from '../migrate';

const copyOf = (initiative: string) => `(SELECT lead_unit FROM user_initiative_state WHERE initiative_id = ${initiative})`;
const set = (initiative: string, value: string) => `UPDATE initiative_sort_keys SET lead_unit = ${value} WHERE initiative_id = ${initiative};`;

/** The copies as the reader's state gives them: the migration's fill, and the tests' oracle. */
export const LEAD_UNIT_SORT_KEYS_SQL = `
  SELECT k.initiative_id AS initiative_id, s.lead_unit AS lead_unit
  FROM initiative_sort_keys k LEFT JOIN user_initiative_state s ON s.initiative_id = k.initiative_id`;

export const leadUnitSortKey: Migration = {
  version: 16,
  name: 'lead-unit-sort-key',
  up(db) {
    db.exec(`
      ALTER TABLE initiative_sort_keys ADD COLUMN lead_unit TEXT;
      UPDATE initiative_sort_keys SET lead_unit = ${copyOf('initiative_sort_keys.initiative_id')}
        WHERE initiative_id IN (SELECT initiative_id FROM user_initiative_state WHERE lead_unit IS NOT NULL);
      -- A value's rows in default order; NULL first: the unset rows (most rows).
      CREATE INDEX initiative_sort_keys_by_lead_unit ON initiative_sort_keys (lead_unit, theme_ordinal, ordinal, initiative_id);

      -- A row entering the table (a plan imported again after a purge) takes its reader's value.
      CREATE TRIGGER lead_unit_sort_key_row_in AFTER INSERT ON initiative_sort_keys
      WHEN EXISTS (SELECT 1 FROM user_initiative_state WHERE initiative_id = NEW.initiative_id AND lead_unit IS NOT NULL) BEGIN
        ${set('NEW.initiative_id', copyOf('NEW.initiative_id'))}
      END;
      CREATE TRIGGER lead_unit_sort_key_state_in AFTER INSERT ON user_initiative_state
      WHEN NEW.lead_unit IS NOT NULL BEGIN
        ${set('NEW.initiative_id', 'NEW.lead_unit')}
      END;
      CREATE TRIGGER lead_unit_sort_key_state_out AFTER DELETE ON user_initiative_state
      WHEN OLD.lead_unit IS NOT NULL BEGIN
        ${set('OLD.initiative_id', 'NULL')}
      END;
      -- A save changing the lead unit (most saves do not: nothing written here).
      CREATE TRIGGER lead_unit_sort_key_changed AFTER UPDATE OF lead_unit ON user_initiative_state
      WHEN OLD.initiative_id IS NEW.initiative_id AND OLD.lead_unit IS NOT NEW.lead_unit BEGIN
        ${set('NEW.initiative_id', 'NEW.lead_unit')}
      END;
      -- The values moved to another initiative (a version update).
      CREATE TRIGGER lead_unit_sort_key_moved AFTER UPDATE OF initiative_id ON user_initiative_state
      WHEN OLD.initiative_id IS NOT NEW.initiative_id BEGIN
        ${set('OLD.initiative_id', 'NULL')}
        ${set('NEW.initiative_id', 'NEW.lead_unit')}
      END;
    `);
  },
};
