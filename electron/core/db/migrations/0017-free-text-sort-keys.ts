// The reader's responsible units and progress note copied onto the table's sort keys, each with
// an index (value, default order), and the typed values' ranks indexed by collation, so that a
// sort by either field reads its page off those indexes (services/table/reader-sort.ts): the
// typed values in rank order, each value's rows in default order, then the unset rows. Before,
// any page of such a sort joined every row to the reader's state and the typed values' ranks
// and sorted them all (at a million initiatives about 0.4 s of CPU).
//
// The texts are copied, not their ranks, as 0016 copies the lead unit: a save writes its own
// row only, and a renumbering of the typed values' ranks (text_sort_keys: a new value with no
// room between its neighbours) writes nothing here; it moves its values' entries in the rank
// indexes below instead (a few thousand small entries, once in many saves). Unlike the lead
// unit, these values are mostly distinct (a note each), so the order is not read one index
// range per value: the rank index is walked and each value's rows looked up in the copy's index.
// Derived data kept by triggers in every write's transaction, as 0014's and 0016's copies; the
// reader's state stays the only original.
import type { Migration } from '../migrate';
import { inChunks } from './in-chunks';

const COLUMNS = ['responsible_units', 'progress_note'] as const;
const ALL = COLUMNS.join(', ');

const copyOf = (initiative: string) => `(SELECT ${ALL} FROM user_initiative_state WHERE initiative_id = ${initiative})`;
const set = (initiative: string, value: string) => `UPDATE initiative_sort_keys SET (${ALL}) = ${value} WHERE initiative_id = ${initiative};`;
const setOne = (column: string, initiative: string, value: string) => `UPDATE initiative_sort_keys SET ${column} = ${value} WHERE initiative_id = ${initiative};`;
const anyOf = (row: string) => COLUMNS.map((c) => `${row}.${c} IS NOT NULL`).join(' OR ');

/** The copies as the reader's state gives them: the migration's fill, and the tests' oracle. */
export const FREE_TEXT_SORT_KEYS_SQL = `
  SELECT k.initiative_id AS initiative_id, ${COLUMNS.map((c) => `s.${c} AS ${c}`).join(', ')}
  FROM initiative_sort_keys k LEFT JOIN user_initiative_state s ON s.initiative_id = k.initiative_id`;

export const freeTextSortKeys: Migration = {
  version: 17,
  name: 'free-text-sort-keys',
  up(db, progress) {
    db.exec(COLUMNS.map((c) => `ALTER TABLE initiative_sort_keys ADD COLUMN ${c} TEXT;`).join('\n'));
    // The fill, a chunk of the reader's states at a time (in-chunks.ts): the same rows as one
    // UPDATE over all of them, with the opening screen told how far it is.
    inChunks(
      db,
      progress,
      'user_initiative_state',
      `UPDATE initiative_sort_keys SET (${ALL}) = ${copyOf('initiative_sort_keys.initiative_id')}
        WHERE initiative_id IN (SELECT initiative_id FROM user_initiative_state
                                WHERE rowid > @after AND rowid <= @last AND (${COLUMNS.map((c) => `${c} IS NOT NULL`).join(' OR ')}))`,
    );
    db.exec(`
      -- A value's rows in default order; NULL first: the unset rows (most rows).
      ${COLUMNS.map((c) => `CREATE INDEX initiative_sort_keys_by_${c} ON initiative_sort_keys (${c}, theme_ordinal, ordinal, initiative_id);`).join('\n')}
      -- The typed values in each collation's order (the text, its key, is in every entry).
      CREATE INDEX text_sort_keys_by_pinyin ON text_sort_keys (pinyin);
      CREATE INDEX text_sort_keys_by_stroke ON text_sort_keys (stroke);

      -- A row entering the table (a plan imported again after a purge) takes its reader's values.
      CREATE TRIGGER free_text_sort_keys_row_in AFTER INSERT ON initiative_sort_keys
      WHEN EXISTS (SELECT 1 FROM user_initiative_state s WHERE s.initiative_id = NEW.initiative_id AND (${anyOf('s')})) BEGIN
        ${set('NEW.initiative_id', copyOf('NEW.initiative_id'))}
      END;
      CREATE TRIGGER free_text_sort_keys_state_in AFTER INSERT ON user_initiative_state
      WHEN ${anyOf('NEW')} BEGIN
        ${set('NEW.initiative_id', `(NEW.${COLUMNS.join(', NEW.')})`)}
      END;
      CREATE TRIGGER free_text_sort_keys_state_out AFTER DELETE ON user_initiative_state
      WHEN ${anyOf('OLD')} BEGIN
        ${set('OLD.initiative_id', `(${COLUMNS.map(() => 'NULL').join(', ')})`)}
      END;
      -- A save changing one of them (most saves change neither: nothing written here); one
      -- trigger each, so a save writes only the copy it changed.
      ${COLUMNS.map(
        (c) => `CREATE TRIGGER free_text_sort_keys_${c}_changed AFTER UPDATE OF ${c} ON user_initiative_state
      WHEN OLD.initiative_id IS NEW.initiative_id AND OLD.${c} IS NOT NEW.${c} BEGIN
        ${setOne(c, 'NEW.initiative_id', `NEW.${c}`)}
      END;`,
      ).join('\n')}
      -- The values moved to another initiative (a version update).
      CREATE TRIGGER free_text_sort_keys_moved AFTER UPDATE OF initiative_id ON user_initiative_state
      WHEN OLD.initiative_id IS NOT NEW.initiative_id BEGIN
        ${set('OLD.initiative_id', `(${COLUMNS.map(() => 'NULL').join(', ')})`)}
        ${set('NEW.initiative_id', `(NEW.${COLUMNS.join(', NEW.')})`)}
      END;
    `);
  },
};
