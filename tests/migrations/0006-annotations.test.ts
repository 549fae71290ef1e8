// Migration 6 rebuilds user_annotations for highlights and notes (plan, item, part, language,
// W3C selectors, colour, trash) and adds their tags, history and colour names. Every row of
// schema 5 is kept: notes as notes, highlights with a readable quote as highlights (anchored
// where the quote occurs once, else orphaned), highlights without one as notes.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/core';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import type { Annotation, AnnotationPage } from '../../shared/api/annotations/methods';
import { describePassage } from '../../shared/domain/anchoring';
import { createTestCore } from '../helpers/core';
import { columnsOf, migrateOneUp, useDatabaseAtVersion } from '../helpers/migration-db';
import { useTempDirs } from '../helpers/temp-dir';
import { value } from '../helpers/result';

const atVersion = useDatabaseAtVersion();
const temp = useTempDirs();
const FIXTURE = new URL('./fixtures/v4-filled.sqlite3', import.meta.url);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;


function insertPlan(db: Database.Database): void {
  db.exec(`
    INSERT INTO plans (id, title, lead, language, source_sha256, imported_at) VALUES ('p-1', 'Title', 'Lead', 'zh', 'abc', 't');
    INSERT INTO themes (id, plan_id, ordinal, headline) VALUES ('p-1/T1', 'p-1', 1, '主题一');
    INSERT INTO initiatives (id, plan_id, theme_id, ordinal, numeral, headline, body) VALUES
      ('p-1/T1/I1', 'p-1', 'p-1/T1', 1, '一', '推进数字改革先行', '坚持问题导向，推进数字改革。数字改革要务实。'),
      ('p-1/T1/I2', 'p-1', 'p-1/T1', 2, '二', '共同富裕', '扎实推动共同富裕，率先探索共同富裕路径。');
  `);
}

type Row = Record<string, unknown>;
const rowsOf = (db: Database.Database) =>
  db.prepare('SELECT * FROM user_annotations ORDER BY created_at').all() as Row[];

