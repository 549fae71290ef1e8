// Migration 1 creates the plan-content tables an importer writes and a re-import replaces.
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { migrate, readSchemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { columnsOf, schemaObjects, useDatabaseAtVersion } from '../helpers/migration-db';

const atVersion = useDatabaseAtVersion();

function insertPlan(db: Database.Database): void {
  db.exec(`
    INSERT INTO plans (id, title, lead, language, source_sha256, imported_at)
      VALUES ('p-1', 'Title', 'Lead', 'zh', 'abc', '2024-05-11T00:00:00.000Z');
    INSERT INTO themes (id, plan_id, ordinal, headline) VALUES ('p-1/T1', 'p-1', 1, 'Theme');
    INSERT INTO initiatives (id, plan_id, theme_id, ordinal, numeral, headline, body)
      VALUES ('p-1/T1/I1', 'p-1', 'p-1/T1', 1, '第一', 'Headline', 'Body');
    INSERT INTO plan_lists (id, plan_id, initiative_id, ordinal, label, stated_count)
      VALUES ('p-1/L1', 'p-1', 'p-1/T1/I1', 1, '新兴产业', 1);
    INSERT INTO list_items (id, list_id, ordinal, text) VALUES ('p-1/L1/1', 'p-1/L1', 1, '新能源');
  `);
}

describe('migration 0001 plan-content', () => {
  it('starts from an empty database at version 0', () => {
    const db = atVersion(0);
    expect(readSchemaVersion(db)).toBe(0);
    expect(schemaObjects(db)).toEqual([]);
  });

  it('creates the plan-content tables and indexes and sets user_version 1', () => {
    const db = atVersion(0);
    expect(migrate(db, MIGRATIONS, 1)).toBe(1);
    expect(readSchemaVersion(db)).toBe(1);
    expect(schemaObjects(db)).toEqual([
      'index:initiatives_by_plan',
      'index:plan_lists_by_initiative',
      'table:initiatives',
      'table:list_items',
      'table:plan_lists',
      'table:plans',
      'table:themes',
    ]);
    expect(columnsOf(db, 'plans')).toEqual([
      'id', 'title', 'column_name', 'published_at', 'source', 'author', 'editor', 'graphics',
      'tags_json', 'theme_line', 'lead', 'author_note', 'language', 'source_sha256', 'imported_at',
    ]);
    expect(columnsOf(db, 'initiatives')).toEqual(['id', 'plan_id', 'theme_id', 'ordinal', 'numeral', 'headline', 'body']);
    expect(columnsOf(db, 'list_items')).toEqual(['id', 'list_id', 'ordinal', 'text']);
  });

  it('deletes a plan with all of its content, so a re-import can replace it in one statement', () => {
    const db = atVersion(1);
    insertPlan(db);
    db.prepare("DELETE FROM plans WHERE id = 'p-1'").run();
    for (const table of ['themes', 'initiatives', 'plan_lists', 'list_items']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
  });

  it('rejects content that points at nothing and values of the wrong type (STRICT)', () => {
    const db = atVersion(1);
    expect(() =>
      db.prepare("INSERT INTO themes (id, plan_id, ordinal, headline) VALUES ('x/T1', 'x', 1, 'h')").run(),
    ).toThrow(/FOREIGN KEY/);
    insertPlan(db);
    expect(() =>
      db.prepare("INSERT INTO themes (id, plan_id, ordinal, headline) VALUES ('p-1/T2', 'p-1', 'two', 'h')").run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
  });
});
