// Migration 7 adds plan versions: each plan's lineage and number in it (gone with its plan), and
// the successions of items from version to version (kept when a plan is purged: they record
// where the reader's values went). It keeps every row already in the database.
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { dumpTables } from '../helpers/db-dump';
import { columnsOf, migrateOneUp, onePlanSql, useDatabaseAtVersion } from '../helpers/migration-db';

const atVersion = useDatabaseAtVersion();
const VERSION = MIGRATIONS.find((m) => m.name === 'plan-versions')!.version;

/** A plan of three initiatives, the first with the reader's status. */
function insertPlan(db: Database.Database, id: string): void {
  db.exec(onePlanSql(id));
  db.exec(`INSERT INTO user_initiative_state (initiative_id, status, touched_at) VALUES ('${id}/T1/I1', 'done', 't')`);
}

describe('migration 0007 plan-versions', () => {
  it('adds its tables and indexes, keeps every existing row and sets user_version', () => {
    const db = atVersion(VERSION - 1);
    insertPlan(db, 'p-1');
    const { added, before } = migrateOneUp(db, VERSION);
    expect(added).toEqual(
      [
      'index:item_successions_by_plan',
      'index:item_successions_by_to',
      'table:item_successions',
      'table:plan_versions',
      ].sort(),
    );
    const after = dumpTables(db);
    for (const [table, rows] of Object.entries(before)) expect(after[table], table).toEqual(rows);
    expect(columnsOf(db, 'plan_versions')).toEqual(['plan_id', 'lineage_id', 'version', 'derived_from', 'created_at']);
    expect(columnsOf(db, 'item_successions')).toEqual(['from_item_id', 'to_plan_id', 'to_item_id', 'score', 'how', 'decided_at']);
  });

  it('drops a plan’s version row with the plan, never the successions', () => {
    const db = atVersion(VERSION);
    insertPlan(db, 'p-1');
    insertPlan(db, 'p-2');
    db.exec(`
      INSERT INTO plan_versions (plan_id, lineage_id, version, derived_from, created_at)
        VALUES ('p-1', 'p-1', 1, NULL, 't'), ('p-2', 'p-1', 2, 'p-1', 't');
      INSERT INTO item_successions (from_item_id, to_plan_id, to_item_id, score, how, decided_at)
        VALUES ('p-1/T1/I1', 'p-2', 'p-2/T1/I1', 1, 'identical', 't');
    `);
    db.prepare("DELETE FROM plans WHERE id = 'p-2'").run();
    expect(db.prepare('SELECT plan_id FROM plan_versions').pluck().all()).toEqual(['p-1']);
    expect(db.prepare('SELECT count(*) FROM item_successions').pluck().get()).toBe(1);
    expect(db.pragma('foreign_key_list(item_successions)')).toEqual([]);
  });

  it('refuses a version number used twice in a lineage, an unknown basis, and a match with no item', () => {
    const db = atVersion(VERSION);
    insertPlan(db, 'p-1');
    insertPlan(db, 'p-2');
    db.exec("INSERT INTO plan_versions (plan_id, lineage_id, version, created_at) VALUES ('p-1', 'p-1', 1, 't')");
    expect(() => db.exec("INSERT INTO plan_versions (plan_id, lineage_id, version, created_at) VALUES ('p-2', 'p-1', 1, 't')")).toThrow(
      /UNIQUE/,
    );
    const succession = (toItem: string | null, how: string, score: number | null) =>
      db
        .prepare('INSERT INTO item_successions (from_item_id, to_plan_id, to_item_id, score, how, decided_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run('p-1/T1/I1', 'p-2', toItem, score, how, 't');
    expect(() => succession('p-2/T1/I1', 'guessed', 0.5)).toThrow(/CHECK/);
    expect(() => succession(null, 'similar', 0.7)).toThrow(/CHECK/);
    expect(() => succession('p-2/T1/I1', 'similar', 1.5)).toThrow(/CHECK/);
    // The reader's decision to leave it unmatched has no item.
    expect(succession(null, 'manual', null).changes).toBe(1);
  });
});
