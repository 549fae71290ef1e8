// Migration 16 copies the reader's lead unit onto the table's sort keys, indexed in default
// order within a value (reader-sort.ts reads a lead-unit sort off it), and keeps the copy by
// triggers on every later write.
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { LEAD_UNIT_SORT_KEYS_SQL } from '../../electron/core/db/migrations/0016-lead-unit-sort-key';
import { dumpTables } from '../helpers/db-dump';
import { expectRolledBackWhole, migrateOneUp, ONE_PLAN_SQL, useDatabaseAtVersion } from '../helpers/migration-db';

const atVersion = useDatabaseAtVersion();
const VERSION = MIGRATIONS.find((m) => m.name === 'lead-unit-sort-key')!.version;

describe('migration 0016 lead-unit-sort-key', () => {
  it('copies the reader’s lead units of an existing library onto its sort keys, keeps every other row, and keeps the copies on later writes', () => {
    const db = atVersion(VERSION - 1);
    db.exec(ONE_PLAN_SQL);
    db.exec(`
      -- A set value, the empty text, a state row without one, and a purged plan's item's value.
      INSERT INTO user_initiative_state (initiative_id, lead_unit, status, touched_at) VALUES
        ('p-1/T1/I1', '市经信局', 'done', 't1'), ('p-1/T1/I2', '', NULL, 't2'),
        ('gone/T1/I1', '市发改委', NULL, 't3');
    `);
    const { added, before } = migrateOneUp(db, VERSION);
    expect(added).toEqual(
      [
      'index:initiative_sort_keys_by_lead_unit',
      ...['row_in', 'state_in', 'state_out', 'changed', 'moved'].map((t) => `trigger:lead_unit_sort_key_${t}`),
      ].sort(),
    );
    const { initiative_sort_keys: keys, ...rest } = dumpTables(db);
    const { initiative_sort_keys: keysBefore, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    expect(keys).toHaveLength(keysBefore!.length);
    const copies = () => db.prepare('SELECT initiative_id, lead_unit FROM initiative_sort_keys ORDER BY 1').raw().all();
    const oracle = () => db.prepare(`SELECT initiative_id, lead_unit FROM (${LEAD_UNIT_SORT_KEYS_SQL}) ORDER BY 1`).raw().all();
    expect(copies()).toEqual([
      ['p-1/T1/I1', '市经信局'],
      ['p-1/T1/I2', ''],
      ['p-1/T1/I3', null],
    ]);
    // Kept from here on: a save of the lead unit, a save of another field, a new state row,
    // values moved to another initiative (a version update), a state row removed, a row
    // leaving the table and coming back.
    db.exec(`UPDATE user_initiative_state SET lead_unit = '市科技局', touched_at = 't4' WHERE initiative_id = 'p-1/T1/I2';
      UPDATE user_initiative_state SET status = 'watching' WHERE initiative_id = 'p-1/T1/I1'`);
    db.exec(`INSERT INTO user_initiative_state (initiative_id, lead_unit, touched_at) VALUES ('p-1/T1/I3', '区政府', 't5')`);
    expect(copies()).toEqual([
      ['p-1/T1/I1', '市经信局'],
      ['p-1/T1/I2', '市科技局'],
      ['p-1/T1/I3', '区政府'],
    ]);
    db.exec(`DELETE FROM user_initiative_state WHERE initiative_id = 'p-1/T1/I3';
      UPDATE user_initiative_state SET initiative_id = 'p-1/T1/I3' WHERE initiative_id = 'p-1/T1/I1'`);
    expect(copies()).toEqual([
      ['p-1/T1/I1', null],
      ['p-1/T1/I2', '市科技局'],
      ['p-1/T1/I3', '市经信局'],
    ]);
    db.exec(`UPDATE user_initiative_state SET lead_unit = NULL WHERE initiative_id = 'p-1/T1/I2';
      DELETE FROM initiative_sort_keys WHERE initiative_id = 'p-1/T1/I3';
      INSERT INTO initiative_sort_keys (initiative_id, plan_id, theme_id, theme_ordinal, ordinal) VALUES ('p-1/T1/I3', 'p-1', 'p-1/T1', 1, 3)`);
    expect(copies()).toEqual(oracle());
    expect(copies()).toEqual([
      ['p-1/T1/I1', null],
      ['p-1/T1/I2', null],
      ['p-1/T1/I3', '市经信局'],
    ]);
    // A value's rows come off its index in default order.
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT initiative_id FROM initiative_sort_keys WHERE lead_unit = ? ORDER BY theme_ordinal, ordinal, initiative_id`).all('x') as { detail: string }[]).map((r) => r.detail);
    expect(plan).toEqual(['SEARCH initiative_sort_keys USING COVERING INDEX initiative_sort_keys_by_lead_unit (lead_unit=?)']);
  });

  it('rolls back whole when a statement fails: no column, index or trigger is left', () => {
    // A table in the way of the index's name: the migration fails half-way.
    expectRolledBackWhole(atVersion(VERSION - 1), VERSION, 'initiative_sort_keys_by_lead_unit', 'initiative_sort_keys', ['lead_unit']);
  });
});
