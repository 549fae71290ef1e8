// Migration 20 writes the initiatives' search index (initiative_search: one document per
// initiative under its place in the default order, search/initiative-index.ts) for an existing
// library, with progress, and the triggers that name what later writes change.
import { describe, expect, it } from 'vitest';
import { migrate, readSchemaVersion, type MigrationStep } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { refreshInitiativeSearch } from '../../electron/core/search/initiative-index';
import { dumpTables } from '../helpers/db-dump';
import { onePlanSql, schemaObjects, useDatabaseAtVersion } from '../helpers/migration-db';

const atVersion = useDatabaseAtVersion();
const VERSION = MIGRATIONS.find((m) => m.name === 'initiative-search')!.version;
const OWN = /^(table|trigger|index):initiative_search/;

describe('migration 0020 initiative-search', () => {
  it('indexes every initiative of an existing library in default order with its plan’s and the reader’s text, keeps every other row, and names what later writes change', () => {
    const db = atVersion(VERSION - 1);
    // Plans stored out of id order; the reader's text on p-2's I2 and on an initiative gone.
    db.exec(onePlanSql('p-2') + onePlanSql('p-1') + onePlanSql('p-10'));
    db.exec(`
      INSERT INTO user_initiative_state (initiative_id, lead_unit, progress_note, touched_at) VALUES ('p-2/T1/I2', '市发改委', '数字化', 't1'), ('p-9/T1/I1', '区政府', NULL, 't2');
      INSERT INTO user_initiative_tags (initiative_id, tag) VALUES ('p-1/T1/I3', '重点');
    `);
    const before = dumpTables(db);
    const schemaBefore = schemaObjects(db);
    const steps: MigrationStep[] = [];
    expect(migrate(db, MIGRATIONS, VERSION, (s) => steps.push(s))).toBe(VERSION);
    expect(readSchemaVersion(db)).toBe(VERSION);
    const added = schemaObjects(db).filter((o) => !schemaBefore.includes(o));
    expect(added.filter((o) => !OWN.test(o))).toEqual([]);
    expect(added).toEqual(expect.arrayContaining(['table:initiative_search', 'table:initiative_search_plans', 'table:initiative_search_slots', 'table:initiative_search_stale']));
    const rest = Object.fromEntries(Object.entries(dumpTables(db)).filter(([t]) => !t.startsWith('initiative_search')));
    expect(rest).toEqual(before);
    // Its fill said how far it was: every initiative, of every initiative.
    expect(steps.filter((s) => s.version === VERSION && s.total !== null).at(-1)).toMatchObject({ done: 9, total: 9 });

    const slots = () => db.prepare('SELECT initiative_id FROM initiative_search_slots ORDER BY slot').pluck().all();
    const order = () => db.prepare('SELECT initiative_id FROM initiative_sort_keys ORDER BY plan_id, theme_ordinal, ordinal, initiative_id').pluck().all();
    expect(slots()).toEqual(order());
    const hits = (token: string) =>
      db.prepare('SELECT s.initiative_id FROM initiative_search f JOIN initiative_search_slots s ON s.slot = f.rowid WHERE initiative_search MATCH ? ORDER BY f.rowid').pluck().all(`"${token}"`);
    // The plan's text (headline, body as bigrams, theme) and the reader's (lead unit, note, tag).
    expect(hits('甲')).toEqual(['p-1/T1/I1', 'p-10/T1/I1', 'p-2/T1/I1']);
    expect(hits('bo')).toEqual(order());
    expect(hits('主题')).toEqual(order());
    expect(hits('发改')).toEqual(['p-2/T1/I2']);
    expect(hits('数字')).toEqual(['p-2/T1/I2']);
    expect(hits('重点')).toEqual(['p-1/T1/I3']);
    expect(hits('区政')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM initiative_search_stale').pluck().get()).toBe(0);

    // Later writes are named: a reader's text, a tag, a plan's rows; a write rolled back is not.
    const named = () => db.prepare('SELECT plan, key FROM initiative_search_stale ORDER BY plan, key').raw().all();
    db.exec(`UPDATE user_initiative_state SET lead_unit = '市科技局' WHERE initiative_id = 'p-2/T1/I2';
      UPDATE user_initiative_state SET touched_at = 't3' WHERE initiative_id = 'p-2/T1/I2';
      INSERT INTO user_initiative_tags (initiative_id, tag) VALUES ('p-10/T1/I2', '民生');`);
    expect(named()).toEqual([[0, 'p-10/T1/I2'], [0, 'p-2/T1/I2']]);
    db.exec(`BEGIN; DELETE FROM plans WHERE id = 'p-1'; ROLLBACK;`);
    expect(named()).toEqual([[0, 'p-10/T1/I2'], [0, 'p-2/T1/I2']]);
    db.exec(`DELETE FROM initiative_sort_keys WHERE plan_id = 'p-1'`);
    expect(named()).toEqual([[0, 'p-10/T1/I2'], [0, 'p-2/T1/I2'], [1, 'p-1']]);
    refreshInitiativeSearch(db);
    expect(named()).toEqual([]);
    expect(slots()).toEqual(order());
    expect(hits('科技')).toEqual(['p-2/T1/I2']);
    expect(hits('发改')).toEqual([]);
    expect(hits('民生')).toEqual(['p-10/T1/I2']);
    expect(hits('甲')).toEqual(['p-10/T1/I1', 'p-2/T1/I1']);
  });

  it('rolls back whole when a statement fails: no table or trigger is left', () => {
    const db = atVersion(VERSION - 1);
    db.exec(`CREATE TRIGGER initiative_search_tag_out AFTER DELETE ON user_initiative_tags BEGIN SELECT 1; END`);
    const schemaBefore = schemaObjects(db);
    expect(() => migrate(db, MIGRATIONS, VERSION)).toThrow();
    expect(readSchemaVersion(db)).toBe(VERSION - 1);
    expect(schemaObjects(db)).toEqual(schemaBefore);
  });
});
