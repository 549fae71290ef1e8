// Migration 12 keeps the table's rows counted by plan, theme, status and priority
// (initiative_counts, kept by triggers): it builds the counts of an existing library, and from
// then on every write keeps them (tests/core/initiative-counts.test.ts checks the writes).
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { INITIATIVE_COUNTS_SQL } from '../../electron/core/db/migrations/0012-initiative-counts';
import { dumpTables } from '../helpers/db-dump';
import { migrateOneUp, ONE_PLAN_SQL, useDatabaseAtVersion } from '../helpers/migration-db';

const atVersion = useDatabaseAtVersion();
const VERSION = MIGRATIONS.find((m) => m.name === 'initiative-counts')!.version;

describe('migration 0012 initiative-counts', () => {
  it('counts the rows of an existing library, keeps every other row, and keeps the counts on later writes', () => {
    const db = atVersion(VERSION - 1);
    // The shared plan's theme (I1–I3), and a second theme: counts are kept by theme.
    db.exec(ONE_PLAN_SQL);
    db.exec(`
      INSERT INTO themes (id, plan_id, ordinal, headline) VALUES ('p-1/T2', 'p-1', 2, '主题二');
      INSERT INTO initiatives (id, plan_id, theme_id, ordinal, numeral, headline, body) VALUES
        ('p-1/T2/I1', 'p-1', 'p-1/T2', 1, '第一', '丁', 'Body'),
        ('p-1/T2/I2', 'p-1', 'p-1/T2', 2, '第二', '戊', 'Body');
      INSERT INTO initiative_sort_keys (initiative_id, plan_id, theme_id, theme_ordinal, ordinal)
        SELECT id, plan_id, theme_id, 2, ordinal FROM initiatives WHERE theme_id = 'p-1/T2';
      -- Set values, a state row without them (tags only), and a purged plan's item's values.
      INSERT INTO user_initiative_state (initiative_id, status, priority, touched_at) VALUES
        ('p-1/T1/I1', 'done', 'high', 't'), ('p-1/T1/I2', 'done', NULL, 't'), ('p-1/T2/I1', NULL, NULL, 't'),
        ('gone/T1/I1', 'in_progress', 'low', 't');
      INSERT INTO user_initiative_tags (initiative_id, tag) VALUES ('p-1/T1/I1', '重点'), ('p-1/T1/I2', '重点'), ('p-1/T2/I2', 'AI'), ('gone/T1/I1', 'AI');
    `);
    const { added, before } = migrateOneUp(db, VERSION);
    expect(added).toEqual(
      [
      'table:initiative_counts',
      'table:initiative_tag_counts',
      'index:initiative_counts_by_status',
      ...['row_in', 'row_in_valued', 'row_out', 'row_moved', 'state_in', 'state_out', 'state_changed', 'state_moved', 'tag_in', 'tag_out', 'tag_changed'].map(
        (t) => `trigger:initiative_counts_${t}`,
      ),
      ].sort(),
    );
    const { initiative_counts: counts, initiative_tag_counts: tagCounts, ...rest } = dumpTables(db);
    expect(rest).toEqual(before);
    const rows = () => db.prepare('SELECT theme_id, status, priority, n FROM initiative_counts ORDER BY 1, 2, 3').raw().all();
    // Unset values as '' (a row without a state row, T1/I3, too), the purged plan's values not counted.
    expect(rows()).toEqual([
      ['p-1/T1', '', '', 1],
      ['p-1/T1', 'done', '', 1],
      ['p-1/T1', 'done', 'high', 1],
      ['p-1/T2', '', '', 2],
    ]);
    expect(counts).toHaveLength(4);
    const tagRows = () => db.prepare('SELECT theme_id, status, priority, tag, n FROM initiative_tag_counts ORDER BY 1, 2, 3, 4').raw().all();
    expect(tagRows()).toEqual([
      ['p-1/T1', 'done', '', '重点', 1],
      ['p-1/T1', 'done', 'high', '重点', 1],
      ['p-1/T2', '', '', 'AI', 1],
    ]);
    expect(tagCounts).toHaveLength(3);
    // Kept from here on: a save, and an item leaving the table.
    db.exec(`UPDATE user_initiative_state SET status = 'watching' WHERE initiative_id = 'p-1/T2/I1';
      DELETE FROM initiative_sort_keys WHERE initiative_id = 'p-1/T1/I1'`);
    expect(rows()).toEqual([
      ['p-1/T1', '', '', 1],
      ['p-1/T1', 'done', '', 1],
      ['p-1/T2', '', '', 1],
      ['p-1/T2', 'watching', '', 1],
    ]);
    expect(rows()).toEqual(db.prepare(`SELECT theme_id, status, priority, n FROM (${INITIATIVE_COUNTS_SQL}) ORDER BY 1, 2, 3`).raw().all());
    expect(tagRows()).toEqual([['p-1/T1', 'done', '', '重点', 1], ['p-1/T2', '', '', 'AI', 1]]);
  });
});
