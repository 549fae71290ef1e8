// Migration 14 copies the reader's status, priority, deadline and last-touched time onto the
// table's sort keys, indexed in default order within a value (reader-sort.ts reads a sort by
// one of them off these indexes), and keeps the copies by triggers on every later write.
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { READER_SORT_KEYS_SQL } from '../../electron/core/db/migrations/0014-reader-sort-keys';
import { dumpTables } from '../helpers/db-dump';
import { expectRolledBackWhole, migrateOneUp, ONE_PLAN_SQL, useDatabaseAtVersion } from '../helpers/migration-db';

const atVersion = useDatabaseAtVersion();
const VERSION = MIGRATIONS.find((m) => m.name === 'reader-sort-keys')!.version;

describe('migration 0014 reader-sort-keys', () => {
  it('copies the reader’s values of an existing library onto its sort keys, keeps every other row, and keeps the copies on later writes', () => {
    const db = atVersion(VERSION - 1);
    db.exec(ONE_PLAN_SQL);
    db.exec(`
      -- Set values, a state row without them, and a purged plan's item's values (no row to copy to).
      INSERT INTO user_initiative_state (initiative_id, status, priority, deadline, touched_at) VALUES
        ('p-1/T1/I1', 'done', 'high', '2025-01-31', 't1'), ('p-1/T1/I2', NULL, NULL, NULL, 't2'),
        ('gone/T1/I1', 'in_progress', 'low', '2025-02-01', 't3');
    `);
    const { added, before } = migrateOneUp(db, VERSION);
    expect(added).toEqual(
      [
      ...['status', 'priority', 'deadline', 'touched'].map((c) => `index:initiative_sort_keys_by_${c}`),
      ...['row_in', 'state_in', 'state_out', 'status_changed', 'priority_changed', 'deadline_changed', 'touched_at_changed', 'state_moved'].map((t) => `trigger:reader_sort_keys_${t}`),
      ].sort(),
    );
    // Every table as it was but the sort keys, which gained the copies.
    const { initiative_sort_keys: keys, ...rest } = dumpTables(db);
    const { initiative_sort_keys: keysBefore, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    expect(keys).toHaveLength(keysBefore!.length);
    const copies = () =>
      db.prepare('SELECT initiative_id, status, priority, deadline, touched_at FROM initiative_sort_keys ORDER BY 1').raw().all();
    const oracle = () => db.prepare(`SELECT initiative_id, status, priority, deadline, touched_at FROM (${READER_SORT_KEYS_SQL}) ORDER BY 1`).raw().all();
    expect(copies()).toEqual([
      ['p-1/T1/I1', 'done', 'high', '2025-01-31', 't1'],
      ['p-1/T1/I2', null, null, null, 't2'],
      ['p-1/T1/I3', null, null, null, null],
    ]);
    // Kept from here on: a save, a new state row, values moved to another initiative (a version
    // update), a state row removed, a row leaving the table and coming back.
    db.exec(`UPDATE user_initiative_state SET status = 'watching', touched_at = 't4' WHERE initiative_id = 'p-1/T1/I2'`);
    db.exec(`INSERT INTO user_initiative_state (initiative_id, priority, touched_at) VALUES ('p-1/T1/I3', 'medium', 't5')`);
    expect(copies()).toEqual([
      ['p-1/T1/I1', 'done', 'high', '2025-01-31', 't1'],
      ['p-1/T1/I2', 'watching', null, null, 't4'],
      ['p-1/T1/I3', null, 'medium', null, 't5'],
    ]);
    db.exec(`DELETE FROM user_initiative_state WHERE initiative_id = 'p-1/T1/I3';
      UPDATE user_initiative_state SET initiative_id = 'p-1/T1/I3' WHERE initiative_id = 'p-1/T1/I1'`);
    expect(copies()).toEqual([
      ['p-1/T1/I1', null, null, null, null],
      ['p-1/T1/I2', 'watching', null, null, 't4'],
      ['p-1/T1/I3', 'done', 'high', '2025-01-31', 't1'],
    ]);
    db.exec(`DELETE FROM initiative_sort_keys WHERE initiative_id = 'p-1/T1/I3';
      INSERT INTO initiative_sort_keys (initiative_id, plan_id, theme_id, theme_ordinal, ordinal) VALUES ('p-1/T1/I3', 'p-1', 'p-1/T1', 1, 3)`);
    expect(copies()).toEqual(oracle());
    expect(copies()[2]).toEqual(['p-1/T1/I3', 'done', 'high', '2025-01-31', 't1']);
    // A value's rows come off its index in default order, the unset ones first (NULL).
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT initiative_id FROM initiative_sort_keys WHERE status IS NULL ORDER BY theme_ordinal, ordinal, initiative_id`).all() as { detail: string }[]).map((r) => r.detail);
    expect(plan).toEqual(['SEARCH initiative_sort_keys USING COVERING INDEX initiative_sort_keys_by_status (status=?)']);
  });

  it('rolls back whole when a statement fails: no column, index or trigger is left', () => {
    // A table in the way of nothing but the last index's name: the migration's last statements fail.
    expectRolledBackWhole(atVersion(VERSION - 1), VERSION, 'initiative_sort_keys_by_touched', 'initiative_sort_keys', ['status', 'priority', 'deadline', 'touched_at']);
  });
});
