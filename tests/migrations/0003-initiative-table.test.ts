// Migration 3 adds the initiative table's user data, plan translations, the derived sort keys
// and search index, and keeps everything already in the database.
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { dumpTables } from '../helpers/db-dump';
import { columnsOf, migrateOneUp, useDatabaseAtVersion } from '../helpers/migration-db';

const atVersion = useDatabaseAtVersion();

function insertPlanContent(db: Database.Database): void {
  db.exec(`
    INSERT INTO plans (id, title, lead, language, source_sha256, imported_at)
      VALUES ('p-1', 'Title', 'Lead', 'zh', 'abc', '2024-05-11T00:00:00.000Z');
    INSERT INTO themes (id, plan_id, ordinal, headline) VALUES ('p-1/T1', 'p-1', 1, '主题一'), ('p-1/T2', 'p-1', 2, '主题二');
    INSERT INTO initiatives (id, plan_id, theme_id, ordinal, numeral, headline, body) VALUES
      ('p-1/T1/I1', 'p-1', 'p-1/T1', 1, '第一', '甲', 'Body'),
      ('p-1/T2/I1', 'p-1', 'p-1/T2', 1, '第一', '乙', 'Body'),
      ('p-1/T2/I2', 'p-1', 'p-1/T2', 2, '第二', '丙', 'Body');
  `);
}

const NEW_OBJECTS = [
  'index:initiative_sort_keys_by_headline_pinyin',
  'index:initiative_sort_keys_by_headline_stroke',
  'index:initiative_sort_keys_by_order',
  'index:initiative_sort_keys_by_plan',
  'index:initiative_sort_keys_by_theme',
  'index:initiative_sort_keys_by_theme_pinyin',
  'index:initiative_sort_keys_by_theme_stroke',
  'index:search_docs_by_scope',
  'index:user_annotations_by_initiative',
  'index:user_initiative_state_by_deadline',
  'index:user_initiative_state_by_priority',
  'index:user_initiative_state_by_status',
  'index:user_initiative_state_by_touched',
  'index:user_initiative_tags_by_tag',
  'table:derived_state',
  'table:initiative_sort_keys',
  'table:plan_translations',
  'table:search_docs',
  'table:search_fts',
  'table:search_fts_config',
  'table:search_fts_data',
  'table:search_fts_docsize',
  'table:search_fts_idx',
  'table:search_texts',
  'table:text_sort_keys',
  'table:user_annotations',
  'table:user_initiative_state',
  'table:user_initiative_tags',
  'table:user_saved_views',
  'trigger:search_docs_unindex',
];

