// Migration 2 adds the first user-data table, user_settings, beside the plan content.
import { describe, expect, it } from 'vitest';
import { dumpTables } from '../helpers/db-dump';
import { columnsOf, migrateOneUp, useDatabaseAtVersion } from '../helpers/migration-db';

const atVersion = useDatabaseAtVersion();

describe('migration 0002 user-settings', () => {
  it('adds user_settings, keeps the plan content rows and sets user_version 2', () => {
    const db = atVersion(1);
    db.exec(`
      INSERT INTO plans (id, title, lead, language, source_sha256, imported_at)
        VALUES ('p-1', 'Title', 'Lead', 'zh', 'abc', '2024-05-11T00:00:00.000Z');
      INSERT INTO themes (id, plan_id, ordinal, headline) VALUES ('p-1/T1', 'p-1', 1, 'Theme');
      INSERT INTO initiatives (id, plan_id, theme_id, ordinal, numeral, headline, body)
        VALUES ('p-1/T1/I1', 'p-1', 'p-1/T1', 1, '第一', 'Headline', 'Body');
    `);
    const { added, before: contentBefore } = migrateOneUp(db, 2);
    expect(added).toEqual(['table:user_settings']);
    expect(columnsOf(db, 'user_settings')).toEqual(['key', 'value', 'updated_at']);
    const { user_settings: settings, ...content } = dumpTables(db);
    expect(settings).toEqual([]);
    expect(content).toEqual(contentBefore);
  });

  it('keys settings by name: a second row with the same key is refused', () => {
    const db = atVersion(2);
    const insert = db.prepare('INSERT INTO user_settings (key, value, updated_at) VALUES (?, ?, ?)');
    insert.run('ui.theme', 'dark', 't1');
    expect(() => insert.run('ui.theme', 'light', 't2')).toThrow(/UNIQUE|PRIMARY KEY/);
  });

  it('has no foreign key into plan content, so replacing a plan cannot cascade into settings', () => {
    const db = atVersion(2);
    expect(db.pragma('foreign_key_list(user_settings)')).toEqual([]);
  });
});