describe('migration 0006 annotations', () => {
  it('rebuilds the annotations table, adds tags, history and colour names, and sets user_version 6', () => {
    const db = atVersion(5);
    const { added } = migrateOneUp(db, 6, ['index:user_annotations_by_initiative']);
    expect(added).toEqual(
      [
        'index:user_annotations_by_item',
        'index:user_annotations_by_plan',
        'index:user_annotations_by_modified',
        'index:user_annotations_by_created',
        'index:user_annotations_trash',
        'index:user_annotation_tags_by_tag',
        'table:user_annotation_tags',
        'table:user_annotation_revisions',
        'table:user_annotation_color_names',
      ].sort(),
    );
    expect(columnsOf(db, 'user_annotations')).toEqual([
      'id', 'plan_id', 'item_id', 'kind', 'part', 'language', 'selectors_json', 'color', 'body', 'anchor_status',
      'previous_quote', 'created_at', 'modified_at', 'revision', 'deleted_at',
    ]);
    expect(columnsOf(db, 'user_annotation_revisions')).toEqual([
      'annotation_id', 'revision', 'body', 'color', 'tags_json', 'saved_at', 'reason', 'coalesce_until',
    ]);
    // User data: no foreign key into plan content (deleting a plan must not take the reader's work).
    for (const t of ['user_annotations', 'user_annotation_tags', 'user_annotation_revisions']) {
      expect(db.pragma(`foreign_key_list(${t})`), t).toEqual([]);
    }
  });

  it('keeps a highlight and a note apart: a highlight has its place and colour, a note none of them', () => {
    const db = atVersion(6);
    const selectors = JSON.stringify(describePassage('推进数字改革', 0, 2));
    const insert = (values: string) =>
      db.exec(`INSERT INTO user_annotations (id, plan_id, item_id, kind, part, language, selectors_json, color, anchor_status,
        created_at, modified_at) VALUES ${values}`);
    insert(`('a', 'p-1', 'p-1/T1/I1', 'highlight', 'headline', 'zh', '${selectors}', 'yellow', 'anchored', 't', 't')`);
    insert(`('b', 'p-1', 'p-1/T1/I1', 'note', NULL, NULL, NULL, NULL, NULL, 't', 't')`);
    insert(`('c', 'p-1', NULL, 'note', NULL, NULL, NULL, NULL, NULL, 't', 't')`);
    const bad = [
      `('x', 'p-1', 'p-1/T1/I1', 'highlight', NULL, 'zh', '${selectors}', 'yellow', 'anchored', 't', 't')`,
      `('x', 'p-1', 'p-1/T1/I1', 'highlight', 'body', 'zh', '${selectors}', NULL, 'anchored', 't', 't')`,
      `('x', 'p-1', 'p-1/T1/I1', 'highlight', 'body', 'zh', NULL, 'yellow', 'anchored', 't', 't')`,
      `('x', 'p-1', NULL, 'highlight', 'body', 'zh', '${selectors}', 'yellow', 'anchored', 't', 't')`,
      `('x', 'p-1', 'p-1/T1/I1', 'highlight', 'body', 'fr', '${selectors}', 'yellow', 'anchored', 't', 't')`,
      `('x', 'p-1', 'p-1/T1/I1', 'highlight', 'body', 'zh', '${selectors}', 'red', 'anchored', 't', 't')`,
      `('x', 'p-1', 'p-1/T1/I1', 'highlight', 'body', 'zh', 'not json', 'yellow', 'anchored', 't', 't')`,
      `('x', 'p-1', 'p-1/T1/I1', 'note', 'body', NULL, NULL, NULL, NULL, 't', 't')`,
      `('x', 'p-1', 'p-1/T1/I1', 'note', NULL, NULL, NULL, 'yellow', NULL, 't', 't')`,
      `('x', 'p-1', 'p-1/T1/I1', 'note', NULL, NULL, NULL, NULL, 'anchored', 't', 't')`,
      `('x', 'p-1', 'p-1/T1/I1', 'bookmark', NULL, NULL, NULL, NULL, NULL, 't', 't')`,
    ];
    for (const values of bad) expect(() => insert(values), values).toThrow(/CHECK|malformed/);
    expect(db.prepare('SELECT id FROM user_annotations ORDER BY id').pluck().all()).toEqual(['a', 'b', 'c']);
    expect(() =>
      db.exec("INSERT INTO user_annotation_revisions (annotation_id, revision, body, saved_at, reason) VALUES ('a', 1, '', 't', 'typed')"),
    ).toThrow(/CHECK/);
  });

  it('carries every schema-5 row over: notes, highlights anchored or orphaned by their quote, and unreadable highlights as notes', () => {
    const db = atVersion(5);
    insertPlan(db);
    const old = db.prepare(
      `INSERT INTO user_annotations (id, initiative_id, kind, selector_json, body, created_at, modified_at, revision)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const keptId = '0b9f3a4e-8c2d-4e6f-9a1b-2c3d4e5f6a7b';
    old.run('n1', 'p-1/T1/I1', 'note', null, '一条笔记', '2024-06-01', '2024-06-02', 3);
    // Once in the body: anchored there, with context.
    old.run('h1', 'p-1/T1/I1', 'highlight', '{"type":"TextQuoteSelector","exact":"问题导向"}', null, '2024-06-03', '2024-06-03', 1);
    // Twice in the body: which one was meant cannot be told, so orphaned with its quote.
    old.run('h2', 'p-1/T1/I2', 'highlight', '{"type":"TextQuoteSelector","exact":"共同富裕","prefix":"推动"}', '看这里', '2024-06-04', '2024-06-04', 1);
    // An array of selectors (the W3C form) with its quote in the headline only.
    old.run(keptId, 'p-1/T1/I1', 'highlight', '[{"type":"TextQuoteSelector","exact":"改革先行"}]', null, '2024-06-05', '2024-06-05', 2);
    // No quote to read: kept as a note on its item, body and all.
    old.run('h4', 'p-1/T1/I1', 'highlight', 'not json', '我的批注', '2024-06-06', '2024-06-06', 1);
    old.run('h5', 'p-1/T1/I1', 'highlight', null, null, '2024-06-07', '2024-06-07', 1);
    // On an item that is gone: its plan read from the id.
    old.run('n2', 'gone-plan/T9/I9', 'note', null, '旧笔记', '2024-06-08', '2024-06-08', 1);
    // Quote given but the item is gone: orphaned.
    old.run('h6', 'gone-plan/T9/I9', 'highlight', '{"type":"TextQuoteSelector","exact":"字"}', null, '2024-06-09', '2024-06-09', 1);

    expect(migrate(db, MIGRATIONS, 6)).toBe(6);
    const rows = rowsOf(db);
    expect(rows).toHaveLength(8);
    for (const r of rows) expect(r.id).toMatch(UUID);
    expect(rows.find((r) => r.id === keptId)).toBeDefined();
    // The same old id always maps to the same UUID (a second migration of a copy agrees).
    const again = atVersion(5);
    insertPlan(again);
    again
      .prepare("INSERT INTO user_annotations (id, initiative_id, kind, body, created_at, modified_at) VALUES ('n1', 'p-1/T1/I1', 'note', '', 't', 't')")
      .run();
    migrate(again, MIGRATIONS, 6);
    expect(again.prepare('SELECT id FROM user_annotations').pluck().get()).toBe(rows[0]!.id);

    const strip = ({ id: _id, ...r }: Row) => r;
    const common = { deleted_at: null, previous_quote: null };
    expect(rows.map(strip)).toEqual([
      { ...common, plan_id: 'p-1', item_id: 'p-1/T1/I1', kind: 'note', part: null, language: null, selectors_json: null, color: null,
        body: '一条笔记', anchor_status: null, created_at: '2024-06-01', modified_at: '2024-06-02', revision: 3 },
      { ...common, plan_id: 'p-1', item_id: 'p-1/T1/I1', kind: 'highlight', part: 'body', language: 'zh',
        selectors_json: JSON.stringify(describePassage('坚持问题导向，推进数字改革。数字改革要务实。', 2, 6)), color: 'yellow',
        body: '', anchor_status: 'anchored', created_at: '2024-06-03', modified_at: '2024-06-03', revision: 1 },
      { ...common, plan_id: 'p-1', item_id: 'p-1/T1/I2', kind: 'highlight', part: 'body', language: 'zh',
        selectors_json: JSON.stringify({
          quote: { type: 'TextQuoteSelector', exact: '共同富裕', prefix: '推动', suffix: '' },
          position: { type: 'TextPositionSelector', start: 0, end: 4 },
        }),
        color: 'yellow', body: '看这里', anchor_status: 'orphaned', created_at: '2024-06-04', modified_at: '2024-06-04', revision: 1 },
      { ...common, plan_id: 'p-1', item_id: 'p-1/T1/I1', kind: 'highlight', part: 'headline', language: 'zh',
        selectors_json: JSON.stringify(describePassage('推进数字改革先行', 4, 8)), color: 'yellow',
        body: '', anchor_status: 'anchored', created_at: '2024-06-05', modified_at: '2024-06-05', revision: 2 },
      { ...common, plan_id: 'p-1', item_id: 'p-1/T1/I1', kind: 'note', part: null, language: null, selectors_json: null, color: null,
        body: '我的批注', anchor_status: null, created_at: '2024-06-06', modified_at: '2024-06-06', revision: 1 },
      { ...common, plan_id: 'p-1', item_id: 'p-1/T1/I1', kind: 'note', part: null, language: null, selectors_json: null, color: null,
        body: '', anchor_status: null, created_at: '2024-06-07', modified_at: '2024-06-07', revision: 1 },
      { ...common, plan_id: 'gone-plan', item_id: 'gone-plan/T9/I9', kind: 'note', part: null, language: null, selectors_json: null,
        color: null, body: '旧笔记', anchor_status: null, created_at: '2024-06-08', modified_at: '2024-06-08', revision: 1 },
      { ...common, plan_id: 'gone-plan', item_id: 'gone-plan/T9/I9', kind: 'highlight', part: 'body', language: 'zh',
        selectors_json: JSON.stringify({
          quote: { type: 'TextQuoteSelector', exact: '字', prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: 0, end: 1 },
        }),
        color: 'yellow', body: '', anchor_status: 'orphaned', created_at: '2024-06-09', modified_at: '2024-06-09', revision: 1 },
    ]);
    // Each has its state as stored as the one entry of its history.
    const history = db.prepare('SELECT annotation_id, revision, body, color, tags_json, saved_at, reason FROM user_annotation_revisions').all();
    expect(history).toHaveLength(8);
    expect(history).toContainEqual({
      annotation_id: rows[0]!.id, revision: 3, body: '一条笔记', color: null, tags_json: '[]', saved_at: '2024-06-02', reason: 'edit',
    });
  });

  it('counts an item’s live highlights and notes through the item index', () => {
    const db = atVersion(6);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM user_annotations a WHERE a.item_id = ? AND a.kind = 'note' AND a.deleted_at IS NULL")
      .all('x') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING COVERING INDEX user_annotations_by_item|USING INDEX user_annotations_by_item/);
  });

  it('serves the annotations of a database the app filled at schema 4 through the API, each where it was', async () => {
    const dir = temp.make();
    copyFileSync(FIXTURE, join(dir, DATABASE_FILE));
    const core = createTestCore(dir);
    try {
      const page = value<AnnotationPage>(await core.router.dispatch('annotation.list', { sort: 'created' }));
      expect(page.total).toBe(2);
      const [highlight, note] = page.entries;
      expect(note).toMatchObject({
        kind: 'note', planId: 'hz-2024', itemId: 'hz-2024/T3/I1', body: '一条笔记', target: null, anchor: null, color: null,
        tags: [], revision: 1, deletedAt: null, createdAt: '2024-06-10T08:00:00.000Z', planTitle: expect.any(String),
      });
      expect(highlight).toMatchObject({ kind: 'highlight', planId: 'hz-2024', itemId: 'hz-2024/T5/I3', body: '', color: 'yellow',
        anchor: { status: 'anchored' } });
      // Anchored on the very words of the body.
      const body = core.db.prepare("SELECT body FROM initiatives WHERE id = 'hz-2024/T5/I3'").pluck().get() as string;
      const { start, end } = highlight!.target!.selectors.position;
      expect(Array.from(body).slice(start, end).join('')).toBe('共同富裕');
      // And the migrated note can be edited like any other.
      const edited = value<Annotation>(
        await core.router.dispatch('annotation.update', { id: note!.id, baseRevision: 1, patch: { body: '一条笔记（续）' } }),
      );
      expect(edited).toMatchObject({ body: '一条笔记（续）', revision: 2 });
    } finally {
      core.close();
    }
  });
});