describe('migration 0003 initiative-table', () => {
  it('adds its tables, indexes and trigger, keeps every existing row and sets user_version 3', () => {
    const db = atVersion(2);
    insertPlanContent(db);
    db.exec("INSERT INTO user_settings (key, value, updated_at) VALUES ('ui.theme', 'dark', 't')");
    const { added, before } = migrateOneUp(db, 3);
    expect(added).toEqual([...NEW_OBJECTS].sort());
    const after = dumpTables(db);
    for (const [table, rows] of Object.entries(before)) expect(after[table], table).toEqual(rows);
  });

  it('gives existing initiatives their sort-key rows, with ranks left for the app to compute', () => {
    const db = atVersion(2);
    insertPlanContent(db);
    migrate(db, MIGRATIONS, 3);
    expect(
      db.prepare('SELECT * FROM initiative_sort_keys ORDER BY theme_ordinal, ordinal').all(),
    ).toEqual([
      ['p-1/T1/I1', 'p-1/T1', 1, 1],
      ['p-1/T2/I1', 'p-1/T2', 2, 1],
      ['p-1/T2/I2', 'p-1/T2', 2, 2],
    ].map(([initiative_id, theme_id, theme_ordinal, ordinal]) => ({
      initiative_id,
      plan_id: 'p-1',
      theme_id,
      theme_ordinal,
      ordinal,
      theme_pinyin: null,
      theme_stroke: null,
      headline_pinyin: null,
      headline_stroke: null,
    })));
    expect(db.prepare('SELECT name, value FROM derived_state').all()).toEqual([{ name: 'search.format', value: 'bigram-1' }]);
  });

  it('has the columns the services use', () => {
    const db = atVersion(3);
    expect(columnsOf(db, 'plan_translations')).toEqual(['plan_id', 'language', 'json']);
    expect(columnsOf(db, 'user_initiative_state')).toEqual([
      'initiative_id', 'status', 'priority', 'lead_unit', 'responsible_units', 'deadline', 'progress_note', 'touched_at',
    ]);
    expect(columnsOf(db, 'user_initiative_tags')).toEqual(['initiative_id', 'tag']);
    expect(columnsOf(db, 'user_annotations')).toEqual([
      'id', 'initiative_id', 'kind', 'selector_json', 'body', 'created_at', 'modified_at', 'anchor_status',
    ]);
    expect(columnsOf(db, 'user_saved_views')).toEqual(['id', 'name', 'state_json', 'created_at', 'updated_at']);
    expect(columnsOf(db, 'search_docs')).toEqual(['id', 'scope', 'key', 'field']);
    expect(columnsOf(db, 'search_texts')).toEqual(['id', 'text']);
  });

  it('has no foreign key from a user_* table into plan content', () => {
    const db = atVersion(3);
    for (const table of ['user_initiative_state', 'user_initiative_tags', 'user_annotations', 'user_saved_views']) {
      expect(db.pragma(`foreign_key_list(${table})`), table).toEqual([]);
    }
  });

  it('drops a plan’s translations, sort keys and search documents (with their texts and index entries) with the plan', () => {
    const db = atVersion(3);
    insertPlanContent(db);
    db.exec(`
      INSERT INTO plan_translations (plan_id, language, json) VALUES ('p-1', 'en', '{}');
      INSERT INTO initiative_sort_keys (initiative_id, plan_id, theme_id, theme_ordinal, ordinal)
        VALUES ('p-1/T1/I1', 'p-1', 'p-1/T1', 1, 1);
      INSERT INTO search_docs (id, scope, key, field) VALUES (7, 'p-1', 'p-1/T1/I1', 'headline');
      INSERT INTO search_texts (id, text) VALUES (7, '甲');
      INSERT INTO search_fts (rowid, bi, uni) VALUES (7, '', '04yc');
      INSERT INTO user_initiative_state (initiative_id, status, touched_at) VALUES ('p-1/T1/I1', 'done', 't');
    `);
    const match = db.prepare(`SELECT rowid FROM search_fts WHERE search_fts MATCH 'uni : "04yc"'`);
    expect(match.all()).toEqual([{ rowid: 7 }]);
    for (const table of ['plan_translations', 'initiative_sort_keys', 'search_docs', 'search_texts']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 1 });
    }

    db.prepare("DELETE FROM plans WHERE id = 'p-1'").run();

    for (const table of ['plan_translations', 'initiative_sort_keys', 'search_docs', 'search_texts']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    expect(match.all()).toEqual([]);
    expect(db.prepare('SELECT initiative_id, status FROM user_initiative_state').all()).toEqual([
      { initiative_id: 'p-1/T1/I1', status: 'done' },
    ]);
  });

  it('refuses a wrong priority or annotation kind, a second tag of the same name and a second view name', () => {
    const db = atVersion(3);
    expect(() =>
      db.prepare("INSERT INTO user_initiative_state (initiative_id, priority, touched_at) VALUES ('x', 'urgent', 't')").run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO user_annotations (id, initiative_id, kind, created_at, modified_at) VALUES ('a', 'x', 'bookmark', 't', 't')",
        )
        .run(),
    ).toThrow(/CHECK/);
    const tag = db.prepare("INSERT INTO user_initiative_tags (initiative_id, tag) VALUES ('x', '数字')");
    tag.run();
    expect(() => tag.run()).toThrow(/UNIQUE|PRIMARY KEY/);
    const view = db.prepare(
      "INSERT INTO user_saved_views (name, state_json, created_at, updated_at) VALUES ('Mine', '{}', 't', 't')",
    );
    view.run();
    expect(() => view.run()).toThrow(/UNIQUE/);
  });
});
