// The table's rows counted by plan, kept instead of recounted, for the total of a page with no
// condition but plans (every plan but those left out, a plan, the plans chosen). That total was
// a count of an index of every row (6,578 pages at a million rows): cheap once the connection's
// page cache holds them, but about 17 ms of CPU for the first page of a fresh connection, most
// of that page's cost. Summing the kept counts by plan, theme, status and priority
// (initiative_counts, 0012) read 3,450 pages and was slower still; this table is one row per
// plan (106 pages for 20,000 plans), summed in about 1 ms on a fresh connection.
//
// Kept by triggers on the table's rows, beside 0012's, so every write that adds, removes or
// moves a row (an import, a version import, a purge by cascade, a rollback of any of them) keeps
// it in its own transaction. A reader's save writes no row of the table and does not touch it.
import type { Migration } from '../migrate';

/** The totals as a plain GROUP BY gives them: the migration's build, and the tests' oracle. */
export const PLAN_TOTALS_SQL = 'SELECT plan_id, count(*) AS n FROM initiative_sort_keys GROUP BY plan_id';

export const planTotals: Migration = {
  version: 15,
  name: 'plan-totals',
  up(db) {
    db.exec(`
      CREATE TABLE initiative_plan_totals (
        plan_id TEXT NOT NULL PRIMARY KEY,
        n       INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      INSERT INTO initiative_plan_totals (plan_id, n) ${PLAN_TOTALS_SQL};

      CREATE TRIGGER initiative_plan_totals_row_in AFTER INSERT ON initiative_sort_keys BEGIN
        INSERT INTO initiative_plan_totals (plan_id, n) VALUES (NEW.plan_id, 1)
          ON CONFLICT (plan_id) DO UPDATE SET n = n + 1;
      END;
      -- A plan whose last row goes has no total (as a plain GROUP BY has none).
      CREATE TRIGGER initiative_plan_totals_row_out AFTER DELETE ON initiative_sort_keys BEGIN
        UPDATE initiative_plan_totals SET n = n - 1 WHERE plan_id = OLD.plan_id;
        DELETE FROM initiative_plan_totals WHERE plan_id = OLD.plan_id AND n = 0;
      END;
      CREATE TRIGGER initiative_plan_totals_row_moved AFTER UPDATE OF plan_id ON initiative_sort_keys
      WHEN OLD.plan_id IS NOT NEW.plan_id BEGIN
        UPDATE initiative_plan_totals SET n = n - 1 WHERE plan_id = OLD.plan_id;
        DELETE FROM initiative_plan_totals WHERE plan_id = OLD.plan_id AND n = 0;
        INSERT INTO initiative_plan_totals (plan_id, n) VALUES (NEW.plan_id, 1)
          ON CONFLICT (plan_id) DO UPDATE SET n = n + 1;
      END;
    `);
  },
};
