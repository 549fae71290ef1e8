// Migration 15 keeps the table's rows counted by plan (initiative_plan_totals, kept by
// triggers): it builds the totals of an existing library, and from then on every write that
// adds, removes or moves a row keeps them (tests/core/initiative-counts.test.ts checks the
// writes in random sequences).
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { PLAN_TOTALS_SQL } from '../../electron/core/db/migrations/0015-plan-totals';
import { dumpTables } from '../helpers/db-dump';
import { insertBarePlan, migrateOneUp, useDatabaseAtVersion } from '../helpers/migration-db';

const atVersion = useDatabaseAtVersion();
const VERSION = MIGRATIONS.find((m) => m.name === 'plan-totals')!.version;

describe('migration 0015 plan-totals', () => {
  it('counts the rows of an existing library by plan, keeps every other row, and keeps the totals on later writes', () => {
    const db = atVersion(VERSION - 1);
    const plan = (id: string, themes: number, perTheme: number) => insertBarePlan(db, id, themes, perTheme);
    plan('p-1', 2, 2);
    plan('p-2', 1, 3);
    db.exec(`INSERT INTO initiative_sort_keys (initiative_id, plan_id, theme_id, theme_ordinal, ordinal) SELECT id, plan_id, theme_id, 1, ordinal FROM initiatives`);
    const { added, before } = migrateOneUp(db, VERSION);
    expect(added).toEqual(['table:initiative_plan_totals', ...['row_in', 'row_out', 'row_moved'].map((t) => `trigger:initiative_plan_totals_${t}`)].sort());
    const { initiative_plan_totals: totals, ...rest } = dumpTables(db);
    expect(rest).toEqual(before);
    expect(totals).toHaveLength(2);
    const rows = () => db.prepare('SELECT plan_id, n FROM initiative_plan_totals ORDER BY 1').raw().all();
    const plain = () => db.prepare(`SELECT * FROM (${PLAN_TOTALS_SQL}) ORDER BY 1`).raw().all();
    expect(rows()).toEqual([['p-1', 4], ['p-2', 3]]);
    // Kept from here on: a row leaving, a row moved to another plan, a plan's last row leaving
    // (its total goes, as a GROUP BY has none), a new plan's row.
    db.exec("DELETE FROM initiative_sort_keys WHERE initiative_id = 'p-1/T1/I1'");
    expect(rows()).toEqual([['p-1', 3], ['p-2', 3]]);
    db.exec("UPDATE initiative_sort_keys SET plan_id = 'p-2' WHERE initiative_id = 'p-1/T1/I2'");
    expect(rows()).toEqual([['p-1', 2], ['p-2', 4]]);
    db.exec("DELETE FROM initiative_sort_keys WHERE plan_id = 'p-1'");
    expect(rows()).toEqual([['p-2', 4]]);
    plan('p-3', 1, 1);
    db.exec("INSERT INTO initiative_sort_keys (initiative_id, plan_id, theme_id, theme_ordinal, ordinal) VALUES ('p-3/T1/I1', 'p-3', 'p-3/T1', 1, 1)");
    expect(rows()).toEqual([['p-2', 4], ['p-3', 1]]);
    expect(rows()).toEqual(plain());
  });
});
