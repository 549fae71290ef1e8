// Migration 21 keeps the table's rows counted by theme (initiative_theme_totals, kept by
// triggers): it builds the totals of an existing library, and from then on every write that
// adds, removes or moves a row keeps them (tests/core/initiative-counts.test.ts checks the
// writes in random sequences).
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { THEME_TOTALS_SQL } from '../../electron/core/db/migrations/0021-theme-totals';
import { dumpTables } from '../helpers/db-dump';
import { insertBarePlan, migrateOneUp, useDatabaseAtVersion } from '../helpers/migration-db';

const atVersion = useDatabaseAtVersion();
const VERSION = MIGRATIONS.find((m) => m.name === 'theme-totals')!.version;

describe('migration 0021 theme-totals', () => {
  it('counts the rows of an existing library by theme, keeps every other row, and keeps the totals on later writes', () => {
    const db = atVersion(VERSION - 1);
    const plan = (id: string, themes: number, perTheme: number) => insertBarePlan(db, id, themes, perTheme);
    const sortKeys = (where: string) =>
      db.exec(`INSERT INTO initiative_sort_keys (initiative_id, plan_id, theme_id, theme_ordinal, ordinal)
        SELECT i.id, i.plan_id, i.theme_id, t.ordinal, i.ordinal FROM initiatives i JOIN themes t ON t.id = i.theme_id WHERE ${where}`);
    plan('p-1', 2, 2);
    plan('p-2', 1, 3);
    sortKeys('true');
    const { added, before } = migrateOneUp(db, VERSION);
    expect(added).toEqual(['table:initiative_theme_totals', ...['row_in', 'row_out', 'row_moved'].map((t) => `trigger:initiative_theme_totals_${t}`)].sort());
    const { initiative_theme_totals: totals, ...rest } = dumpTables(db);
    expect(rest).toEqual(before);
    expect(totals).toHaveLength(3);
    // In the key's order: plan, then the theme's ordinal.
    const rows = () => db.prepare('SELECT plan_id, theme_ordinal, theme_id, n FROM initiative_theme_totals').raw().all();
    const plain = () => db.prepare(`SELECT * FROM (${THEME_TOTALS_SQL}) ORDER BY 1, 2, 3`).raw().all();
    expect(rows()).toEqual([
      ['p-1', 1, 'p-1/T1', 2],
      ['p-1', 2, 'p-1/T2', 2],
      ['p-2', 1, 'p-2/T1', 3],
    ]);
    // Kept from here on: a row leaving, a row moved to another theme, a theme's last row leaving
    // (its total goes, as a GROUP BY has none), a row moved to another plan, a new plan's row.
    db.exec("DELETE FROM initiative_sort_keys WHERE initiative_id = 'p-1/T1/I1'");
    expect(rows()).toEqual([
      ['p-1', 1, 'p-1/T1', 1],
      ['p-1', 2, 'p-1/T2', 2],
      ['p-2', 1, 'p-2/T1', 3],
    ]);
    db.exec("UPDATE initiative_sort_keys SET theme_id = 'p-1/T2', theme_ordinal = 2 WHERE initiative_id = 'p-1/T1/I2'");
    expect(rows()).toEqual([
      ['p-1', 2, 'p-1/T2', 3],
      ['p-2', 1, 'p-2/T1', 3],
    ]);
    db.exec("UPDATE initiative_sort_keys SET plan_id = 'p-2', theme_id = 'p-2/T1', theme_ordinal = 1 WHERE initiative_id = 'p-1/T2/I1'");
    expect(rows()).toEqual([
      ['p-1', 2, 'p-1/T2', 2],
      ['p-2', 1, 'p-2/T1', 4],
    ]);
    // A rank update (the columns the totals are not keyed by) leaves them as they are.
    db.exec("UPDATE initiative_sort_keys SET headline_pinyin = 7 WHERE initiative_id = 'p-2/T1/I1'");
    expect(rows()).toEqual(plain());
    plan('p-3', 2, 1);
    sortKeys("i.plan_id = 'p-3'");
    expect(rows()).toEqual([
      ['p-1', 2, 'p-1/T2', 2],
      ['p-2', 1, 'p-2/T1', 4],
      ['p-3', 1, 'p-3/T1', 1],
      ['p-3', 2, 'p-3/T2', 1],
    ]);
    expect(rows()).toEqual(plain());
  });
});
