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
const TRIGGERS = ['doc_in', 'doc_moved', 'doc_out', 'row_placed', 'row_astray', 'row_out', 'row_moved'].map((t) => `trigger:search_stray_keys_${t}`);

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
  it('names the keys of an existing library with documents and no row in their prefix’s plan, keeps every other row, and keeps the names by every later write', () => {
    const db = atVersion(VERSION - 1);
    db.exec(onePlanSql('p-1') + onePlanSql('p-2') + onePlanSql('p-3'));
    // p-2's I3 is carried into p-1 (a later version's id); the reader's text on an initiative gone
    // (p-1/T1/I9), a plan's title (no '/'), a note's key (a BLOB); placed rows' documents.
    db.exec(`
      UPDATE initiative_sort_keys SET plan_id = 'p-1' WHERE initiative_id = 'p-2/T1/I3';
      ${doc('p-1/T1/I1')} ${doc('p-1/T1/I1', 2)} ${doc('p-1/T1/I2', 8)} ${doc('p-2/T1/I3')} ${doc('p-1/T1/I9', 8)} ${doc('p-1', 3)}
      INSERT INTO search_doc_ids (id, key, field) VALUES (${nextId++}, unhex('00112233445566778899aabbccddeeff'), 0);
    `);
    const { added, before } = migrateOneUp(db, VERSION);
    expect(added).toEqual(['table:search_stray_keys', ...TRIGGERS].sort());
    const { search_stray_keys: _named, ...rest } = dumpTables(db);
    expect(rest).toEqual(before);
    const names = () => db.prepare('SELECT key FROM search_stray_keys ORDER BY key').pluck().all() as string[];
    const oracle = () => db.prepare(`SELECT key FROM (${STRAY_KEYS_SQL}) ORDER BY key`).pluck().all() as string[];
    expect(names()).toEqual(['p-1/T1/I9', 'p-2/T1/I3']);
    expect(names()).toEqual(oracle());
    /** Every key that must be named is (more may be: a superset costs the table a lookup). */
    const covered = () => expect(oracle().filter((k) => !names().includes(k))).toEqual([]);

    // Documents written: for a key with no row, with a row of another plan, with a placed row.
    db.exec(`${doc('p-3/T1/I5')} ${doc('p-1/T1/I3', 8)}`);
    db.exec(row('p-1/T1/I7', 'p-2') + doc('p-1/T1/I7'));
    expect(names()).toEqual(['p-1/T1/I7', 'p-1/T1/I9', 'p-2/T1/I3', 'p-3/T1/I5']);
    covered();
    // A document moved to a key with no row (the reader's fields following their record).
    db.exec(`UPDATE search_doc_ids SET key = 'p-1/T1/I8' WHERE key = 'p-1/T1/I2'`);
    expect(names()).toContain('p-1/T1/I8');
    covered();
    // A row written in its prefix's plan: no longer named.
    db.exec(row('p-3/T1/I5', 'p-3'));
    expect(names()).not.toContain('p-3/T1/I5');
    // A row written astray for a key with documents: named; without documents: not.
    db.exec(row('p-1/T1/I8', 'p-2') + row('p-1/T1/I6', 'p-2'));
    expect(names()).toContain('p-1/T1/I8');
    expect(names()).not.toContain('p-1/T1/I6');
    covered();
    // A row gone while its key has documents (a plan purged, the reader's text stays): named.
    db.exec(`DELETE FROM initiative_sort_keys WHERE initiative_id = 'p-1/T1/I1'`);
    expect(names()).toContain('p-1/T1/I1');
    covered();
    // A row moved to another plan, and back: named, then not.
    db.exec(`UPDATE initiative_sort_keys SET plan_id = 'p-2' WHERE initiative_id = 'p-1/T1/I3'`);
    expect(names()).toContain('p-1/T1/I3');
    covered();
    db.exec(`UPDATE initiative_sort_keys SET plan_id = 'p-1' WHERE initiative_id = 'p-1/T1/I3'`);
    expect(names()).not.toContain('p-1/T1/I3');
    // A key's last document gone: no longer named (one of two first: still named).
    db.exec(`DELETE FROM search_doc_ids WHERE key = 'p-1/T1/I1' AND field = 1`);
    expect(names()).toContain('p-1/T1/I1');
    db.exec(`DELETE FROM search_doc_ids WHERE key = 'p-1/T1/I1'`);
    expect(names()).not.toContain('p-1/T1/I1');
    covered();
    // An upsert's conflict clause does not reach the triggers' inserts (a key named twice).
    db.exec(`INSERT INTO search_doc_ids (id, key, field) VALUES (${nextId++}, 'p-1/T1/I9', 9) ON CONFLICT (key, field) DO NOTHING`);
    covered();
    // A write rolled back takes its names back.
    const kept = names();
    db.exec(`BEGIN; ${doc('p-9/T1/I1')} ROLLBACK;`);
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
