// Migration 17 copies the reader's responsible units and progress notes onto the table's sort
// keys, indexed in default order within a value, indexes the typed values' ranks by collation
// (reader-sort.ts reads such a sort off them), and keeps the copies by triggers on every later
// write.
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { FREE_TEXT_SORT_KEYS_SQL } from '../../electron/core/db/migrations/0017-free-text-sort-keys';
import { dumpTables } from '../helpers/db-dump';
import { expectRolledBackWhole, migrateOneUp, ONE_PLAN_SQL, useDatabaseAtVersion } from '../helpers/migration-db';

const atVersion = useDatabaseAtVersion();
const VERSION = MIGRATIONS.find((m) => m.name === 'free-text-sort-keys')!.version;

describe('migration 0017 free-text-sort-keys', () => {
  it('copies the reader’s responsible units and progress notes of an existing library onto its sort keys, keeps every other row, and keeps the copies on later writes', () => {
    const db = atVersion(VERSION - 1);
    db.exec(ONE_PLAN_SQL);
    db.exec(`
      -- Set values, the empty text, a state row without either, and a purged plan's item's values.
      INSERT INTO user_initiative_state (initiative_id, responsible_units, progress_note, lead_unit, touched_at) VALUES
        ('p-1/T1/I1', '市经信局、市科技局', '已完成调研', NULL, 't1'), ('p-1/T1/I2', '', NULL, '市发改委', 't2'),
        ('gone/T1/I1', '市发改委', '进行中', NULL, 't3');
      INSERT INTO text_sort_keys (text, pinyin, stroke) VALUES ('市经信局、市科技局', 65536, 131072), ('已完成调研', 131072, 65536);
    `);
    const { added, before } = migrateOneUp(db, VERSION);
    expect(added).toEqual(
      [
      'index:initiative_sort_keys_by_responsible_units',
      'index:initiative_sort_keys_by_progress_note',
      'index:text_sort_keys_by_pinyin',
      'index:text_sort_keys_by_stroke',
      ...['row_in', 'state_in', 'state_out', 'responsible_units_changed', 'progress_note_changed', 'moved'].map((t) => `trigger:free_text_sort_keys_${t}`),
      ].sort(),
    );
    const { initiative_sort_keys: keys, ...rest } = dumpTables(db);
    const { initiative_sort_keys: keysBefore, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    expect(keys).toHaveLength(keysBefore!.length);
    const copies = () => db.prepare('SELECT initiative_id, responsible_units, progress_note FROM initiative_sort_keys ORDER BY 1').raw().all();
    const oracle = () => db.prepare(`SELECT initiative_id, responsible_units, progress_note FROM (${FREE_TEXT_SORT_KEYS_SQL}) ORDER BY 1`).raw().all();
    expect(copies()).toEqual([
      ['p-1/T1/I1', '市经信局、市科技局', '已完成调研'],
      ['p-1/T1/I2', '', null],
      ['p-1/T1/I3', null, null],
    ]);
    // A save of one field writes that copy only (the other keeps what it had, here a stale
    // value set by hand: only the changed column's trigger fires).
    db.exec(`UPDATE initiative_sort_keys SET responsible_units = 'stale' WHERE initiative_id = 'p-1/T1/I1';
      UPDATE user_initiative_state SET progress_note = '推进中', touched_at = 't4' WHERE initiative_id = 'p-1/T1/I1'`);
    expect(copies()[0]).toEqual(['p-1/T1/I1', 'stale', '推进中']);
    db.exec(`UPDATE user_initiative_state SET responsible_units = '市科技局' WHERE initiative_id = 'p-1/T1/I1';
      UPDATE user_initiative_state SET status = 'watching', lead_unit = '区政府' WHERE initiative_id = 'p-1/T1/I2'`);
    db.exec(`INSERT INTO user_initiative_state (initiative_id, progress_note, touched_at) VALUES ('p-1/T1/I3', '待协调', 't5')`);
    expect(copies()).toEqual([
      ['p-1/T1/I1', '市科技局', '推进中'],
      ['p-1/T1/I2', '', null],
      ['p-1/T1/I3', null, '待协调'],
    ]);
    // A state row removed; the values moved to another initiative (a version update).
    db.exec(`DELETE FROM user_initiative_state WHERE initiative_id = 'p-1/T1/I3';
      UPDATE user_initiative_state SET initiative_id = 'p-1/T1/I3' WHERE initiative_id = 'p-1/T1/I1'`);
    expect(copies()).toEqual([
      ['p-1/T1/I1', null, null],
      ['p-1/T1/I2', '', null],
      ['p-1/T1/I3', '市科技局', '推进中'],
    ]);
    // A value cleared; a row leaving the table and coming back takes its reader's values.
    db.exec(`UPDATE user_initiative_state SET responsible_units = NULL WHERE initiative_id = 'p-1/T1/I2';
      DELETE FROM initiative_sort_keys WHERE initiative_id = 'p-1/T1/I3';
      INSERT INTO initiative_sort_keys (initiative_id, plan_id, theme_id, theme_ordinal, ordinal) VALUES ('p-1/T1/I3', 'p-1', 'p-1/T1', 1, 3)`);
    expect(copies()).toEqual(oracle());
    expect(copies()).toEqual([
      ['p-1/T1/I1', null, null],
      ['p-1/T1/I2', null, null],
      ['p-1/T1/I3', '市科技局', '推进中'],
    ]);
    // The typed values in rank order, each value's rows in default order, off the indexes.
    for (const [column, rank] of [
      ['responsible_units', 'pinyin'],
      ['progress_note', 'stroke'],
    ] as const) {
      const sql = `SELECT k.initiative_id FROM text_sort_keys tv INDEXED BY text_sort_keys_by_${rank} CROSS JOIN initiative_sort_keys k ON k.${column} = tv.text
        ORDER BY tv.${rank}, k.theme_ordinal, k.ordinal, k.initiative_id LIMIT 5`;
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail);
      expect(plan).toEqual([
        `SCAN tv USING COVERING INDEX text_sort_keys_by_${rank}`,
        `SEARCH k USING COVERING INDEX initiative_sort_keys_by_${column} (${column}=?)`,
        'USE TEMP B-TREE FOR LAST 3 TERMS OF ORDER BY',
      ]);
    }
  });

  it('rolls back whole when a statement fails: no column, index or trigger is left', () => {
    // A table in the way of the last index's name: the migration fails half-way.
    expectRolledBackWhole(atVersion(VERSION - 1), VERSION, 'text_sort_keys_by_stroke', 'initiative_sort_keys', ['responsible_units', 'progress_note']);
  });
});
