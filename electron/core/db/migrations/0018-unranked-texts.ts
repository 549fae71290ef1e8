// The reader's typed texts (lead unit, responsible units, progress note) that have no rank yet in
// text_sort_keys, kept by triggers in every write's transaction. A sort by one of those fields
// reads its page by walking the typed values' rank index (services/table/reader-sort.ts): a
// value without a rank is not in that index, so its rows would be missing from their page (and
// every page after it shifted), though counted in the total. The app ranks each new text in the
// save that writes it and every value in use in a rebuild, but nothing in the file held to it: a
// value written any other way (a tool, a file from elsewhere) broke the sort silently. Now such
// a value is named here in the same transaction, and the table ranks what is named before it
// reads a page (query.ts: one seek of this table, once per change of the file). A save of a new
// text names it and removes it again when it ranks it (two small writes in that transaction).
import type { Migration } from '../migrate';

const COLUMNS = ['lead_unit', 'responsible_units', 'progress_note'] as const;

const unranked = (value: string) => `${value} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM text_sort_keys t WHERE t.text = ${value})`;

/** Names a value unranked unless it is ranked or named already (not INSERT OR IGNORE: the
 *  conflict clause of the statement firing the trigger, such as an upsert's, would override it). */
const name = (value: string) =>
  `INSERT INTO unranked_texts (text) SELECT ${value} WHERE ${unranked(value)} AND NOT EXISTS (SELECT 1 FROM unranked_texts u WHERE u.text = ${value})`;

/** The texts in use without a rank: the migration's fill, and the tests' oracle. */
export const UNRANKED_TEXTS_SQL = `
  SELECT v.text AS text FROM (${COLUMNS.map((c) => `SELECT ${c} AS text FROM user_initiative_state`).join(' UNION ')}) v
  WHERE ${unranked('v.text')}`;

export const unrankedTexts: Migration = {
  version: 18,
  name: 'unranked-texts',
  up(db) {
    db.exec(`
      CREATE TABLE unranked_texts (text TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
      INSERT INTO unranked_texts (text) ${UNRANKED_TEXTS_SQL};
      CREATE TRIGGER unranked_texts_state_in AFTER INSERT ON user_initiative_state
      WHEN ${COLUMNS.map((c) => `(${unranked(`NEW.${c}`)})`).join(' OR ')} BEGIN
        ${COLUMNS.map((c) => `${name(`NEW.${c}`)};`).join('\n        ')}
      END;
      -- One trigger a column: a save writes only what it changed (most saves change none of them).
      ${COLUMNS.map(
        (c) => `CREATE TRIGGER unranked_texts_${c}_changed AFTER UPDATE OF ${c} ON user_initiative_state
      WHEN OLD.${c} IS NOT NEW.${c} AND ${unranked(`NEW.${c}`)} BEGIN
        ${name(`NEW.${c}`)};
      END;`,
      ).join('\n      ')}
    `);
  },
};
