// A bare SQLite file for migration tests: the pragmas the app uses, no migrations applied, so
// a test can walk the schema up one version at a time with migrate(db, MIGRATIONS, target).
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect } from 'vitest';
import { migrate, readSchemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { dumpTables } from './db-dump';
import { useTempDirs } from './temp-dir';

export function openBareDatabase(dir: string): Database.Database {
  const db = new Database(join(dir, 'migrations.sqlite3'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  return db;
}

/**
 * Call once at the top of a migration test file. Returns atVersion(n): a fresh bare database in
 * its own temporary folder, migrated to version n (checked). Each one is closed, and its folder
 * removed, after the test that opened it.
 */
export function useDatabaseAtVersion(): (target: number) => Database.Database {
  // Registered before the afterEach below, so (hooks run in reverse) files close before folders go.
  const temp = useTempDirs();
  const open: Database.Database[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
  });
  return (target) => {
    const db = openBareDatabase(temp.make());
    open.push(db);
    expect(migrate(db, MIGRATIONS, target)).toBe(target);
    return db;
  };
}

/** Names of the tables, indexes, triggers and views in the schema, as `type:name`. */
export function schemaObjects(db: Database.Database): string[] {
  return (
    db
      .prepare("SELECT type || ':' || name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 1")
      .pluck()
      .all() as string[]
  );
}

export function columnsOf(db: Database.Database, table: string): string[] {
  return (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
}

/**
 * Migrates `db` (one version below `version`) up to `version` and checks that the version is
 * set and that the schema objects it dropped are exactly `dropped` (as `type:name`). Returns what
 * the test checks next: the objects it added (sorted) and every table's rows from before.
 */
export function migrateOneUp(
  db: Database.Database,
  version: number,
  dropped: readonly string[] = [],
): { added: string[]; before: Record<string, unknown[]> } {
  const before = dumpTables(db);
  const schemaBefore = schemaObjects(db);
  expect(migrate(db, MIGRATIONS, version)).toBe(version);
  expect(readSchemaVersion(db)).toBe(version);
  const schemaAfter = schemaObjects(db);
  expect(schemaBefore.filter((o) => !schemaAfter.includes(o)), 'schema objects dropped').toEqual([...dropped].sort());
  return { added: schemaAfter.filter((o) => !schemaBefore.includes(o)), before };
}

/**
 * Migrates `db` (one version below `version`) with a table already named `blocker`, one of the
 * names the migration creates late, so it fails half-way: the version, the schema and `table`'s
 * columns must be as before (none of `added` left), the one transaction rolled back whole.
 */
export function expectRolledBackWhole(db: Database.Database, version: number, blocker: string, table: string, added: readonly string[]): void {
  const schemaBefore = schemaObjects(db);
  db.exec(`CREATE TABLE ${blocker} (x)`);
  expect(() => migrate(db, MIGRATIONS, version)).toThrow();
  expect(db.pragma('user_version', { simple: true })).toBe(version - 1);
  expect(schemaObjects(db)).toEqual([...schemaBefore, `table:${blocker}`].sort());
  expect(columnsOf(db, table).filter((c) => added.includes(c))).toEqual([]);
}

/** One plan (`id`, 'p-1' unless named) of one theme and three initiatives (I1–I3) with their
 *  sort-key rows: the library the migration tests start from (several plans: one call each). */
export function onePlanSql(id = 'p-1'): string {
  return `
  INSERT INTO plans (id, title, lead, language, source_sha256, imported_at)
    VALUES ('${id}', 'Title', 'Lead', 'zh', '${id}', '2024-05-11T00:00:00.000Z');
  INSERT INTO themes (id, plan_id, ordinal, headline) VALUES ('${id}/T1', '${id}', 1, '主题一');
  INSERT INTO initiatives (id, plan_id, theme_id, ordinal, numeral, headline, body) VALUES
    ('${id}/T1/I1', '${id}', '${id}/T1', 1, '第一', '甲', 'Body'),
    ('${id}/T1/I2', '${id}', '${id}/T1', 2, '第二', '乙', 'Body'),
    ('${id}/T1/I3', '${id}', '${id}/T1', 3, '第三', '丙', 'Body');
  INSERT INTO initiative_sort_keys (initiative_id, plan_id, theme_id, theme_ordinal, ordinal)
    SELECT id, plan_id, theme_id, 1, ordinal FROM initiatives WHERE plan_id = '${id}';
`;
}

/** onePlanSql()'s library, plan 'p-1'. */
export const ONE_PLAN_SQL = onePlanSql();

/**
 * A plan of `themes` themes with `perTheme` initiatives each (ids `id/T1/I1`…, theme ordinals
 * 1, 2…), written by hand in the columns plans, themes and initiatives have had since the plan
 * library (migration 5): for the tests of the kept counts' migrations.
 */
export function insertBarePlan(db: Database.Database, id: string, themes: number, perTheme: number): void {
  db.prepare(`INSERT INTO plans (id, title, lead, language, source_sha256, imported_at) VALUES (?, 'Title', 'Lead', 'zh', ?, 't')`).run(id, id);
  for (let t = 1; t <= themes; t++) {
    db.prepare('INSERT INTO themes (id, plan_id, ordinal, headline) VALUES (?, ?, ?, ?)').run(`${id}/T${t}`, id, t, `主题${t}`);
    for (let i = 1; i <= perTheme; i++) {
      db.prepare(`INSERT INTO initiatives (id, plan_id, theme_id, ordinal, numeral, headline, body) VALUES (?, ?, ?, ?, '第一', '甲', 'Body')`).run(
        `${id}/T${t}/I${i}`,
        id,
        `${id}/T${t}`,
        i,
      );
    }
  }
}
