// Migration 8 replaces the search index (derived data: emptied, its format stamp reset so the
// next start writes it again) and adds the reader's recent and saved searches. It keeps every
// other row already in the database; a saved search's query must be JSON and its revision at
// least 1.
import { describe, expect, it } from 'vitest';
import { migrate, readSchemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { dumpTables } from '../helpers/db-dump';
import { columnsOf, ONE_PLAN_SQL, schemaObjects, useDatabaseAtVersion } from '../helpers/migration-db';

const atVersion = useDatabaseAtVersion();
const VERSION = MIGRATIONS.find((m) => m.name === 'search')!.version;

describe('migration 0008 search', () => {
  it('adds its tables and index, keeps every existing row and sets user_version', () => {
    const db = atVersion(VERSION - 1);
    db.exec(ONE_PLAN_SQL);
    db.exec("INSERT INTO user_saved_views (name, state_json, created_at, updated_at) VALUES ('v', '{}', 't', 't')");
    const before = dumpTables(db);
    const schemaBefore = schemaObjects(db);
    expect(migrate(db, MIGRATIONS, VERSION)).toBe(VERSION);
    expect(readSchemaVersion(db)).toBe(VERSION);
    expect(schemaObjects(db)).toEqual(
      [
        ...schemaBefore.filter((o) => o !== 'table:search_texts' && o !== 'index:search_docs_by_scope'),
        'trigger:plans_unindex',
        'index:search_initiative_units',
        'index:user_recent_searches_by_at',
        'table:user_recent_searches',
        'table:user_saved_searches',
      ].sort(),
    );
    const after = dumpTables(db);
    for (const [table, rows] of Object.entries(before)) {
      if (!/^(search_|derived_state)/.test(table)) expect(after[table], table).toEqual(rows);
    }
    expect(after.search_docs).toEqual([]);
    expect(columnsOf(db, 'search_docs')).toEqual(['id', 'key', 'field', 'len']);
    expect(db.prepare("SELECT value FROM derived_state WHERE name = 'search.format'").pluck().get()).toBe('none');
    expect(columnsOf(db, 'user_saved_searches')).toEqual(['id', 'name', 'query_json', 'created_at', 'updated_at', 'revision']);
    expect(columnsOf(db, 'user_recent_searches')).toEqual(['text', 'at']);
  });

  it('refuses a saved query that is not JSON, a revision below 1 and a name used twice', () => {
    const db = atVersion(VERSION);
    const save = (name: string, json: string, revision: number) =>
      db
        .prepare('INSERT INTO user_saved_searches (name, query_json, created_at, updated_at, revision) VALUES (?, ?, ?, ?, ?)')
        .run(name, json, 't', 't', revision);
    expect(() => save('a', '{not json', 1)).toThrow(/CHECK/);
    expect(() => save('a', '{}', 0)).toThrow(/CHECK/);
    expect(save('a', '{"text":"x","filters":{}}', 1).changes).toBe(1);
    expect(() => save('a', '{}', 1)).toThrow(/UNIQUE/);
  });
});
