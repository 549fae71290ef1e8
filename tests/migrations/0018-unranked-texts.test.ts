// Migration 18 names the reader's typed texts that have no rank (text_sort_keys) in
// unranked_texts, for an existing library and by triggers on every later write of the reader's
// state, so the table ranks them before a sort by their field reads its page (query.ts).
import { describe, expect, it } from 'vitest';
import { migrate, readSchemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { UNRANKED_TEXTS_SQL } from '../../electron/core/db/migrations/0018-unranked-texts';
import { dumpTables } from '../helpers/db-dump';
import { migrateOneUp, ONE_PLAN_SQL, schemaObjects, useDatabaseAtVersion } from '../helpers/migration-db';

const atVersion = useDatabaseAtVersion();
const VERSION = MIGRATIONS.find((m) => m.name === 'unranked-texts')!.version;
const TRIGGERS = ['state_in', 'lead_unit_changed', 'responsible_units_changed', 'progress_note_changed'].map((t) => `trigger:unranked_texts_${t}`);

describe('migration 0018 unranked-texts', () => {
  it('names the texts in use without a rank of an existing library, keeps every other row, and names those written later', () => {
    const db = atVersion(VERSION - 1);
    db.exec(ONE_PLAN_SQL);
    db.exec(`
      -- Ranked and unranked texts in each field, one text in two fields, the empty text unranked.
      INSERT INTO user_initiative_state (initiative_id, lead_unit, responsible_units, progress_note, touched_at) VALUES
        ('p-1/T1/I1', '市发改委', '市经信局', '已完成调研', 't1'), ('p-1/T1/I2', '区政府', '', NULL, 't2'),
        ('gone/T1/I1', NULL, '区政府', '进行中', 't3');
      INSERT INTO text_sort_keys (text, pinyin, stroke) VALUES ('市发改委', 65536, 131072), ('已完成调研', 131072, 65536);
    `);
    const { added, before } = migrateOneUp(db, VERSION);
    expect(added).toEqual(['table:unranked_texts', ...TRIGGERS].sort());
    const { unranked_texts: _named, ...rest } = dumpTables(db);
    expect(rest).toEqual(before);
    const names = () => db.prepare('SELECT text FROM unranked_texts ORDER BY text').pluck().all();
    const oracle = () => db.prepare(`SELECT text FROM (${UNRANKED_TEXTS_SQL}) ORDER BY text`).pluck().all();
    expect(names()).toEqual(['', '区政府', '市经信局', '进行中']);
    expect(names()).toEqual(oracle());

    // The app ranks what it names (text-sort-keys.ts), as here by hand.
    db.exec(`DELETE FROM unranked_texts; INSERT INTO text_sort_keys (text, pinyin, stroke) VALUES ('', 9007199254740991, 9007199254740991),
      ('区政府', 1, 1), ('市经信局', 2, 2), ('进行中', 3, 3)`);
    // A new state row, a changed field of each kind, a ranked value (not named), a value already
    // named (once), a field cleared, and an upsert (its conflict clause does not reach the trigger).
    db.exec(`
      INSERT INTO user_initiative_state (initiative_id, lead_unit, progress_note, touched_at) VALUES ('p-1/T1/I3', '市科技局', '已完成调研', 't4');
      UPDATE user_initiative_state SET lead_unit = '市财政局', responsible_units = '市科技局' WHERE initiative_id = 'p-1/T1/I1';
      UPDATE user_initiative_state SET progress_note = '待协调', responsible_units = NULL WHERE initiative_id = 'p-1/T1/I2';
      UPDATE user_initiative_state SET status = 'done' WHERE initiative_id = 'p-1/T1/I1';
      INSERT INTO user_initiative_state (initiative_id, lead_unit, touched_at) VALUES ('p-1/T1/I2', '市财政局', 't5')
        ON CONFLICT (initiative_id) DO UPDATE SET lead_unit = excluded.lead_unit;
    `);
    expect(names()).toEqual(['市科技局', '市财政局', '待协调']);
    expect(names()).toEqual(oracle());
  });

  it('rolls back whole when a statement fails: no table or trigger is left', () => {
    const db = atVersion(VERSION - 1);
    // A trigger in the way of the last one's name: the migration fails half-way.
    db.exec(`CREATE TRIGGER unranked_texts_progress_note_changed AFTER UPDATE OF progress_note ON user_initiative_state BEGIN SELECT 1; END`);
    const schemaBefore = schemaObjects(db);
    expect(() => migrate(db, MIGRATIONS, VERSION)).toThrow();
    expect(readSchemaVersion(db)).toBe(VERSION - 1);
    expect(schemaObjects(db)).toEqual(schemaBefore);
  });
});
