// Migration 9 adds the reader's packet definitions: one JSON document each with a revision.
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { dumpTables } from '../helpers/db-dump';
import { columnsOf, migrateOneUp, useDatabaseAtVersion } from '../helpers/migration-db';

const atVersion = useDatabaseAtVersion();
const VERSION = MIGRATIONS.find((m) => m.name === 'packets')!.version;

describe('migration 0009 packets', () => {
  it('adds user_packets, keeps every existing row and sets user_version', () => {
    const db = atVersion(VERSION - 1);
    db.exec(`INSERT INTO user_saved_views (name, state_json, created_at, updated_at) VALUES ('v', '{}', 't', 't')`);
    const { added, before } = migrateOneUp(db, VERSION);
    expect(added).toEqual(['table:user_packets']);
    const after = dumpTables(db);
    for (const [table, rows] of Object.entries(before)) expect(after[table], table).toEqual(rows);
    expect(columnsOf(db, 'user_packets')).toEqual(['id', 'definition_json', 'revision', 'created_at', 'updated_at']);
  });

  it('refuses a revision below 1', () => {
    const db = atVersion(VERSION);
    expect(() => db.exec(`INSERT INTO user_packets (definition_json, revision, created_at, updated_at) VALUES ('{}', 0, 't', 't')`)).toThrow(/CHECK/);
  });
});
