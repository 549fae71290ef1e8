// The reader's sortable values (status, priority, deadline, last touched) copied onto the
// table's sort keys, each with an index in default order within a value, so that a sort by one
// of them reads its page off an index instead of sorting every row. At a million initiatives a
// status sort's first page joined every row to the reader's state and sorted them all (about
// half a second); from these indexes the rows of a value come in order, and the rows without
// one (NULL, the index's first range) come after them in default order: see
// services/table/reader-sort.ts, which reads a page value by value.
//
// initiative_sort_keys is derived data: its copies are kept by triggers in every write's
// transaction (a save, a version update moving the reader's values, an import or a purge of the
// rows), like initiative_counts (0012). The reader's state stays the only original.
// Indexes of every row, NULLs included: a page deep in the unset rows (most rows) is skipped in
// the index's NULL range, where a partial index would leave them to be tested row by row.
import type { Migration } from '../migrate';

/** The reader's values the table sorts by, as named in both tables. */
export const READER_SORT_COLUMNS = ['status', 'priority', 'deadline', 'touched_at'] as const;

const columns = READER_SORT_COLUMNS.join(', ');
const copyOf = (initiative: string) => `(SELECT ${columns} FROM user_initiative_state WHERE initiative_id = ${initiative})`;
const set = (initiative: string, values: string) => `UPDATE initiative_sort_keys SET (${columns}) = ${values} WHERE initiative_id = ${initiative};`;
const cleared = `(${READER_SORT_COLUMNS.map(() => 'NULL').join(', ')})`;

/** The copies as the reader's state gives them: the migration's fill, and the tests' oracle. */
export const READER_SORT_KEYS_SQL = `
  SELECT k.initiative_id AS initiative_id, ${READER_SORT_COLUMNS.map((c) => `s.${c} AS ${c}`).join(', ')}
  FROM initiative_sort_keys k LEFT JOIN user_initiative_state s ON s.initiative_id = k.initiative_id`;

export const readerSortKeys: Migration = {
  version: 14,
  name: 'reader-sort-keys',
  up(db) {
    db.exec(`
      ${READER_SORT_COLUMNS.map((c) => `ALTER TABLE initiative_sort_keys ADD COLUMN ${c} TEXT;`).join('\n')}
      UPDATE initiative_sort_keys SET (${columns}) = ${copyOf('initiative_sort_keys.initiative_id')}
        WHERE initiative_id IN (SELECT initiative_id FROM user_initiative_state);
      -- A value's rows in default order (ties of a sort by it); NULL first: the unset rows.
      CREATE INDEX initiative_sort_keys_by_status ON initiative_sort_keys (status, theme_ordinal, ordinal, initiative_id);
      CREATE INDEX initiative_sort_keys_by_priority ON initiative_sort_keys (priority, theme_ordinal, ordinal, initiative_id);
      CREATE INDEX initiative_sort_keys_by_deadline ON initiative_sort_keys (deadline, theme_ordinal, ordinal, initiative_id);
      CREATE INDEX initiative_sort_keys_by_touched ON initiative_sort_keys (touched_at, theme_ordinal, ordinal, initiative_id);

      -- A row entering the table (an import, a plan imported again after a purge) takes the
      -- values its reader's state kept; an import's new rows have none (no statement run).
      CREATE TRIGGER reader_sort_keys_row_in AFTER INSERT ON initiative_sort_keys
      WHEN EXISTS (SELECT 1 FROM user_initiative_state WHERE initiative_id = NEW.initiative_id) BEGIN
        ${set('NEW.initiative_id', copyOf('NEW.initiative_id'))}
      END;
      CREATE TRIGGER reader_sort_keys_state_in AFTER INSERT ON user_initiative_state BEGIN
        ${set('NEW.initiative_id', `(${READER_SORT_COLUMNS.map((c) => `NEW.${c}`).join(', ')})`)}
      END;
      CREATE TRIGGER reader_sort_keys_state_out AFTER DELETE ON user_initiative_state BEGIN
        ${set('OLD.initiative_id', cleared)}
      END;
      -- A save: only the values it changed, so only their indexes are written (a save sets
      -- touched_at, and most change one field besides).
      ${READER_SORT_COLUMNS.map(
        (c) => `CREATE TRIGGER reader_sort_keys_${c}_changed AFTER UPDATE OF ${c} ON user_initiative_state
      WHEN OLD.initiative_id IS NEW.initiative_id AND OLD.${c} IS NOT NEW.${c} BEGIN
        UPDATE initiative_sort_keys SET ${c} = NEW.${c} WHERE initiative_id = NEW.initiative_id;
      END;`,
      ).join('\n      ')}
      -- The values moved to another initiative (a version update): the old one's row left
      -- without them.
      CREATE TRIGGER reader_sort_keys_state_moved AFTER UPDATE OF initiative_id ON user_initiative_state
      WHEN OLD.initiative_id IS NOT NEW.initiative_id BEGIN
        ${set('OLD.initiative_id', cleared)}
        ${set('NEW.initiative_id', `(${READER_SORT_COLUMNS.map((c) => `NEW.${c}`).join(', ')})`)}
      END;
    `);
  },
};
