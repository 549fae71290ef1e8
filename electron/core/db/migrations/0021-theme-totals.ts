// The table's rows counted by theme, kept instead of summed, for the counts a scope with no
// condition but plans and themes asks by theme: the grouped layout by theme (a header line per
// theme, groups.ts) and the theme menu (facets.ts). Both summed the kept counts by plan, theme,
// status and priority (initiative_counts, 0012), about three rows a theme: at a million rows the
// layout's first page took 124 ms at the median and 153 at p95, most of it that sum over
// 286,000 rows grouped into 100,000 themes, then sorted into theme order. This table is one row a
// theme, keyed in the order the layout shows them (a plan's themes by ordinal), read in its key's
// order with no sort.
//
// Kept by triggers on the table's rows, beside 0012's and 0015's, so every write that adds,
// removes or moves a row (an import, a version import, a purge by cascade, a rollback of any of
// them) keeps it in its own transaction. A reader's save writes no row of the table and does
// not touch it.
import type { Migration } from '../migrate';

/** The totals as a plain GROUP BY gives them: the migration's build, and the tests' oracle. */
export const THEME_TOTALS_SQL =
  'SELECT plan_id, theme_ordinal, theme_id, count(*) AS n FROM initiative_sort_keys GROUP BY plan_id, theme_ordinal, theme_id';

const KEY = 'plan_id, theme_ordinal, theme_id';
const add = (rec: 'NEW') => `INSERT INTO initiative_theme_totals (${KEY}, n) VALUES (${rec}.plan_id, ${rec}.theme_ordinal, ${rec}.theme_id, 1)
          ON CONFLICT (${KEY}) DO UPDATE SET n = n + 1;`;
const remove = (rec: 'OLD') => {
  const where = `plan_id = ${rec}.plan_id AND theme_ordinal = ${rec}.theme_ordinal AND theme_id = ${rec}.theme_id`;
  return `UPDATE initiative_theme_totals SET n = n - 1 WHERE ${where};
        DELETE FROM initiative_theme_totals WHERE ${where} AND n = 0;`;
};

export const themeTotals: Migration = {
  version: 21,
  name: 'theme-totals',
  up(db) {
    db.exec(`
      CREATE TABLE initiative_theme_totals (
        plan_id       TEXT NOT NULL,
        theme_ordinal INTEGER NOT NULL,
        theme_id      TEXT NOT NULL,
        n             INTEGER NOT NULL,
        PRIMARY KEY (${KEY})
      ) STRICT, WITHOUT ROWID;
      INSERT INTO initiative_theme_totals (${KEY}, n) ${THEME_TOTALS_SQL};

      CREATE TRIGGER initiative_theme_totals_row_in AFTER INSERT ON initiative_sort_keys BEGIN
        ${add('NEW')}
      END;
      -- A theme whose last row goes has no total (as a plain GROUP BY has none).
      CREATE TRIGGER initiative_theme_totals_row_out AFTER DELETE ON initiative_sort_keys BEGIN
        ${remove('OLD')}
      END;
      CREATE TRIGGER initiative_theme_totals_row_moved AFTER UPDATE OF plan_id, theme_ordinal, theme_id ON initiative_sort_keys
      WHEN OLD.plan_id IS NOT NEW.plan_id OR OLD.theme_ordinal IS NOT NEW.theme_ordinal OR OLD.theme_id IS NOT NEW.theme_id BEGIN
        ${remove('OLD')}
        ${add('NEW')}
      END;
    `);
  },
};
