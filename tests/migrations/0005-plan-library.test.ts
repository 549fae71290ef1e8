// Migration 5 adds the plan library: each plan's document tree (sections, blocks), the files it
// was imported from, its import metadata, and the reader's record of each plan. It keeps every
// row already in the database; the tree goes with its plan, the reader's record does not.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../electron/core/core';
import { readPlanTree } from '../../electron/core/plan/store-imported';
import { searchKeys } from '../../electron/core/search/match';
import { createTestCore } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';
import { latestVersion, readSchemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { dumpTables } from '../helpers/db-dump';
import { columnsOf, migrateOneUp, useDatabaseAtVersion } from '../helpers/migration-db';

const atVersion = useDatabaseAtVersion();
const temp = useTempDirs();
const FIXTURE = new URL('./fixtures/v4-filled.sqlite3', import.meta.url);
const PLAN_TEXT = {
  themes: 'SELECT id, plan_id, ordinal, headline FROM themes',
  initiatives: 'SELECT id, plan_id, theme_id, ordinal, numeral, headline, body FROM initiatives',
  lists: 'SELECT id, plan_id, initiative_id, ordinal, label, stated_count FROM plan_lists',
  listItems: 'SELECT id, list_id, ordinal, text FROM list_items',
  plan: `SELECT id, title, column_name, published_at, source, author, editor, graphics, tags_json, theme_line, lead,
    author_note, language, source_sha256, imported_at FROM plans`,
  translations: 'SELECT plan_id, language, json FROM plan_translations',
};

// The annotation tables were rebuilt by migration 0006 (its own test checks the fixture's rows there).
// Tables later migrations add (annotations in 0006, searches in 0008, packets in 0009).
const withoutLater = (tables: Record<string, unknown[]>) =>
  Object.fromEntries(Object.entries(tables).filter(([t]) => !t.startsWith('user_annotation') && !/^user_(recent|saved)_searches$/.test(t) && t !== 'user_packets'));

function readAll(db: Database.Database): Record<string, unknown[]> {
  return Object.fromEntries(Object.entries(PLAN_TEXT).map(([name, sql]) => [name, db.prepare(`${sql} ORDER BY 1`).all()]));
}

function insertPlan(db: Database.Database, id = 'p-1'): void {
  db.exec(`
    INSERT INTO plans (id, title, lead, language, source_sha256, imported_at)
      VALUES ('${id}', 'Title', 'Lead', 'zh', 'abc', '2024-05-11T00:00:00.000Z');
    INSERT INTO themes (id, plan_id, ordinal, headline) VALUES ('${id}/T1', '${id}', 1, '主题一');
    INSERT INTO initiatives (id, plan_id, theme_id, ordinal, numeral, headline, body) VALUES
      ('${id}/T1/I1', '${id}', '${id}/T1', 1, '第一', '甲', 'Body');
    INSERT INTO user_initiative_state (initiative_id, status, touched_at) VALUES ('${id}/T1/I1', 'done', 't');
  `);
}

describe('migration 0005 plan-library', () => {
  it('adds its tables and indexes, keeps every existing row and sets user_version 5', () => {
    const db = atVersion(4);
    insertPlan(db);
    const { added, before } = migrateOneUp(db, 5);
    expect(added).toEqual(
      [
        'index:plan_blocks_by_plan',
        'index:plan_blocks_by_section',
        'index:plan_files_by_plan',
        'index:plan_sections_by_parent',
        'index:user_plan_state_trashed',
        'table:plan_blocks',
        'table:plan_files',
        'table:plan_sections',
        'table:user_plan_state',
      ].sort(),
    );
    const after = dumpTables(db);
    for (const [table, rows] of Object.entries(before)) {
      // Existing plans get the new metadata columns, empty.
      const expected =
        table === 'plans'
          ? rows.map((r) =>
              JSON.stringify({
                ...JSON.parse(r as string),
                issuer: null, doc_number: null, doc_date: null, date_text: null, notice_title: null, addressees: null,
                publication_note: null, attachments_json: '[]', format: null, encoding: null, file_name: null,
                theme_level: null, item_level: null, warnings_json: '[]',
              }),
            )
          : rows;
      expect(after[table], table).toEqual(expected);
    }
  });

  it('has the columns the library uses', () => {
    const db = atVersion(5);
    expect(columnsOf(db, 'plan_sections')).toEqual([
      'id', 'plan_id', 'parent_id', 'position', 'kind', 'numbering', 'ordinal', 'heading', 'task_json',
    ]);
    expect(columnsOf(db, 'plan_blocks')).toEqual([
      'id', 'plan_id', 'section_id', 'area', 'position', 'type', 'marker', 'ordinal', 'header', 'text', 'cells_json',
    ]);
    expect(columnsOf(db, 'plan_files')).toEqual(['sha256', 'plan_id', 'file_name', 'imported_at']);
    expect(columnsOf(db, 'user_plan_state')).toEqual(['plan_id', 'title', 'tags_json', 'trashed_at', 'revision', 'touched_at']);
  });

  it('drops a plan’s tree and files with the plan, but never the reader’s record of it', () => {
    const db = atVersion(5);
    insertPlan(db);
    insertPlan(db, 'p-2');
    db.exec(`
      INSERT INTO plan_sections (id, plan_id, parent_id, position, kind, numbering, ordinal, heading)
        VALUES ('p-1/sa', 'p-1', NULL, 0, 'cn-comma', '一、', 1, '总体要求'),
               ('p-1/sb', 'p-1', 'p-1/sa', 1, 'cn-paren', '（一）', 1, '目标');
      INSERT INTO plan_blocks (id, plan_id, section_id, area, position, type, text)
        VALUES ('p-1/b1', 'p-1', NULL, 'preamble', 0, 'paragraph', '前言'),
               ('p-1/b2', 'p-1', 'p-1/sb', 'section', 0, 'paragraph', '正文');
      INSERT INTO plan_blocks (id, plan_id, section_id, area, position, type, header, cells_json)
        VALUES ('p-1/b3', 'p-1', 'p-1/sb', 'section', 1, 'table-row', 1, '["序号","任务"]');
      INSERT INTO plan_files (sha256, plan_id, file_name, imported_at) VALUES ('ff', 'p-1', 'a.txt', 't');
      INSERT INTO user_plan_state (plan_id, title, touched_at) VALUES ('p-1', '我的', 't');
    `);
    db.prepare("DELETE FROM plans WHERE id = 'p-1'").run();
    for (const table of ['plan_sections', 'plan_blocks', 'plan_files']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    expect(db.prepare('SELECT plan_id, title, revision FROM user_plan_state').all()).toEqual([
      { plan_id: 'p-1', title: '我的', revision: 1 },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM user_initiative_state').get()).toEqual({ n: 2 });
    expect(db.pragma('foreign_key_list(user_plan_state)')).toEqual([]);
  });

  it('refuses a block that is in a section area without a section, or a table row without cells', () => {
    const db = atVersion(5);
    insertPlan(db);
    expect(() =>
      db.exec("INSERT INTO plan_blocks (id, plan_id, area, position, type, text) VALUES ('x', 'p-1', 'section', 0, 'paragraph', 't')"),
    ).toThrow(/CHECK/);
    expect(() =>
      db.exec("INSERT INTO plan_blocks (id, plan_id, area, position, type, text) VALUES ('x', 'p-1', 'preamble', 0, 'table-row', 't')"),
    ).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO user_plan_state (plan_id, touched_at, revision) VALUES ('p-1', 't', 0)")).toThrow(/CHECK/);
  });

  it('opens a database filled at schema 4 with the plan in the new model and every reader value on the same text', () => {
    const dir = temp.make();
    copyFileSync(FIXTURE, join(dir, DATABASE_FILE));
    const old = new Database(join(dir, DATABASE_FILE), { readonly: true });
    let before: ReturnType<typeof readAll>;
    let userBefore: Record<string, unknown[]>;
    try {
      expect(old.pragma('user_version', { simple: true })).toBe(4);
      before = readAll(old);
      userBefore = dumpTables(old, /^user_/);
      // The fixture really holds the reader's work.
      for (const table of ['user_initiative_state', 'user_initiative_tags', 'user_annotations', 'user_saved_views', 'user_settings']) {
        expect(userBefore[table]!.length, table).toBeGreaterThan(0);
      }
    } finally {
      old.close();
    }

    const core = createTestCore(dir);
    try {
      const db = core.db;
      expect(readSchemaVersion(db)).toBe(latestVersion(MIGRATIONS));
      // The plan's text, its ids, its translation and when it was first imported: all as before.
      expect(readAll(db)).toEqual(before);
      // The reader's tables are untouched (user_plan_state is new and empty).
      expect(withoutLater(dumpTables(db, /^user_/))).toEqual(withoutLater({ ...userBefore, user_plan_state: [] }));
      // Every item the reader's records name still exists, with the text they were made on.
      const named = db
        .prepare(
          `SELECT initiative_id AS id FROM user_initiative_state UNION SELECT initiative_id FROM user_initiative_tags
           UNION SELECT item_id FROM user_annotations`,
        )
        .pluck()
        .all() as string[];
      expect(named.length).toBeGreaterThanOrEqual(6);
      const items = before.initiatives as { id: string }[];
      for (const id of named) {
        expect(db.prepare('SELECT headline, body FROM initiatives WHERE id = ?').get(id), id).toEqual(
          (({ headline, body }) => ({ headline, body }))(items.find((i) => i.id === id) as unknown as { headline: string; body: string }),
        );
      }
      // Now in the new model: the tree, under the shipped ids, and the file it came from.
      const tree = readPlanTree(db, 'hz-2024');
      expect(tree.sections.map((s) => s.id)).toEqual(['hz-2024/T1', 'hz-2024/T2', 'hz-2024/T3', 'hz-2024/T4', 'hz-2024/T5']);
      expect(tree.sections[2]!.children.map((s) => s.id)).toEqual(['hz-2024/T3/I1', 'hz-2024/T3/I2', 'hz-2024/T3/I3']);
      expect(db.prepare('SELECT plan_id AS planId, sha256 FROM plan_files').all()).toEqual([
        { planId: 'hz-2024', sha256: (before.plan![0] as { source_sha256: string }).source_sha256 },
      ]);
      expect(db.prepare("SELECT format, theme_level AS theme, item_level AS item FROM plans WHERE id = 'hz-2024'").get()).toEqual({
        format: 'txt', theme: 'headline', item: 'di-comma',
      });
      // The reader's text is still found by search, the plan's too.
      expect(searchKeys(db, '清单待定', ['progressNote'])).toEqual(['hz-2024/T3/I3']);
      expect(searchKeys(db, '营商环境', ['headline'])).toEqual(['hz-2024/T1/I2']);
    } finally {
      core.close();
    }

    // And the next start changes nothing more.
    const again = createTestCore(dir);
    try {
      expect(readAll(again.db)).toEqual(before);
      expect(withoutLater(dumpTables(again.db, /^user_/))).toEqual(withoutLater({ ...userBefore, user_plan_state: [] }));
    } finally {
      again.close();
    }
  });
});
