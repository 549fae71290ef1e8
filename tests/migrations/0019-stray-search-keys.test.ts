// Migration 19 names the search index's keys that may not be a row of the plan their id's prefix
// names (search_stray_keys), for an existing library and by triggers on every later write of the
// documents and the sort keys' rows, so the table can count a search's hits plan by plan off the
// hit set's key ranges (services/table/skip.ts).
import { describe, expect, it } from 'vitest';
import { migrate, readSchemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { STRAY_KEYS_SQL } from '../../electron/core/db/migrations/0019-stray-search-keys';
import { dumpTables } from '../helpers/db-dump';
import { migrateOneUp, onePlanSql, schemaObjects, useDatabaseAtVersion } from '../helpers/migration-db';

const atVersion = useDatabaseAtVersion();
const VERSION = MIGRATIONS.find((m) => m.name === 'stray-search-keys')!.version;
const TRIGGERS = [
  'doc_out',
  'user_initiative_state_in',
  'user_initiative_state_moved',
  'user_initiative_tags_in',
  'user_initiative_tags_moved',
  'row_placed',
  'row_astray',
  'row_out',
  'row_moved',
].map((t) => `trigger:search_stray_keys_${t}`);

let nextId = 1;
/** A document of `field` (1: headline, 8: leadUnit, 3: title) under `key`, by its table. */
const doc = (key: string, field = 1) => `INSERT INTO search_doc_ids (id, key, field) VALUES (${nextId++}, '${key}', ${field});`;
let ordinal = 10;
/** An initiative of `plan` with id `id`, and its sort keys' row. */
const row = (id: string, plan: string) => {
  const n = ordinal++;
  return `INSERT INTO initiatives (id, plan_id, theme_id, ordinal, numeral, headline, body) VALUES ('${id}', '${plan}', '${plan}/T1', ${n}, '第${n}', '丁', 'Body');
    INSERT INTO initiative_sort_keys (initiative_id, plan_id, theme_id, theme_ordinal, ordinal) VALUES ('${id}', '${plan}', '${plan}/T1', 1, ${n});`;
};

describe('migration 0019 stray-search-keys', () => {
  it('names the keys of an existing library with documents or a reader’s record and no row in their prefix’s plan, keeps every other row, and keeps the names by every later write', () => {
    const db = atVersion(VERSION - 1);
    db.exec(onePlanSql('p-1') + onePlanSql('p-2') + onePlanSql('p-3'));
    // p-2's I3 is carried into p-1 (a later version's id); the reader's text on an initiative gone
    // (p-1/T1/I9, its record and document), a tag on another (p-3/T1/I8, no document yet), a
    // plan's title (no '/'), a note's key (a BLOB); placed rows' documents and records.
    db.exec(`
      UPDATE initiative_sort_keys SET plan_id = 'p-1' WHERE initiative_id = 'p-2/T1/I3';
      ${doc('p-1/T1/I1')} ${doc('p-1/T1/I1', 2)} ${doc('p-1/T1/I2', 8)} ${doc('p-2/T1/I3')} ${doc('p-1/T1/I9', 8)} ${doc('p-1', 3)}
      INSERT INTO search_doc_ids (id, key, field) VALUES (${nextId++}, unhex('00112233445566778899aabbccddeeff'), 0);
      INSERT INTO user_initiative_state (initiative_id, lead_unit, touched_at) VALUES ('p-1/T1/I2', '市发改委', 't1'), ('p-1/T1/I9', '区政府', 't2');
      INSERT INTO user_initiative_tags (initiative_id, tag) VALUES ('p-3/T1/I8', '重点'), ('p-1/T1/I2', '重点');
    `);
    const { added, before } = migrateOneUp(db, VERSION);
    expect(added).toEqual(['table:search_stray_keys', ...TRIGGERS].sort());
    const { search_stray_keys: _named, ...rest } = dumpTables(db);
    expect(rest).toEqual(before);
    const names = () => db.prepare('SELECT key FROM search_stray_keys ORDER BY key').pluck().all() as string[];
    const oracle = () => db.prepare(`SELECT key FROM (${STRAY_KEYS_SQL}) ORDER BY key`).pluck().all() as string[];
    expect(names()).toEqual(['p-1/T1/I9', 'p-2/T1/I3', 'p-3/T1/I8']);
    expect(names()).toEqual(oracle());
    /** Every key that must be named is (more may be: a superset costs the table a lookup). */
    const covered = () => expect(oracle().filter((k) => !names().includes(k))).toEqual([]);

    // A reader's record written for a key with no row (its documents follow), for a placed one;
    // a tag for a key with no row.
    db.exec(`INSERT INTO user_initiative_state (initiative_id, lead_unit, touched_at) VALUES ('p-3/T1/I5', '市科技局', 't3'), ('p-1/T1/I3', '区政府', 't4')
      ON CONFLICT (initiative_id) DO UPDATE SET lead_unit = excluded.lead_unit`);
    db.exec(`${doc('p-3/T1/I5', 8)} ${doc('p-1/T1/I3', 8)} INSERT INTO user_initiative_tags (initiative_id, tag) VALUES ('p-2/T1/I7', '重点')`);
    expect(names()).toEqual(['p-1/T1/I9', 'p-2/T1/I3', 'p-2/T1/I7', 'p-3/T1/I5', 'p-3/T1/I8']);
    covered();
    // A record moved to a key with no row, its documents and tags after it (a version's values).
    db.exec(`UPDATE user_initiative_state SET initiative_id = 'p-1/T1/I8' WHERE initiative_id = 'p-1/T1/I2';
      UPDATE user_initiative_tags SET initiative_id = 'p-1/T1/I8' WHERE initiative_id = 'p-1/T1/I2';
      UPDATE search_doc_ids SET key = 'p-1/T1/I8' WHERE key = 'p-1/T1/I2'`);
    expect(names()).toContain('p-1/T1/I8');
    covered();
    // A row written in its prefix's plan: no longer named.
    db.exec(row('p-3/T1/I5', 'p-3'));
    expect(names()).not.toContain('p-3/T1/I5');
    // A row written astray: named (its plan's documents follow it), and one whose id has no '/'
    // (in no plan's range); its documents gone, it stays named.
    db.exec(row('p-1/T1/I7', 'p-2') + doc('p-1/T1/I7') + row('loose', 'p-3') + doc('loose'));
    expect(names()).toEqual(expect.arrayContaining(['p-1/T1/I7', 'loose']));
    db.exec(`DELETE FROM search_doc_ids WHERE key = 'p-1/T1/I7'`);
    expect(names()).toContain('p-1/T1/I7');
    covered();
    // A row gone (a plan purged; the reader's text stays): named.
    db.exec(`DELETE FROM initiative_sort_keys WHERE initiative_id = 'p-1/T1/I1'`);
    expect(names()).toContain('p-1/T1/I1');
    covered();
    // A row moved to another plan, and back: named, then not.
    db.exec(`UPDATE initiative_sort_keys SET plan_id = 'p-2' WHERE initiative_id = 'p-1/T1/I3'`);
    expect(names()).toContain('p-1/T1/I3');
    covered();
    db.exec(`UPDATE initiative_sort_keys SET plan_id = 'p-1' WHERE initiative_id = 'p-1/T1/I3'`);
    expect(names()).not.toContain('p-1/T1/I3');
    // A key's last document gone with no record under it: no longer named (one of two first:
    // still named); with a record under it: still named (a rebuild writes its documents again).
    db.exec(`DELETE FROM search_doc_ids WHERE key = 'p-1/T1/I1' AND field = 1`);
    expect(names()).toContain('p-1/T1/I1');
    db.exec(`DELETE FROM search_doc_ids WHERE key = 'p-1/T1/I1'; DELETE FROM search_doc_ids WHERE key = 'p-1/T1/I9'`);
    expect(names()).not.toContain('p-1/T1/I1');
    expect(names()).toContain('p-1/T1/I9');
    covered();
    // A write rolled back takes its names back.
    const kept = names();
    db.exec(`BEGIN; INSERT INTO user_initiative_tags (initiative_id, tag) VALUES ('p-9/T1/I1', '重点'); ROLLBACK;`);
    expect(names()).toEqual(kept);
  });

  it('rolls back whole when a statement fails: no table or trigger is left', () => {
    const db = atVersion(VERSION - 1);
    db.exec(`CREATE TRIGGER search_stray_keys_row_moved AFTER UPDATE OF plan_id ON initiative_sort_keys BEGIN SELECT 1; END`);
    const schemaBefore = schemaObjects(db);
    expect(() => migrate(db, MIGRATIONS, VERSION)).toThrow();
    expect(readSchemaVersion(db)).toBe(VERSION - 1);
    expect(schemaObjects(db)).toEqual(schemaBefore);
  });
});
